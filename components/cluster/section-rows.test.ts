import { describe, expect, it } from "vitest"
import en from "@/messages/en/cluster.json"
import { demoReport } from "@/lib/inspector/demo"
import { SECTION_IDS } from "@/lib/inspector/types"
import { formatRule, formatSelector, sectionFacts, sectionRows } from "./section-rows"

describe("sectionRows", () => {
  const report = demoReport()

  it("turns every demo section into rows whose labels exist in the messages", () => {
    for (const id of SECTION_IDS) {
      const rows = sectionRows(report.sections[id])
      expect(rows.length, id).toBeGreaterThan(0)
      for (const r of rows) {
        for (const f of r.fields) expect(Object.keys(en.fields)).toContain(f.label)
        if (typeof r.title !== "string") expect(Object.keys(en.values)).toContain(r.title.t)
      }
      for (const f of sectionFacts(report.sections[id])) expect(Object.keys(en.fields)).toContain(f.label)
    }
  })

  it("keeps risks on webhook rows and marks local APIServices as built-in", () => {
    const risky = sectionRows(report.sections.webhooks).find((r) => r.title === "validate.risky-policy.example.com")!
    expect(risky.risks.length).toBe(4)
    expect(risky.search).toContain("risky-policy")
    const api = sectionRows(report.sections.apiServices)
    expect(api.find((r) => r.title === "v1.apps")?.builtIn).toBe(true)
    expect(api.find((r) => r.title === "v1beta1.metrics.demo.example.com")?.builtIn).toBe(false)
  })

  it("a forbidden section (no data) yields no rows", () => {
    const { data: _drop, ...crds } = report.sections.crds
    expect(sectionRows({ ...crds, status: "forbidden" })).toEqual([])
  })
})

describe("formatting", () => {
  it("formats rules and selectors compactly", () => {
    expect(formatRule({ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["pods"], scope: "Namespaced" })).toBe("CREATE core/v1 pods (Namespaced)")
    expect(formatSelector({ matchExpressions: [{ key: "k", operator: "NotIn", values: ["a", "b"] }], matchLabels: { x: "y" } })).toBe("x=y; k NotIn (a, b)")
    expect(formatSelector({})).toBe("")
  })
})

describe("connection risks", () => {
  it("the server row shows the context's connection risks", () => {
    const server = demoReport().sections.server
    const risk = { id: "context-insecure-tls" as const, severity: "high" as const, params: { setting: "insecure-skip-tls-verify: true" } }
    const rows = sectionRows({ ...server, data: { ...server.data!, risks: [risk] } })
    expect(rows.find((r) => r.key === "version")?.risks).toEqual([risk])
    expect(en.risks["context-insecure-tls"].explain).toContain("{setting}")
  })
})
