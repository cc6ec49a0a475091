import { describe, expect, it } from "vitest"
import { STARTERS } from "@/lib/starters"
import { GET } from "./route"

const call = (query = "") => GET(new Request(`http://localhost/api/starters${query ? `?${query}` : ""}`))

describe("GET /api/starters", () => {
  it("lists every starter with defaults and a JSON Schema of its options", async () => {
    const res = await call()
    expect(res.status).toBe(200)
    expect(res.headers.get("cache-control")).toBe("public, max-age=300")
    const body = (await res.json()) as { starters: { id: string; defaults: Record<string, unknown>; options: { type: string; properties: Record<string, unknown>; additionalProperties: boolean } }[] }
    expect(body.starters.map((s) => s.id)).toEqual(STARTERS.map((g) => g.id))
    for (const s of body.starters) {
      expect(s.options.type).toBe("object")
      expect(s.options.additionalProperties).toBe(false)
      expect(Object.keys(s.options.properties).sort()).toEqual(Object.keys(s.defaults).sort())
      expect(s.defaults.k8s).toBeDefined()
    }
  })

  it("answers a repeated parameter with a field error, never cached", async () => {
    const res = await call("x=1&x=2")
    expect(res.status).toBe(400)
    expect(res.headers.get("cache-control")).toBe("no-store")
    expect(await res.json()).toMatchObject({ errors: [{ field: "x", key: "repeated" }] })
  })
})

describe("GET /api/starters verification matrix", () => {
  it("carries each starter's status for every minor 1.30–1.37 and the releases they were checked against", async () => {
    const body = (await (await call()).json()) as {
      verifiedAgainst: Record<string, string>
      starters: { id: string; targets: string[]; verified: { minor: string; status: string }[] }[]
    }
    expect(Object.keys(body.verifiedAgainst)).toEqual(["1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36", "1.37"])
    for (const s of body.starters) {
      expect(s.verified.map((c) => c.minor)).toEqual(Object.keys(body.verifiedAgainst))
      for (const c of s.verified) expect(c.status, `${s.id} ${c.minor}`).toBe(s.targets.includes(c.minor) ? "ok" : "refused")
    }
  })
})
