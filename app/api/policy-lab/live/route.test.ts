import path from "node:path"
import { afterEach, describe, expect, it, vi } from "vitest"
import { GET } from "./route"

vi.mock("server-only", () => ({}))

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

describe("GET /api/policy-lab/live", () => {
  it("starts no engine when the server has no cluster to read", async () => {
    process.env.KUBECONFIG = path.join(__dirname, "does-not-exist.kubeconfig")
    delete process.env.INSPECTOR_ENABLED
    const res = await GET(new Request("http://x/api/policy-lab/live"))
    expect(res.status).toBe(200)
    expect(res.headers.get("cache-control")).toBe("no-store")
    expect(await res.json()).toEqual({ engine: "off" })
  })

  it("takes no parameters", async () => {
    const res = await GET(new Request("http://x/api/policy-lab/live?engine=start"))
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ errors: [{ field: "engine", message: "unknown parameter" }] })
  })
})
