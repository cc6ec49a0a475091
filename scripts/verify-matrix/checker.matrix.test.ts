// The matrix checker on fixtures whose answer depends on the minor: the same file must pass on
// the minors whose schema or Go types have the field and fail on those that lack it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { KUBERNETES_MINORS, type KubernetesMinor, type MechanismId } from "@/lib/catalog"
import type { StarterFile } from "@/lib/starters"
import { checkerBinary, runConfigChecker } from "./config-checkers"
import { releaseSchemas } from "./schemas"
import { checkManifests } from "./validate"

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "testdata", name), "utf8")
const check = (minor: KubernetesMinor, files: StarterFile[], mechanism: MechanismId = "controller") =>
  checkManifests(files, releaseSchemas(minor), mechanism)
const deploy = (content: string): StarterFile => ({ path: "deploy/app.yaml", content })
const before = (floor: KubernetesMinor) => KUBERNETES_MINORS.filter((m) => m < floor)
const from = (floor: KubernetesMinor) => KUBERNETES_MINORS.filter((m) => m >= floor)

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}`

describe("a field added in 1.33 (Container lifecycle.stopSignal, KEP-4960)", () => {
  const files = [deploy(fixture("stop-signal-deployment.yaml"))]
  it.each(before("1.33"))("fails on %s, whose schema lacks it", (minor) => {
    expect(check(minor, files).errors).toEqual([
      'deploy/app.yaml: Deployment/graceful: /spec/template/spec/containers/0/lifecycle: unknown field "stopSignal"',
    ])
  })
  it.each(from("1.33"))("passes on %s", (minor) => {
    expect(check(minor, files)).toEqual({ errors: [], notChecked: [] })
  })
})

describe("strict validation", () => {
  it("rejects enum values, wrong types and missing required fields", () => {
    const { errors } = check(
      "1.30",
      [deploy(pod(`  restartPolicy: Sometimes\n  containers:\n    - image: x\n      ports:\n        - containerPort: "80"\n`))],
    )
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/spec/restartPolicy: unsupported value; supported values: "Always", "Never", "OnFailure"'),
        expect.stringContaining('/spec/containers/0: missing required field "name"'),
        expect.stringContaining("/spec/containers/0/ports/0/containerPort: must be integer"),
      ]),
    )
  })

  it("accepts int-or-string and quantities in either form", () => {
    const spec = `  containers:
    - name: a
      image: x
      resources:
        limits: { cpu: 1, memory: 64Mi }
      readinessProbe:
        httpGet: { port: http, path: /readyz }
      livenessProbe:
        httpGet: { port: 8080, path: /healthz }
`
    expect(check("1.37", [deploy(pod(spec))]).errors).toEqual([])
  })

  it("rejects a group/version the minor does not serve, and a kind its group/version lacks", () => {
    const deviceClass = "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu\nspec: {}\n"
    expect(check("1.33", [deploy(deviceClass)], "dra-driver").errors).toEqual([
      "deploy/app.yaml: DeviceClass/gpu: resource.k8s.io/v1 is not served by Kubernetes 1.33 (v1.33.13)",
    ])
    expect(check("1.34", [deploy(deviceClass)], "dra-driver").errors).toEqual([])
    expect(check("1.30", [deploy("apiVersion: apps/v1\nkind: Gadget\nmetadata:\n  name: g\n")]).errors).toEqual([
      "deploy/app.yaml: Gadget/g: apps/v1 has no kind Gadget in v1.30.14",
    ])
  })
})

describe("APIs that are off by default", () => {
  const map = `apiVersion: admissionregistration.k8s.io/v1beta1
kind: MutatingAdmissionPolicyBinding
metadata:
  name: b
spec:
  policyName: p
