import { describe, expect, it } from "vitest"

import { parseAdvisorParams, serializeAdvisorParams } from "./index"

const ok = <T,>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.value
}

describe("advisor params: cluster source", () => {
  it("round-trips a context (with characters that need escaping) and the demo source", () => {
    const qs = serializeAdvisorParams([["new-types", "no"]], "1.36", { kind: "context", context: "kubernetes-admin@kind kind" })
    expect(qs).toBe("a=new-types:no&v=1.36&cluster=kubernetes-admin%40kind%20kind")
    expect(ok(parseAdvisorParams(new URLSearchParams(qs))).cluster).toEqual({ kind: "context", context: "kubernetes-admin@kind kind" })
    const demo = serializeAdvisorParams([], "1.37", { kind: "demo" })
    expect(demo).toBe("v=1.37&demo=1")
    expect(ok(parseAdvisorParams(new URLSearchParams(demo)))).toEqual({ answers: [], minor: "1.37", cluster: { kind: "demo" } })
  })

  it("leaves the source out when there is none", () => {
    expect(serializeAdvisorParams([], "1.37")).toBe("v=1.37")
    expect(ok(parseAdvisorParams({ v: "1.37" })).cluster).toBeUndefined()
  })

  it("rejects both sources at once, bad demo values and control characters in a context", () => {
    const both = parseAdvisorParams({ cluster: "a", demo: "1" })
    expect(both.ok ? [] : both.errors.map((e) => e.field)).toEqual(["demo"])
    const bad = parseAdvisorParams({ demo: "yes" })
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(["demo"])
    const ctl = parseAdvisorParams({ cluster: "a\nb" })
    expect(ctl.ok ? [] : ctl.errors.map((e) => e.field)).toEqual(["cluster"])
    const long = parseAdvisorParams({ cluster: "x".repeat(254) })
    expect(long.ok).toBe(false)
  })
})
