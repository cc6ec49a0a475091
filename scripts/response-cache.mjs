// The server's in-process response cache: a shared HTTP cache (RFC 9111, the part a reverse proxy
// or CDN implements) in front of Next.js, installed by http-guard-preload.mjs.
//
// Why: a prerendered page is a file to Next, yet each request still goes through its router,
// middleware and header logic and is gzipped again (measured: /en 188 KB of HTML served at ~0.2×
// a hello-world page's rate). Behind a CDN that work is done once; `npm start` and the container
// have no CDN, so the server keeps the answer itself: an answer a shared cache may keep is stored
// decoded, compressed once as br and gzip, and later requests are answered from memory.
//
// What is stored: 200 answers to GET requests whose Cache-Control lets a shared cache keep them
// (s-maxage, or public with max-age; never private, no-store, no-cache, Set-Cookie or Vary: *),
// and answers a route marks with the internal X-Server-Cache: max-age=N header (kept from
// clients: routes whose answer is the same for everyone but must not sit in outside caches, like
// the cluster report). Keys are the request target plus the request headers the answer's Vary
// names; Accept-Encoding is negotiated here. Requests with Range or Authorization always go to
// Next. Like Varnish and CDNs, a client's own Cache-Control does not bypass the cache: within a
// build, answers only change where a route says so (it purges, see PURGE_REGISTRY).
//
// Abuse: a key is stored only on its second miss, so unique query strings never cost a
// compression; compression runs one entry at a time, off the event loop; total memory is capped
// (least recently used entries go first).
import { createHash } from "node:crypto"
import { setImmediate } from "node:timers/promises"
import { promisify } from "node:util"
import zlib from "node:zlib"

import Negotiator from "negotiator"

import { PURGE_REGISTRY, SERVER_CACHE_HEADER } from "./response-cache-protocol.mjs"

export { PURGE_REGISTRY, SERVER_CACHE_HEADER }

const DEFAULT_MAX_MEGABYTES = 64
/** Bigger answers are passed through uncached (e.g. the policy lab's engine, 9.7 MB brotli). */
const MAX_ENTRY_BYTES = 8 * 1024 * 1024
const MAX_PENDING_COMPRESSIONS = 32
const MAX_TRACKED_MISSES = 10_000
/** What Next's compression (the `compression` middleware) compresses: its threshold, and the types of mime-db's compressible list that the app serves. */
const COMPRESSION_THRESHOLD = 1024
const COMPRESSIBLE_TYPE = /^\s*(?:text\/|[^;]*\+(?:json|text|xml)\b|application\/(?:json|javascript|x-javascript|ecmascript|xml|wasm)\b|image\/svg\+xml\b)/i
/** Among encodings a client accepts equally: the smallest first. */
const ENCODING_PREFERENCE = ["br", "gzip", "identity"]

/** Headers that describe one transfer, not the stored answer. */
const NOT_STORED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "age", "etag", SERVER_CACHE_HEADER])

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)
const decoders = { gzip: promisify(zlib.gunzip), "x-gzip": promisify(zlib.gunzip), deflate: promisify(zlib.inflate), br: promisify(zlib.brotliDecompress) }

/** RESPONSE_CACHE_MB (megabytes; 0 = off, default 64). */
export function responseCacheOptionsFromEnv(env) {
  const raw = env.RESPONSE_CACHE_MB?.trim()
  if (!raw) return { maxBytes: DEFAULT_MAX_MEGABYTES * 1024 * 1024 }
  if (!/^[0-9]{1,5}$/.test(raw)) throw new Error(`RESPONSE_CACHE_MB must be a number of megabytes (0 = off), got "${raw}"`)
  return { maxBytes: Number(raw) * 1024 * 1024 }
}

/** Cache-Control directives, lower-cased names; a directive without a value maps to true. */
export function parseCacheControl(value) {
  const directives = {}
  for (const part of String(value ?? "").split(",")) {
    const m = /^\s*([a-z-]+)\s*(?:=\s*"?([^",]*)"?)?\s*$/i.exec(part)
    if (m) directives[m[1].toLowerCase()] = m[2] ?? true
  }
  return directives
}

const seconds = (v) => (typeof v === "string" && /^[0-9]{1,10}$/.test(v) ? Number(v) : undefined)

/**
 * How many seconds a shared cache may keep a 200 answer with these (lower-cased) headers, or
 * undefined when it must not.
 */
export function sharedLifetime(headers) {
  if (headers["set-cookie"] !== undefined) return undefined
  if (varyNames(headers).includes("*")) return undefined
  const internal = seconds(parseCacheControl(headers[SERVER_CACHE_HEADER])["max-age"])
  if (internal !== undefined) return internal > 0 ? internal : undefined
  const cc = parseCacheControl(headers["cache-control"])
  if (cc["no-store"] || cc["private"] || cc["no-cache"]) return undefined
  const lifetime = seconds(cc["s-maxage"]) ?? (cc["public"] ? seconds(cc["max-age"]) : undefined)
  return lifetime && lifetime > 0 ? lifetime : undefined
}

