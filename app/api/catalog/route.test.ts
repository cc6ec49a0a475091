import { describe, expect, it } from "vitest"
import { MECHANISM_IDS, catalogDocument } from "@/lib/catalog"
import { GET } from "./route"

const call = (query = "") => GET(new Request(`http://localhost/api/catalog${query ? `?${query}` : ""}`))

describe("GET /api/catalog", () => {
  it("returns the catalog document as JSON with cache headers", async () => {
    const res = await call()
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toMatch(/^application\/json/)
    expect(res.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=86400")
    const body = (await res.json()) as ReturnType<typeof catalogDocument>
    expect(body).toEqual(catalogDocument())
    expect(body.schemaVersion).toBe(1)
    expect(body.kubernetes.latest).toBe("1.37")
    expect(body.mechanisms.map((m) => m.id)).toEqual([...MECHANISM_IDS])
    const map = body.mechanisms.find((m) => m.id === "mutating-admission-policy")
    expect(map?.states["1.36"]?.maturity).toBe("ga")
  })

  it("answers a repeated parameter with a field error, never cached", async () => {
    const res = await call("v=1&v=2")
    expect(res.status).toBe(400)
    expect(res.headers.get("cache-control")).toBe("no-store")
    expect(await res.json()).toMatchObject({ errors: [{ field: "v", key: "repeated" }] })
  })
})
