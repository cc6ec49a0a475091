import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import type { Case, CompileRequest } from "@/lib/policy-lab/protocol"

import { EnginePool, nextChunk } from "./engine-pool"

/** The order in which `workers` equally fast workers, taking turns, claim `chunks` chunks. */
function schedule(chunks: number, workers: number, turns: number[]): number[][] {
  const claimed = new Array<boolean>(chunks).fill(false)
  const got: number[][] = Array.from({ length: workers }, () => [])
  for (const w of turns) {
    const k = nextChunk(claimed, w, workers)
    if (k === undefined) continue
    claimed[k] = true
    got[w]!.push(k)
  }
  return got
}

describe("nextChunk", () => {
  it("gives each worker the same chunks on every run while they keep pace", () => {
    const turns = Array.from({ length: 20 }, (_, i) => i % 2)
    expect(schedule(20, 2, turns)).toEqual([
      [0, 2, 4, 6, 8, 10, 12, 14, 16, 18],
      [1, 3, 5, 7, 9, 11, 13, 15, 17, 19],
    ])
  })

  it("lets a worker that is done take the others' chunks from the end, so nothing waits for a slow one", () => {
    // Worker 1 gets one turn for every three of worker 0's.
    const turns = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? 1 : 0))
    const [fast, slow] = schedule(10, 2, turns)
    expect([...fast!, ...slow!].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(fast!.slice(0, 5)).toEqual([0, 2, 4, 6, 8])
    expect(fast!.slice(5)).toEqual([9, 7, 5])
    expect(slow).toEqual([1, 3])
  })

  it("with one worker takes every chunk, and reports when none is left", () => {
    expect(schedule(5, 1, [0, 0, 0, 0, 0, 0])).toEqual([[0, 1, 2, 3, 4]])
    expect(nextChunk([true, true], 0, 2)).toBeUndefined()
    expect(nextChunk([], 1, 2)).toBeUndefined()
  })

  it("uses a worker's own chunks only when there are more workers than it has", () => {
    // Four workers configured, two running: the running ones take the idle ones' chunks too.
    const turns = Array.from({ length: 8 }, (_, i) => i % 2)
    const [a, b] = schedule(8, 4, turns)
    expect([...a!, ...b!].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })
})

// ------------------------------------------------------------------ warm-up scheduling

type Posted = { worker: number; id: number; method: string; payload: { keepDecoded?: boolean; handle?: number; minor?: string; cases?: { id: string }[] }; answeredHandle?: number; at: number }

/**
 * Workers that answer like the engine (warm-up calls after 20 ms, the page's after 1 ms), recording what they were sent. The
 * engine's own behaviour is tested with the real module (lib/policy-lab/*.policy-lab.test.ts).
 */
function fakeWorkers() {
  const posted: Posted[] = []
  const outstanding = new Map<number, number>()
  let count = 0
  let handles = 0
  class FakeWorker {
    onmessage: ((e: { data: unknown }) => void) | null = null
    onerror: ((e: { message: string }) => void) | null = null
    readonly index = count++
    postMessage(msg: { id: number; method: string; payload: Posted["payload"] }) {
      const record: Posted = { worker: this.index, id: msg.id, method: msg.method, payload: msg.payload, at: performance.now() }
      if (msg.method !== "start") posted.push(record)
      outstanding.set(this.index, (outstanding.get(this.index) ?? 0) + 1)
      const answer = () => {
        switch (msg.method) {
          case "start":
            return { result: {} }
          case "compile":
            record.answeredHandle = ++handles
            return { json: JSON.stringify({ handle: record.answeredHandle, kind: "ValidatingAdmissionPolicy", name: "p", minor: "1.37", diagnostics: [], expressions: [], bindings: [] }), engineMs: 3 }
          case "evaluate":
            return { json: JSON.stringify({ results: (msg.payload.cases ?? []).map((c) => ({ id: c.id, elapsedUs: 1000 })) }), engineMs: 7 }
          default:
            return { json: "{}" }
        }
      }
      // One message at a time, in order, as a worker's single Go instance answers them.
      this.queue = this.queue.then(
        () =>
          new Promise<void>((done) =>
            setTimeout(() => {
              outstanding.set(this.index, outstanding.get(this.index)! - 1)
              this.onmessage?.({ data: { id: msg.id, ok: true, ...answer() } })
              done()
            }, isWarmUp(msg) ? 20 : 1),
          ),
      )
    }
    private queue = Promise.resolve()
    terminate() {}
  }
  return { FakeWorker, posted, outstanding }
}

