import { describe, expect, it } from "vitest"

import { buildBundle, buildCases, objectKey, resolveResource } from "./cases"
import { compactDiff, lineDiff } from "./diff"
import { corpusSize } from "./differential/corpus"
import { bindingsOf, placed } from "./differential/harness"
import { parseWarning } from "./differential/kube"
import { EngineError, parseEngineOutput } from "./engine-core"
import { KNOWN_DIFFERENCES, knownDifferencesFor } from "./known-differences"
import { parseObjects, splitPolicyDocuments } from "./parse"
import { outcomeOf, type CaseResult, type K8sObject } from "./protocol"
import { filterRows, groupRows, rolloutAdvice, rowFor, toCsv, toJson, totals, type ReportRow } from "./report"
import { equivalentResources, resourcesForRules, versionPriority } from "./resources"
import { samplesFor } from "./samples"
import { labInputFromStarter } from "./starter-input"
import { generate } from "@/lib/starters"

const VAP = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: demo
spec:
  paramKind: {apiVersion: v1, kind: ConfigMap}
  matchConstraints:
    resourceRules:
    - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}
  validations:
  - expression: "object.spec.replicas <= 5"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: demo}
spec: {policyName: demo, validationActions: [Deny]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: limits, namespace: team-a}
data: {max: "5"}
`

describe("parse", () => {
  it("splits a policy file into policy, bindings and params", () => {
    const r = parseObjects(VAP)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const s = splitPolicyDocuments(r.value.map((d) => d.object))
    expect(s.ok).toBe(true)
    if (!s.ok) return
    expect(s.value.policy?.kind).toBe("ValidatingAdmissionPolicy")
    expect(s.value.bindings).toHaveLength(1)
    expect(s.value.params.map((p) => p.metadata?.name)).toEqual(["limits"])
  })

  it("reports YAML errors with line and column and keeps going", () => {
    const r = parseObjects("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n---\nkind: Pod\n")
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors[0]!.line).toBeGreaterThanOrEqual(3)
    expect(r.errors.some((e) => /no apiVersion/.test(e.message))).toBe(true)
  })

  it("expands List objects and ignores empty documents", () => {
    const r = parseObjects("---\napiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n---\n")
    expect(r.ok && r.value.map((d) => d.object.metadata?.name)).toEqual(["a", "b"])
  })

  it("refuses a second policy and a file without one", () => {
    const two = parseObjects(`${VAP}---\napiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata: {name: b}\n`)
    expect(two.ok && splitPolicyDocuments(two.value.map((d) => d.object)).ok).toBe(false)
    const none = parseObjects("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")
    expect(none.ok && splitPolicyDocuments(none.value.map((d) => d.object)).ok).toBe(false)
  })
})

describe("cases and bundles", () => {
  const parts = (() => {
    const r = parseObjects(VAP)
    if (!r.ok) throw new Error("bad fixture")
    const s = splitPolicyDocuments(r.value.map((d) => d.object))
    if (!s.ok) throw new Error("bad fixture")
    return s.value
  })()
  const deploy: K8sObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "team-b" }, spec: {} }

  it("resolves built-in resources and CRDs, and nothing else", () => {
    expect(resolveResource(deploy, [])).toEqual({ group: "apps", version: "v1", resource: "deployments", kind: "Deployment", namespaced: true })
    expect(resolveResource({ apiVersion: "v1", kind: "Namespace" }, [])?.namespaced).toBe(false)
    expect(resolveResource({ apiVersion: "example.com/v1", kind: "Widget" }, [])).toBeUndefined()
    const crd = { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", spec: { group: "example.com", names: { kind: "Widget", plural: "widgets" }, scope: "Namespaced", versions: [{ name: "v1" }] } }
    expect(resolveResource({ apiVersion: "example.com/v1", kind: "Widget" }, [crd])?.resource).toBe("widgets")
  })

  it("adds namespaces the objects use, the paramKind's resource and equivalents", () => {
    const b = buildBundle({ minor: "1.37", parts, objects: [deploy] })
    expect(b.syntheticBinding).toBe(false)
    expect(b.syntheticNamespaces.sort()).toEqual(["team-a", "team-b"])
    expect(b.request.paramResource?.resource).toBe("configmaps")
    expect(b.request.equivalents?.some((g) => g.some((r) => r.resource === "horizontalpodautoscalers"))).toBe(true)
  })

  it("adds a Deny binding when there is none", () => {
    const b = buildBundle({ minor: "1.36", parts: { ...parts, bindings: [] }, objects: [] })
    expect(b.syntheticBinding).toBe(true)
    expect((b.request.bindings![0]!.spec as { validationActions: string[] }).validationActions).toEqual(["Deny"])
  })

  it("builds one request per object: UPDATE uses the matching old object, DELETE sends only the old one", () => {
    const old = { ...deploy, spec: { replicas: 1 } }
    const up = buildCases([deploy], { operation: "UPDATE", oldObjects: new Map([[objectKey(deploy), old]]), crds: [] })
    expect(up[0]!.case?.oldObject).toBe(old)
    const del = buildCases([deploy], { operation: "DELETE", crds: [] })
    expect(del[0]!.case?.object).toBeUndefined()
    expect(del[0]!.case?.oldObject).toBe(deploy)
    expect(buildCases([{ apiVersion: "example.com/v1", kind: "Widget" }], { operation: "CREATE", crds: [] })[0]!.error).toMatch(/unknown kind Widget/)
  })
})

describe("resources and samples", () => {
  it("lists what rules name, never Secrets or subresources, GA versions first", () => {
    const r = resourcesForRules([{ apiGroups: [""], apiVersions: ["v1"], resources: ["*"] }])
    expect(r.some((x) => x.resource === "pods")).toBe(true)
    expect(r.some((x) => x.resource === "secrets")).toBe(false)
    expect(resourcesForRules([{ apiGroups: ["autoscaling"], apiVersions: ["*"], resources: ["horizontalpodautoscalers"] }])[0]!.version).toBe("v2")
    expect(versionPriority("v1")).toBeGreaterThan(versionPriority("v2beta1"))
    expect(versionPriority("v1beta1")).toBeGreaterThan(versionPriority("v1alpha3"))
    expect(equivalentResources().every((g) => g.length > 1)).toBe(true)
  })

  it("has a typical and a risky sample for common kinds", () => {
    const s = samplesFor([{ group: "", resource: "pods" }, { group: "apps", resource: "deployments" }, { group: "example.com", resource: "widgets" }])
    expect(s.map((x) => x.id)).toEqual(["/pods/typical", "/pods/risky", "apps/deployments/typical", "apps/deployments/risky"])
    for (const x of s) expect(resolveResource(x.object, [])).toBeDefined()
  })
})

describe("report", () => {
  const result = (allowed: boolean, extra: Partial<CaseResult> = {}): CaseResult => ({ id: "0", elapsedUs: 1, policy: { matched: true }, verdict: { allowed, warnings: [], ...(allowed ? {} : { status: { code: 422, reason: "Invalid", message: "denied: =cmd" } }) }, ...extra })
  const objs: K8sObject[] = [
    { apiVersion: "v1", kind: "Pod", metadata: { name: "a", namespace: "ns1" } },
    { apiVersion: "v1", kind: "Pod", metadata: { name: "b", namespace: "ns1" } },
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "c" } },
  ]
  const rows: ReportRow[] = [rowFor(objs[0]!, result(false)), rowFor(objs[1]!, result(true)), rowFor(objs[2]!, result(true, { verdict: { allowed: true, warnings: ["careful"] } }))]

  it("groups by namespace and kind with counts, denials first", () => {
    const g = groupRows(rows)
    expect(g[0]).toMatchObject({ namespace: "ns1", kind: "Pod", total: 2, denied: 1, allowed: 1 })
    expect(totals(rows)).toMatchObject({ total: 3, denied: 1, warned: 1, allowed: 1 })
    expect(filterRows(rows, "outcome:denied").map((r) => r.name)).toEqual(["a"])
    expect(filterRows(rows, "careful").map((r) => r.name)).toEqual(["c"])
  })

  it("exports CSV without formula injection and JSON with totals", () => {
    const csv = toCsv(rows)
    expect(csv.split("\r\n")[0]).toBe('namespace,kind,name,outcome,message')
    expect(csv).toContain('"denied: =cmd"')
    const evil = toCsv([{ namespace: "=HYPERLINK(1)", kind: "Pod", name: "x", outcome: "allowed" }])
    expect(evil).toContain(`"'=HYPERLINK(1)"`)
    const json = JSON.parse(toJson(rows, { policy: "p", minor: "1.37", source: "live", capped: true, generatedAt: "now" })) as { totals: { denied: number }; capped: boolean }
    expect(json.totals.denied).toBe(1)
    expect(json.capped).toBe(true)
  })

  it("advises Warn+Audit first when anything would be denied", () => {
    expect(rolloutAdvice(rows)).toEqual({ kind: "warn-audit-first", denied: 1, namespaces: ["ns1"] })
    expect(rolloutAdvice(rows.slice(1))).toEqual({ kind: "safe", warned: 1 })
    expect(rolloutAdvice([])).toEqual({ kind: "none" })
  })

  it("names outcomes", () => {
    expect(outcomeOf({ id: "x", elapsedUs: 0, inputError: "bad" })).toBe("error")
    expect(outcomeOf({ id: "x", elapsedUs: 0, policy: { matched: false }, verdict: { allowed: true, warnings: [] } })).toBe("not-matched")
    expect(outcomeOf({ id: "x", elapsedUs: 0, policy: { matched: true }, verdict: { allowed: true, warnings: [] }, mutation: { steps: [{ pass: 1, binding: "b", index: 0, patchType: "JSONPatch", cost: 1, changed: true }], passes: 1 } })).toBe("mutated")
  })
})

describe("diff", () => {
  it("shows added and removed lines with context", () => {
    const d = lineDiff("a\nb\nc\nd\ne\nf\ng\nh", "a\nb\nc\nX\ne\nf\ng\nh")
    expect(d.filter((l) => l.kind !== "same")).toEqual([
      { kind: "remove", text: "d" },
      { kind: "add", text: "X" },
    ])
    const c = compactDiff(lineDiff(Array.from({ length: 20 }, (_, i) => `l${i}`).join("\n"), Array.from({ length: 20 }, (_, i) => (i === 10 ? "new" : `l${i}`)).join("\n")), 2)
    expect(c[0]).toEqual({ kind: "gap", count: 8 })
  })
})

describe("starter input and the differential corpus", () => {
  it("takes the policy files and test objects of the VAP, MAP and CRD starters", () => {
    for (const id of ["validating-admission-policy", "mutating-admission-policy", "custom-resource-definition"] as const) {
      const g = generate(id, {})
      expect(g.ok).toBe(true)
      if (!g.ok) continue
      const input = labInputFromStarter(id, g.value.files)
      const policy = parseObjects(input.policy)
      expect(policy.ok, id).toBe(true)
      if (policy.ok) expect(splitPolicyDocuments(policy.value.map((d) => d.object)).ok, id).toBe(true)
      expect(parseObjects(input.objects).ok, id).toBe(true)
    }
  })

  it("has at least 300 cases, each group isolated by its own label", () => {
    const size = corpusSize()
    expect(size.requests + size.rejected).toBeGreaterThanOrEqual(300)
    const g = { id: "g1", covers: [], policy: { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicy", spec: {} }, binding: { matchResources: { objectSelector: { matchLabels: { a: "b" } } } }, requests: [] }
    const [b] = bindingsOf(g)
    expect((b!.spec as { matchResources: { objectSelector: unknown } }).matchResources.objectSelector).toEqual({ matchLabels: { a: "b" }, matchExpressions: [{ key: "policy-lab.test/group", operator: "In", values: ["g1"] }] })
    expect(placed(g, { name: "r", operation: "CREATE" }, { apiVersion: "v1", kind: "ConfigMap" }).metadata).toEqual({ name: "g1-r", namespace: "pl-g1", labels: { "policy-lab.test/group": "g1" } })
    expect(parseWarning('299 - "Validation failed: \\"x\\" is bad"')).toBe('Validation failed: "x" is bad')
  })

  it("lists known differences in both languages", () => {
    for (const d of KNOWN_DIFFERENCES) {
      expect(d.en.length).toBeGreaterThan(20)
      expect(d.zh.length).toBeGreaterThan(10)
    }
    expect(knownDifferencesFor("1.37").length).toBeLessThan(knownDifferencesFor("1.30").length)
  })
})

describe("locateField", () => {
  it("finds an expression in the YAML, quoted or as a block scalar", async () => {
    const { locateField } = await import("./parse")
    expect(locateField(VAP, "ValidatingAdmissionPolicy", "spec.validations[0].expression")).toEqual({ line: 11, column: 17 })
    const block = "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata: {name: x}\nspec:\n  validations:\n  - expression: |\n      a &&\n      b(\n"
    expect(locateField(block, "ValidatingAdmissionPolicy", "spec.validations[0].expression", 2)?.line).toBe(8)
    expect(locateField(VAP, "ValidatingAdmissionPolicy", "spec.nothing[3]")).toBeUndefined()
  })
})

describe("engine output", () => {
  it("returns the engine's answer and turns {error} into an EngineError", () => {
    expect(parseEngineOutput<{ results: unknown[] }>('{"results":[{"id":"0","elapsedUs":3}]}').results).toHaveLength(1)
    expect(() => parseEngineOutput('{"error":"unknown compile handle 7 (compile the policy first)","stack":"…"}')).toThrow(EngineError)
    expect(() => parseEngineOutput('{"error":"unknown method \\"x\\""}')).toThrow('unknown method "x"')
  })
})
