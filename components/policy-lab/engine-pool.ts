// The engine in the browser: Go WebAssembly instances in web workers. The module (~9.7 MB
// brotli) is fetched and compiled once and shared with every worker; large evaluations are split
// across up to four workers (one per core), each holding the same compiled policy.
import manifest from "@/engine/dist/manifest.json"
import { parseEngineOutput } from "@/lib/policy-lab/engine-core"
import type { Case, CaseResult, CompileRequest, CompileResult, EngineInfo, Minor } from "@/lib/policy-lab/protocol"
import { WARM_UP_CHUNK, type WarmUpStep } from "@/lib/policy-lab/warm-up"

// A static file sent with Content-Encoding: br and a year of caching (next.config.js); the query
// changes with every build of the engine.
export const ENGINE_URL = `/engine/policy-lab-engine.wasm.br?v=${manifest.wasm.sha256.slice(0, 16)}`
export const ENGINE_DOWNLOAD_BYTES = manifest.brotli.bytes

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; counted: boolean }

/** Compiled bundles a worker keeps (switching the minor back and forth compiles nothing). */
const COMPILED_PER_WORKER = 4

/**
 * How long the page must have been quiet (no compile or evaluation of its own) before the warm-up
 * goes on. The page's own evaluations warm the engine as much as the warm-up does; warm-up calls
 * in between them only compete with them, and with V8's optimizing compiler (background threads)
 * for the same cores.
 */
export const WARM_UP_QUIET_MS = 1000

/** Where the time of the last evaluation went (shown to benchmarks as data attributes). */
export type EvaluationStats = {
  workers: number
  /** Wall time of evaluate(): waiting for workers, messaging, the engine. */
  wallMs: number
  /** Time spent inside the engine calls (JSON in, Go, JSON out), summed over workers. */
  engineMs: number
  /** Time Go reports for the cases themselves (decode, match, CEL), summed over workers. */
  casesMs: number
}

class EngineWorker {
  private worker: Worker
  private nextId = 1
  private pending = new Map<number, Pending>()
  engineMs = 0
  handle: number | undefined
  bundleVersion = -1
  /** Compiled bundles by request key, least recently used first. */
  compiled = new Map<string, { handle: number; result: CompileResult }>()
  syncing: { version: number; done: Promise<void> } | undefined
  started = false
  ready: Promise<unknown>

  constructor(module: WebAssembly.Module) {
    this.worker = new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module" })
    this.worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; result?: unknown; json?: string; error?: string; engineMs?: number }>) => {
      const p = this.pending.get(e.data.id)
      if (!p) return
      this.pending.delete(e.data.id)
      if (p.counted) this.engineMs += e.data.engineMs ?? 0
      if (!e.data.ok) p.reject(new Error(e.data.error))
      else if (e.data.json === undefined) p.resolve(e.data.result)
      else {
        try {
          p.resolve(parseEngineOutput(e.data.json))
        } catch (err) {
          p.reject(err as Error)
        }
      }
    }
    this.worker.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new Error(e.message || "engine worker failed"))
      this.pending.clear()
    }
    this.ready = this.send("start", undefined, { module })
    void this.ready.then(() => (this.started = true)).catch(() => undefined)
  }

  /** `counted: false` keeps the call out of engineMs (the warm-up's calls). */
  send<T>(method: string, payload: unknown, extra: Record<string, unknown> = {}, counted = true): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, counted })
      this.worker.postMessage({ id, method, payload, ...extra })
    })
  }

  /** Frees a compiled bundle in this worker, in the background (not counted in engineMs). */
  release(handle: number) {
    void this.send("release", { handle }, {}, false).catch(() => undefined)
  }

  terminate() {
    this.worker.terminate()
  }
}

export type EvaluateOptions = { summary?: boolean; onProgress?: (done: number, total: number) => void; chunkSize?: number }

export class EnginePool {
  private module: Promise<WebAssembly.Module>
  private workers: EngineWorker[] = []
  private bundle: CompileRequest | undefined
  private bundleKey = ""
  private bundleVersion = 0
  private lastCompile: CompileResult | undefined
  readonly maxWorkers: number
  lastStats: EvaluationStats | undefined
  /** The page's compile() and evaluate() calls in progress; the pool's own calls (warm-up, precompiling) wait while there are any. */
  private activeCalls = 0
  private whenIdleWaiters: (() => void)[] = []
  private warmUpRun = 0
  private precompileRun = 0
  private warmedUp = false
  /** When the page's last call ended (performance.now()); the warm-up waits warmUpQuietMs after it. */
  private lastPageCallEnd = -Infinity
  readonly warmUpQuietMs: number

