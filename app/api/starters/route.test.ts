import { describe, expect, it } from "vitest"
import { STARTERS } from "@/lib/starters"
import { GET } from "./route"

describe("GET /api/starters", () => {
  it("lists every starter with defaults and a JSON Schema of its options", async () => {
    const res = GET()
    expect(res.status).toBe(200)
    const body = (await res.json()) as { starters: { id: string; defaults: Record<string, unknown>; options: { type: string; properties: Record<string, unknown>; additionalProperties: boolean } }[] }
    expect(body.starters.map((s) => s.id)).toEqual(STARTERS.map((g) => g.id))
    for (const s of body.starters) {
      expect(s.options.type).toBe("object")
      expect(s.options.additionalProperties).toBe(false)
      expect(Object.keys(s.options.properties).sort()).toEqual(Object.keys(s.defaults).sort())
      expect(s.defaults.k8s).toBeDefined()
    }
  })
})
