// One engine instance per worker: Go's WebAssembly runtime is single-threaded and blocks while it
// evaluates, so it never runs on the page's main thread. The compiled module comes from the page.
import "@/engine/dist/wasm_exec.js"

import { directEngine, startGoEngine } from "@/lib/policy-lab/engine-core"

type Request = { id: number; method: "start"; module: WebAssembly.Module } | { id: number; method: string; payload: unknown }

let engine: ReturnType<typeof directEngine> | undefined

self.onmessage = async (event: MessageEvent<Request>) => {
  const msg = event.data
  try {
    if ("module" in msg) {
      const started = performance.now()
      engine = directEngine(await startGoEngine(msg.module))
      self.postMessage({ id: msg.id, ok: true, result: { startMs: performance.now() - started } })
      return
    }
    if (!engine) throw new Error("engine not started")
    const started = performance.now()
    // Posted as the engine's JSON text: copying one string to the page is much cheaper than
    // parsing here and cloning thousands of result objects (the page parses it once).
    const json = engine.callJSON(msg.method, msg.payload)
    // The time inside the engine (JSON in, Go, JSON out), so the page can tell it from messaging.
    self.postMessage({ id: msg.id, ok: true, json, engineMs: performance.now() - started })
  } catch (err) {
    self.postMessage({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) })
  }
}