const warmUpStep = (minor: string, cases: number, rounds = 1) => ({
  request: { minor } as CompileRequest,
  cases: Array.from({ length: cases }, (_, i) => ({ id: `w${i}` }) as Case),
  rounds,
})
/** Fake workers (and the module download) for each test of the enclosing describe. */
function useFakeWorkers(): ReturnType<typeof fakeWorkers> {
  const current = {} as ReturnType<typeof fakeWorkers>
  beforeEach(() => {
    Object.assign(current, fakeWorkers())
    vi.stubGlobal("Worker", current.FakeWorker)
    vi.spyOn(WebAssembly, "compileStreaming").mockResolvedValue({} as WebAssembly.Module)
    vi.stubGlobal("fetch", vi.fn(async () => new Response("")))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })
  return current
}

const isWarmUp = (p: Pick<Posted, "method" | "payload">) => p.payload?.keepDecoded === false || (p.method === "compile" && p.payload?.minor === "warm")

describe("EnginePool.warmUp", () => {
  const fakes = useFakeWorkers()

  it("runs every step in every worker, in chunks, and releases what it compiled", async () => {
    const pool = new EnginePool(2)
    await pool.start()
    expect(await pool.warmUp([warmUpStep("warm", 60, 2), warmUpStep("warm", 4)])).toBe(true)
    for (const worker of [0, 1]) {
      const sent = fakes.posted.filter((p) => p.worker === worker)
      expect(sent.map((p) => p.method)).toEqual(["compile", ...Array(6).fill("evaluate"), "release", "compile", "evaluate", "release"])
      expect(sent.filter((p) => p.method === "evaluate").map((p) => p.payload.cases!.length)).toEqual([25, 25, 10, 25, 25, 10, 4])
      expect(sent.every((p) => p.method === "compile" || p.payload.handle !== undefined)).toBe(true)
    }
    // Done once: a later lab on the same page finds the workers warm.
    const before = fakes.posted.length
    await pool.warmUp([warmUpStep("warm", 60)])
    expect(fakes.posted).toHaveLength(before)
  })

  it("stops after the call in progress when asked, and is not marked warm", async () => {
    const pool = new EnginePool(1)
    await pool.start()
    const warm = pool.warmUp([warmUpStep("warm", 2000)])
    await vi.waitFor(() => expect(fakes.posted.filter(isWarmUp).length).toBeGreaterThan(3))
    pool.stopWarmUp()
    const sent = fakes.posted.filter(isWarmUp).length
    expect(await warm).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(fakes.posted.filter(isWarmUp).length).toBe(sent)
    // Started again, it runs to the end.
    expect(await pool.warmUp([warmUpStep("warm", 30)])).toBe(true)
  })

  it("sends nothing while the page compiles or evaluates, so a page's call waits for at most one warm-up call", async () => {
    const pool = new EnginePool(2, { warmUpQuietMs: 0 })
    await pool.start()
    const cases = Array.from({ length: 300 }, (_, i) => ({ id: String(i) }) as Case)
    const warm = pool.warmUp([warmUpStep("warm", 2000)])
    const started = async () => {
      const before = fakes.posted.filter(isWarmUp).length
      await vi.waitFor(() => expect(fakes.posted.filter(isWarmUp).length).toBeGreaterThan(before + 4))
    }
    // Used as the lab does: compile, then evaluate in the same task …
    await started()
    let firstPageCall = fakes.posted.length
    let results = await pool.compile({ minor: "1.37" } as CompileRequest).then(() => pool.evaluate(cases))
    let during = fakes.posted.slice(firstPageCall)
    expect(results.map((r) => r.id)).toEqual(cases.map((c) => c.id))
    expect(during.filter((p) => !isWarmUp(p)).length).toBeGreaterThan(6)
    expect(during.filter(isWarmUp)).toEqual([])
    // … and the same policy again on other objects (no compile), while each worker still has the
    // one warm-up call it was sent: each of those is answered first, and not counted as the page's.
    await started()
    await vi.waitFor(() => expect([...fakes.outstanding.values()]).toEqual([1, 1]))
    firstPageCall = fakes.posted.length
    results = await pool.evaluate(cases)
    during = fakes.posted.slice(firstPageCall)
    expect(results).toHaveLength(300)
    expect(during.filter(isWarmUp)).toEqual([])
    expect(pool.lastStats?.engineMs).toBe(7 * Math.ceil(300 / 50))
    // And it resumes afterwards.
    await started()
    pool.dispose()
    await warm
  })

  it("goes on after the page's call only once the page has been quiet for warmUpQuietMs", async () => {
    const pool = new EnginePool(2, { warmUpQuietMs: 300 })
    await pool.start()
    const warm = pool.warmUp([warmUpStep("warm", 2000)])
    await vi.waitFor(() => expect(fakes.posted.filter(isWarmUp).length).toBeGreaterThan(4))
    await pool.compile({ minor: "1.37" } as CompileRequest)
    await pool.evaluate(Array.from({ length: 300 }, (_, i) => ({ id: String(i) }) as Case))
    const ended = performance.now()
    const sentBefore = fakes.posted.filter(isWarmUp).length
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(fakes.posted.filter(isWarmUp)).toHaveLength(sentBefore)
    await vi.waitFor(() => expect(fakes.posted.filter(isWarmUp).length).toBeGreaterThan(sentBefore))
    const resumedAt = fakes.posted.filter(isWarmUp)[sentBefore]!.at
    expect(resumedAt - ended).toBeGreaterThanOrEqual(295) // timers may fire a few ms early
    pool.dispose()
    await warm
  })
})

