// Cluster tier: the inspector against the real kube-apiserver (e2e/cluster), seeded with one
// object per thing it reports. Nothing Kubernetes-side is mocked; only the "server-only" import
// guard is stubbed because Vitest does not run with the react-server condition.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { parseAllDocuments, stringify } from "yaml"
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest"
import { kubeconfigPath, testServerUrl } from "@/e2e/cluster/test-cluster"
import { inspect } from "./inspect"
import { running, waitFor, writeScript } from "./testing/process"
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

type ContextSpec = { name: string; server?: string; user: Record<string, unknown>; insecure?: boolean }

/** One kubeconfig with several contexts (test cluster CA unless insecure), like an operator's file. */
function writeContexts(dir: string, file: string, contexts: ContextSpec[]): string {
  const ca = /certificate-authority:\s*(\S+)/.exec(readFileSync(kubeconfigPath("admin"), "utf8"))?.[1]
  const out = path.join(dir, file)
  writeFileSync(
    out,
    stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: contexts.map((c) => ({
        name: c.name,
        cluster: { server: c.server ?? testServerUrl(), ...(c.insecure ? { "insecure-skip-tls-verify": true } : { "certificate-authority": ca }) },
      })),
      users: contexts.map((c) => ({ name: c.name, user: c.user })),
      contexts: contexts.map((c) => ({ name: c.name, context: { cluster: c.name, user: c.name } })),
      "current-context": contexts[0]!.name,
    }),
    { mode: 0o600 },
  )
  return out
}

const script = writeScript

const execCredential = (token: string) => JSON.stringify({ apiVersion: "client.authentication.k8s.io/v1", kind: "ExecCredential", status: { token } })
const exec = (command: string) => ({ exec: { apiVersion: "client.authentication.k8s.io/v1", command, interactiveMode: "Never" } })