  constructor(maxWorkers?: number, { warmUpQuietMs = WARM_UP_QUIET_MS }: { warmUpQuietMs?: number } = {}) {
    this.warmUpQuietMs = warmUpQuietMs
    const cores = typeof navigator !== "undefined" ? navigator.hardwareConcurrency || 2 : 2
    // One worker per core: while an evaluation runs the page only waits for it (and parses the
    // answers), so a spare core for the page bought nothing; on 2 cores it left one idle.
    this.maxWorkers = maxWorkers ?? Math.max(1, Math.min(4, cores))
    this.module = WebAssembly.compileStreaming(fetch(ENGINE_URL)).catch(async () => {
      // Servers that do not send application/wasm: compile from bytes instead.
      const res = await fetch(ENGINE_URL)
      if (!res.ok) throw new Error(`engine download failed: HTTP ${res.status}`)
      return WebAssembly.compile(await res.arrayBuffer())
    })
  }

  /**
   * Starts the first worker (download, compile, Go start-up), then the others in the background so
   * the first large evaluation does not wait for their start-up.
   */
  async start(): Promise<void> {
    await this.ensureWorkers(1)
    void this.ensureWorkers(this.maxWorkers).catch(() => undefined)
  }

  private async ensureWorkers(n: number): Promise<EngineWorker[]> {
    const module = await this.module
    while (this.workers.length < Math.min(n, this.maxWorkers)) this.workers.push(new EngineWorker(module))
    const ready = this.workers.slice(0, Math.min(n, this.maxWorkers))
    await Promise.all(ready.map((w) => w.ready))
    await Promise.all(ready.map((w) => this.syncBundle(w)))
    return ready
  }

  /** Compiles the current bundle in one worker, once per bundle version. */
  private syncBundle(w: EngineWorker): Promise<void> {
    const version = this.bundleVersion
    if (w.syncing?.version !== version) w.syncing = { version, done: this.compileIn(w, version) }
    return w.syncing.done
  }

  private async compileIn(w: EngineWorker, version: number): Promise<void> {
    // A worker still starting (in the background) rejects calls until Go has registered.
    await w.ready
    const bundle = this.bundle
    const key = this.bundleKey
    if (!bundle || w.bundleVersion === version) return
    let entry = w.compiled.get(key)
    if (!entry) {
      const result = await w.send<CompileResult>("compile", bundle)
      entry = { handle: result.handle, result }
    }
    this.remember(w, key, entry)
    if (this.bundleKey !== key) return
    w.handle = entry.handle
    w.bundleVersion = version
    if (w === this.workers[0]) this.lastCompile = entry.result
  }

  /**
   * Keeps a compiled bundle as the worker's most recently used, releasing the least recently used
   * beyond the cache size (never the one in use) and one compiled twice for the same key.
   */
  private remember(w: EngineWorker, key: string, entry: { handle: number; result: CompileResult }) {
    const replaced = w.compiled.get(key)
    w.compiled.delete(key)
    if (replaced && replaced.handle !== entry.handle && replaced.handle !== w.handle) w.release(replaced.handle)
    for (const [k, old] of w.compiled) {
      if (w.compiled.size < COMPILED_PER_WORKER) break
      if (old.handle === w.handle) continue
      w.compiled.delete(k)
      w.release(old.handle)
    }
    w.compiled.set(key, entry)
  }

  /**
   * Compiles the page's current bundle for other minors while the page is idle (the lab passes
   * the neighbours of the minor shown), so that moving the version select a step finds it
   * compiled. Nothing is evaluated ahead. Stops when the bundle changes or a newer call comes.
   */
  async precompile(minors: Minor[]): Promise<void> {
    const bundle = this.bundle
    if (!bundle) return
    const run = ++this.precompileRun
    const wanted = () => run === this.precompileRun && this.bundle === bundle
    const prepare = async (w: EngineWorker) => {
      for (const minor of minors) {
        const request: CompileRequest = { ...bundle, minor }
        const key = JSON.stringify(request)
        if (w.compiled.has(key)) continue
        const result = await this.idleSend<CompileResult>(w, "compile", request, wanted).catch(() => undefined)
        if (!result) return
        this.remember(w, key, { handle: result.handle, result })
      }
    }
    await Promise.all(this.workers.filter((w) => w.started).map(prepare))
  }

