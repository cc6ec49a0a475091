// Builds a ClusterReport through an abstract GET transport. Pure TypeScript: the real transport
// (client-node credentials + https) lives in transport.ts, which is server-only.
import type { MechanismId } from "@/lib/catalog"
import * as A from "./analyze"
import type * as R from "./raw"
import { createLimiter } from "./report-cache"
import { INSPECTED_RESOURCES, type InspectedResource, type ResourceKey } from "./resources"
import { networkReason, statusReason } from "./sanitize"
import { defaultNamespaceLabels } from "./selectors"
import {
  REPORT_SCHEMA_VERSION,
  SECTION_POINTS,
  type ClusterReport,
  type InspectError,
  type NotObservable,
  type ResourceRead,
  type Section,
  type SectionData,
  type SectionId,
  type SectionStatus,
} from "./types"

export type HttpResponse = { status: number; body: string }
/** GET a path on the apiserver. Rejects on network errors (with .code) and on timeout (code INSPECTOR_TIMEOUT). */
export type Transport = (path: string, opts: { accept: string; timeoutMs: number }) => Promise<HttpResponse>

export type InspectOptions = {
  context: string
  /** Per-request timeout. */
  requestTimeoutMs?: number
  /** Whole-report budget; requests still pending after it fail fast. */
  reportTimeoutMs?: number
  concurrency?: number
  pageSize?: number
  /** Safety cap per resource; counts above it are reported as truncated lower bounds. */
  maxItems?: number
  now?: () => number
}

export const AGGREGATED_DISCOVERY_ACCEPT =
  "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"
const JSON_ACCEPT = "application/json"

export class RequestFailure extends Error {
  constructor(
    readonly status: SectionStatus,
    readonly reason: string,
  ) {
    super(reason)
  }
}

function classifyHttp(res: HttpResponse): RequestFailure | undefined {
  if (res.status >= 200 && res.status < 300) return undefined
  const reason = statusReason(res.status, res.body)
  if (res.status === 403) return new RequestFailure("forbidden", reason)
  if (res.status === 404) return new RequestFailure("unavailable", "not served by this cluster (404)")
  if (res.status === 503) return new RequestFailure("unavailable", reason)
  return new RequestFailure("error", reason)
}

function classifyThrown(err: unknown, timeoutMs: number): RequestFailure {
  if (err instanceof RequestFailure) return err
  if ((err as { code?: string })?.code === "INSPECTOR_TIMEOUT") return new RequestFailure("error", `timed out after ${timeoutMs} ms`)
  return new RequestFailure("error", networkReason(err))
}

type Discovery = {
  mode: "aggregated" | "legacy"
  /** "group/version" -> resources (undefined when only the group-version is known). */
  served: Map<string, Set<string> | undefined>
  groups: SectionData["discovery"]["groups"]
  stale: string[]
}

const gvKey = (group: string, version: string) => (group ? `${group}/${version}` : version)

type AggregatedList = {
  kind?: string
  items?: {
    metadata?: { name?: string }
    versions?: { version?: string; freshness?: string; resources?: { resource?: string }[] }[]
  }[]
}
type LegacyGroupList = { kind?: string; groups?: { name?: string; versions?: { version?: string }[]; preferredVersion?: { version?: string } }[] }
type LegacyVersions = { kind?: string; versions?: string[] }

