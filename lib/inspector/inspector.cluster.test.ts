// Cluster tier: the inspector against the real kube-apiserver (e2e/cluster), seeded with one
// object per thing it reports. Nothing Kubernetes-side is mocked; only the "server-only" import
// guard is stubbed because Vitest does not run with the react-server condition.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { parseAllDocuments, stringify } from "yaml"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { kubeconfigPath, testServerUrl } from "@/e2e/cluster/test-cluster"
import { inspect } from "./inspect"
import { create, loadKubeConfig, rawRequest, seedCluster, type Raw } from "./testing/seed"
import { createTransport } from "./transport"
import type { ClusterReport } from "./types"

vi.mock("server-only", () => ({}))

const repo = path.resolve(__dirname, "../..")
const tokenOf = (file: string) => /token:\s*(\S+)/.exec(readFileSync(file, "utf8"))?.[1] ?? "no-token-found"

async function report(kubeconfig: string, context = "test"): Promise<ClusterReport> {
  const r = await inspect(await createTransport(loadKubeConfig(kubeconfig)), { context })
  if (!r.ok) throw new Error(r.error.message)
  return r.report
}

/** A kubeconfig with the test cluster's CA, aimed at another server and token. */
function writeKubeconfig(dir: string, server: string, token: string, name = "elsewhere"): string {
  const ca = /certificate-authority:\s*(\S+)/.exec(readFileSync(kubeconfigPath("admin"), "utf8"))?.[1]
  const file = path.join(dir, `${name}.kubeconfig`)
  writeFileSync(
    file,
    stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [{ name, cluster: { server, "certificate-authority": ca } }],
      users: [{ name, user: { token } }],
      contexts: [{ name, context: { cluster: name, user: name } }],
      "current-context": name,
    }),
    { mode: 0o600 },
  )
  return file
}

async function closedPort(): Promise<number> {
  const srv = net.createServer()
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()))
  const { port } = srv.address() as net.AddressInfo
  await new Promise((r) => srv.close(r))
  return port
}

