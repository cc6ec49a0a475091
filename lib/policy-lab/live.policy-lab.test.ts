// Live mode end to end: the real route handler (/api/policy-lab/live) reads a real kube-apiserver
// through the inspector with a read-only user, and the apiserver's audit log proves it only ever
// saw GET and LIST from that user (never on Secrets).
import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"

import { kubeClient, type Kube } from "./differential/kube"
import type { LiveEvent } from "./live"
import type { K8sObject } from "./protocol"
import { groupRows, type ReportRow } from "./report"

vi.mock("server-only", () => ({}))

const NS = ["pl-live-prod", "pl-live-dev"]
let kube: Kube
const saved = { ...process.env }

const policy: K8sObject = {
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "ValidatingAdmissionPolicy",
  metadata: { name: "live-require-team" },
  spec: {
    failurePolicy: "Fail",
    matchConstraints: {
      namespaceSelector: { matchLabels: { "policy-lab.test/live": "yes" } },
      resourceRules: [
        { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["configmaps", "secrets"] },
        { apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"] },
      ],
    },
    validations: [
      {
        expression: "has(object.metadata.labels) && 'team' in object.metadata.labels",
        messageExpression: "object.kind + ' ' + object.metadata.name + ' in ' + namespaceObject.metadata.name + ' has no team label'",
      },
    ],
  },
}
const binding: K8sObject = { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicyBinding", metadata: { name: "live-require-team" }, spec: { policyName: "live-require-team", validationActions: ["Deny"] } }

async function post(body: unknown): Promise<{ status: number; events: LiveEvent[] }> {
  const { POST } = await import("@/app/api/policy-lab/live/route")
  const res = await POST(new Request("http://lab/api/policy-lab/live", { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }))
  const text = await res.text()
  if (!res.headers.get("content-type")?.includes("ndjson")) return { status: res.status, events: [JSON.parse(text) as LiveEvent] }
  return { status: res.status, events: text.trim().split("\n").map((l) => JSON.parse(l) as LiveEvent) }
}

beforeAll(async () => {
  kube = await kubeClient(process.env.POLICY_LAB_ADMIN_KUBECONFIG!)
  const create = async (p: string, o: unknown) => {
    const r = await kube.request("POST", p, o)
    if (r.status >= 300 && r.status !== 409) throw new Error(`${p}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`)
  }
  for (const ns of NS) await create("/api/v1/namespaces", { metadata: { name: ns, labels: { "policy-lab.test/live": "yes" } } })
  await create("/api/v1/namespaces", { metadata: { name: "pl-live-ignored" } })
  // 120 ConfigMaps per namespace: every third has no team label (40 violations per namespace).
  await Promise.all(
    NS.flatMap((ns) =>
      Array.from({ length: 120 }, (_, i) => create(`/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: `cm-${i}`, ...(i % 3 ? { labels: { team: "a" } } : {}) }, data: { i: String(i) } })),
    ),
  )
  await create("/api/v1/namespaces/pl-live-ignored/configmaps", { metadata: { name: "unlabelled" } })
  await create("/api/v1/namespaces/pl-live-prod/secrets", { metadata: { name: "never-read" }, stringData: { password: "hunter2" } })
  await create("/apis/apps/v1/namespaces/pl-live-dev/deployments", {
    metadata: { name: "api", labels: { team: "b" } },
    spec: { selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "c", image: "registry.example.com/api:1" }] } } },
  })
  process.env.KUBECONFIG = process.env.POLICY_LAB_READER_KUBECONFIG
  for (const k of Object.keys(process.env)) if (k.startsWith("INSPECTOR_")) delete process.env[k]
}, 600_000)

afterAll(() => {
  process.env = { ...saved }
})

describe("live mode", () => {
  it("GET starts the server's engine in the background and says when it is ready", async () => {
    const { GET } = await import("@/app/api/policy-lab/live/route")
    const state = async () => ((await (await GET(new Request("http://lab/api/policy-lab/live"))).json()) as { engine: string }).engine
    expect(["starting", "ready"]).toContain(await state())
    await vi.waitFor(async () => expect(await state()).toBe("ready"), { timeout: 60_000, interval: 200 })
  })

  it("reads only the matched resources, evaluates every object and streams rows", async () => {
    const { status, events } = await post({ minor: "1.37", policy, bindings: [binding], operation: "CREATE" })
    expect(status).toBe(200)
    const plan = events.find((e) => e.type === "plan")
    expect(plan && plan.type === "plan" && plan.resources.map((r) => r.resource).sort()).toEqual(["configmaps", "deployments"])
    expect(plan && plan.type === "plan" && plan.notes).toContain("secrets are never read by the lab")
    const rows = events.flatMap((e) => (e.type === "rows" ? e.rows : [])) as ReportRow[]
    const mine = rows.filter((r) => NS.includes(r.namespace))
    expect(mine.filter((r) => r.outcome === "denied")).toHaveLength(80)
    expect(mine.filter((r) => r.outcome === "allowed")).toHaveLength(161)
    expect(mine.find((r) => r.outcome === "denied")?.message).toMatch(/ConfigMap cm-\d+ in pl-live-(prod|dev) has no team label/)
    expect(rows.find((r) => r.namespace === "pl-live-ignored")?.outcome).toBe("not-matched")
    const byGroup = groupRows(mine)
    expect(byGroup.find((g) => g.namespace === "pl-live-prod" && g.kind === "ConfigMap")).toMatchObject({ total: 120, denied: 40 })
    const done = events.at(-1)
    expect(done?.type).toBe("done")
    expect(done?.type === "done" && done.capped).toBe(false)
  })

  it("caps and labels the result as a sample", async () => {
    const { events } = await post({ minor: "1.37", policy, bindings: [binding], maxPerResource: 100 })
    const done = events.at(-1)
    expect(done?.type === "done" && done.capped).toBe(true)
    expect(done?.type === "done" && done.resources.find((r) => r.resource === "configmaps")).toMatchObject({ read: 100, capped: true })
  })

  it("rejects bad input with field errors and unknown contexts", async () => {
    expect((await post({ minor: "1.29", policy })).status).toBe(400)
    expect((await post({ minor: "1.37", policy: { apiVersion: "v1", kind: "ConfigMap" } })).status).toBe(400)
    const unknown = await post({ minor: "1.37", policy, context: "no-such-context" })
    expect(unknown.status).toBe(400)
  })

  it("the apiserver saw only GET and LIST from the lab, never on Secrets", async () => {
    await new Promise((r) => setTimeout(r, 1500)) // audit log is written when responses complete
    const events = readFileSync(process.env.POLICY_LAB_AUDIT_LOG!, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { user?: { username?: string }; verb?: string; objectRef?: { resource?: string }; requestURI?: string; stage?: string })
      .filter((e) => e.user?.username === "policy-lab-reader" && e.stage === "ResponseComplete")
    expect(events.length).toBeGreaterThan(5)
    expect([...new Set(events.map((e) => e.verb))].sort()).toEqual(["get", "list"])
    expect(events.filter((e) => e.objectRef?.resource === "secrets")).toEqual([])
  })
})
