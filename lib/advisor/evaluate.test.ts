import { describe, expect, it } from "vitest"

import { evaluate, minorFromVersion, parseAdvisorParams, serializeAdvisorParams, starterHref } from "./index"

const MUTATE = [["new-types", "no"], ["restrict-or-edit", "yes"], ["access-goal", "change"], ["mutate-expr", "yes"]] as const
const GPU = [
  ["new-types", "no"],
  ["restrict-or-edit", "no"],
  ["change-implementation", "yes"],
  ["change-volumes-services", "yes"],
  ["infra-area", "hardware"],
  ["hardware-kind", "select"],
] as const

function ok<T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.value
}

describe("evaluate", () => {
  it("starts at the official first question and passes section nodes", () => {
    const v = ok(evaluate([]))
    expect(v.nextQuestion?.node.id).toBe("new-types")
    expect(v.minor).toBe("1.37")
    expect(v.minorSource).toBe("default")
    const w = ok(evaluate([["new-types", "yes"]]))
    expect(w.visited).toEqual(["new-types", "api-extensions", "api-storage"])
    expect(w.nextQuestion?.node.id).toBe("api-storage")
  })

  it("accepts answers in any order", () => {
    const v = ok(evaluate([...MUTATE].reverse()))
    expect(v.outcome?.node.id).toBe("mutating-policy")
  })

  it("rejects unknown questions, unknown answers, duplicates and off-path answers", () => {
    const bad = evaluate([["nope", "yes"], ["new-types", "maybe"]])
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.errors.map((e) => e.field)).toEqual(["a.nope", "a.new-types"])
    const dup = evaluate([["new-types", "no"], ["new-types", "yes"]])
    expect(dup.ok).toBe(false)
    const off = evaluate([["new-types", "yes"], ["access-goal", "quota"]])
    expect(off.ok).toBe(false)
    if (!off.ok) expect(off.errors[0]?.field).toBe("a.access-goal")
  })

  it("says why MAP is not primary on 1.35 and names the gate and runtime-config from the catalog", () => {
    const v = ok(evaluate(MUTATE, { minor: "1.35" }))
    expect(v.outcome?.primary.id).toBe("mutating-admission-webhook")
    const map = v.outcome?.others.find((o) => o.id === "mutating-admission-policy")
    expect(map?.role).toBe("alternative")
    expect(map?.state.maturity).toBe("beta")
    expect(map?.availableFrom).toBe("1.36")
    expect(v.outcome?.fellBack).toBe(true)
    expect(v.outcome?.title.en).toContain("Mutating admission webhook")
    const notes = v.outcome?.versionNotes.map((n) => n.en).join(" ") ?? ""
    expect(notes).toContain("--feature-gates=MutatingAdmissionPolicy=true")
    expect(notes).toContain("--runtime-config=admissionregistration.k8s.io/v1beta1=true")
    expect(notes).toContain("on by default from 1.36")
    expect(v.outcome?.versionNotes.every((n) => /[\u4e00-\u9fff]/.test(n["zh-CN"]))).toBe(true)
  })

  it("uses MAP when the cluster serves its beta API", () => {
    const v = ok(
      evaluate(MUTATE, { clusterFacts: { version: "v1.34.2", servedApiVersions: ["v1", "admissionregistration.k8s.io/v1beta1"] } }),
    )
    expect(v.minor).toBe("1.34")
    expect(v.minorSource).toBe("cluster")
    expect(v.outcome?.primary.id).toBe("mutating-admission-policy")
    expect(v.outcome?.primary.enabledInCluster).toBe(true)
    expect(v.outcome?.clusterNotes.some((n) => n.en.includes("admissionregistration.k8s.io/v1beta1"))).toBe(true)
  })

  it("falls back from DRA to device plugins before 1.34", () => {
    expect(ok(evaluate(GPU, { minor: "1.33" })).outcome?.primary.id).toBe("device-plugin")
    expect(ok(evaluate(GPU, { minor: "1.34" })).outcome?.primary.id).toBe("dra-driver")
  })

  it("annotates questions with cluster facts and suggests answers for managed control planes", () => {
    const facts = { validatingWebhooks: ["gatekeeper", "kyverno", "cert-manager"], mutatingWebhooks: [], crdGroups: ["cert-manager.io", "monitoring.coreos.com"] }
    const q = ok(evaluate([["new-types", "no"], ["restrict-or-edit", "yes"], ["access-goal", "reject"]], { clusterFacts: facts }))
    expect(q.nextQuestion?.node.id).toBe("validate-kind")
    expect(q.nextQuestion?.clusterNotes[0]?.en).toContain("already has 3 validating webhook")
    const api = ok(evaluate([["new-types", "yes"]], { clusterFacts: facts }))
    expect(api.nextQuestion?.clusterNotes[0]?.en).toContain("2 API group(s)")
    const img = ok(
      evaluate([["new-types", "no"], ["restrict-or-edit", "yes"], ["access-goal", "reject"], ["validate-kind", "images"]], {
        clusterFacts: { version: "v1.33.5-eks-8f1c2d" },
      }),
    )
    expect(img.nextQuestion?.suggested?.answer).toBe("no")
  })

  it("notes a version mismatch, clamps unsupported cluster versions and rejects malformed facts", () => {
    const mismatch = ok(evaluate([], { minor: "1.37", clusterFacts: { version: "v1.33.1" } }))
    expect(mismatch.minor).toBe("1.37")
    expect(mismatch.clusterNotes[0]?.en).toContain("1.33")
    const old = ok(evaluate([], { clusterFacts: { version: "v1.28.3" } }))
    expect(old.minor).toBe("1.30")
    const bad = evaluate([], { clusterFacts: { version: "banana" } })
    expect(bad.ok).toBe(false)
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const wrongType = evaluate([], { clusterFacts: { crdGroups: "x" } as any })
    expect(wrongType.ok).toBe(false)
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(evaluate([], { minor: "1.29" as any }).ok).toBe(false)
  })

  it("parses cluster versions", () => {
    expect(minorFromVersion("v1.33.4-eks-1a2b")).toBe("1.33")
    expect(minorFromVersion("1.37")).toBe("1.37")
    expect(minorFromVersion("v1.30.0+k3s1")).toBe("1.30")
    expect(minorFromVersion("latest")).toBeUndefined()
  })

  it("derives managed availability and feature state from the catalog", () => {
    const v = ok(evaluate(MUTATE, { minor: "1.37" }))
    expect(v.outcome?.primary.state.maturity).toBe("ga")
    expect(v.outcome?.primary.managed.availability).toBe("partial")
  })
})