describe("EnginePool.precompile", () => {
  const fakes = useFakeWorkers()

  const bundle = (minor: string) => ({ minor, policy: { kind: "ValidatingAdmissionPolicy" }, namespaces: [] }) as unknown as CompileRequest
  const compiles = (minor: string) => fakes.posted.filter((p) => p.method === "compile" && p.payload.minor === minor)

  it("compiles the bundle for the given minors in every worker, so switching to one compiles nothing", async () => {
    const pool = new EnginePool(2)
    await pool.start()
    await pool.compile(bundle("1.37"))
    await vi.waitFor(() => expect(compiles("1.37")).toHaveLength(2))
    await pool.precompile(["1.36", "1.35"])
    expect(compiles("1.36").map((p) => p.worker).sort()).toEqual([0, 1])
    const before = fakes.posted.length
    await pool.compile(bundle("1.36"))
    await pool.evaluate(Array.from({ length: 300 }, (_, i) => ({ id: String(i) }) as Case))
    const after = fakes.posted.slice(before)
    expect(after.filter((p) => p.method === "compile")).toEqual([])
    // The evaluation used the precompiled handles.
    const precompiled = compiles("1.36").map((p) => p.answeredHandle)
    const used = new Set(after.filter((p) => p.method === "evaluate").map((p) => p.payload.handle))
    expect([...used].sort()).toEqual(precompiled.sort())
  })

  it("stops when the page's bundle changes, and keeps the cache within its size without releasing the bundle in use", async () => {
    const pool = new EnginePool(1)
    await pool.start()
    await pool.compile(bundle("1.37"))
    const stale = pool.precompile(["1.36", "1.35", "1.34"])
    await pool.compile({ ...bundle("1.37"), namespaces: [{ metadata: { name: "x" } }] } as CompileRequest)
    await stale
    // At most the one call already sent for the old bundle.
    expect(compiles("1.36").length + compiles("1.35").length + compiles("1.34").length).toBeLessThanOrEqual(1)
    await pool.precompile(["1.36", "1.35", "1.34", "1.33", "1.32"])
    const released = fakes.posted.filter((p) => p.method === "release").map((p) => p.payload.handle)
    // 4 bundles kept per worker: the one in use and the 3 most recent; the rest were released.
    expect(released.length).toBeGreaterThanOrEqual(3)
    const inUse = (await pool.compile({ ...bundle("1.37"), namespaces: [{ metadata: { name: "x" } }] } as CompileRequest)).handle
    expect(released).not.toContain(inUse)
  })
})
