// The engine in Node (live mode on the server, tests, benchmarks): one Go instance per process,
// started on first use from the committed, brotli-compressed module in engine/dist/.
import "@/engine/dist/wasm_exec.js"

import { readFileSync } from "node:fs"
import path from "node:path"
import zlib from "node:zlib"

import manifest from "@/engine/dist/manifest.json"
import { directEngine, startGoEngine } from "./engine-core"

export type NodeEngine = ReturnType<typeof directEngine>

let starting: Promise<NodeEngine> | undefined

export function readEngineModule(): Buffer {
  // turbopackIgnore: a path built at run time would make the build trace the whole project into
  // the server output; the one file it reads is listed in next.config.js outputFileTracingIncludes.
  return zlib.brotliDecompressSync(readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), manifest.brotli.file)))
}

/** The process-wide engine (the module is ~90 MB uncompressed; start it once). */
export function nodeEngine(): Promise<NodeEngine> {
  starting ??= startGoEngine(new Uint8Array(readEngineModule())).then(directEngine)
  starting.catch(() => {
    starting = undefined
  })
  return starting
}

export const engineManifest = manifest