describe("URL codec", () => {
  it("round-trips answers and version", () => {
    const qs = serializeAdvisorParams(MUTATE, "1.35")
    expect(qs).toBe("a=new-types:no,restrict-or-edit:yes,access-goal:change,mutate-expr:yes&v=1.35")
    const parsed = ok(parseAdvisorParams(new URLSearchParams(qs)))
    expect(parsed.answers).toEqual(MUTATE.map(([q, a]) => [q, a]))
    expect(parsed.minor).toBe("1.35")
    // Percent-encoded separators (as a browser may produce) parse the same.
    expect(ok(parseAdvisorParams(new URLSearchParams("a=new-types%3Ayes&v=1.30"))).answers).toEqual([["new-types", "yes"]])
  })

  it("accepts Next's searchParams record and an empty query", () => {
    expect(ok(parseAdvisorParams({ a: "new-types:no", v: "1.37" })).answers).toHaveLength(1)
    expect(ok(parseAdvisorParams({}))).toEqual({ answers: [] })
  })

  it("reports unknown and invalid params instead of crashing", () => {
    const cases = [
      "x=1",
      "v=1.29",
      "v=latest",
      "a=new-types",
      "a=new-types:yes:no",
      "a=<script>:yes",
      "a=new-types:maybe",
      "a=new-types:yes,access-goal:quota",
      "a=new-types:no&a=new-types:yes",
    ]
    for (const qs of cases) {
      const r = parseAdvisorParams(new URLSearchParams(qs))
      expect(r.ok, qs).toBe(false)
      if (!r.ok) expect(r.errors.length, qs).toBeGreaterThan(0)
    }
    const arr = parseAdvisorParams({ v: ["1.30", "1.31"] })
    expect(arr.ok).toBe(false)
  })

  it("builds starter hand-off links with the version", () => {
    expect(starterHref("mutating-admission-webhook", "1.33")).toBe("/starters/mutating-admission-webhook?k8s=1.33")
  })
})
