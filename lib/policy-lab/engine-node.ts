// The engine in Node (live mode on the server, tests, benchmarks): one Go instance per process,
// started on first use from the committed, brotli-compressed module in engine/dist/.
import "@/engine/dist/wasm_exec.js"

import { readFile } from "node:fs/promises"
import path from "node:path"
import { promisify } from "node:util"
import zlib from "node:zlib"

import manifest from "@/engine/dist/manifest.json"
import { directEngine, startGoEngine } from "./engine-core"

export type NodeEngine = ReturnType<typeof directEngine>

let starting: Promise<NodeEngine> | undefined
const brotliDecompress = promisify(zlib.brotliDecompress)

/** The engine's WebAssembly, decompressed on the thread pool (~300 ms for ~90 MB: not on the event loop). */
export async function readEngineModule(): Promise<Buffer> {
  // turbopackIgnore: a path built at run time would make the build trace the whole project into
  // the server output; the one file it reads is listed in next.config.js outputFileTracingIncludes.
  const compressed = await readFile(path.join(/* turbopackIgnore: true */ process.cwd(), manifest.brotli.file))
  return brotliDecompress(compressed)
}

let ready = false

/** The process-wide engine (the module is ~90 MB uncompressed; start it once). */
export function nodeEngine(): Promise<NodeEngine> {
  starting ??= readEngineModule()
    .then((module) => startGoEngine(new Uint8Array(module)))
    .then(directEngine)
    .then((engine) => {
      ready = true
      return engine
    })
  starting.catch(() => {
    starting = undefined
  })
  return starting
}

/**
 * Starts the engine in the background (a second or more on a cold process) so that the first live
 * run does not wait for it; "ready" once it can answer.
 */
export function warmNodeEngine(): "ready" | "starting" {
  if (ready) return "ready"
  nodeEngine().catch(() => undefined) // a failed start is reported by the run that needs it
  return "starting"
}

export const engineManifest = manifest
