// Issue 11 regressions in the API-side starters: each test failed on the generators before the fix.
// What the starters do when run is proven by their own tests (starters tier) and by
// e2e/behaviour/*.behaviour.test.ts on a real control plane.
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { generate, STARTERS } from "../registry"
import type { StarterOutput } from "../types"
import { parseYamlDocs } from "../yaml"

function gen(id: string, options: Record<string, unknown> = {}): StarterOutput {
  const r = generate(id, options)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.value
}
const file = (out: StarterOutput, path: string) => {
  const f = out.files.find((x) => x.path === path)
  if (!f) throw new Error(`${out.root}: no ${path}`)
  return f.content
}
const recipe = (makefile: string, target: string) =>
  (new RegExp(`^${target}:.*\\n((?:\\t.*\\n)*)`, "m").exec(makefile)?.[1] ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)

const API_STARTERS: [string, Record<string, unknown>][] = [
  ["custom-resource-definition", {}],
  ["controller", {}],
  ["controller", { language: "typescript" }],
  ["operator", {}],
  ["api-aggregation", {}],
  ["validating-admission-webhook", {}],
  ["validating-admission-webhook", { language: "typescript" }],
  ["mutating-admission-webhook", {}],
  ["mutating-admission-webhook", { language: "typescript" }],
  ["validating-admission-policy", {}],
  ["mutating-admission-policy", {}],
  ["policy-apis", {}],
]

