// Per-minor environments of the committed engine (engine/dist): every library function that a
// Kubernetes minor added fails to compile where that minor's apiserver would reject it, and
// compiles from the next minor on (the N−1 compatibility rule: /work/shared/reference facts §1.1–1.3).
import { beforeAll, describe, expect, it } from "vitest"

import { nodeEngine, type NodeEngine } from "./engine-node"
import { KUBERNETES_MINORS, type CompileResult, type K8sObject, type Minor } from "./protocol"

let engine: NodeEngine

beforeAll(async () => {
  engine = await nodeEngine()
}, 300_000)

function vap(expression: string): K8sObject {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: { name: "minor-check" },
    spec: {
      matchConstraints: { resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"] }] },
      validations: [{ expression }],
    },
  }
}

function compileAt(minor: Minor, expression: string): CompileResult {
  return engine.callSync<CompileResult>("compile", { minor, policy: vap(expression) })
}

const writeError = (r: CompileResult) => r.diagnostics.find((d) => d.phase === "write" && d.path === "spec.validations[0].expression")
const runtimeError = (r: CompileResult) => r.expressions.find((e) => e.path === "spec.validations[0].expression")?.runtimeError

// Library → first minor whose apiServer has it (IntroducedVersion); writable one minor later.
const BOUNDARIES: { library: string; expression: string; introduced: Minor | "1.38" }[] = [
  { library: "IP", expression: "isIP('10.0.0.1')", introduced: "1.30" },
  { library: "CIDR", expression: "cidr('10.0.0.0/8').containsIP('10.1.2.3')", introduced: "1.30" },
  { library: "Format", expression: "format.dns1123Label().validate('ok') == optional.none()", introduced: "1.31" },
  { library: "AuthzSelectors", expression: "authorizer.group('').resource('pods').fieldSelector('spec.nodeName=n').check('list').allowed()", introduced: "1.31" },
  { library: "TwoVarComprehensions", expression: "{'a': 1}.all(k, v, v > 0)", introduced: "1.32" },
  { library: "TwoVarComprehensions transformList", expression: "[1, 2].transformList(i, v, v * 2) == [2, 4]", introduced: "1.32" },
  { library: "Semver", expression: "semver('1.2.3').isLessThan(semver('1.10.0'))", introduced: "1.33" },
  { library: "ext.Lists v3", expression: "[3, 1, 2].sort() == [1, 2, 3]", introduced: "1.34" },
  { library: "ext.Lists v3 distinct", expression: "lists.range(3).distinct().size() == 3", introduced: "1.34" },
  { library: "Lists v1 includes", expression: "[1, 2].includes(2)", introduced: "1.37" },
]

const index = (m: string) => KUBERNETES_MINORS.indexOf(m as Minor)

describe("library availability per minor", () => {
  for (const b of BOUNDARIES) {
    it(`${b.library}: rejected when written before ${b.introduced === "1.38" ? "—" : `1.${Number(b.introduced.split(".")[1]) + 1}`}, available at runtime from ${b.introduced}`, () => {
      for (const minor of KUBERNETES_MINORS) {
        const r = compileAt(minor, b.expression)
        const writable = index(minor) > index(b.introduced) && index(b.introduced) >= 0
        const runnable = index(minor) >= index(b.introduced) && index(b.introduced) >= 0
        expect(writeError(r) === undefined, `${b.expression} written on ${minor}: ${writeError(r)?.message}`).toBe(writable)
        expect(runtimeError(r) === undefined, `${b.expression} stored, run on ${minor}: ${runtimeError(r)}`).toBe(runnable)
      }
    })
  }

  it("libraries every supported minor has compile everywhere", () => {
    for (const minor of KUBERNETES_MINORS) {
      for (const expression of [
        "'a,b'.split(',').size() == 2",
        "url('https://example.com:8443/p').getPort() == '8443'",
        "'abc'.find('b') == 'b'",
        "quantity('1Gi').isGreaterThan(quantity('512Mi'))",
        "sets.contains([1, 2], [1])",
        "[1, 2].isSorted() && [1, 2].sum() == 3",
        "optional.of(1).hasValue()",
        "1 < 1.5",
      ]) {
        expect(writeError(compileAt(minor, expression)), `${expression} on ${minor}`).toBeUndefined()
      }
    }
  })

  it("libraries Kubernetes never enables do not compile (math, base64, cel.bind, Strings v3)", () => {
    for (const expression of ["math.greatest(1, 2) == 2", "base64.encode(b'a') == 'YQ=='", "cel.bind(x, 1, x + 1) == 2", "'abc'.reverse() == 'cba'"]) {
      expect(writeError(compileAt("1.37", expression)), expression).toBeDefined()
      expect(runtimeError(compileAt("1.37", expression)), expression).toBeDefined()
    }
  })

  it("compile errors carry the apiserver's message and a line and column", () => {
    const r = compileAt("1.37", "object.data.size() > 0 &&\n  object.data.missing(")
    const d = writeError(r)!
    expect(d.message).toMatch(/^spec\.validations\[0\]\.expression: Invalid value: .*: compilation failed: ERROR: <input>:2:/)
    expect(d.line).toBe(2)
    expect(d.column).toBeGreaterThan(0)
  })
})

describe("MutatingAdmissionPolicy per minor", () => {
  const map: K8sObject = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "MutatingAdmissionPolicy",
    metadata: { name: "add-label" },
    spec: {
      matchConstraints: { resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"] }] },
      reinvocationPolicy: "Never",
      mutations: [{ patchType: "ApplyConfiguration", applyConfiguration: { expression: "Object{metadata: Object.metadata{labels: {'a': 'b'}}}" } }],
    },
  }
  it("does not exist before 1.32, is off by default until 1.36", () => {
    const lab = (minor: Minor) => engine.callSync<CompileResult>("compile", { minor, policy: map }).diagnostics.filter((d) => d.phase === "lab")
    expect(lab("1.31")[0]?.severity).toBe("error")
    expect(lab("1.33")[0]?.message).toContain("v1alpha1")
    expect(lab("1.35")[0]?.message).toContain("v1beta1")
    expect(lab("1.36")).toEqual([])
    expect(lab("1.37")).toEqual([])
  })
})
