import { describe, expect, it } from "vitest"

import type { Get } from "@/lib/inspector/api-reader"
import { runLive, type LiveEngine, type LiveEvent } from "./live"
import type { K8sObject } from "./protocol"

const policy: K8sObject = {
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "ValidatingAdmissionPolicy",
  metadata: { name: "p" },
  spec: { matchConstraints: { resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"] }] }, validations: [{ expression: "true" }] },
}

/** A cluster of `n` ConfigMaps behind a recording GET (aggregated discovery, paged lists). */
function fakeCluster(n: number) {
  const paths: string[] = []
  const configMaps = Array.from({ length: n }, (_, i) => ({ metadata: { name: `cm-${i}`, namespace: "default" } }))
  const get = (async (path: string) => {
    paths.push(path)
    const url = new URL(path, "https://cluster")
    if (url.pathname === "/api") return { kind: "APIGroupDiscoveryList", items: [{ metadata: { name: "" }, versions: [{ version: "v1", resources: [{ resource: "configmaps" }, { resource: "namespaces" }] }] }] }
    if (url.pathname === "/apis") return { kind: "APIGroupDiscoveryList", items: [] }
    if (url.pathname === "/api/v1") return { resources: [{ name: "configmaps", kind: "ConfigMap", namespaced: true, verbs: ["list"] }] }
    if (url.pathname === "/api/v1/namespaces") return { items: [{ metadata: { name: "default" } }] }
    if (url.pathname === "/api/v1/configmaps") {
      const from = Number(url.searchParams.get("continue") ?? 0)
      const to = Math.min(n, from + Number(url.searchParams.get("limit")))
      return { items: configMaps.slice(from, to), metadata: to < n ? { continue: String(to) } : {} }
    }
    throw new Error(`unexpected GET ${path}`)
  }) as Get
  return { get, paths }
}

const engine: LiveEngine = {
  compile: () => ({ handle: 1, diagnostics: [] }) as unknown as ReturnType<LiveEngine["compile"]>,
  evaluate: (_handle, cases) => cases.map((c) => ({ id: c.id, elapsedUs: 0, policy: { matched: true }, verdict: { allowed: true, warnings: [] } })),
  release: () => undefined,
}

const options = { minor: "1.37" as const, parts: { policy, bindings: [], params: [], crds: [], namespaces: [], others: [] }, operation: "CREATE" as const, userInfo: { username: "jane" }, maxPerResource: 5000, maxTotal: 20_000, pageSize: 500 }

async function collect(events: AsyncGenerator<LiveEvent>): Promise<LiveEvent[]> {
  const out: LiveEvent[] = []
  for await (const e of events) out.push(e)
  return out
}

describe("runLive", () => {
  it("asks for a small first page so the first rows come early, then full pages", async () => {
    const cluster = fakeCluster(1200)
    const events = await collect(runLive(cluster.get, engine, { ...options, firstPageSize: 100 }))
    expect(cluster.paths.filter((p) => p.startsWith("/api/v1/configmaps"))).toEqual([
      "/api/v1/configmaps?limit=100",
      "/api/v1/configmaps?limit=500&continue=100",
      "/api/v1/configmaps?limit=500&continue=600",
      "/api/v1/configmaps?limit=500&continue=1100",
    ])
    expect(events.filter((e) => e.type === "rows").map((e) => (e.type === "rows" ? e.rows.length : 0))).toEqual([100, 500, 500, 100])
    expect(events.at(-1)).toMatchObject({ type: "done", read: 1200, evaluated: 1200, capped: false })
  })

  it("reads discovery and the namespaces while the engine is still starting", async () => {
    const cluster = fakeCluster(3)
    let startEngine: (e: LiveEngine) => void = () => undefined
    const starting = new Promise<LiveEngine>((resolve) => (startEngine = resolve))
    const run = collect(runLive(cluster.get, starting, options))
    await new Promise((r) => setTimeout(r, 20))
    expect(cluster.paths).toEqual(expect.arrayContaining(["/api", "/apis", "/api/v1", "/api/v1/namespaces?limit=500"]))
    expect(cluster.paths.some((p) => p.startsWith("/api/v1/configmaps"))).toBe(false)
    startEngine(engine)
    expect((await run).at(-1)).toMatchObject({ type: "done", evaluated: 3 })
  })

  it("reports an engine that failed to start as an error event", async () => {
    const events = await collect(runLive(fakeCluster(3).get, Promise.reject(new Error("out of memory")), options))
    expect(events.at(-1)).toEqual({ type: "error", message: "out of memory" })
  })
})
