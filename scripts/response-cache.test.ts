import http from "node:http"
import type { AddressInfo } from "node:net"
import zlib from "node:zlib"
import { afterEach, describe, expect, it } from "vitest"

import { PURGE_REGISTRY, registerPurge, ResponseCache, responseCacheOptionsFromEnv, SERVER_CACHE_HEADER, sharedLifetime } from "./response-cache.mjs"

type Answer = { status?: number; headers?: Record<string, string | string[]>; body?: string | Buffer; gzip?: boolean; chunked?: boolean }
type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

const servers: http.Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
})

/** A real HTTP server whose listener (standing in for Next) answers with `answer(req)`, behind the cache. */
async function serve(answer: (req: http.IncomingMessage) => Answer, cache = new ResponseCache({ maxBytes: 1 << 20 })) {
  const calls: string[] = []
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    calls.push(`${req.method} ${req.url}`)
    const a = answer(req)
    let body = typeof a.body === "string" ? Buffer.from(a.body) : (a.body ?? Buffer.alloc(0))
    // Next compresses the way the `compression` middleware does: a Content-Encoding header, gzip bytes.
    if (a.gzip) body = zlib.gzipSync(body)
    res.writeHead(a.status ?? 200, { "Content-Type": "text/plain", ...(a.gzip ? { "Content-Encoding": "gzip", Vary: "Accept-Encoding" } : {}), ...a.headers })
    if (a.chunked) {
      res.write(body.subarray(0, 3))
      res.end(body.subarray(3))
    } else res.end(req.method === "HEAD" ? undefined : body)
  }
  const server = http.createServer(cache.wrap(listener))
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  const { port } = server.address() as AddressInfo
  /** The raw answer: no decoding, so the encoding the cache chose is visible. */
  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    new Promise<Raw>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path, method, headers, agent: false }, (res) => {
        const chunks: Buffer[] = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on("error", reject)
      req.end()
    })
  /** A request, then whatever the cache stores from it. */
  const fetchAndSettle = async (path: string, headers: Record<string, string> = {}, method = "GET") => {
    const r = await get(path, headers, method)
    await cache.settled()
    return r
  }
  return { cache, calls, get: fetchAndSettle }
}

const decode = (r: Raw) => {
  const enc = r.headers["content-encoding"]
  return (enc === "br" ? zlib.brotliDecompressSync(r.body) : enc === "gzip" ? zlib.gunzipSync(r.body) : r.body).toString()
}

const PAGE = "<html>" + "prerendered page ".repeat(400) + "</html>"
const publicPage = () => ({ headers: { "Cache-Control": "s-maxage=31536000" }, body: PAGE, gzip: true })

describe("sharedLifetime", () => {
  it("reads s-maxage, public max-age and the internal header; refuses what a shared cache must not keep", () => {
    expect(sharedLifetime({ "cache-control": "s-maxage=31536000" })).toBe(31536000)
    expect(sharedLifetime({ "cache-control": "public, max-age=31536000, immutable" })).toBe(31536000)
    expect(sharedLifetime({ "cache-control": "max-age=60, s-maxage=5" })).toBe(5)
    expect(sharedLifetime({ "cache-control": "no-store", [SERVER_CACHE_HEADER]: "max-age=30" })).toBe(30)
    expect(sharedLifetime({ "cache-control": "max-age=60" })).toBeUndefined() // browser-only
    expect(sharedLifetime({ "cache-control": "private, s-maxage=60" })).toBeUndefined()
    expect(sharedLifetime({ "cache-control": "public, no-cache, max-age=60" })).toBeUndefined()
    expect(sharedLifetime({ "cache-control": "no-store" })).toBeUndefined()
    expect(sharedLifetime({ "cache-control": "s-maxage=0" })).toBeUndefined()
    expect(sharedLifetime({ "cache-control": "s-maxage=60", "set-cookie": ["a=b"] })).toBeUndefined()
    expect(sharedLifetime({ "cache-control": "s-maxage=60", vary: "Accept-Encoding, *" })).toBeUndefined()
    expect(sharedLifetime({})).toBeUndefined()
  })
})

describe("responseCacheOptionsFromEnv", () => {
  it("defaults to 64 MB, 0 switches the cache off, anything else is refused", () => {
    expect(responseCacheOptionsFromEnv({}).maxBytes).toBe(64 * 1024 * 1024)
    expect(responseCacheOptionsFromEnv({ RESPONSE_CACHE_MB: "0" }).maxBytes).toBe(0)
    expect(() => responseCacheOptionsFromEnv({ RESPONSE_CACHE_MB: "lots" })).toThrow(/RESPONSE_CACHE_MB/)
  })
})