  async info(): Promise<EngineInfo> {
    const [w] = await this.ensureWorkers(1)
    return w!.send<EngineInfo>("info", {})
  }

  /**
   * Compiles the policy bundle in every running worker; errors in the input reject. The same
   * bundle again (only the objects, operation or user changed) is not compiled again.
   */
  compile(req: CompileRequest): Promise<CompileResult> {
    return this.tracked(() => this.compileNow(req))
  }

  private async compileNow(req: CompileRequest): Promise<CompileResult> {
    const key = JSON.stringify(req)
    if (key !== this.bundleKey) {
      this.bundle = req
      this.bundleKey = key
      this.bundleVersion++
    }
    const workers = await this.ensureWorkers(1)
    // The other workers compile in parallel; evaluate() waits for them only when it uses them (one
    // may still be starting).
    for (const w of this.workers) if (!workers.includes(w)) void this.syncBundle(w).catch(() => undefined)
    const [first] = workers
    if (!this.lastCompile || first!.bundleVersion !== this.bundleVersion) await this.syncBundle(first!)
    return this.lastCompile!
  }

  /** Evaluates cases against the compiled bundle, in parallel chunks when there are many. */
  evaluate(cases: Case[], opts: EvaluateOptions = {}): Promise<CaseResult[]> {
    return this.tracked(() => this.evaluateNow(cases, opts))
  }

  private async evaluateNow(cases: Case[], opts: EvaluateOptions): Promise<CaseResult[]> {
    if (!this.bundle) throw new Error("compile a policy first")
    // Small enough that the workers finish close together (the last chunks decide the wall time).
    const chunkSize = opts.chunkSize ?? 50
    const wanted = cases.length > 2 * chunkSize ? this.maxWorkers : 1
    const started = performance.now()
    // The first worker, and the others that have finished starting (they start in the background).
    await this.ensureWorkers(1)
    if (wanted > 1 && this.workers.length < wanted) void this.ensureWorkers(wanted).catch(() => undefined)
    const workers = this.workers.slice(0, wanted).filter((w, i) => i === 0 || w.started)
    await Promise.all(workers.map((w) => this.syncBundle(w)))
    const engineBefore = workers.map((w) => w.engineMs)
    let casesUs = 0
    const results: CaseResult[] = new Array(cases.length)
    const claimed: boolean[] = new Array(Math.ceil(cases.length / chunkSize)).fill(false)
    let done = 0
    // Each worker has two chunks queued, so it starts the next one while the page reads the
    // answer to the last (else it waited for that round trip after every chunk).
    const send = (w: EngineWorker): Promise<void> | undefined => {
      const k = nextChunk(claimed, this.workers.indexOf(w), this.maxWorkers)
      if (k === undefined) return undefined
      claimed[k] = true
      const start = k * chunkSize
      const chunk = cases.slice(start, start + chunkSize)
      // keepDecoded: the lab sends these objects again after every edit (EvaluateRequest).
      return w.send<{ results: CaseResult[] }>("evaluate", { handle: w.handle, cases: chunk, summary: opts.summary, keepDecoded: true }).then((out) => {
        out.results.forEach((r, i) => {
          results[start + i] = r
          casesUs += r.elapsedUs
        })
        done += chunk.length
        opts.onProgress?.(done, cases.length)
      })
    }
    const run = async (w: EngineWorker) => {
      let current = send(w)
      let queued = send(w)
      try {
        while (current) {
          await current
          current = queued
          queued = send(w)
        }
      } finally {
        // After a failed chunk the one queued behind it is not awaited.
        void queued?.catch(() => undefined)
      }
    }
    await Promise.all(workers.map(run))
    this.lastStats = {
      workers: workers.length,
      wallMs: performance.now() - started,
      engineMs: workers.reduce((sum, w, i) => sum + w.engineMs - engineBefore[i]!, 0),
      casesMs: casesUs / 1000,
    }
    return results
  }

