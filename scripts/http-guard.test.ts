import { spawn } from "node:child_process"
import http from "node:http"
import net from "node:net"
import path from "node:path"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { checkRequest, clientErrorResponse, guardOptionsFromEnv, guardRequestListener, handleClientError, hstsHeader } from "./http-guard.mjs"

describe("checkRequest", () => {
  it("lets the app's methods and well-formed paths through", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "POST"]) expect(checkRequest(method, "/en/starters/controller?module=example.com%2Fa~b")).toBeUndefined()
    expect(checkRequest("GET", "/api/catalog?x=%zz")).toBeUndefined() // the query is the route's business
  })

  it("answers 405 with Allow for TRACE and other methods the app does not serve", () => {
    for (const method of ["TRACE", "TRACK", "CONNECT", "PUT", "DELETE", "PATCH", "PROPFIND"]) {
      expect(checkRequest(method, "/en"), method).toEqual({ status: 405, message: `Method ${method} is not allowed.`, allow: "GET, HEAD, OPTIONS, POST" })
    }
  })

  it("reports __proto__ in an API query (Next would drop it before the route sees it)", () => {
    const problem = { status: 400, message: 'Unknown parameter "__proto__".', errors: [{ field: "__proto__", key: "unknownOption", message: 'Unknown parameter "__proto__".' }] }
    expect(checkRequest("GET", "/api/starters/controller.zip?__proto__=x")).toEqual(problem)
    expect(checkRequest("GET", "/api/catalog?a=1&%5F%5Fproto%5F%5F=x")).toEqual(problem)
    expect(checkRequest("GET", "/api/starters/controller.zip?constructor=x")).toBeUndefined() // reaches the route, which reports it
    expect(checkRequest("GET", "/en/advisor?__proto__=x")).toBeUndefined()
  })

  it("answers 400 for a malformed %-escape anywhere in the path, and for non-path targets", () => {
    for (const url of ["/%", "/en/%E0%A4%A", "/api/starters/%zz.zip", "/_next/static/%"]) expect(checkRequest("GET", url)?.status, url).toBe(400)
    for (const url of ["http://evil.example/en", "*", ""]) expect(checkRequest("GET", url)?.status, url).toBe(400)
  })
})

describe("hstsHeader", () => {
  it("is off unless HSTS_MAX_AGE is set", () => {
    expect(hstsHeader({})).toBeUndefined()
    expect(hstsHeader({ HSTS_MAX_AGE: "0" })).toBeUndefined()
    expect(hstsHeader({ HSTS_MAX_AGE: "31536000" })).toBe("max-age=31536000")
    expect(hstsHeader({ HSTS_MAX_AGE: "63072000", HSTS_INCLUDE_SUBDOMAINS: "true" })).toBe("max-age=63072000; includeSubDomains")
  })

  it("refuses a value that is not a number of seconds", () => {
    expect(() => hstsHeader({ HSTS_MAX_AGE: "1y" })).toThrow(/HSTS_MAX_AGE/)
  })
})

describe("clientErrorResponse", () => {
  it("is Node's answer plus the security headers", () => {
    const raw = clientErrorResponse("HPE_INVALID_METHOD", guardOptionsFromEnv({}))
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(raw).toContain("X-Content-Type-Options: nosniff\r\n")
    expect(raw).toContain("Content-Security-Policy: default-src 'self';")
    expect(clientErrorResponse("HPE_HEADER_OVERFLOW", guardOptionsFromEnv({}))).toMatch(/^HTTP\/1\.1 431 /)
  })
})