describe("API-side starters (issue 11)", () => {
  it.each(API_STARTERS)("%s %j: README has Build, Deploy, Try and Remove sections and the Makefile an undeploy target", (id, options) => {
    const out = gen(id, options)
    const readme = file(out, "README.md")
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1])
    for (const h of ["Deploy", "Try", "Remove"]) expect(headings, `${id}: ## ${h}`).toContain(h)
    if (out.files.some((f) => f.path === "go.mod" || f.path === "package.json")) expect(headings).toContain("Build")
    const makefile = file(out, "Makefile")
    expect(recipe(makefile, "undeploy").length + recipe(makefile, "uninstall").length, `${id}: undeploy/uninstall`).toBeGreaterThan(0)
  })

  it("the two webhook starters default to different namespaces, and removing one deletes its configuration before its server", () => {
    const v = gen("validating-admission-webhook")
    const m = gen("mutating-admission-webhook")
    const ns = (out: StarterOutput) => (parseYamlDocs(file(out, "deploy/namespace.yaml"))[0] as { metadata: { name: string } }).metadata.name
    expect(ns(v)).not.toBe(ns(m))
    for (const out of [v, m]) {
      const steps = recipe(file(out, "Makefile"), "undeploy")
      expect(steps[0]).toContain("delete -f deploy/webhook.yaml")
      expect(steps.findIndex((s) => s.includes("delete -k deploy"))).toBeGreaterThan(0)
    }
  })

  it("hack/gen-certs.sh --apply works in the README's order: before make deploy it skips the caBundle patch", () => {
    const script = file(gen("validating-admission-webhook", { certificates: "self-signed" }), "hack/gen-certs.sh")
    expect(script).toMatch(/if "\$KUBECTL" get validatingwebhookconfiguration deployment-policy >\/dev\/null 2>&1; then\n\s+"\$KUBECTL" patch/)
  })

  it("webhook servers reload their certificate files while running", () => {
    for (const id of ["validating-admission-webhook", "mutating-admission-webhook"]) {
      const goMain = file(gen(id), "cmd/webhook/main.go")
      expect(goMain).toContain("certwatcher.New(certFile, keyFile)")
      expect(goMain).toContain("GetCertificate: watcher.GetCertificate")
      expect(goMain).not.toMatch(/ListenAndServeTLS\(certFile/)
      const ts = gen(id, { language: "typescript" })
      expect(file(ts, "src/main.ts")).toContain("watchKeyPair(server, certFile, keyFile")
      expect(file(ts, "src/tls.ts")).toContain("server.setSecureContext")
      expect(ts.files.map((f) => f.path)).toContain("test/tls.test.ts")
    }
  })

  it("the CRD's owner rule sits on spec, so clearing owner first cannot bypass it", () => {
    const crd = parseYamlDocs(file(gen("custom-resource-definition"), "deploy/crd.yaml"))[0] as {
      spec: { versions: { schema: { openAPIV3Schema: { properties: { spec: { properties: { owner: Record<string, unknown> }; "x-kubernetes-validations": { rule: string }[] } } } } }[] }
    }
    const spec = crd.spec.versions[0]!.schema.openAPIV3Schema.properties.spec
    expect(spec.properties.owner["x-kubernetes-validations"]).toBeUndefined()
    expect(spec["x-kubernetes-validations"].map((v) => v.rule)).toContain("!has(oldSelf.owner) || (has(self.owner) && self.owner == oldSelf.owner)")
  })

  it("CEL and other quoted text in generated YAML is never written with escaped double quotes", () => {
    for (const g of STARTERS) {
      for (const v of [{ options: {} }, ...g.variants]) {
        for (const f of gen(g.id, v.options).files.filter((x) => /\.ya?ml$/.test(x.path))) {
          expect(f.content, `${g.id} ${f.path}`).not.toContain('\\"')
        }
      }
    }
    expect(file(gen("validating-admission-policy"), "deploy/policy.yaml")).toContain(`- expression: '"team" in variables.labels`)
  })

  it("the TypeScript controller watches its quotas, resyncs and elects a leader with a Lease", () => {
    const out = gen("controller", { language: "typescript" })
    const main = file(out, "src/main.ts")
    expect(main).toContain('"/api/v1/resourcequotas"')
    expect(main).toContain("setInterval(resyncAll")
    expect(main).toContain("new LeaderElector(")
    expect(file(out, "deploy/rbac.yaml")).toContain("leases")
    expect(file(out, "deploy/manager.yaml")).toMatch(/replicas: 2/)
  })

  it("the operator's types carry controller-gen markers, make generate runs controller-gen from go.mod, and undeploy deletes objects before the CRD and the operator", () => {
    const out = gen("operator")
    expect(file(out, "api/v1alpha1/widget_types.go")).toContain("+kubebuilder:validation:XValidation:rule=")
    expect(file(out, "api/v1alpha1/zz_generated.deepcopy.go")).toContain("// Code generated by controller-gen. DO NOT EDIT.")
    expect(file(out, "go.mod")).toMatch(/^tool sigs\.k8s\.io\/controller-tools\/cmd\/controller-gen$/m)
    expect(recipe(file(out, "Makefile"), "generate")[0]).toMatch(/^go tool controller-gen object crd/)
    const steps = recipe(file(out, "Makefile"), "undeploy")
    expect(steps[0]).toMatch(/delete widgets\.example\.com --all --all-namespaces/)
    expect(steps[1]).toContain("delete -f deploy/crd.yaml")
    expect(steps[2]).toContain("delete -k deploy")
  })

  it("policy test scripts fail when the cluster is unreachable or the policy is absent", () => {
    const vap = file(gen("validating-admission-policy"), "hack/test-policy.sh")
    expect(vap).toContain('get --raw=/readyz')
    expect(vap).toContain("validatingadmissionpolicy/require-team-label")
    expect(vap).toContain("ValidatingAdmissionPolicy '$POLICY' with binding '$BINDING' denied request")
    expect(file(gen("mutating-admission-policy"), "hack/test-policy.sh")).toContain("mutatingadmissionpolicybinding/default-team-label")
    const pol = gen("policy-apis")
    expect(recipe(file(pol, "Makefile"), "test")).toEqual(["./hack/test-policies.sh"])
    expect(file(pol, "hack/test-policies.sh")).toContain("get --raw=/readyz")
  })

  it("TypeScript starters run on Node 24 LTS images and still install on Node 20.9+", () => {
    for (const [id, options] of [["controller", { language: "typescript" }], ["validating-admission-webhook", { language: "typescript" }]] as const) {
      const out = gen(id, options)
      const dockerfile = file(out, "Dockerfile")
      expect(dockerfile).toContain("FROM node:24-slim AS build")
      expect(dockerfile).toContain("gcr.io/distroless/nodejs24-debian12:nonroot")
      expect(dockerfile).toContain("RUN npm ci")
      expect((JSON.parse(file(out, "package.json")) as { engines: { node: string } }).engines.node).toBe(">=20.9")
    }
    expect(readFileSync("deploy/Dockerfile", "utf8")).not.toMatch(/^FROM node:(?!24)/m)
  })
})