/** Parses aggregated (v2/v2beta1) or legacy discovery documents into one shape. */
export function parseDiscovery(api: unknown, apis: unknown): Discovery {
  const served = new Map<string, Set<string> | undefined>()
  const groups: Discovery["groups"] = []
  const stale: string[] = []
  const docs = [api, apis] as (AggregatedList & LegacyGroupList & LegacyVersions)[]
  const aggregated = docs.every((d) => d?.kind === "APIGroupDiscoveryList")
  for (const doc of docs) {
    if (doc?.kind === "APIGroupDiscoveryList") {
      for (const g of doc.items ?? []) {
        const group = g.metadata?.name ?? ""
        const versions: string[] = []
        for (const v of g.versions ?? []) {
          if (!v.version) continue
          versions.push(v.version)
          // Stale = the aggregator could not refresh this group-version: treat as unavailable.
          if (v.freshness === "Stale") {
            stale.push(gvKey(group, v.version))
            continue
          }
          served.set(gvKey(group, v.version), new Set((v.resources ?? []).map((r) => r.resource ?? "")))
        }
        groups.push({ group, versions, ...(versions[0] ? { preferred: versions[0] } : {}) })
      }
    } else if (doc?.kind === "APIGroupList") {
      for (const g of doc.groups ?? []) {
        const versions = (g.versions ?? []).map((v) => v.version ?? "").filter(Boolean)
        for (const v of versions) served.set(gvKey(g.name ?? "", v), undefined)
        groups.push({ group: g.name ?? "", versions, ...(g.preferredVersion?.version ? { preferred: g.preferredVersion.version } : {}) })
      }
    } else if (doc?.kind === "APIVersions") {
      for (const v of doc.versions ?? []) served.set(v, undefined)
      groups.push({ group: "", versions: doc.versions ?? [], preferred: doc.versions?.[0] ?? "v1" })
    }
  }
  groups.sort((a, b) => a.group.localeCompare(b.group))
  return { mode: aggregated ? "aggregated" : "legacy", served, groups, stale }
}

export const NOT_OBSERVABLE: readonly NotObservable[] = [
  { mechanism: "kubectl-plugin", point: "1", reason: "kubectl plugins live on users' machines; the cluster never sees them." },
  { mechanism: "exec-credential-plugin", point: "1", reason: "Credential plugins are configured in each user's kubeconfig, not in the cluster." },
  { mechanism: "authentication-webhook", point: "2", reason: "Authentication webhooks are kube-apiserver flags/config files; the API does not expose them." },
  { mechanism: "structured-authentication", point: "2", reason: "AuthenticationConfiguration is a file passed to kube-apiserver; the API does not expose it." },
  { mechanism: "authenticating-proxy", point: "2", reason: "Request-header authentication is configured by kube-apiserver flags; the API does not expose it." },
  { mechanism: "authorization-webhook", point: "2", reason: "Authorization modes and webhooks are kube-apiserver flags/config files; the API does not expose them." },
  { mechanism: "image-policy-webhook", point: "2", reason: "ImagePolicyWebhook is configured in the admission control config file, not through the API." },
  { mechanism: "scheduler-configuration", point: "4", reason: "KubeSchedulerConfiguration is a file read by kube-scheduler; only the scheduler's own /configz shows it." },
  { mechanism: "scheduler-plugin", point: "4", reason: "Scheduler plugins are compiled into the scheduler binary; the API cannot list them." },
  { mechanism: "scheduler-extender", point: "4", reason: "Extenders are set in KubeSchedulerConfiguration, a file the API does not expose." },
  { mechanism: "controller", point: "5", reason: "Controllers are ordinary workloads; only their CRDs (inferred owners) are visible here." },
  { mechanism: "cni-plugin", point: "6", reason: "The CNI configuration lives on each node (/etc/cni/net.d); the plugin shown here is inferred from workloads." },
  { mechanism: "image-credential-provider", point: "7", reason: "Kubelet credential providers are kubelet flags and a node-local config file; the API does not expose them." },
]

type SectionSpec<K extends SectionId> = {
  mechanisms: MechanismId[]
  inference?: boolean
  build: (read: Reader) => Promise<SectionData[K] | undefined>
}

type Reader = {
  list: <T>(key: ResourceKey, opts?: { optional?: boolean }) => Promise<T[] | undefined>
  count: (key: ResourceKey, opts?: { optional?: boolean }) => Promise<number | undefined>
  version: (key: ResourceKey) => string | undefined
}