describe("the guard in front of a real Node HTTP server", () => {
  let server: http.Server
  let port = 0
  const options = guardOptionsFromEnv({ HSTS_MAX_AGE: "600" })

  beforeAll(async () => {
    server = http.createServer(
      guardRequestListener((req: http.IncomingMessage, res: http.ServerResponse) => {
        res.setHeader("Content-Type", "text/plain")
        if (req.url === "/api/cached") res.setHeader("Cache-Control", "public, max-age=300")
        if (req.url === "/api/write-head") return void res.writeHead(200, { "Cache-Control": "max-age=60" }).end("app")
        if (req.url === "/api/write-head-raw") return void res.writeHead(200, ["Cache-Control", "max-age=30"]).end("app")
        res.end("app")
      }, options),
    )
    server.on("clientError", (err, socket) => handleClientError(err as NodeJS.ErrnoException, socket, options))
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  /** Sends raw bytes (so methods and paths fetch() would refuse get through) and returns the raw answer. */
  const raw = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.end(request))
      let data = ""
      socket.on("data", (d) => (data += d.toString()))
      socket.on("end", () => resolve(data))
      socket.on("error", reject)
    })
  const head = (answer: string) => answer.split("\r\n\r\n")[0]!.toLowerCase()

  it("passes good requests to the app, with the security headers and HSTS", async () => {
    const answer = await raw("GET /en HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    expect(answer).toMatch(/^HTTP\/1\.1 200 /)
    expect(head(answer)).toContain("x-frame-options: deny")
    expect(head(answer)).toContain("strict-transport-security: max-age=600")
    expect(answer.endsWith("app")).toBe(true)
  })

  it("makes API answers no-store unless the route sets its own Cache-Control", async () => {
    const plain = await raw("GET /api/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    expect(head(plain)).toContain("cache-control: no-store")
    const cached = await raw("GET /api/cached HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    expect(head(cached)).toContain("cache-control: public, max-age=300")
    expect(head(cached)).not.toContain("no-store")
    for (const [path, value] of [["/api/write-head", "max-age=60"], ["/api/write-head-raw", "max-age=30"]]) {
      const answer = head(await raw(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`))
      expect(answer).toContain(`cache-control: ${value}`)
      expect(answer).not.toContain("no-store")
    }
    const page = await raw("GET /en HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    expect(head(page)).not.toContain("cache-control")
  })

  it("answers TRACE with 405, Allow and the security headers", async () => {
    const answer = await raw("TRACE /en HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    expect(answer).toMatch(/^HTTP\/1\.1 405 /)
    expect(head(answer)).toContain("allow: get, head, options, post")
    expect(head(answer)).toContain("content-security-policy: default-src 'self'")
    expect(head(answer)).toContain("cache-control: no-store")
  })

  it("answers a malformed %-escape with 400 and the security headers (JSON under /api)", async () => {
    const page = await raw("GET /en/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    expect(page).toMatch(/^HTTP\/1\.1 400 /)
    expect(head(page)).toContain("x-content-type-options: nosniff")
    const api = await raw("GET /api/starters/%zz.zip HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    expect(api).toMatch(/^HTTP\/1\.1 400 /)
    expect(head(api)).toContain("content-type: application/json")
    expect(JSON.parse(api.split("\r\n\r\n")[1]!)).toEqual({ error: "Bad request: the path contains a malformed %-escape." })
  })

  it("answers what Node's parser rejects (an unknown method) with 400 and the security headers", async () => {
    const answer = await raw("FOO /en HTTP/1.1\r\nHost: x\r\n\r\n")
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(head(answer)).toContain("x-frame-options: deny")
  })
})

describe("http-guard-preload.mjs", () => {
  it("puts the guard in front of a server the process creates later, as `next start` does", async () => {
    // A child process with the preload, like scripts/start.mjs and the container start Next.
    const serverCode = `
      const http = require("node:http")
      const s = http.createServer((req, res) => res.end("app"))
      s.listen(0, "127.0.0.1", () => console.log(s.address().port))
    `
    const child = spawn(process.execPath, ["--import", path.join(import.meta.dirname, "http-guard-preload.mjs"), "-e", serverCode], {
      env: { ...process.env, HSTS_MAX_AGE: "300" },
      stdio: ["ignore", "pipe", "inherit"],
    })
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.once("data", (d: Buffer) => resolve(Number(d.toString().trim())))
        child.once("exit", (code) => reject(new Error(`server exited ${code}`)))
      })
      const ok = await fetch(`http://127.0.0.1:${port}/en`)
      expect(await ok.text()).toBe("app")
      expect(ok.headers.get("strict-transport-security")).toBe("max-age=300")
      expect(ok.headers.get("x-content-type-options")).toBe("nosniff")
      const bad = await fetch(`http://127.0.0.1:${port}/en/%E0%A4%A`)
      expect(bad.status).toBe(400)
      expect(bad.headers.get("content-security-policy")).toContain("default-src 'self'")
      const put = await fetch(`http://127.0.0.1:${port}/en`, { method: "PUT" })
      expect(put.status).toBe(405)
    } finally {
      child.kill()
    }
  })
})
