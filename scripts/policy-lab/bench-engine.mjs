/* global performance, WebAssembly, Worker */
// The policy lab's engine calls of `npm run bench:policy-lab` without the app: the same compile
// and evaluate requests (built by lib/policy-lab from the same YAML), sent to the WebAssembly
// engine in a dedicated worker of Debian's Chromium (as the lab does), or in Node with
// BENCH_ENGINE_NODE=1 (for `node --cpu-prof`). For before/after comparisons of engine builds
// without a Next build; the browser bench stays the measure of record.
//
//   node --import tsx scripts/policy-lab/bench-engine.mjs [engine.wasm] [runs]
//
// Without a path it uses the committed module (public/engine/policy-lab-engine.wasm.br). Runs
// alternate between 1.36 and 1.37 (a new compile each time, as the browser bench does); run 0
// (start-up, first compile) is left out of the medians. BENCH_WORKERS=n splits the cases
// over n workers in Chromium (chunks of BENCH_CHUNK, default 100; Node runs one engine);
// BENCH_JSON=1 prints every run as JSON. As the lab's, the requests ask the engine to keep the
// objects it decoded (BENCH_KEEP_DECODED=0: decode every object anew, as before keepDecoded).
// BENCH_PAUSE_MS=n: idle time after each run, as a user pauses between edits. V8 optimizes the
// module's hot functions on background threads, which busy engines on 2 cores starve: back to
// back, runs reach their pace only after ~5 runs; with 3 s pauses, after the first.
import { readFileSync } from "node:fs"
import http from "node:http"
import path from "node:path"
import zlib from "node:zlib"

import { buildBundle, buildCases } from "../../lib/policy-lab/cases.ts"
import { parseObjects, splitPolicyDocuments } from "../../lib/policy-lab/parse.ts"
import { POLICY, podsYaml } from "./bench-input.mjs"

const root = path.resolve(import.meta.dirname, "../..")
const wasmPath = process.argv[2]
const runs = Number(process.argv[3] ?? 7)
const objectsCount = Number(process.env.BENCH_OBJECTS ?? 1000)
const chunkSize = Number(process.env.BENCH_CHUNK ?? 100)
const workers = Number(process.env.BENCH_WORKERS ?? 1)
const summary = process.env.BENCH_SUMMARY === "1"
const keepDecoded = process.env.BENCH_KEEP_DECODED !== "0"

const wasm = wasmPath ? readFileSync(wasmPath) : zlib.brotliDecompressSync(readFileSync(path.join(root, "public/engine/policy-lab-engine.wasm.br")))
const parts = splitPolicyDocuments(parseObjects(POLICY).value.map((d) => d.object)).value
const objects = parseObjects(podsYaml(objectsCount)).value.map((d) => d.object)
const requests = ["1.36", "1.37"].map((minor) => buildBundle({ minor, parts, objects, authorizer: { default: "allow" } }).request)
const cases = buildCases(objects, { operation: "CREATE", crds: requests[0].crds ?? [] }).map((b) => b.case)
// BENCH_WRITE_BUNDLE=file: write the 1.37 compile request (engine/testdata/lab-bench-bundle.json,
// read by the Go benchmarks BenchmarkLab1000 and BenchmarkLabCompile) and stop.
if (process.env.BENCH_WRITE_BUNDLE) {
  const { writeFileSync } = await import("node:fs")
  writeFileSync(process.env.BENCH_WRITE_BUNDLE, JSON.stringify(requests[1], null, 1) + "\n")
  process.exit(0)
}
const input = { pauseMs: Number(process.env.BENCH_PAUSE_MS ?? 0), requests, cases, runs, chunkSize, workers, summary, keepDecoded }

// Runs in the page (browser) or in this process (Node): starts `workers` engines, then per run
// compiles in every engine and evaluates the cases in chunks spread over them.
async function bench({ pauseMs, requests, cases, runs, chunkSize, workers, summary, keepDecoded }, startEngine, threadCpuMs = () => NaN) {
  const t0 = performance.now()
  const engines = await Promise.all(Array.from({ length: workers }, () => startEngine()))
  const startMs = performance.now() - t0
  const rows = []
  for (let run = 0; run < runs; run++) {
    const request = requests[run % 2 === 0 ? 0 : 1]
    let started = performance.now()
    const handles = await Promise.all(engines.map((e) => e.call("compile", JSON.stringify(request)).then((j) => JSON.parse(j).handle)))
    const compileMs = performance.now() - started
    started = performance.now()
    const cpu0 = threadCpuMs()
    let goUs = 0
    let denied = 0
    let next = 0
    await Promise.all(
      engines.map(async (e, w) => {
        while (next < cases.length) {
          const chunk = cases.slice(next, next + chunkSize)
          next += chunkSize
          const out = JSON.parse(await e.call("evaluate", JSON.stringify({ handle: handles[w], cases: chunk, summary, keepDecoded })))
          if (out.error) throw new Error(out.error)
          for (const r of out.results) {
            goUs += r.elapsedUs
            if (r.verdict && !r.verdict.allowed) denied++
          }
        }
      }),
    )
    const evaluateMs = performance.now() - started
    const cpuMs = threadCpuMs() - cpu0
    await Promise.all(engines.map((e, w) => e.call("release", JSON.stringify({ handle: handles[w] }))))
    rows.push({ minor: request.minor, compileMs, evaluateMs, cpuMs, goMs: goUs / 1000, denied })
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs))
  }
  return { startMs, rows, memoryMiB: await engines[0].memoryMiB() }
}

