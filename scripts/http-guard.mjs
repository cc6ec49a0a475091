// The HTTP guard in front of Next.js: the requests Next cannot answer properly (a method its
// Request object refuses, like TRACE; a path whose %-escapes do not decode; a request line or
// header Node's parser rejects) get a short 400/405/431 here, with the same security headers as
// every other response, instead of Next's bare 500. It also sets the security headers (and HSTS
// when switched on) on every response before Next sees the request, so even Next's own error
// paths carry them. Pure functions; http-guard-preload.mjs installs them into the server that
// `next start` (or the standalone server.js) creates. next.config.js takes its header list from here.
import { URLSearchParams } from "node:url"

/** Methods the app answers. POST stays open for route handlers and server actions (Next answers 405 where there is none). */
export const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]

/**
 * Only our own origin. 'unsafe-inline' for scripts is needed because Next streams the RSC
 * payload in inline <script> tags and statically rendered pages cannot carry a per-request
 * nonce; 'unsafe-eval' is allowed only in development (React's dev tooling needs it).
 * 'wasm-unsafe-eval' lets the policy lab compile its WebAssembly engine (WebAssembly compilation
 * only, not eval of JavaScript); the engine runs in a web worker of our own origin.
 */
export function contentSecurityPolicy(isDev) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${isDev ? " 'unsafe-eval'" : ""}`,
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws: http://localhost:* http://127.0.0.1:*" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ")
}

/** The headers every response carries (as next.config.js `headers()` entries). */
export function securityHeaders({ isDev = false } = {}) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(isDev) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ]
}

/**
 * Strict-Transport-Security from HSTS_MAX_AGE (seconds; unset or 0 = off). Meant for a site that
 * is served over HTTPS only: browsers ignore the header on plain HTTP, and sending it whenever the
 * switch is on keeps responses identical for every request (nothing to poison in a shared cache).
 */
export function hstsHeader(env) {
  const raw = env.HSTS_MAX_AGE?.trim()
  if (!raw || raw === "0") return undefined
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) throw new Error(`HSTS_MAX_AGE must be a number of seconds, got "${raw}"`)
  return `max-age=${raw}${env.HSTS_INCLUDE_SUBDOMAINS === "true" ? "; includeSubDomains" : ""}`
}

/** Guard options from the environment, read once at server start. */
export function guardOptionsFromEnv(env) {
  const headers = securityHeaders({ isDev: false })
  const hsts = hstsHeader(env)
  if (hsts) headers.push({ key: "Strict-Transport-Security", value: hsts })
  return { headers }
}

/**
 * What is wrong with a request before any routing, or undefined. `url` is the raw request
 * target (req.url): origin-form only, and a path whose escapes decode (Next decodes it).
 */
export function checkRequest(method, url) {
  if (typeof url !== "string" || !url.startsWith("/")) {
    return { status: 400, message: "Bad request: the request target must be a path." }
  }
  const path = url.split("?", 1)[0]
  try {
    decodeURIComponent(path)
  } catch {
    return { status: 400, message: "Bad request: the path contains a malformed %-escape." }
  }
  if (!ALLOWED_METHODS.includes(method)) {
    return { status: 405, message: `Method ${method} is not allowed.`, allow: ALLOWED_METHODS.join(", ") }
  }
  // Next turns the query into a plain object before a route handler sees it, and an assignment to
  // "__proto__" there drops the parameter: the API would silently ignore it. Said here instead,
  // in the API's own field-error shape.
  if (isApiPath(path) && url.includes("?") && new URLSearchParams(url.slice(url.indexOf("?") + 1)).has("__proto__")) {
    const message = 'Unknown parameter "__proto__".'
    return { status: 400, message, errors: [{ field: "__proto__", key: "unknownOption", message }] }
  }
  return undefined
}

const isApiPath = (path) => /^\/api(?:\/|$)/.test(path)

function setHeaders(res, headers) {
  for (const { key, value } of headers) res.setHeader(key, value)
}

/** Writes a guard answer: JSON under /api (like the API's own errors), text elsewhere; never cached. */
export function writeProblem(req, res, problem) {
  const isApi = typeof req.url === "string" && isApiPath(req.url.split("?", 1)[0])
  const body = isApi ? JSON.stringify(problem.errors ? { errors: problem.errors } : { error: problem.message }) : `${problem.message}\n`
  res.statusCode = problem.status
  res.setHeader("Content-Type", isApi ? "application/json" : "text/plain; charset=utf-8")
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("Content-Length", Buffer.byteLength(body))
  if (problem.allow) res.setHeader("Allow", problem.allow)
  res.end(req.method === "HEAD" ? undefined : body)
}

function hasCacheControl(headers) {
  if (Array.isArray(headers)) return headers.some((h, i) => (Array.isArray(h) ? String(h[0]) : i % 2 === 0 ? String(h) : "").toLowerCase() === "cache-control")
  return !!headers && typeof headers === "object" && Object.keys(headers).some((k) => k.toLowerCase() === "cache-control")
}

/**
 * API answers are never cached unless the route says how long (Next's own 404 and 405 answers
 * under /api say nothing): `no-store` is added when the headers go out without a Cache-Control.
 */
function defaultNoStore(res) {
  const writeHead = res.writeHead
  res.writeHead = function writeHeadWithCacheControl(...args) {
    const headers = args.find((a, i) => i > 0 && typeof a === "object")
    if (!this.hasHeader("cache-control") && !hasCacheControl(headers)) this.setHeader("Cache-Control", "no-store")
    return writeHead.apply(this, args)
  }
}

/** Wraps a Node request listener: security headers first, then either the guard's answer or the listener. */
export function guardRequestListener(listener, options) {
  return function guardedListener(req, res) {
    setHeaders(res, options.headers)
    if (typeof req.url === "string" && isApiPath(req.url.split("?", 1)[0])) defaultNoStore(res)
    const problem = checkRequest(req.method, req.url)
    if (problem) return writeProblem(req, res, problem)
    return listener.call(this, req, res)
  }
}

const CLIENT_ERROR_STATUS = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large"],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, "Content Too Large"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout"],
}

/**
 * The raw response for a request Node's parser rejected (unknown method, broken request line or
 * header): what Node would send, plus the security headers.
 */
export function clientErrorResponse(code, options) {
  const [status, reason] = CLIENT_ERROR_STATUS[code] ?? [400, "Bad Request"]
  const body = `${reason}\n`
  const lines = [
    `HTTP/1.1 ${status} ${reason}`,
    ...options.headers.map(({ key, value }) => `${key}: ${value}`),
    "Content-Type: text/plain; charset=utf-8",
    "Cache-Control: no-store",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
  ]
  return `${lines.join("\r\n")}\r\n\r\n${body}`
}

export function handleClientError(err, socket, options) {
  if (err?.code === "ECONNRESET" || !socket.writable) {
    socket.destroy()
    return
  }
  socket.end(clientErrorResponse(err?.code, options))
}