describe("inspector against the real test cluster", () => {
  let admin: ClusterReport
  const tmp = mkdtempSync(path.join(os.tmpdir(), "inspector-test-"))
  const savedEnv = { ...process.env }

  beforeAll(async () => {
    await seedCluster(loadKubeConfig(kubeconfigPath("admin")))
    admin = await report(kubeconfigPath("admin"))
  }, 60_000)

  afterAll(() => {
    process.env = savedEnv
  })

  it("every section is ok for an admin, with timing", () => {
    for (const s of Object.values(admin.sections)) {
      expect(s.status, `${s.id}: ${s.reason ?? ""}`).toBe("ok")
      expect(s.durationMs).toBeGreaterThanOrEqual(0)
    }
    expect(admin.sections.server.data?.gitVersion).toMatch(/^v1\.37\./)
    expect(admin.sections.discovery.data?.mode).toBe("aggregated")
  })

  it("point 2: webhooks with risk flags, VAP with binding, MAP in the served version", () => {
    const s = admin.sections.webhooks
    expect(s.point).toBe("2")
    const risky = s.data!.items.find((w) => w.configuration === "risky-policy")!
    expect(risky.risks.map((r) => r.id).sort()).toEqual(["fail-broad-match", "matches-own-namespace", "no-kube-system-exclusion", "timeout-over-10s"])
    const careful = s.data!.items.find((w) => w.configuration === "careful-defaults")!
    expect(careful.type).toBe("mutating")
    expect(careful.risks).toEqual([])
    const policies = admin.sections.admissionPolicies.data!
    const vap = policies.items.find((p) => p.name === "require-team-label")!
    expect(vap.bindings).toEqual([{ name: "require-team-label-audit", validationActions: ["Audit"] }])
    expect(policies.mutatingVersion).toMatch(/^admissionregistration\.k8s\.io\/v1/)
    expect(policies.items.find((p) => p.name === "add-owner-label")?.mutations).toBe(1)
  })

  it("point 3: CRDs with owners and the APIService to a missing Service as unavailable", () => {
    expect(admin.sections.crds.point).toBe("3")
    const widgets = admin.sections.crds.data!.items.find((c) => c.name === "widgets.demo.example.com")!
    expect(widgets.likelyOwner).toEqual({ name: "widget-operator", evidence: "label app.kubernetes.io/part-of" })
    const svc = admin.sections.apiServices.data!.items.find((a) => a.name === "v1beta1.metrics.demo.example.com")!
    expect(svc.local).toBe(false)
    expect(svc.available.status).toBe("False")
    expect(svc.available.reason).toBe("ServiceNotFound")
    expect(svc.risks.map((r) => r.id)).toEqual(["apiservice-unavailable", "apiservice-insecure-tls"])
    expect(admin.sections.apiServices.data!.items.find((a) => a.name === "v1.apps")?.local).toBe(true)
  })

  it("points 4–6: schedulers in use, operators and the CNI (inferred)", () => {
    const sched = admin.sections.schedulers
    expect(sched.point).toBe("4")
    expect(sched.data!.items).toContainEqual({ name: "gpu-batch-scheduler", pods: 2, source: "pods" })
    expect(sched.data!.items.some((i) => i.source === "deployment" && i.workload === "inspector-demo/gpu-batch-scheduler")).toBe(true)
    expect(admin.sections.operators.point).toBe("5")
    expect(admin.sections.operators.data!.items.map((o) => o.owner)).toContain("widget-operator")
    const cni = admin.sections.cni
    expect(cni.point).toBe("6")
    expect(cni.inference).toBe(true)
    expect(cni.data!.items).toEqual([{ plugin: "Calico", evidence: ["DaemonSet kube-system/calico-node", "CRD group crd.projectcalico.org"] }])
    expect(admin.sections.runtimeClasses.data!.items).toContainEqual({ name: "gvisor", handler: "runsc", hasScheduling: false, hasOverhead: true })
  })

  it("point 7: CSI, StorageClasses, FlexVolume in use, extended resources and DRA", () => {
    expect(admin.sections.csiDrivers.data!.items.find((d) => d.name === "csi.demo.example.com")?.storageClasses).toEqual(["demo-fast"])
    const sc = admin.sections.storageClasses.data!.items
    expect(sc.find((c) => c.name === "demo-fast")).toMatchObject({ isDefault: true, csiDriverRegistered: true })
    expect(sc.find((c) => c.name === "legacy-nfs")).toMatchObject({ csiDriverRegistered: false })
    expect(admin.sections.flexVolume.data!.items).toEqual([{ driver: "example.com/lvm-flex", persistentVolumes: 1, pods: 1 }])
    const ext = admin.sections.extendedResources
    expect(ext.point).toBe("7")
    expect(ext.data!.items).toContainEqual({ resource: "example.com/gpu", nodes: 1, capacity: "4" })
    expect(ext.data!.devicePluginDaemonSets).toContain("kube-system/demo-gpu-device-plugin")
    expect(admin.sections.dra.data!.drivers).toEqual([{ driver: "gpu.demo.example.com", slices: 1, devices: 2, nodes: 1 }])
    expect(admin.sections.dra.data!.deviceClasses.map((d) => d.name)).toContain("gpu.demo.example.com")
  })

  it("configuration: priority classes, policy API counts and what the API cannot show", () => {
    expect(admin.sections.priorityClasses.data!.items.find((p) => p.name === "demo-high")?.value).toBe(100000)
    const counts = admin.sections.policyApis.data!.counts
    expect(counts.resourceQuotas).toBeGreaterThanOrEqual(1)
    expect(counts.networkPolicies).toBeGreaterThanOrEqual(1)
    expect(counts.clusterRoles).toBeGreaterThan(10)
    expect(admin.notObservable.map((n) => n.mechanism)).toEqual(expect.arrayContaining(["kubectl-plugin", "authentication-webhook", "image-credential-provider"]))
  })

  it("a limited user gets forbidden sections and the rest intact", async () => {
    const limited = await report(kubeconfigPath("limited"))
    for (const id of ["webhooks", "admissionPolicies", "crds", "schedulers", "dra", "policyApis"] as const) {
      expect(limited.sections[id].status, id).toBe("forbidden")
      expect(limited.sections[id].reason).toMatch(/403 Forbidden/)
      expect(limited.sections[id].data).toBeUndefined()
    }
    for (const id of ["server", "discovery", "apiServices", "runtimeClasses", "csiDrivers", "storageClasses", "extendedResources"] as const) {
      expect(limited.sections[id].status, id).toBe("ok")
      expect(limited.sections[id].data).toBeDefined()
    }
    expect(limited.sections.apiServices.data!.items.some((a) => a.name === "v1beta1.metrics.demo.example.com")).toBe(true)
  })

  it("the route: 100 simultaneous requests cost one report, refresh bypasses the cache, no secrets leak", async () => {
    process.env.KUBECONFIG = kubeconfigPath("admin")
    delete process.env.INSPECTOR_ENABLED
    delete process.env.INSPECTOR_CONTEXTS
    const { GET } = await import("@/app/api/cluster/report/route")
    const { GET: contexts } = await import("@/app/api/cluster/contexts/route")
    const ctx = (await (await contexts(new Request("http://x/api/cluster/contexts"))).json()) as { contexts: string[]; defaultContext: string }
    expect(ctx.contexts).toEqual(["test-admin"])

    const responses = await Promise.all(Array.from({ length: 100 }, () => GET(new Request("http://x/api/cluster/report?context=test-admin"))))
    const bodies = await Promise.all(responses.map((r) => r.text()))
    expect(responses.every((r) => r.status === 200)).toBe(true)
    const stamps = new Set(bodies.map((b) => (JSON.parse(b) as { report: ClusterReport }).report.generatedAt))
    expect(stamps.size).toBe(1)
    const again = (await (await GET(new Request("http://x/api/cluster/report?context=test-admin"))).json()) as { cached: boolean; report: ClusterReport }
    expect(again.cached).toBe(true)
    const fresh = (await (await GET(new Request("http://x/api/cluster/report?context=test-admin&refresh=1"))).json()) as { cached: boolean }
    expect(fresh.cached).toBe(false)

    const text = bodies[0]!
    expect(text).not.toContain(tokenOf(kubeconfigPath("admin")))
    expect(text).not.toMatch(/BEGIN (CERTIFICATE|.*PRIVATE KEY)/)
    expect(text).not.toMatch(/caBundle/i)
    expect(text).not.toContain(testServerUrl())

    const bad = await GET(new Request("http://x/api/cluster/report?context=https://evil.example.com"))
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe("context")
  })

  it("apiserver unreachable: a clear error within the timeout, the process stays up", async () => {
    const port = await closedPort()
    process.env.KUBECONFIG = writeKubeconfig(tmp, `https://127.0.0.1:${port}`, "unused-token")
    process.env.INSPECTOR_REQUEST_TIMEOUT_MS = "2000"
    const { GET } = await import("@/app/api/cluster/report/route")
    const t0 = Date.now()
    const res = await GET(new Request("http://x/api/cluster/report?context=elsewhere"))
    expect(Date.now() - t0).toBeLessThan(2500)
    expect(res.status).toBe(502)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error).toEqual({ code: "unreachable", message: "cluster unreachable: connection refused" })
  })

  it("apiserver hanging: the request timeout answers 504", async () => {
    const sockets: net.Socket[] = []
    const srv = net.createServer((s) => sockets.push(s)) // accepts, never answers the TLS handshake
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()))
    try {
      const { port } = srv.address() as net.AddressInfo
      process.env.KUBECONFIG = writeKubeconfig(tmp, `https://127.0.0.1:${port}`, "unused-token", "hanging")
      process.env.INSPECTOR_REQUEST_TIMEOUT_MS = "1000"
      const { GET } = await import("@/app/api/cluster/report/route")
      const t0 = Date.now()
      const res = await GET(new Request("http://x/api/cluster/report"))
      expect(Date.now() - t0).toBeLessThan(3000)
      expect(res.status).toBe(504)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("timeout")
    } finally {
      for (const s of sockets) s.destroy()
      srv.close()
      delete process.env.INSPECTOR_REQUEST_TIMEOUT_MS
    }
  })

  it("deploy/ manifests pass server-side dry-run, and their ClusterRole suffices for every section", async () => {
    const kc = loadKubeConfig(kubeconfigPath("admin"))
    const files = readdirSync(path.join(repo, "deploy")).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
    const kustomization = parseAllDocuments(readFileSync(path.join(repo, "deploy/kustomization.yaml"), "utf8"))[0]!.toJS() as { resources: string[] }
    expect([...kustomization.resources].sort()).toEqual([...files].sort())
    const objs = kustomization.resources.flatMap((f) =>
      parseAllDocuments(readFileSync(path.join(repo, "deploy", f), "utf8")).map((d) => d.toJS() as Raw),
    )
    const ns = objs.find((o) => o.kind === "Namespace")!
    expect(await create(kc, ns, { dryRun: true })).toBe(201)
    await create(kc, ns) // namespaced objects need a real namespace even for dry-run
    for (const o of objs.filter((x) => x.kind !== "Namespace")) {
      expect(await create(kc, o, { dryRun: true }), `${o.kind} ${o.metadata.name}`).toBe(201)
    }

    // Apply the RBAC objects for real and inspect as that ServiceAccount (TokenRequest token).
    for (const kind of ["ServiceAccount", "ClusterRole", "ClusterRoleBinding"]) await create(kc, objs.find((o) => o.kind === kind)!)
    const sa = objs.find((o) => o.kind === "ServiceAccount")!
    const tr = await rawRequest(kc, "POST", `/api/v1/namespaces/${sa.metadata.namespace}/serviceaccounts/${sa.metadata.name}/token`, {
      apiVersion: "authentication.k8s.io/v1",
      kind: "TokenRequest",
      spec: { expirationSeconds: 600 },
    })
    expect(tr.status).toBe(201)
    const token = (JSON.parse(tr.body) as { status: { token: string } }).status.token
    const asSa = await report(writeKubeconfig(tmp, testServerUrl(), token, "service-account"))
    for (const s of Object.values(asSa.sections)) {
      expect(s.status, `${s.id}: ${s.reason ?? ""}`).toBe("ok")
      for (const r of s.reads) expect(r.status === "ok" || r.status === "unavailable", `${s.id} ${r.resource}`).toBe(true)
    }
    // and it is read-only: it cannot read Secrets
    const secrets = await rawRequest(loadKubeConfig(writeKubeconfig(tmp, testServerUrl(), token, "sa2")), "GET", "/api/v1/secrets")
    expect(secrets.status).toBe(403)
  })
})