describe("ResponseCache in front of a server", () => {
  it("stores a cacheable answer on its second miss and then answers from memory in the encoding the client prefers", async () => {
    const { calls, get } = await serve(publicPage)
    const first = await get("/en", { "accept-encoding": "gzip" })
    await get("/en", { "accept-encoding": "gzip" })
    expect(calls).toHaveLength(2)
    expect(first.headers["content-encoding"]).toBe("gzip")

    const br = await get("/en", { "accept-encoding": "gzip, deflate, br" })
    const gz = await get("/en", { "accept-encoding": "gzip" })
    const plain = await get("/en")
    const refused = await get("/en", { "accept-encoding": "br;q=0, gzip;q=0" })
    expect(calls).toHaveLength(2) // all four from memory
    expect([br, gz, plain, refused].map((r) => r.headers["content-encoding"])).toEqual(["br", "gzip", undefined, undefined])
    for (const r of [br, gz, plain, refused]) {
      expect(decode(r)).toBe(PAGE)
      expect(r.headers["content-length"]).toBe(String(r.body.length))
      expect(r.headers["cache-control"]).toBe("s-maxage=31536000")
      expect(r.headers["content-type"]).toBe("text/plain")
      expect(r.headers.age).toBe("0")
      expect(r.headers.etag).toMatch(/^W\/"[\w-]+"$/)
    }
    expect(br.body.length).toBeLessThan(gz.body.length)
  })

  it("compresses a compressible answer first stored for a client that asked for no encoding", async () => {
    const { calls, get } = await serve((req) => ({ ...publicPage(), gzip: /gzip/.test(req.headers["accept-encoding"] ?? "") }))
    await get("/en")
    await get("/en")
    const br = await get("/en", { "accept-encoding": "gzip, br" })
    expect(calls).toHaveLength(2)
    expect(br.headers["content-encoding"]).toBe("br")
    expect(decode(br)).toBe(PAGE)
    // Small or binary answers stay as they are.
    const small = await serve(() => ({ headers: { "Cache-Control": "s-maxage=60" }, body: "tiny" }))
    const zip = await serve(() => ({ headers: { "Cache-Control": "s-maxage=60", "Content-Type": "application/zip" }, body: Buffer.alloc(4096, 1) }))
    for (const server of [small, zip]) {
      for (let i = 0; i < 3; i++) expect((await server.get("/x", { "accept-encoding": "br" })).headers["content-encoding"]).toBeUndefined()
      expect(server.calls).toHaveLength(2)
    }
  })

  it("answers If-None-Match with 304 and HEAD without a body", async () => {
    const { calls, get } = await serve(publicPage)
    await get("/en")
    await get("/en")
    const { headers } = await get("/en")
    const notModified = await get("/en", { "if-none-match": `"other", ${headers.etag}` })
    expect(notModified.status).toBe(304)
    expect(notModified.body.length).toBe(0)
    const head = await get("/en", {}, "HEAD")
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(head.headers["content-length"]).toBe(String(PAGE.length))
    expect(calls).toHaveLength(2)
  })

  it("stores answers written in several chunks", async () => {
    const { calls, get } = await serve(() => ({ ...publicPage(), chunked: true }))
    for (let i = 0; i < 3; i++) expect(decode(await get("/en", { "accept-encoding": "br" }))).toBe(PAGE)
    expect(calls).toHaveLength(2)
  })

  it("never stores what a shared cache must not keep, nor answers to requests it must not answer", async () => {
    const uncached: [string, Answer][] = [
      ["/private", { headers: { "Cache-Control": "private, max-age=60" }, body: "x" }],
      ["/no-store", { headers: { "Cache-Control": "no-store" }, body: "x" }],
      ["/browser-only", { headers: { "Cache-Control": "max-age=60" }, body: "x" }],
      ["/cookie", { headers: { "Cache-Control": "s-maxage=60", "Set-Cookie": "NEXT_LOCALE=en; Path=/" }, body: "x" }],
      ["/vary-star", { headers: { "Cache-Control": "s-maxage=60", Vary: "*" }, body: "x" }],
      ["/not-found", { status: 404, headers: { "Cache-Control": "s-maxage=60" }, body: "x" }],
      ["/too-big", { headers: { "Cache-Control": "s-maxage=60" }, body: Buffer.alloc(9 * 1024 * 1024) }],
    ]
    const byPath = new Map(uncached)
    const { calls, get } = await serve((req) => byPath.get(req.url!.split("?")[0]!) ?? publicPage())
    for (const [path] of uncached) for (let i = 0; i < 3; i++) await get(path)
    expect(calls).toHaveLength(3 * uncached.length)

    calls.length = 0
    for (const headers of [{ range: "bytes=0-10" }, { authorization: "Bearer x" }] as Record<string, string>[]) for (let i = 0; i < 3; i++) await get("/page", headers)
    for (let i = 0; i < 3; i++) await get("/post", {}, "POST")
    expect(calls).toHaveLength(9)
  })

  it("keys answers on the request headers their Vary names (Accept-Encoding aside)", async () => {
    const { calls, get } = await serve((req) => ({
      headers: { "Cache-Control": "s-maxage=60", Vary: "rsc, Accept-Encoding" },
      body: req.headers.rsc ? "rsc payload" : "html page",
      gzip: true,
    }))
    for (let i = 0; i < 3; i++) {
      expect(decode(await get("/en"))).toBe("html page")
      expect(decode(await get("/en", { rsc: "1" }))).toBe("rsc payload")
    }
    expect(calls).toHaveLength(4)
  })

  it("honours the internal header and never sends it to a client", async () => {
    const { calls, get } = await serve(() => ({ headers: { "Cache-Control": "no-store", [SERVER_CACHE_HEADER]: "max-age=30" }, body: "{}" }))
    const answers = [await get("/api/cluster/report"), await get("/api/cluster/report"), await get("/api/cluster/report"), await get("/api/cluster/report", {}, "HEAD")]
    expect(calls).toHaveLength(2)
    for (const r of answers) {
      expect(r.headers[SERVER_CACHE_HEADER]).toBeUndefined()
      expect(r.headers["cache-control"]).toBe("no-store") // outside caches still keep nothing
    }

    const off = await serve(() => ({ headers: { [SERVER_CACHE_HEADER]: "max-age=30" }, body: "{}" }), new ResponseCache({ maxBytes: 0 }))
    for (let i = 0; i < 3; i++) expect((await off.get("/x")).headers[SERVER_CACHE_HEADER]).toBeUndefined()
    expect(off.calls).toHaveLength(3)
  })

  it("lets an entry expire after its lifetime, with Age counting up meanwhile", async () => {
    let now = 1_000_000
    const cache = new ResponseCache({ maxBytes: 1 << 20, now: () => now })
    const { calls, get } = await serve(() => ({ headers: { "Cache-Control": "public, max-age=10" }, body: "x" }), cache)
    await get("/a")
    await get("/a")
    now += 9_500
    expect((await get("/a")).headers.age).toBe("9")
    expect(calls).toHaveLength(2)
    now += 1_000
    await get("/a")
    expect(calls).toHaveLength(3)
    await get("/a") // stored again on the miss after expiry
    now += 100
    await get("/a")
    expect(calls).toHaveLength(4)
  })

  it("purges by path prefix, also through the registry route handlers use", async () => {
    const { cache, calls, get } = await serve(() => ({ headers: { "Cache-Control": "s-maxage=60" }, body: "x" }))
    for (const path of ["/api/cluster/report?context=a", "/api/cluster/report?demo=1", "/en"]) {
      await get(path)
      await get(path)
    }
    registerPurge(cache)
    const registry = (globalThis as Record<symbol, { purge(prefix: string): number } | undefined>)[Symbol.for(PURGE_REGISTRY)]
    expect(registry?.purge("/api/cluster/report")).toBe(2)
    calls.length = 0
    await get("/en")
    await get("/api/cluster/report?demo=1")
    expect(calls).toEqual(["GET /api/cluster/report?demo=1"])
  })

  it("does not store an answer that was begun before a purge (it may hold what the purge dropped)", async () => {
    let purgeDuringAnswer = false
    const cache = new ResponseCache({ maxBytes: 1 << 20 })
    const { calls, get } = await serve(() => {
      if (purgeDuringAnswer) cache.purge("/api/cluster/report") // a refresh elsewhere, while this answer is made
      return { headers: { "Cache-Control": "s-maxage=60" }, body: "old report" }
    }, cache)
    await get("/api/cluster/report")
    purgeDuringAnswer = true
    await get("/api/cluster/report")
    purgeDuringAnswer = false
    await get("/api/cluster/report")
    expect(calls).toHaveLength(3) // the second answer was not stored; the third is (its key's second miss)
    await get("/api/cluster/report")
    await get("/api/cluster/report")
    expect(calls).toHaveLength(3)
  })

  it("keeps within its memory, dropping the least recently used entries first", async () => {
    const body = "y".repeat(400)
    const { cache, calls, get } = await serve(() => ({ headers: { "Cache-Control": "s-maxage=60" }, body }), new ResponseCache({ maxBytes: 1000 }))
    for (const path of ["/1", "/2"]) {
      await get(path)
      await get(path)
    }
    await get("/1") // now /2 is the least recently used
    await get("/3")
    await get("/3")
    expect(cache.bytes).toBeLessThanOrEqual(1000)
    calls.length = 0
    await get("/1")
    await get("/3")
    await get("/2")
    expect(calls).toEqual(["GET /2"])
  })
})
