import { describe, expect, it } from "vitest"

import { demoReport } from "@/lib/inspector/demo"

import { clusterConflicts, type ConflictReport } from "./cluster-conflicts"

const demo = demoReport()
const empty: ConflictReport = { sections: { crds: {}, apiServices: {}, webhooks: {}, admissionPolicies: {} } }

describe("clusterConflicts", () => {
  it("finds an existing CRD by group and kind (CRD and operator starters)", () => {
    for (const m of ["custom-resource-definition", "operator"] as const) {
      const c = clusterConflicts(demo, m, { group: "demo.example.com", kind: "Widget" })
      expect(c).toContainEqual(expect.objectContaining({ kind: "crd", name: "widgets.demo.example.com", crdKind: "Widget" }))
      // Gadget lives in the same group: reported separately.
      expect(c).toContainEqual({ kind: "crd-group", group: "demo.example.com", crds: 1 })
    }
  })

  it("reports other CRDs in the group without an exact clash, and nothing for a fresh group", () => {
    expect(clusterConflicts(demo, "custom-resource-definition", { group: "demo.example.com", kind: "Sprocket" })).toEqual([
      { kind: "crd-group", group: "demo.example.com", crds: 2 },
    ])
    expect(clusterConflicts(demo, "custom-resource-definition", { group: "example.com", kind: "Widget" })).toEqual([])
  })

  it("flags a group already served by an aggregated APIService", () => {
    const c = clusterConflicts(demo, "operator", { group: "metrics.demo.example.com", kind: "Widget" })
    expect(c).toEqual([{ kind: "aggregated-group", group: "metrics.demo.example.com", apiService: "v1beta1.metrics.demo.example.com" }])
  })

  it("matches webhook configuration names by type", () => {
    expect(clusterConflicts(demo, "validating-admission-webhook", { name: "risky-policy" })).toEqual([
      { kind: "webhook", type: "validating", name: "risky-policy" },
    ])
    // Same name, other type: a different object, no clash.
    expect(clusterConflicts(demo, "mutating-admission-webhook", { name: "risky-policy" })).toEqual([])
    expect(clusterConflicts(demo, "mutating-admission-webhook", { name: "careful-defaults" })).toHaveLength(1)
  })

  it("matches policy names (and the param CRD of a validating policy)", () => {
    expect(clusterConflicts(demo, "validating-admission-policy", { name: "require-team-label" })).toEqual([
      { kind: "policy", type: "validating", name: "require-team-label" },
    ])
    expect(clusterConflicts(demo, "validating-admission-policy", { name: "require-team-label-audit" })).toEqual([
      { kind: "binding", type: "validating", name: "require-team-label-audit" },
    ])
    expect(clusterConflicts(demo, "mutating-admission-policy", { name: "add-owner-label" })).toHaveLength(1)
    const withParams = clusterConflicts(demo, "validating-admission-policy", { name: "p", params: true, group: "demo.example.com", paramKind: "Gadget" })
    expect(withParams).toEqual([expect.objectContaining({ kind: "crd", name: "gadgets.demo.example.com" })])
    expect(clusterConflicts(demo, "validating-admission-policy", { name: "p", params: false, group: "demo.example.com", paramKind: "Gadget" })).toEqual([])
  })

  it("yields nothing for unread sections, missing options or other mechanisms", () => {
    expect(clusterConflicts(empty, "custom-resource-definition", { group: "demo.example.com", kind: "Widget" })).toEqual([])
    expect(clusterConflicts(demo, "custom-resource-definition", { group: "demo.example.com" })).toEqual([])
    expect(clusterConflicts(demo, "csi-driver", { name: "risky-policy" })).toEqual([])
  })
})
