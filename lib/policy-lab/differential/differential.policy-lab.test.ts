// The differential tier: every corpus request is sent to a real kube-apiserver 1.37 (policy
// installed, request with dryRun=All, audit log read back) and to the lab's engine (engine/dist),
// and the answers must agree: allowed/denied, status code, reason and message, warnings, audit
// annotations and, for MutatingAdmissionPolicy, the mutated object. A disagreement fails the test
// unless the request is a listed known difference (shown in the lab's UI with its reason).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"

import { nodeEngine, type NodeEngine } from "../engine-node"
import { resolveResource } from "../cases"
import type { CaseResult, CompileResult, K8sObject, ResourceInfo, UserInfo } from "../protocol"
import { equivalentResources } from "../resources"
import { DIFFERENTIAL_CRDS, DIFFERENTIAL_GROUPS, corpusSize } from "./corpus"
import { bindingsOf, caseIdOf, compareOutcome, isCRD, isMutating, namedPolicy, namespaceOf, placed, placedParam, policyNameOf, writeErrorsOf, type Mismatch, type ServerOutcome } from "./harness"
import { kubeClient, restPath, type Kube } from "./kube"
import { GROUP_LABEL, type DiffGroup, type DiffRequest } from "./types"

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const ALICE_IMPERSONATION = { user: "alice", groups: ["team-a"] }

let kube: Kube
let engine: NodeEngine
const users: Record<"admin" | "alice", UserInfo> = { admin: { username: "" }, alice: { username: "" } }

type Row = { id: string; group: string; covers: string[]; agree: boolean; known?: string; mismatches: Mismatch[]; server?: ServerOutcome; labMs: number }
const rows: Row[] = []

// POLICY_LAB_RECORD=file: every engine call of the lab side (request and the engine's JSON answer)
// is written there, so engine changes can be replayed against the same inputs without an
// apiserver (engine/replay_test.go compares the answers byte for byte).
const recorded: { method: string; payload: unknown; output: string }[] = []
function recording(e: NodeEngine): NodeEngine {
  const file = process.env.POLICY_LAB_RECORD
  if (!file) return e
  return {
    ...e,
    callSync: <T>(method: string, payload: unknown): T => {
      const output = e.callJSON(method, payload)
      recorded.push({ method, payload, output })
      return JSON.parse(output) as T
    },
    release: async (handle: number) => {
      e.callSync("release", { handle })
    },
  }
}

async function ok(method: string, p: string, body?: unknown) {
  const r = await kube.request(method, p, body)
  if (r.status >= 300 && !(method === "POST" && r.status === 409)) throw new Error(`${method} ${p}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`)
  return r
}

async function userInfoOf(impersonate?: { user: string; groups: string[] }): Promise<UserInfo> {
  const r = await kube.request("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" }, { impersonate })
  const u = (r.body as { status: { userInfo: { username: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> } } }).status.userInfo
  return { username: u.username, ...(u.uid ? { uid: u.uid } : {}), groups: u.groups ?? [], ...(u.extra ? { extra: u.extra } : {}) }
}

function resourceOf(o: K8sObject): ResourceInfo {
  const r = resolveResource(o, DIFFERENTIAL_CRDS)
  if (!r) throw new Error(`corpus uses an unknown kind ${o.kind}`)
  return r
}

const ALICE_RBAC = [
  {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: { name: "pl-alice" },
    rules: [
      { apiGroups: [""], resources: ["configmaps", "pods", "services"], verbs: ["get", "list", "create", "update", "delete"] },
      { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "create", "update", "delete"] },
    ],
  },
  {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name: "pl-alice" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "pl-alice" },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "team-a" }],
  },
]

// The lab's stand-in for RBAC: the same grant, with the reason the RBAC authorizer gives.
const LAB_AUTHORIZER = {
  default: "" as const,
  rules: [
    { groups: ["team-a"], verbs: ["get", "list", "create", "update", "delete"], apiGroups: [""], resources: ["configmaps", "pods", "services"], decision: "allow" as const, reason: 'RBAC: allowed by ClusterRoleBinding "pl-alice" of ClusterRole "pl-alice" to Group "team-a"' },
    { groups: ["team-a"], verbs: ["get", "list", "create", "update", "delete"], apiGroups: ["apps"], resources: ["deployments"], decision: "allow" as const, reason: 'RBAC: allowed by ClusterRoleBinding "pl-alice" of ClusterRole "pl-alice" to Group "team-a"' },
  ],
}