/** Request header names the answer varies on, lower-cased, without Accept-Encoding (negotiated here). */
export function varyNames(headers) {
  const vary = headers.vary
  const list = Array.isArray(vary) ? vary.join(",") : String(vary ?? "")
  return [
    ...new Set(
      list
        .split(",")
        .map((s) => s.trim().toLowerCase())
        .filter((s) => s && s !== "accept-encoding"),
    ),
  ].sort()
}

function variantKey(url, names, reqHeaders) {
  return [url, ...names.map((n) => `${n}:${reqHeaders[n] ?? ""}`)].join("\n")
}

const acceptsCached = (req) => (req.method === "GET" || req.method === "HEAD") && !req.headers.range && !req.headers.authorization && typeof req.url === "string"

function etagMatches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === "*") return true
  const weak = (t) => t.trim().replace(/^W\//, "")
  return ifNoneMatch.split(",").some((t) => weak(t) === weak(etag))
}

export class ResponseCache {
  /** @param {{ maxBytes: number, now?: () => number }} options */
  constructor(options) {
    this.maxBytes = options.maxBytes
    this.now = options.now ?? Date.now
    /** url -> { names: the header names its stored answers vary on, count: its stored variants } */
    this.varyByUrl = new Map()
    /** variant key -> entry, least recently used first */
    this.entries = new Map()
    this.bytes = 0
    this.misses = new Map()
    this.storing = new Set()
    this.pending = 0
    this.queue = Promise.resolve()
    /** Counts purge() calls: an answer begun before a purge may hold what the purge dropped. */
    this.purges = 0
  }

  get enabled() {
    return this.maxBytes > 0
  }

  /** The stored answer for a request, or undefined. Expired entries are dropped. */
  lookup(req) {
    if (!this.enabled || !acceptsCached(req)) return undefined
    const byUrl = this.varyByUrl.get(req.url)
    if (!byUrl) return undefined
    const key = variantKey(req.url, byUrl.names, req.headers)
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (this.now() >= entry.expiresAt) {
      this.remove(key)
      return undefined
    }
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  /** Answers from an entry: the best encoding the client accepts, 304 for a matching If-None-Match. */
  serve(req, res, entry) {
    for (const [name, value] of entry.headers) res.setHeader(name, value)
    res.setHeader("Age", String(Math.max(0, Math.floor((this.now() - entry.storedAt) / 1000))))
    res.setHeader("ETag", entry.etag)
    if (etagMatches(req.headers["if-none-match"], entry.etag)) {
      res.statusCode = 304
      res.removeHeader("content-type")
      return res.end()
    }
    const encoding = new Negotiator(req).encodings(Object.keys(entry.bodies), { preferred: ENCODING_PREFERENCE })[0] ?? "identity"
    const body = entry.bodies[encoding] ?? entry.bodies.identity
    if (encoding !== "identity") res.setHeader("Content-Encoding", encoding)
    res.setHeader("Content-Length", String(body.length))
    res.statusCode = 200
    res.end(req.method === "HEAD" ? undefined : body)
  }

  /** Resolves when the answers waiting to be stored are stored. */
  async settled() {
    await setImmediate()
    await this.queue
  }

  /** Drops every entry whose path starts with the prefix; returns how many. */
  purge(pathPrefix) {
    this.purges++
    let n = 0
    for (const [key, entry] of this.entries) {
      if (entry.path.startsWith(pathPrefix)) {
        this.remove(key)
        n++
      }
    }
    return n
  }

  remove(key) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.bytes
    const byUrl = this.varyByUrl.get(entry.url)
    if (byUrl && --byUrl.count === 0) this.varyByUrl.delete(entry.url)
  }

