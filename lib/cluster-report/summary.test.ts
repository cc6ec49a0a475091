import { describe, expect, it } from "vitest"
import { clusterFactsSchema } from "@/lib/advisor/evaluate"
import { demoReport } from "@/lib/inspector/demo"
import { pointSummary, toClusterFacts } from "./summary"

// The demo report is a real recording from the seeded test cluster (npm run demo:record).
describe("pointSummary", () => {
  it("counts extensions per point without built-ins, and their risks", () => {
    const s = pointSummary(demoReport())
    // 2 webhooks + VAP + MAP; the risky webhook carries 4 flags
    expect(s["2"]).toEqual({ count: 4, risks: 4 })
    // 3 CRDs + 1 aggregated APIService (unavailable + insecure TLS)
    expect(s["3"]).toEqual({ count: 4, risks: 2 })
    expect(s["4"]).toEqual({ count: 1, risks: 0 })
    expect(s["6"]?.count).toBe(2)
    expect(s["7"]?.count).toBe(4)
    expect(s["1"]).toBeUndefined()
  })

  it("forbidden sections contribute nothing instead of crashing", () => {
    const r = demoReport()
    const { data: _omit, ...webhooks } = r.sections.webhooks
    const s = pointSummary({ ...r, sections: { ...r.sections, webhooks: { ...webhooks, status: "forbidden" } } })
    expect(s["2"]).toEqual({ count: 2, risks: 0 })
  })
})

describe("toClusterFacts", () => {
  it("produces facts the advisor accepts", () => {
    const facts = toClusterFacts(demoReport())
    expect(clusterFactsSchema.safeParse(facts).success).toBe(true)
    expect(facts.version).toMatch(/^v1\.37\./)
    expect(facts.servedApiVersions).toContain("admissionregistration.k8s.io/v1")
    expect(facts.servedApiVersions).toContain("v1")
    expect(facts.validatingWebhooks).toEqual(["risky-policy"])
    expect(facts.mutatingWebhooks).toEqual(["careful-defaults"])
    expect(facts.crdGroups).toEqual(["crd.projectcalico.org", "demo.example.com"])
  })
})
