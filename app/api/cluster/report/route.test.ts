import path from "node:path"
import { afterEach, describe, expect, it, vi } from "vitest"
import { GET } from "./route"
import { GET as contexts } from "../contexts/route"
import { guarded } from "../responses"

vi.mock("server-only", () => ({}))

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

function unconfigure() {
  process.env.KUBECONFIG = path.join(__dirname, "does-not-exist.kubeconfig")
  delete process.env.INSPECTOR_ENABLED
}

describe("GET /api/cluster/*", () => {
  it("no cluster configured: 503 with a clear state, never the localhost:8080 fallback", async () => {
    unconfigure()
    const res = await GET(new Request("http://x/api/cluster/report"))
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ state: "unconfigured", error: { code: "unconfigured", message: "no cluster configured: KUBECONFIG names no existing file" } })
    // Listing contexts is not a failure without a cluster: 200, so pages log no console error.
    const listing = await contexts(new Request("http://x/api/cluster/contexts"))
    expect(listing.status).toBe(200)
    expect(await listing.json()).toMatchObject({ state: "unconfigured", contexts: [] })
  })

  it("switched off by INSPECTOR_ENABLED=false, even for demo data", async () => {
    process.env.INSPECTOR_ENABLED = "false"
    for (const url of ["http://x/api/cluster/report", "http://x/api/cluster/report?demo=1"]) {
      const res = await GET(new Request(url))
      expect(res.status).toBe(503)
      expect(((await res.json()) as { state: string }).state).toBe("disabled")
    }
    const listing = await contexts(new Request("http://x/api/cluster/contexts"))
    expect(listing.status).toBe(200)
    expect(((await listing.json()) as { state: string }).state).toBe("disabled")
  })

  it("serves the bundled demo report, labelled as demo", async () => {
    unconfigure()
    const res = await GET(new Request("http://x/api/cluster/report?demo=1"))
    expect(res.status).toBe(200)
    expect(res.headers.get("cache-control")).toBe("no-store")
    // Only the server's own cache may keep it (scripts/response-cache.mjs strips this header).
    expect(res.headers.get("x-server-cache")).toBe("max-age=3600")
    const body = (await res.json()) as { report: { source: string; schemaVersion: number } }
    expect(body.report.source).toBe("demo")
    expect(body.report.schemaVersion).toBe(1)
    expect(res.headers.get("content-type")).toBe("application/json")
  })

  it("bad query parameters: 400 with field errors", async () => {
    unconfigure()
    const res = await GET(new Request("http://x/api/cluster/report?refresh=yes&context=%01x"))
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { field: string }[] }
    expect(body.errors.map((e) => e.field).sort()).toEqual(["context", "refresh"])
  })

  it("repeated and unknown parameters are field errors", async () => {
    unconfigure()
    const cases: [string, string[]][] = [
      ["context=a&context=b", ["context"]],
      ["refresh=1&refresh=1&demo=1", ["refresh"]],
      ["demo=1&foo=x", ["foo"]],
      ["__proto__=x&demo=1", ["__proto__"]],
    ]
    for (const [query, fields] of cases) {
      const res = await GET(new Request(`http://x/api/cluster/report?${query}`))
      expect(res.status, query).toBe(400)
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field), query).toEqual(fields)
    }
    const ctx = await contexts(new Request("http://x/api/cluster/contexts?x=1"))
    expect(ctx.status).toBe(400)
  })

  it("every response is no-store, errors included", async () => {
    unconfigure()
    const urls = ["http://x/api/cluster/report", "http://x/api/cluster/report?demo=1", "http://x/api/cluster/report?context=a&context=a", "http://x/api/cluster/report?refresh=x"]
    for (const url of urls) expect((await GET(new Request(url))).headers.get("cache-control"), url).toBe("no-store")
    expect((await contexts(new Request("http://x/api/cluster/contexts"))).headers.get("cache-control")).toBe("no-store")
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined)
    const crash = await guarded(() => {
      throw new Error("boom /etc/secret")
    })
    expect(crash.status).toBe(500)
    expect(crash.headers.get("cache-control")).toBe("no-store")
    const body = (await crash.json()) as { error: { code: string; message: string; requestId: string } }
    expect(body.error).toMatchObject({ code: "internal", message: "internal error" })
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(body.error.requestId), expect.any(Error))
    logged.mockRestore()
  })
})