  /**
   * Watches a response on its way out: strips the internal header, and when the answer may be
   * kept, stores it after it has been sent (on its key's second miss).
   */
  observe(req, res) {
    const cacheable = this.enabled && req.method === "GET" && acceptsCached(req)
    const purgesAtStart = this.purges
    const chunks = []
    let size = 0
    let overflow = false
    let serverCache
    // Decided when the headers go out: answers that cannot be kept (no-store APIs, streamed live
    // results, errors) are not buffered at all.
    let storable = cacheable
    const collect = (chunk, encoding) => {
      if (!storable || overflow || chunk === undefined || chunk === null || typeof chunk === "function") return
      const buf = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      size += buf.length
      if (size > MAX_ENTRY_BYTES) {
        overflow = true
        chunks.length = 0
      } else chunks.push(Buffer.from(buf))
    }
    const { writeHead, write, end } = res
    res.writeHead = function writeHeadObserved(status, ...rest) {
      // Headers given here are merged into the response's own, so that they can be read back.
      const headers = rest.find((a) => typeof a === "object" && a !== null)
      if (Array.isArray(headers)) {
        if (Array.isArray(headers[0])) for (const [k, v] of headers) this.setHeader(k, v)
        else for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1])
      } else if (headers) for (const [k, v] of Object.entries(headers)) this.setHeader(k, v)
      serverCache = this.getHeader(SERVER_CACHE_HEADER)
      this.removeHeader(SERVER_CACHE_HEADER)
      if (storable) storable = status === 200 && sharedLifetime({ ...this.getHeaders(), [SERVER_CACHE_HEADER]: serverCache }) !== undefined
      const message = rest.find((a) => typeof a === "string")
      return message === undefined ? writeHead.call(this, status) : writeHead.call(this, status, message)
    }
    if (!cacheable) return
    res.write = function writeObserved(chunk, encoding, cb) {
      collect(chunk, encoding)
      return write.call(this, chunk, encoding, cb)
    }
    res.end = function endObserved(chunk, encoding, cb) {
      collect(chunk, encoding)
      return end.call(this, chunk, encoding, cb)
    }
    res.once("finish", () => {
      if (!storable || overflow || res.statusCode !== 200) return
      const headers = res.getHeaders()
      if (serverCache !== undefined) headers[SERVER_CACHE_HEADER] = serverCache
      const lifetime = sharedLifetime(headers)
      if (lifetime === undefined) return
      this.admit(req, headers, Buffer.concat(chunks), lifetime, purgesAtStart)
    })
  }

  admit(req, headers, raw, lifetime, purgesAtStart) {
    if (this.purges !== purgesAtStart) return
    const names = varyNames(headers)
    const key = variantKey(req.url, names, req.headers)
    if (this.storing.has(key)) return
    const existing = this.entries.get(key)
    if (existing && this.now() < existing.expiresAt) return
    if (existing) this.remove(key)
    if (!this.misses.has(key)) {
      if (this.misses.size >= MAX_TRACKED_MISSES) this.misses.clear()
      this.misses.set(key, true)
      return
    }
    if (this.pending >= MAX_PENDING_COMPRESSIONS) return
    this.misses.delete(key)
    this.storing.add(key)
    this.pending++
    const storedAt = this.now()
    this.queue = this.queue
      .then(() => this.prepare(headers, raw))
      .then((prepared) => {
        if (prepared && this.purges === purgesAtStart) this.insert(key, req.url, names, prepared, storedAt, lifetime)
      })
      .catch(() => {
        // an answer that does not decode is simply not cached
      })
      .finally(() => {
        this.storing.delete(key)
        this.pending--
      })
  }

  /** Decoded body, and br and gzip forms of a compressible one. */
  async prepare(headers, raw) {
    const encoding = String(headers["content-encoding"] ?? "identity").toLowerCase()
    let identity = raw
    if (encoding !== "identity") {
      const decode = decoders[encoding]
      if (!decode) return undefined
      identity = await decode(raw, { maxOutputLength: MAX_ENTRY_BYTES })
    }
    const bodies = { identity }
    // Next compressed it (it judged the type compressible), or would have for a client that asked.
    if (encoding !== "identity" || (identity.length >= COMPRESSION_THRESHOLD && COMPRESSIBLE_TYPE.test(String(headers["content-type"] ?? "")))) {
      bodies.br = await brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } })
      bodies.gzip = await gzip(identity, { level: 9 })
    }
    const stored = Object.entries(headers).filter(([name]) => !NOT_STORED.has(name))
    const etag = `W/"${createHash("sha256").update(identity).digest("base64url").slice(0, 27)}"`
    return { headers: stored, bodies, etag, bytes: Object.values(bodies).reduce((n, b) => n + b.length, 0) }
  }

  insert(key, url, names, prepared, storedAt, lifetime) {
    if (prepared.bytes > this.maxBytes) return
    const previous = this.varyByUrl.get(url)
    if (previous && previous.names.join("\n") !== names.join("\n")) {
      // The answer now varies on other headers: the old variants can no longer be found.
      for (const [k, e] of this.entries) if (e.url === url) this.remove(k)
    }
    const byUrl = this.varyByUrl.get(url) ?? { names, count: 0 }
    byUrl.count++
    this.varyByUrl.set(url, byUrl)
    const path = url.split("?", 1)[0]
    this.entries.set(key, { ...prepared, url, path, storedAt, expiresAt: storedAt + lifetime * 1000 })
    this.bytes += prepared.bytes
    for (const [k] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.remove(k)
    }
  }

  /** Wraps a Node request listener: answers from the cache, or lets the listener answer and watches it. */
  wrap(listener) {
    const lookup = (req) => this.lookup(req)
    const serve = (req, res, entry) => this.serve(req, res, entry)
    const observe = (req, res) => this.observe(req, res)
    return function cachedListener(req, res) {
      const entry = lookup(req)
      if (entry) return serve(req, res, entry)
      observe(req, res)
      return listener.call(this, req, res)
    }
  }
}

/** Makes purge() reachable from route handlers in this process (lib/http/response-cache.ts). */
export function registerPurge(cache) {
  globalThis[Symbol.for(PURGE_REGISTRY)] = { purge: (prefix) => cache.purge(prefix) }
}
