// GET /api/policy-lab/engine?v=<hash>: the policy lab's WebAssembly engine, served from the
// committed brotli file. Browsers that accept br get it as is (Content-Encoding: br); others get
// it decompressed once and cached in memory. The URL carries the module's hash, so it is cached
// for a year.
import { readFile } from "node:fs/promises"
import path from "node:path"
import zlib from "node:zlib"

import manifest from "@/engine/dist/manifest.json"

export const runtime = "nodejs"
export const dynamic = "force-dynamic"

let brotli: Promise<Buffer> | undefined
let raw: Promise<Buffer> | undefined

function loadBrotli(): Promise<Buffer> {
  brotli ??= readFile(path.join(process.cwd(), "engine", "dist", manifest.brotli.file))
  return brotli
}

export async function GET(request: Request): Promise<Response> {
  const etag = `"${manifest.wasm.sha256.slice(0, 32)}"`
  const headers: Record<string, string> = {
    "Content-Type": "application/wasm",
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
    Vary: "Accept-Encoding",
  }
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers })
  const acceptsBrotli = /\bbr\b/.test(request.headers.get("accept-encoding") ?? "")
  if (acceptsBrotli) {
    const body = await loadBrotli()
    return new Response(new Uint8Array(body), { headers: { ...headers, "Content-Encoding": "br", "Content-Length": String(body.length) } })
  }
  raw ??= loadBrotli().then((b) => zlib.brotliDecompressSync(b))
  const body = await raw
  return new Response(new Uint8Array(body), { headers: { ...headers, "Content-Length": String(body.length) } })
}