function readAudit(file: string): Map<string, Record<string, string>> {
  const byAgent = new Map<string, Record<string, string>>()
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.includes("policy-lab-diff/")) continue
    const e = JSON.parse(line) as { userAgent?: string; stage?: string; annotations?: Record<string, string> }
    if (e.stage !== "ResponseComplete" || !e.userAgent?.startsWith("policy-lab-diff/")) continue
    byAgent.set(e.userAgent.slice("policy-lab-diff/".length), e.annotations ?? {})
  }
  return byAgent
}

async function setUpGroup(g: DiffGroup) {
  const ns = namespaceOf(g)
  await ok("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: ns, labels: { ...g.namespaceLabels }, annotations: { ...g.namespaceAnnotations } } })
  for (const p of g.params ?? []) {
    const o = placedParam(g, p)
    await ok("POST", restPath(resourceOf(o), o.metadata?.namespace), o)
  }
  for (const r of g.requests) {
    if (!r.oldObject) continue
    const o = placed(g, r, r.oldObject)
    await ok("POST", restPath(resourceOf(o), o.metadata?.namespace), o)
  }
}

async function waitForEnforcement() {
  // Sentinels created after every corpus policy: once they act, the informers have delivered
  // every earlier policy and binding (events arrive in order).
  const sentinelLabel = "policy-lab.test/sentinel"
  const rule = { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"] }
  await ok("POST", "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies", {
    metadata: { name: "pl-sentinel" },
    spec: { failurePolicy: "Fail", paramKind: { apiVersion: "v1", kind: "ConfigMap" }, matchConstraints: { resourceRules: [rule], objectSelector: { matchLabels: { [sentinelLabel]: "vap" } } }, validations: [{ expression: "params.data.deny != 'yes'", message: "sentinel" }] },
  })
  await ok("POST", "/api/v1/namespaces/default/configmaps", { metadata: { name: "pl-sentinel-params" }, data: { deny: "yes" } })
  await ok("POST", "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings", {
    metadata: { name: "pl-sentinel" },
    spec: { policyName: "pl-sentinel", validationActions: ["Deny"], paramRef: { name: "pl-sentinel-params", namespace: "default", parameterNotFoundAction: "Allow" } },
  })
  await ok("POST", "/apis/admissionregistration.k8s.io/v1/mutatingadmissionpolicies", {
    metadata: { name: "pl-sentinel-map" },
    spec: { failurePolicy: "Fail", reinvocationPolicy: "Never", matchConstraints: { resourceRules: [rule], objectSelector: { matchLabels: { [sentinelLabel]: "map" } } }, mutations: [{ patchType: "ApplyConfiguration", applyConfiguration: { expression: "Object{metadata: Object.metadata{labels: {'sentinel-seen': 'yes'}}}" } }] },
  })
  await ok("POST", "/apis/admissionregistration.k8s.io/v1/mutatingadmissionpolicybindings", { metadata: { name: "pl-sentinel-map" }, spec: { policyName: "pl-sentinel-map" } })
  const deadline = Date.now() + 120_000
  let vapOk = false
  let mapOk = false
  while (Date.now() < deadline && !(vapOk && mapOk)) {
    if (!vapOk) {
      const r = await kube.request("POST", "/api/v1/namespaces/default/configmaps?dryRun=All", { metadata: { name: "probe", labels: { [sentinelLabel]: "vap" } } })
      vapOk = r.status === 422 && JSON.stringify(r.body).includes("sentinel")
    }
    if (!mapOk) {
      const r = await kube.request("POST", "/api/v1/namespaces/default/configmaps?dryRun=All", { metadata: { name: "probe", labels: { [sentinelLabel]: "map" } } })
      mapOk = r.status === 201 && JSON.stringify(r.body).includes("sentinel-seen")
    }
    if (!(vapOk && mapOk)) await sleep(500)
  }
  if (!(vapOk && mapOk)) throw new Error("the apiserver did not start enforcing the corpus policies within 120 s")
  // Param informers of newly used paramKinds start on the first refresh; give them a moment.
  await sleep(2000)
}

async function sendRequest(g: DiffGroup, r: DiffRequest): Promise<{ server: ServerOutcome; sent?: K8sObject; stored?: K8sObject }> {
  const agent = `policy-lab-diff/${caseIdOf(g, r)}`
  const impersonate = r.user === "alice" ? ALICE_IMPERSONATION : undefined
  const template = r.object ?? r.oldObject!
  const res = resourceOf(template)
  const name = placed(g, r, template).metadata!.name!
  const ns = res.namespaced ? namespaceOf(g) : undefined
  let stored: K8sObject | undefined
  if (r.oldObject) stored = (await ok("GET", restPath(res, ns, name))).body as K8sObject
  let sent: K8sObject | undefined
  let resp
  if (r.operation === "CREATE") {
    sent = placed(g, r, r.object!)
    resp = await kube.request("POST", `${restPath(res, ns)}?dryRun=All`, sent, { impersonate, userAgent: agent })
  } else if (r.operation === "UPDATE") {
    sent = placed(g, r, r.object!)
    sent.metadata = { ...sent.metadata, resourceVersion: stored!.metadata!.resourceVersion as string, uid: stored!.metadata!.uid, creationTimestamp: stored!.metadata!.creationTimestamp }
    resp = await kube.request("PUT", `${restPath(res, ns, name)}?dryRun=All`, sent, { impersonate, userAgent: agent })
  } else {
    resp = await kube.request("DELETE", `${restPath(res, ns, name)}?dryRun=All`, undefined, { impersonate, userAgent: agent })
  }
  const allowed = resp.status < 300
  const status = (allowed ? {} : resp.body) as { code?: number; reason?: string; message?: string }
  return {
    server: { allowed, ...(allowed ? {} : { code: status.code, reason: status.reason, message: status.message }), warnings: resp.warnings, auditAnnotations: {}, ...(allowed && r.operation !== "DELETE" ? { object: resp.body as K8sObject } : {}) },
    sent,
    stored,
  }
}

beforeAll(async () => {
  const adminFile = process.env.POLICY_LAB_ADMIN_KUBECONFIG
  if (!adminFile) throw new Error("run with vitest.policy-lab.config.ts (its global setup starts the apiserver)")
  kube = await kubeClient(adminFile)
  engine = recording(await nodeEngine())
  users.admin = await userInfoOf()
  users.alice = await userInfoOf(ALICE_IMPERSONATION)
  for (const o of ALICE_RBAC) await ok("POST", o.kind === "ClusterRole" ? "/apis/rbac.authorization.k8s.io/v1/clusterroles" : "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", o)
}, 600_000)

describe("differential: real kube-apiserver 1.37 vs the lab", () => {
  it(`agrees on the corpus (${corpusSize().requests} requests, ${corpusSize().rejected} rejected policies, ${corpusSize().groups} groups)`, async () => {
    const started = Date.now()
    const writeResults = new Map<string, { status: number; body: unknown }>()
    // CRDs first (their custom resources are stored objects of other steps), then wait until served.
    for (const g of DIFFERENTIAL_GROUPS.filter(isCRD)) writeResults.set(g.id, await kube.request("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", g.policy))
    for (const g of DIFFERENTIAL_GROUPS.filter((x) => isCRD(x) && writeResults.get(x.id)!.status < 300)) {
      const name = g.policy.metadata!.name!
      for (let i = 0; ; i++) {
        const r = await kube.request("GET", `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`)
        const conditions = ((r.body as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? [])
        if (conditions.some((c) => c.type === "Established" && c.status === "True")) break
        if (i > 120) throw new Error(`CRD ${name} not established`)
        await sleep(250)
      }
      const group = (g.policy.spec as { group: string }).group
      for (let i = 0; (await kube.request("GET", `/apis/${group}/v1`)).status !== 200; i++) {
        if (i > 120) throw new Error(`${group}/v1 not served`)
        await sleep(250)
      }
    }
    for (const g of DIFFERENTIAL_GROUPS) await setUpGroup(g)
    for (const g of DIFFERENTIAL_GROUPS) {
      if (isCRD(g)) continue
      const plural = isMutating(g) ? "mutatingadmissionpolicies" : "validatingadmissionpolicies"
      const r = await kube.request("POST", `/apis/admissionregistration.k8s.io/v1/${plural}`, namedPolicy(g))
      writeResults.set(g.id, r)
      if (r.status >= 300) continue
      for (const b of bindingsOf(g)) await ok("POST", `/apis/admissionregistration.k8s.io/v1/${plural.replace("policies", "policybindings")}`, b)
    }
    await waitForEnforcement()
    const setupSeconds = (Date.now() - started) / 1000

    // Server side: every request with dryRun=All (8 at a time).
    const serverResults = new Map<string, Awaited<ReturnType<typeof sendRequest>>>()
    const queue = DIFFERENTIAL_GROUPS.filter((g) => !g.rejectedAtWrite).flatMap((g) => g.requests.map((r) => [g, r] as const))
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let item = queue.shift(); item; item = queue.shift()) serverResults.set(caseIdOf(item[0], item[1]), await sendRequest(item[0], item[1]))
      }),
    )
    const audit = readAudit(process.env.POLICY_LAB_AUDIT_LOG!)
    for (const [id, r] of serverResults) r.server.auditAnnotations = audit.get(id) ?? {}

    // Lab side: one compile per group, one evaluation per request.
    for (const g of DIFFERENTIAL_GROUPS) {
      const ns = (await ok("GET", `/api/v1/namespaces/${namespaceOf(g)}`)).body as K8sObject
      const policy = namedPolicy(g)
      const paramKind = (policy.spec as { paramKind?: { apiVersion: string; kind: string } }).paramKind
      const compiled = engine.callSync<CompileResult>("compile", {
        minor: "1.37",
        policy,
        bindings: bindingsOf(g),
        params: (g.params ?? []).map((p) => placedParam(g, p)),
        ...(paramKind ? { paramResource: resolveResource(paramKind, []) } : {}),
        ...(isCRD(g) ? { crds: [policy] } : {}),
        namespaces: [ns],
        authorizer: LAB_AUTHORIZER,
        equivalents: equivalentResources(),
      })
      const written = writeResults.get(g.id)!
      if (g.rejectedAtWrite || written.status >= 300) {
        const serverErrors = written.status >= 300 ? writeErrorsOf(written.body as never) : []
        const labErrors = compiled.diagnostics.filter((d) => d.phase === "write").map((d) => d.message).sort()
        const mismatches: Mismatch[] = []
        if (JSON.stringify(serverErrors) !== JSON.stringify(labErrors)) mismatches.push({ field: "writeErrors", server: serverErrors, lab: labErrors })
        if (g.rejectedAtWrite && written.status < 300) mismatches.push({ field: "rejectedAtWrite", server: "accepted", lab: "expected a rejection" })
        rows.push({ id: `${g.id}/write`, group: g.id, covers: g.covers, agree: mismatches.length === 0, mismatches, labMs: 0 })
        continue
      }
      const labWrite = compiled.diagnostics.filter((d) => d.phase === "write")
      if (labWrite.length) rows.push({ id: `${g.id}/write`, group: g.id, covers: g.covers, agree: false, mismatches: [{ field: "writeErrors", server: [], lab: labWrite.map((d) => d.message) }], labMs: 0 })
      for (const r of g.requests) {
        const id = caseIdOf(g, r)
        const { server, sent, stored } = serverResults.get(id)!
        const template = r.object ?? r.oldObject!
        const t0 = performance.now()
        const [lab] = engine.callSync<{ results: CaseResult[] }>("evaluate", {
          handle: compiled.handle,
          cases: [{ id, operation: r.operation, object: r.operation === "DELETE" ? null : sent, oldObject: stored ?? null, resource: resourceOf(template), userInfo: users[r.user ?? "admin"], dryRun: true }],
        }).results
        const labMs = performance.now() - t0
        const mismatches = compareOutcome(server, lab!, policyNameOf(g))
        rows.push({ id, group: g.id, covers: g.covers, agree: mismatches.length === 0, known: r.known, mismatches, server, labMs })
      }
      await engine.release(compiled.handle)
    }

    const agreed = rows.filter((r) => r.agree).length
    const knownRows = rows.filter((r) => !r.agree && r.known)
    const failures = rows.filter((r) => !r.agree && !r.known)
    const report = { corpus: corpusSize(), cases: rows.length, agreed, known: knownRows.length, failures: failures.length, setupSeconds, rows }
    mkdirSync(path.join(process.cwd(), ".cache", "policy-lab"), { recursive: true })
    writeFileSync(path.join(process.cwd(), ".cache", "policy-lab", "differential.json"), JSON.stringify(report, null, 2))
    if (process.env.POLICY_LAB_RECORD) writeFileSync(process.env.POLICY_LAB_RECORD, JSON.stringify(recorded))
    console.log(`differential: ${rows.length} cases, ${agreed} agree, ${knownRows.length} known differences, ${failures.length} disagreements (setup ${setupSeconds.toFixed(1)} s)`)
    for (const f of failures.slice(0, 40)) console.log(`DISAGREE ${f.id}: ${JSON.stringify(f.mismatches).slice(0, 1500)}`)
    expect(rows.length).toBeGreaterThanOrEqual(300)
    expect(failures.map((f) => f.id)).toEqual([])
  })
})

void GROUP_LABEL