/** Resolves with the response, its status and when it arrived; `settled` tells whether it has arrived yet. */
function timed(p: Promise<Response>) {
  const t0 = Date.now()
  const out = { settled: false, ms: 0, response: undefined as Response | undefined }
  const done = p.then((r) => {
    out.settled = true
    out.ms = Date.now() - t0
    out.response = r
    return out
  })
  return { state: out, done }
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

  afterEach(() => {
    process.env = { ...savedEnv }
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

  it("the route: 100 simultaneous requests cost one report, refresh bypasses the cache (at most once a second here), no secrets leak", async () => {
    process.env.KUBECONFIG = kubeconfigPath("admin")
    process.env.INSPECTOR_REFRESH_INTERVAL_SECONDS = "1"
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
    // The server's response cache (scripts/response-cache.mjs) may keep a report answer only while
    // the inspector would serve the same report, and is purged when a new one has been read.
    const purged: string[] = []
    const registry = Symbol.for("k8s-extension-advisor.response-cache")
    ;(globalThis as Record<symbol, unknown>)[registry] = { purge: (prefix: string) => purged.push(prefix) }
    const againRes = await GET(new Request("http://x/api/cluster/report?context=test-admin"))
    const again = (await againRes.json()) as { cached: boolean; ageMs: number; report: ClusterReport }
    expect(again.cached).toBe(true)
    const kept = Number(/^max-age=(\d+)$/.exec(againRes.headers.get("x-server-cache") ?? "")?.[1])
    expect(kept).toBeGreaterThan(0)
    expect(kept * 1000).toBeLessThanOrEqual(60_000 - again.ageMs + 1000) // the inspector's TTL (a minute), less the report's age
    expect(purged).toEqual([])
    const limitedRes = await GET(new Request("http://x/api/cluster/report?context=test-admin&refresh=1"))
    const limited = (await limitedRes.json()) as { cached: boolean; refreshLimited?: unknown }
    expect(limited).toMatchObject({ cached: true, refreshLimited: { intervalSeconds: 1 } })
    expect(limitedRes.headers.get("x-server-cache")).toBeNull() // a refresh answer is never kept
    await new Promise((r) => setTimeout(r, 1100))
    const fresh = (await (await GET(new Request("http://x/api/cluster/report?context=test-admin&refresh=1"))).json()) as { cached: boolean }
    expect(fresh.cached).toBe(false)
    expect(purged).toEqual(["/api/cluster/report"])
    delete (globalThis as Record<symbol, unknown>)[registry]

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

  it("a stalled exec plugin: its context times out within the budget, the plugin is killed, the good context is served meanwhile", async () => {
    const pidFile = path.join(tmp, "stalled-plugin.pid")
    const stalled = script(tmp, "stalled-plugin", `echo $$ > ${pidFile}\nexec sleep 100000`)
    process.env.KUBECONFIG = writeContexts(tmp, "stalled.kubeconfig", [
      { name: "good", user: { token: tokenOf(kubeconfigPath("admin")) } },
      { name: "stalled", user: exec(stalled) },
    ])
    process.env.INSPECTOR_CREDENTIAL_TIMEOUT_MS = "5000"
    process.env.INSPECTOR_REPORT_TIMEOUT_MS = "10000"
    const { GET } = await import("@/app/api/cluster/report/route")
    const bad = timed(GET(new Request("http://x/api/cluster/report?context=stalled")))
    const good = await timed(GET(new Request("http://x/api/cluster/report?context=good"))).done
    expect(good.response!.status).toBe(200)
    expect(bad.state.settled).toBe(false) // the good report did not wait for the stuck plugin
    const body = (await good.response!.json()) as { report: ClusterReport }
    expect(body.report.sections.webhooks.status).toBe("ok")

    const { response, ms } = await bad.done
    expect(ms).toBeGreaterThanOrEqual(4900)
    expect(ms).toBeLessThan(6500)
    expect(response!.status).toBe(504)
    expect(((await response!.json()) as { error: unknown }).error).toEqual({ code: "timeout", message: 'credential plugin "stalled-plugin" did not finish within 5000 ms and was stopped' })
    expect(await waitFor(() => !running(Number(readFileSync(pidFile, "utf8"))))).toBe(true)
    // A later request does not join the dead attempt.
    const t0 = Date.now()
    expect((await GET(new Request("http://x/api/cluster/report?context=stalled&refresh=1"))).status).toBe(504)
    expect(Date.now() - t0).toBeLessThan(500)
  }, 30_000)

  it("a hung apiserver (accepts, never answers) does not delay the real cluster's report issued at the same time", async () => {
    const sockets: net.Socket[] = []
    const srv = net.createServer((sock) => sockets.push(sock))
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()))
    try {
      const { port } = srv.address() as net.AddressInfo
      const token = tokenOf(kubeconfigPath("admin"))
      process.env.KUBECONFIG = writeContexts(tmp, "hung.kubeconfig", [
        { name: "real", user: { token } },
        { name: "hung", server: `https://127.0.0.1:${port}`, user: { token } },
      ])
      process.env.INSPECTOR_REQUEST_TIMEOUT_MS = "6000"
      const { GET } = await import("@/app/api/cluster/report/route")
      const hung = timed(GET(new Request("http://x/api/cluster/report?context=hung")))
      const real = await timed(GET(new Request("http://x/api/cluster/report?context=real"))).done
      expect(real.response!.status).toBe(200)
      expect(real.ms).toBeLessThan(5000)
      expect(hung.state.settled).toBe(false)
      const { response, ms } = await hung.done
      expect(response!.status).toBe(504)
      expect(ms).toBeGreaterThanOrEqual(5900)
      expect(sockets.length).toBeGreaterThan(0)
    } finally {
      for (const sock of sockets) sock.destroy()
      srv.close()
    }
  }, 30_000)

  it("credentials from plugins are kept per context; refresh=1 is rate-limited and shows the report's age", async () => {
    const runs = path.join(tmp, "plugin-runs")
    writeFileSync(runs, "")
    const plugin = script(tmp, "token-plugin", `echo run >> ${runs}\necho '${execCredential(tokenOf(kubeconfigPath("admin")))}'`)
    const gcloud = script(tmp, "gcloud", `sleep 0.2\necho '{"credential":{"access_token":"${tokenOf(kubeconfigPath("admin"))}","token_expiry":"2999-01-01T00:00:00Z"}}'`)
    process.env.KUBECONFIG = writeContexts(tmp, "plugins.kubeconfig", [
      { name: "exec", user: exec(plugin) },
      { name: "gke", user: { "auth-provider": { name: "gcp", config: { "cmd-path": gcloud, "cmd-args": "config config-helper", "token-key": "{.credential.access_token}", "expiry-key": "{.credential.token_expiry}" } } } },
    ])
    process.env.INSPECTOR_REFRESH_INTERVAL_SECONDS = "10"
    const { GET } = await import("@/app/api/cluster/report/route")
    const get = async (q: string) => (await GET(new Request(`http://x/api/cluster/report?${q}`))).json() as Promise<{ cached: boolean; ageMs: number; refreshLimited?: { retryAfterSeconds: number; intervalSeconds: number }; report: ClusterReport }>
    const first = await get("context=exec")
    expect(first.cached).toBe(false)
    expect(first.report.sections.crds.status).toBe("ok")
    const limited = await get("context=exec&refresh=1")
    expect(limited.cached).toBe(true)
    expect(limited.report.generatedAt).toBe(first.report.generatedAt)
    expect(limited.refreshLimited).toMatchObject({ intervalSeconds: 10 })
    expect(limited.refreshLimited!.retryAfterSeconds).toBeGreaterThan(0)
    expect(readFileSync(runs, "utf8").trim().split("\n")).toHaveLength(1)
    const gke = await get("context=gke")
    expect(gke.report.sections.webhooks.status).toBe("ok")
  }, 30_000)

  it("an insecure-skip-tls-verify context is flagged as a risk in the report", async () => {
    process.env.KUBECONFIG = writeContexts(tmp, "insecure.kubeconfig", [{ name: "insecure", user: { token: tokenOf(kubeconfigPath("admin")) }, insecure: true }])
    const { GET } = await import("@/app/api/cluster/report/route")
    const body = (await (await GET(new Request("http://x/api/cluster/report"))).json()) as { report: ClusterReport }
    expect(body.report.sections.server.data!.risks).toEqual([{ id: "context-insecure-tls", severity: "high", params: { setting: "insecure-skip-tls-verify: true" } }])
    expect(admin.sections.server.data!.risks).toEqual([])
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