async function inNode() {
  await import("../../engine/dist/wasm_exec.js")
  const start = async () => {
    const go = new globalThis.Go()
    const { instance } = await WebAssembly.instantiate(wasm, go.importObject)
    const ready = new Promise((resolve) => (globalThis.onPolicyLabEngineReady = resolve))
    void go.run(instance)
    await ready
    const g = globalThis.policyLabEngine
    return { call: async (m, p) => g.call(m, p), memoryMiB: async () => instance.exports.mem.buffer.byteLength / 2 ** 20 }
  }
  // CPU time of this thread (the engine runs on it): less sensitive than wall time to other load
  // on a shared machine. Linux only; clock ticks of 10 ms.
  const threadCpuMs = () => {
    const fields = readFileSync("/proc/thread-self/stat", "utf8").replace(/^.*\) /, "").split(" ")
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  }
  return bench(input, start, threadCpuMs)
}

// The browser: a page with one dedicated worker per engine, each running Go's wasm_exec.js and
// the module, answering call(method, json) with the engine's JSON text (as engine.worker.ts does).
const WORKER_SOURCE = `importScripts("/wasm_exec.js")
let g, mem
onmessage = async (e) => {
  const { id, method, payload } = e.data
  if (method === "start") {
    const go = new Go()
    const { instance } = await WebAssembly.instantiateStreaming(fetch("/engine.wasm"), go.importObject)
    mem = instance.exports.mem
    await new Promise((resolve) => { self.onPolicyLabEngineReady = resolve; go.run(instance) })
    g = self.policyLabEngine
    postMessage({ id })
  } else if (method === "memory") postMessage({ id, result: mem.buffer.byteLength / 2 ** 20 })
  else postMessage({ id, result: g.call(method, payload) })
}`

async function inChromium() {
  const onClose = []
  const { chromium } = await import("@playwright/test")
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] })
  try {
    const page = await browser.newPage()
    const files = {
      "/": ["text/html", "<!doctype html><title>engine bench</title>"],
      "/worker.js": ["text/javascript", WORKER_SOURCE],
      "/wasm_exec.js": ["text/javascript", readFileSync(path.join(root, "engine/dist/wasm_exec.js"))],
      "/engine.wasm": ["application/wasm", wasm],
    }
    // A local server (Playwright's request routing cannot carry a 90 MB body).
    const server = http.createServer((req, res) => {
      const f = files[new URL(req.url, "http://x").pathname]
      res.writeHead(f ? 200 : 404, f ? { "content-type": f[0] } : {}).end(f?.[1])
    })
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
    onClose.push(() => server.close())
    await page.goto(`http://127.0.0.1:${server.address().port}/`)
    return await page.evaluate(
      async ({ input, benchSource }) => {
        const startEngine = async () => {
          const worker = new Worker("/worker.js")
          let nextId = 0
          const pending = new Map()
          worker.onmessage = (e) => {
            pending.get(e.data.id)(e.data.result)
            pending.delete(e.data.id)
          }
          const send = (method, payload) => new Promise((resolve) => {
            const id = nextId++
            pending.set(id, resolve)
            worker.postMessage({ id, method, payload })
          })
          await send("start")
          return { call: send, memoryMiB: () => send("memory") }
        }
        const run = new Function(`return (${benchSource})`)()
        return run(input, startEngine)
      },
      { input, benchSource: bench.toString() },
    )
  } finally {
    await browser.close()
    for (const f of onClose) f()
  }
}

const result = process.env.BENCH_ENGINE_NODE === "1" ? await inNode() : await inChromium()
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
result.rows.forEach((r, i) => console.log(`run ${i} (${r.minor}): compile ${r.compileMs.toFixed(0)} ms, evaluate ${r.evaluateMs.toFixed(0)} ms (thread CPU ${r.cpuMs}; Go per case ${r.goMs.toFixed(0)}), ${r.denied} denied`))
const warm = result.rows.slice(1)
if (process.env.BENCH_JSON) console.log(JSON.stringify({ wasm: wasmPath, runs: warm }))
console.log(
  `${path.basename(wasmPath ?? "committed")} (${process.env.BENCH_ENGINE_NODE === "1" ? "Node" : "Chromium"}, ${workers} worker(s)): engines started in ${result.startMs.toFixed(0)} ms; ` +
    `median of runs 1..${runs - 1}: compile ${median(warm.map((r) => r.compileMs)).toFixed(0)} ms, evaluate ${median(warm.map((r) => r.evaluateMs)).toFixed(0)} ms ` +
    `(Go per case ${median(warm.map((r) => r.goMs)).toFixed(0)}), total ${median(warm.map((r) => r.compileMs + r.evaluateMs)).toFixed(0)} ms; wasm memory ${result.memoryMiB.toFixed(0)} MiB`,
)
process.exit(0)