  private async tracked<T>(work: () => Promise<T>): Promise<T> {
    this.activeCalls++
    try {
      return await work()
    } finally {
      this.lastPageCallEnd = performance.now()
      if (--this.activeCalls === 0) for (const wake of this.whenIdleWaiters.splice(0)) wake()
    }
  }

  /**
   * Sends one of the pool's own calls (warm-up, precompiling) when the page has none in progress;
   * undefined when it is no longer wanted by then. Not counted in engineMs.
   */
  private async idleSend<T>(w: EngineWorker, method: string, payload: unknown, wanted: () => boolean, quietMs = 0): Promise<T | undefined> {
    for (;;) {
      await this.whenIdle()
      if (!wanted()) return undefined
      const quietFor = this.lastPageCallEnd + quietMs - performance.now()
      if (quietFor > 0) {
        await new Promise((resolve) => setTimeout(resolve, quietFor))
        continue
      }
      // Checked again in the task that sends (the page may have started a call meanwhile).
      if (this.activeCalls === 0) return w.send<T>(method, payload, {}, false)
    }
  }

  private async whenIdle(): Promise<void> {
    for (;;) {
      if (this.activeCalls > 0) await new Promise<void>((wake) => this.whenIdleWaiters.push(wake))
      // The lab's evaluate() follows its compile() in the same task: let it start first.
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (this.activeCalls === 0) return
    }
  }

  /**
   * Runs the warm-up (lib/policy-lab/warm-up.ts) in every worker: one engine call at a time per
   * worker, and only while no compile or evaluation of the page is in progress, so the page's
   * requests wait for at most one warm-up call; after one, only once the page has been quiet for
   * warmUpQuietMs. A later warm-up replaces an unfinished one.
   * Resolves to whether the workers are warm (false when it was stopped or replaced); never rejects.
   */
  async warmUp(steps: WarmUpStep[]): Promise<boolean> {
    if (this.warmedUp) return true // the workers stay warm for the page's next lab (a starter's Try it tab)
    const run = ++this.warmUpRun
    const current = () => run === this.warmUpRun
    const idleCall = <T>(w: EngineWorker, method: string, payload: unknown) => this.idleSend<T>(w, method, payload, current, this.warmUpQuietMs)
    const warm = async (w: EngineWorker) => {
      for (const step of steps) {
        const compiled = await idleCall<CompileResult>(w, "compile", step.request)
        if (!compiled) return
        try {
          for (let round = 0; round < step.rounds; round++) {
            for (let i = 0; i < step.cases.length; i += WARM_UP_CHUNK) {
              // keepDecoded: false, so the lab's cache of decoded objects holds only the page's.
              const done = await idleCall(w, "evaluate", { handle: compiled.handle, cases: step.cases.slice(i, i + WARM_UP_CHUNK), keepDecoded: false })
              if (!done) return
            }
          }
        } finally {
          w.release(compiled.handle)
        }
      }
    }
    try {
      const workers = await this.ensureWorkers(this.maxWorkers)
      await Promise.all(workers.map(warm))
      if (current()) this.warmedUp = true
    } catch {
      // An engine that failed shows its error on the page's own calls.
    }
    return this.warmedUp
  }

  /** Stops an unfinished warm-up after its call in progress (a later warmUp starts it again). */
  stopWarmUp() {
    this.warmUpRun++
  }

  dispose() {
    this.stopWarmUp()
    this.precompileRun++
    for (const w of this.workers) w.terminate()
    this.workers = []
  }
}

let shared: EnginePool | undefined

/**
 * Which chunk a worker evaluates next: its own (chunk k belongs to worker k mod n, so the same
 * objects go to the same worker every time and come from its cache of decoded objects), else,
 * when its own are done, one taken from the end of the others' (so a slower or late worker does
 * not hold the answer back). undefined when every chunk is claimed.
 */
export function nextChunk(claimed: readonly boolean[], worker: number, workers: number): number | undefined {
  for (let k = worker; k < claimed.length; k += workers) if (!claimed[k]) return k
  for (let k = claimed.length - 1; k >= 0; k--) if (!claimed[k]) return k
  return undefined
}

/** One pool per page (the module is large; workers stay warm between edits). */
export function sharedEnginePool(): EnginePool {
  shared ??= new EnginePool()
  return shared
}