`
  const flags = "--feature-gates=MutatingAdmissionPolicy=true --runtime-config=admissionregistration.k8s.io/v1beta1=true"

  it("is an error when the README does not say how to turn the API on", () => {
    expect(check("1.34", [deploy(map), { path: "README.md", content: "# policy\n" }], "mutating-admission-policy").errors).toEqual([
      "deploy/app.yaml: MutatingAdmissionPolicyBinding/b: admissionregistration.k8s.io/v1beta1 is off by default in 1.34: the README lacks --feature-gates=MutatingAdmissionPolicy=true and --runtime-config=admissionregistration.k8s.io/v1beta1=true",
    ])
  })

  it("passes when the README names the gate and runtime-config and the starter's catalog state (the UI) carries them", () => {
    expect(check("1.34", [deploy(map), { path: "README.md", content: `Start kube-apiserver with \`${flags}\`.\n` }], "mutating-admission-policy").errors).toEqual([])
  })

  it("is an error when the gate belongs to another mechanism's state, which the starter's UI does not show", () => {
    const errors = check("1.34", [deploy(map), { path: "README.md", content: flags }], "validating-admission-webhook").errors
    expect(errors).toEqual([expect.stringContaining("the UI shows no gate for it (catalog state of mutating-admission-policy)")])
  })
})

describe("custom resources", () => {
  const crd: StarterFile = { path: "deploy/crd.yaml", content: fixture("widget-crd.yaml") }
  const widget = (spec: string): StarterFile => ({
    path: "deploy/samples/widget.yaml",
    content: `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  labelz: {}\nspec:\n${spec}`,
  })

  it("validates a custom resource against the CRD the starter ships, metadata as ObjectMeta", () => {
    const { errors } = check("1.30", [crd, widget("  size: big\n  mode: slow\n  port: http\n  extra: { anything: [1] }\n  colour: red\n")])
    expect(errors.sort()).toEqual([
      'deploy/samples/widget.yaml: Widget/w: /metadata: unknown field "labelz"',
      'deploy/samples/widget.yaml: Widget/w: /spec: unknown field "colour"',
      "deploy/samples/widget.yaml: Widget/w: /spec/size: must be integer",
      'deploy/samples/widget.yaml: Widget/w: /spec/mode: unsupported value; supported values: "fast", "safe"',
    ].sort())
  })

  it("reports kinds with neither a schema nor a CRD as not checked", () => {
    const cert = "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\nspec:\n  secretName: s\n"
    expect(check("1.37", [deploy(cert)])).toEqual({ errors: [], notChecked: ["cert-manager.io/v1 Certificate"] })
  })
})

describe("component configs decoded with each minor's own Go types", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "matrix-config-"))
  const write = (name: string, content: string) => {
    writeFileSync(path.join(dir, name), content)
    return name
  }
  const authn = write(
    "authn.yaml",
    "apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt:\n- issuer:\n    url: https://issuer.example.com\n    audiences: [k8s]\n  claimMappings:\n    username:\n      claim: sub\n      prefix: ''\n",
  )
  // KEP-4412 (service account tokens for image credential providers): tokenAttributes exists
  // from 1.33 (alpha); its cacheType from 1.34, where the kubelet requires it. The 1.33 kubelet
  // decodes this file strictly (pkg/credentialprovider/plugin: serializer.EnableStrict), so a
  // cacheType there stops it.
  const providerYaml = (cacheType: string) =>
    `apiVersion: kubelet.config.k8s.io/v1\nkind: CredentialProviderConfig\nproviders:\n- name: p\n  matchImages: [registry.example.com]\n  defaultCacheDuration: 10m\n  apiVersion: credentialprovider.kubelet.k8s.io/v1\n  tokenAttributes:\n    serviceAccountTokenAudience: registry.example.com\n    requireServiceAccount: true\n${cacheType}`
  const provider133 = write("provider-1.33.yaml", providerYaml(""))
  const provider134 = write("provider-1.34.yaml", providerYaml("    cacheType: Token\n"))

  it.each(KUBERNETES_MINORS)("%s", async (minor) => {
    const results = await runConfigChecker(checkerBinary(minor), dir, [authn, provider133, provider134])
    const ok = Object.fromEntries(results.map((r) => [r.file, r.ok]))
    // AuthenticationConfiguration v1: 1.34 (KEP-3331 GA); v1beta1 before.
    expect(ok[authn]).toBe(minor >= "1.34")
    expect(ok[provider133]).toBe(minor === "1.33")
    expect(ok[provider134]).toBe(minor >= "1.34")
  })
})