type ListResult = { items: unknown[]; read: ResourceRead }

export async function inspect(transport: Transport, options: InspectOptions): Promise<{ ok: true; report: ClusterReport } | { ok: false; error: InspectError }> {
  const now = options.now ?? Date.now
  const started = now()
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000
  const deadline = started + (options.reportTimeoutMs ?? 45_000)
  const pageSize = options.pageSize ?? 500
  const maxItems = options.maxItems ?? 10_000
  const limit = createLimiter(options.concurrency ?? 8)

  const get = (path: string, accept = JSON_ACCEPT) =>
    limit(async () => {
      const remaining = deadline - now()
      if (remaining <= 0) throw new RequestFailure("error", "report time budget exceeded")
      const timeoutMs = Math.min(requestTimeoutMs, remaining)
      let res: HttpResponse
      try {
        res = await transport(path, { accept, timeoutMs })
      } catch (err) {
        throw classifyThrown(err, timeoutMs)
      }
      const failure = classifyHttp(res)
      if (failure) throw failure
      try {
        return JSON.parse(res.body) as unknown
      } catch {
        throw new RequestFailure("error", "response was not JSON")
      }
    })

  // 1. /version: also the reachability probe. A network failure here ends the report early with
  //    one clear error instead of 17 identical section errors.
  const tVersion = now()
  let version: R.RawVersion
  try {
    version = (await get("/version")) as R.RawVersion
  } catch (err) {
    const f = classifyThrown(err, requestTimeoutMs)
    if (f.reason.startsWith("HTTP 401") || f.reason.startsWith("401")) return { ok: false, error: { code: "unauthorized", message: "the cluster rejected the configured credentials (401)" } }
    if (f.reason.startsWith("timed out")) return { ok: false, error: { code: "timeout", message: `cluster did not answer: ${f.reason}` } }
    if (f.status === "error" && !/^\d{3}|HTTP/.test(f.reason)) return { ok: false, error: { code: "unreachable", message: `cluster unreachable: ${f.reason}` } }
    return { ok: false, error: { code: "error", message: f.reason } }
  }
  const versionMs = now() - tVersion

  // 2. Discovery: aggregated first; servers that do not know the Accept type return legacy lists.
  const tDisc = now()
  let discovery: Discovery | undefined
  let discoveryFailure: RequestFailure | undefined
  try {
    const [api, apis] = await Promise.all([get("/api", AGGREGATED_DISCOVERY_ACCEPT), get("/apis", AGGREGATED_DISCOVERY_ACCEPT)])
    discovery = parseDiscovery(api, apis)
    if (discovery.mode === "legacy") {
      // Legacy discovery names group-versions only; fetch resources for the ones we might use.
      const wanted = new Set<string>()
      for (const r of Object.values(INSPECTED_RESOURCES) as InspectedResource[]) {
        for (const v of r.versions) if (discovery.served.has(gvKey(r.group, v))) wanted.add(gvKey(r.group, v))
      }
      await Promise.all(
        [...wanted].map(async (gv) => {
          try {
            const doc = (await get(gv.includes("/") ? `/apis/${gv}` : `/api/${gv}`)) as { resources?: { name?: string }[] }
            discovery!.served.set(gv, new Set((doc.resources ?? []).map((r) => r.name ?? "")))
          } catch {
            // keep "unknown": the list call itself will tell
          }
        }),
      )
    }
  } catch (err) {
    discoveryFailure = classifyThrown(err, requestTimeoutMs)
  }
  const discoveryMs = now() - tDisc

  const resolveVersion = (key: ResourceKey): string | undefined => {
    const r: InspectedResource = INSPECTED_RESOURCES[key]
    // Without discovery, try the preferred version and let the list answer 404 if not served.
    if (!discovery) return r.versions[0]
    for (const v of r.versions) {
      const gv = gvKey(r.group, v)
      if (!discovery.served.has(gv)) continue
      const resources = discovery.served.get(gv)
      if (!resources || resources.has(r.resource)) return v
    }
    return undefined
  }

  const resourcePath = (key: ResourceKey, v: string) => {
    const r: InspectedResource = INSPECTED_RESOURCES[key]
    return r.group ? `/apis/${r.group}/${v}/${r.resource}` : `/api/${v}/${r.resource}`
  }
  const resourceLabel = (key: ResourceKey, v?: string) => {
    const r: InspectedResource = INSPECTED_RESOURCES[key]
    return [r.group || "core", v, r.resource].filter(Boolean).join("/")
  }

  // Lists are shared between sections (pods feed schedulers, FlexVolume and server flags).
  const lists = new Map<ResourceKey, Promise<ListResult>>()
  const listOnce = (key: ResourceKey): Promise<ListResult> => {
    let p = lists.get(key)
    if (!p) {
      p = (async (): Promise<ListResult> => {
        const v = resolveVersion(key)
        if (!v) {
          const r: InspectedResource = INSPECTED_RESOURCES[key]
          const stale = discovery?.stale.some((gv) => gv.startsWith(`${r.group}/`))
          return {
            items: [],
            read: { resource: resourceLabel(key), status: "unavailable", reason: stale ? "API group is stale (APIService unavailable)" : "not served by this cluster" },
          }
        }
        const items: unknown[] = []
        let cont: string | undefined
        let restarted = false
        try {
          do {
            const q = new URLSearchParams({ limit: String(pageSize) })
            if (cont) q.set("continue", cont)
            let page: { items?: unknown[]; metadata?: { continue?: string } }
            try {
              page = (await get(`${resourcePath(key, v)}?${q}`)) as typeof page
            } catch (err) {
              // 410 Gone: the continue token expired; restart the list once from the beginning.
              if (err instanceof RequestFailure && /^410/.test(err.reason) && !restarted) {
                restarted = true
                items.length = 0
                cont = undefined
                continue
              }
              throw err
            }
            items.push(...(page.items ?? []))
            cont = page.metadata?.continue || undefined
          } while (cont && items.length < maxItems)
          return { items, read: { resource: resourceLabel(key, v), status: "ok", count: items.length, ...(cont ? { truncated: true } : {}) } }
        } catch (err) {
          const f = classifyThrown(err, requestTimeoutMs)
          return { items: [], read: { resource: resourceLabel(key, v), status: f.status, reason: f.reason } }
        }
      })()
      lists.set(key, p)
    }
    return p
  }

  const counts = new Map<ResourceKey, Promise<ListResult & { total: number }>>()
  const countOnce = (key: ResourceKey) => {
    let p = counts.get(key)
    if (!p) {
      p = (async () => {
        const v = resolveVersion(key)
        if (!v) return { items: [], total: 0, read: { resource: resourceLabel(key), status: "unavailable" as const, reason: "not served by this cluster" } }
        try {
          // limit=1 + remainingItemCount: a count without transferring every object.
          const page = (await get(`${resourcePath(key, v)}?limit=1`)) as { items?: unknown[]; metadata?: { continue?: string; remainingItemCount?: number } }
          let total = (page.items?.length ?? 0) + (page.metadata?.remainingItemCount ?? 0)
          if (page.metadata?.continue && page.metadata.remainingItemCount === undefined) {
            const full = await listOnce(key)
            if (full.read.status !== "ok") return { ...full, total: 0 }
            total = full.items.length
          }
          return { items: [], total, read: { resource: resourceLabel(key, v), status: "ok" as const, count: total } }
        } catch (err) {
          const f = classifyThrown(err, requestTimeoutMs)
          return { items: [], total: 0, read: { resource: resourceLabel(key, v), status: f.status, reason: f.reason } }
        }
      })()
      counts.set(key, p)
    }
    return p
  }

  const runSection = async <K extends SectionId>(id: K, spec: SectionSpec<K>): Promise<Section<K>> => {
    const t0 = now()
    const reads: (ResourceRead & { optional: boolean })[] = []
    const reader: Reader = {
      list: async <T,>(key: ResourceKey, o?: { optional?: boolean }) => {
        const r = await listOnce(key)
        reads.push({ ...r.read, optional: !!o?.optional })
        return r.read.status === "ok" ? (r.items as T[]) : undefined
      },
      count: async (key, o) => {
        const r = await countOnce(key)
        reads.push({ ...r.read, optional: !!o?.optional })
        return r.read.status === "ok" ? r.total : undefined
      },
      version: (key) => resolveVersion(key),
    }
    let data: SectionData[K] | undefined
    let crash: string | undefined
    try {
      data = await spec.build(reader)
    } catch (err) {
      crash = `internal error: ${networkReason(err)}`
    }
    const { status, reason } = crash ? { status: "error" as const, reason: crash } : sectionStatus(reads)
    const anyRequiredOk = reads.some((r) => !r.optional && r.status === "ok")
    return {
      id,
      point: SECTION_POINTS[id],
      mechanisms: spec.mechanisms,
      status,
      ...(reason ? { reason } : {}),
      inference: spec.inference ?? false,
      durationMs: now() - t0,
      reads: reads.map(({ optional, ...r }) => (optional ? { ...r, optional } : r)),
      ...(data !== undefined && (anyRequiredOk || reads.every((r) => r.optional)) && !crash ? { data } : {}),
    }
  }

  const groups = discovery?.groups.map((g) => g.group) ?? []

  const specs: { [K in SectionId]: SectionSpec<K> } = {
    server: {
      mechanisms: [],
      build: async (read) => {
        const [nodes, pods] = await Promise.all([read.list<R.RawNode>("nodes", { optional: true }), read.list<R.RawPod>("pods", { optional: true })])
        const { platform, hints } = A.platformHints(version, nodes ?? [], groups)
        return {
          gitVersion: version.gitVersion ?? "",
          major: version.major ?? "",
          minor: (version.minor ?? "").replace(/\D+$/, ""),
          platform,
          platformHints: hints,
          apiserverFlags: A.apiserverFlags(pods ?? []),
        }
      },
    },
    discovery: {
      mechanisms: ["custom-resource-definition", "api-aggregation"],
      build: async () =>
        discovery ? { mode: discovery.mode, groups: discovery.groups, staleGroupVersions: discovery.stale } : undefined,
    },
    webhooks: {
      mechanisms: ["validating-admission-webhook", "mutating-admission-webhook"],
      build: async (read) => {
        const [v, m, ns] = await Promise.all([
          read.list<R.RawWebhookConfiguration>("validatingWebhookConfigurations"),
          read.list<R.RawWebhookConfiguration>("mutatingWebhookConfigurations"),
          read.list<R.RawNamespace>("namespaces", { optional: true }),
        ])
        const labels = new Map((ns ?? []).map((n) => [n.metadata?.name ?? "", n.metadata?.labels ?? {}]))
        const labelsOf = (name: string) => labels.get(name) ?? defaultNamespaceLabels(name)
        return { items: [...A.webhookItems(v ?? [], "validating", labelsOf), ...A.webhookItems(m ?? [], "mutating", labelsOf)] }
      },
    },
    admissionPolicies: {
      mechanisms: ["validating-admission-policy", "mutating-admission-policy"],
      build: async (read) => {
        const [vap, vapb, map, mapb] = await Promise.all([
          read.list<R.RawPolicy>("validatingAdmissionPolicies"),
          read.list<R.RawPolicyBinding>("validatingAdmissionPolicyBindings"),
          read.list<R.RawPolicy>("mutatingAdmissionPolicies"),
          read.list<R.RawPolicyBinding>("mutatingAdmissionPolicyBindings"),
        ])
        const mv = read.version("mutatingAdmissionPolicies")
        return {
          items: [
            ...A.admissionPolicyItems(vap ?? [], vapb ?? [], "validating", `admissionregistration.k8s.io/${read.version("validatingAdmissionPolicies") ?? "v1"}`),
            ...A.admissionPolicyItems(map ?? [], mapb ?? [], "mutating", `admissionregistration.k8s.io/${mv ?? ""}`),
          ],
          ...(mv ? { mutatingVersion: `admissionregistration.k8s.io/${mv}` } : {}),
        }
      },
    },
    crds: {
      mechanisms: ["custom-resource-definition"],
      build: async (read) => {
        const crds = await read.list<R.RawCrd>("customResourceDefinitions")
        return crds ? { items: A.crdItems(crds) } : undefined
      },
    },
    apiServices: {
      mechanisms: ["api-aggregation"],
      build: async (read) => {
        const s = await read.list<R.RawApiService>("apiServices")
        return s ? { items: A.apiServiceItems(s) } : undefined
      },
    },
    schedulers: {
      mechanisms: ["multiple-schedulers", "scheduler-configuration"],
      build: async (read) => {
        const [pods, deps] = await Promise.all([read.list<R.RawPod>("pods"), read.list<R.RawWorkload>("deployments")])
        return { items: A.schedulerItems(pods ?? [], deps ?? []), podsScanned: pods?.length ?? 0 }
      },
    },
    operators: {
      mechanisms: ["operator", "controller"],
      inference: true,
      build: async (read) => {
        const crds = await read.list<R.RawCrd>("customResourceDefinitions")
        return crds ? { items: A.operatorItems(A.crdItems(crds)) } : undefined
      },
    },
    cni: {
      mechanisms: ["cni-plugin"],
      inference: true,
      build: async (read) => {
        const [ds, crds] = await Promise.all([
          read.list<R.RawWorkload>("daemonSets"),
          read.list<R.RawCrd>("customResourceDefinitions", { optional: true }),
        ])
        return { items: A.cniItems(ds ?? [], (crds ?? []).map((c) => c.spec?.group ?? "")) }
      },
    },
    runtimeClasses: {
      mechanisms: [],
      build: async (read) => {
        const rc = await read.list<R.RawRuntimeClass>("runtimeClasses")
        return rc ? { items: A.runtimeClassItems(rc) } : undefined
      },
    },
    csiDrivers: {
      mechanisms: ["csi-driver"],
      build: async (read) => {
        const [d, sc] = await Promise.all([read.list<R.RawCsiDriver>("csiDrivers"), read.list<R.RawStorageClass>("storageClasses", { optional: true })])
        return d ? { items: A.csiDriverItems(d, sc ?? []) } : undefined
      },
    },
    storageClasses: {
      mechanisms: ["csi-driver"],
      build: async (read) => {
        const [sc, d] = await Promise.all([read.list<R.RawStorageClass>("storageClasses"), read.list<R.RawCsiDriver>("csiDrivers", { optional: true })])
        return sc ? { items: A.storageClassItems(sc, d ? new Set(d.map((x) => x.metadata?.name ?? "")) : undefined) } : undefined
      },
    },
    flexVolume: {
      mechanisms: ["flexvolume"],
      build: async (read) => {
        const [pvs, pods] = await Promise.all([read.list<R.RawPv>("persistentVolumes"), read.list<R.RawPod>("pods")])
        return { items: A.flexVolumeItems(pvs ?? [], pods ?? []) }
      },
    },
    extendedResources: {
      mechanisms: ["device-plugin"],
      build: async (read) => {
        const [nodes, ds] = await Promise.all([read.list<R.RawNode>("nodes"), read.list<R.RawWorkload>("daemonSets", { optional: true })])
        if (!nodes) return undefined
        const nodesRead = await listOnce("nodes")
        return {
          items: A.extendedResourceItems(nodes),
          nodes: nodes.length,
          nodesTruncated: !!nodesRead.read.truncated,
          devicePluginDaemonSets: A.devicePluginDaemonSets(ds ?? []),
        }
      },
    },
    dra: {
      mechanisms: ["dra-driver"],
      build: async (read) => {
        const [dc, rs] = await Promise.all([read.list<R.RawDeviceClass>("deviceClasses"), read.list<R.RawResourceSlice>("resourceSlices")])
        const v = read.version("deviceClasses")
        return {
          ...(v ? { version: `resource.k8s.io/${v}` } : {}),
          deviceClasses: A.deviceClassItems(dc ?? []),
          drivers: A.resourceSliceDrivers(rs ?? []),
        }
      },
    },
    priorityClasses: {
      mechanisms: ["policy-apis"],
      build: async (read) => {
        const pcs = await read.list<R.RawPriorityClass>("priorityClasses")
        return pcs ? { items: A.priorityClassItems(pcs) } : undefined
      },
    },
    policyApis: {
      mechanisms: ["policy-apis"],
      build: async (read) => {
        const [resourceQuotas, limitRanges, networkPolicies, roles, clusterRoles] = await Promise.all([
          read.count("resourceQuotas"),
          read.count("limitRanges"),
          read.count("networkPolicies"),
          read.count("roles"),
          read.count("clusterRoles"),
        ])
        const counts: SectionData["policyApis"]["counts"] = {}
        if (resourceQuotas !== undefined) counts.resourceQuotas = resourceQuotas
        if (limitRanges !== undefined) counts.limitRanges = limitRanges
        if (networkPolicies !== undefined) counts.networkPolicies = networkPolicies
        if (roles !== undefined) counts.roles = roles
        if (clusterRoles !== undefined) counts.clusterRoles = clusterRoles
        return { counts }
      },
    },
  }

  const entries = await Promise.all(
    (Object.keys(specs) as SectionId[]).map(async (id) => [id, await runSection(id, specs[id] as SectionSpec<typeof id>)] as const),
  )
  const sections = Object.fromEntries(entries) as ClusterReport["sections"]

  // /version and discovery ran before the sections; account for them honestly.
  sections.server.durationMs += versionMs
  sections.server.reads.unshift({ resource: "/version", status: "ok" })
  sections.discovery.durationMs = discoveryMs
  sections.discovery.reads = [
    discoveryFailure
      ? { resource: "/api, /apis", status: discoveryFailure.status, reason: discoveryFailure.reason }
      : { resource: "/api, /apis", status: "ok" },
  ]
  if (discoveryFailure) {
    sections.discovery.status = discoveryFailure.status
    sections.discovery.reason = discoveryFailure.reason
  }

  return {
    ok: true,
    report: {
      schemaVersion: REPORT_SCHEMA_VERSION,
      kind: "ClusterReport",
      source: "live",
      context: options.context,
      generatedAt: new Date(started).toISOString(),
      durationMs: now() - started,
      sections,
      notObservable: [...NOT_OBSERVABLE],
    },
  }
}

/**
 * All required reads not served -> unavailable. Otherwise the worst of error/forbidden among
 * required reads, ignoring "not served" ones (e.g. MutatingAdmissionPolicy on an older cluster).
 */
export function sectionStatus(reads: readonly (ResourceRead & { optional?: boolean })[]): { status: SectionStatus; reason?: string } {
  const required = reads.filter((r) => !r.optional)
  if (required.length === 0) return { status: "ok" }
  if (required.every((r) => r.status === "unavailable")) return { status: "unavailable", reason: joinReasons(required) }
  for (const s of ["error", "forbidden"] as const) {
    const bad = required.filter((r) => r.status === s)
    if (bad.length > 0) return { status: s, reason: joinReasons(bad) }
  }
  return { status: "ok" }
}

function joinReasons(reads: readonly ResourceRead[]): string {
  return [...new Set(reads.map((r) => `${r.resource}: ${r.reason ?? r.status}`))].join("; ")
}
