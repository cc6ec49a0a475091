// One small reader per report section. Each declares the resources it reads (keys of the
// inspected-resources table that also generates the deploy ClusterRole) and builds its data from
// them; runSection does the reading, timing and status, so no section handles errors itself.
import type { MechanismId } from "@/lib/catalog"
import * as A from "./analyze"
import type { ResourceReader } from "./api-reader"
import type { Discovery } from "./discovery"
import type * as R from "./raw"
import type { ResourceKey } from "./resources"
import { networkReason } from "./sanitize"
import { defaultNamespaceLabels } from "./selectors"
import { SECTION_POINTS, type ResourceRead, type RiskFlag, type Section, type SectionData, type SectionId, type SectionStatus } from "./types"

/** required: the section fails without it; optional: supporting data; count: only the number of objects. */
type ReadKind = "required" | "optional" | "count"
type ReadPlan = Partial<Record<ResourceKey, ReadKind>>
type ReadValues<P extends ReadPlan> = {
  [K in keyof P & ResourceKey]: (P[K] extends "count" ? number : R.RawByResource[K][]) | undefined
}

// Every key of the resource table has a raw type, and nothing else does.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _rawTypesMatchResourceTable: Same<keyof R.RawByResource, ResourceKey> = true

/** Non-resource endpoints read before the sections; a section that shows one accounts for its time and outcome. */
export type Probe = "version" | "discovery"

export type SectionContext = {
  version: R.RawVersion
  discovery: Discovery | undefined
  servedVersion: (key: ResourceKey) => string | undefined
  /** The list of this resource stopped at the safety cap. */
  truncated: (key: ResourceKey) => boolean
  /** Risks of how this server connects to the cluster (from the kubeconfig context). */
  connectionRisks: RiskFlag[]
}

type SectionReader<K extends SectionId, P extends ReadPlan> = {
  mechanisms: MechanismId[]
  inference?: boolean
  probe?: Probe
  reads: P
  build: (read: ReadValues<P>, ctx: SectionContext) => SectionData[K] | undefined
}

type AnySectionReader = {
  mechanisms: MechanismId[]
  inference?: boolean
  probe?: Probe
  reads: ReadPlan
  build: (read: Partial<Record<ResourceKey, unknown>>, ctx: SectionContext) => unknown
}

const section = <K extends SectionId, const P extends ReadPlan>(_id: K, reader: SectionReader<K, P>) => reader as unknown as AnySectionReader

const items = <T, U>(list: T[] | undefined, f: (l: T[]) => U) => (list ? { items: f(list) } : undefined)

export const SECTION_READERS: { [K in SectionId]: AnySectionReader } = {
  server: section("server", {
    mechanisms: [],
    probe: "version",
    reads: { nodes: "optional", pods: "optional" },
    build: ({ nodes, pods }, { version, discovery, connectionRisks }) => {
      const { platform, hints } = A.platformHints(version, nodes ?? [], discovery?.groups.map((g) => g.group) ?? [])
      return {
        gitVersion: version.gitVersion ?? "",
        major: version.major ?? "",
        minor: (version.minor ?? "").replace(/\D+$/, ""),
        platform,
        platformHints: hints,
        apiserverFlags: A.apiserverFlags(pods ?? []),
        risks: connectionRisks,
      }
    },
  }),
  discovery: section("discovery", {
    mechanisms: ["custom-resource-definition", "api-aggregation"],
    probe: "discovery",
    reads: {},
    build: (_, { discovery: d }) => (d ? { mode: d.mode, groups: d.groups, staleGroupVersions: d.stale } : undefined),
  }),
  webhooks: section("webhooks", {
    mechanisms: ["validating-admission-webhook", "mutating-admission-webhook"],
    reads: { validatingWebhookConfigurations: "required", mutatingWebhookConfigurations: "required", namespaces: "optional" },
    build: ({ validatingWebhookConfigurations: v, mutatingWebhookConfigurations: m, namespaces }) => {
      const labels = new Map((namespaces ?? []).map((n) => [n.metadata?.name ?? "", n.metadata?.labels ?? {}]))
      const labelsOf = (name: string) => labels.get(name) ?? defaultNamespaceLabels(name)
      return { items: [...A.webhookItems(v ?? [], "validating", labelsOf), ...A.webhookItems(m ?? [], "mutating", labelsOf)] }
    },
  }),
  admissionPolicies: section("admissionPolicies", {
    mechanisms: ["validating-admission-policy", "mutating-admission-policy"],
    reads: {
      validatingAdmissionPolicies: "required",
      validatingAdmissionPolicyBindings: "required",
      mutatingAdmissionPolicies: "required",
      mutatingAdmissionPolicyBindings: "required",
    },
    build: (r, { servedVersion }) => {
      const mv = servedVersion("mutatingAdmissionPolicies")
      return {
        items: [
          ...A.admissionPolicyItems(r.validatingAdmissionPolicies ?? [], r.validatingAdmissionPolicyBindings ?? [], "validating", `admissionregistration.k8s.io/${servedVersion("validatingAdmissionPolicies") ?? "v1"}`),
          ...A.admissionPolicyItems(r.mutatingAdmissionPolicies ?? [], r.mutatingAdmissionPolicyBindings ?? [], "mutating", `admissionregistration.k8s.io/${mv ?? ""}`),
        ],
        ...(mv ? { mutatingVersion: `admissionregistration.k8s.io/${mv}` } : {}),
      }
    },
  }),
  crds: section("crds", {
    mechanisms: ["custom-resource-definition"],
    reads: { customResourceDefinitions: "required" },
    build: ({ customResourceDefinitions: crds }) => items(crds, A.crdItems),
  }),
  apiServices: section("apiServices", {
    mechanisms: ["api-aggregation"],
    reads: { apiServices: "required" },
    build: ({ apiServices }) => items(apiServices, A.apiServiceItems),
  }),
  schedulers: section("schedulers", {
    mechanisms: ["multiple-schedulers", "scheduler-configuration"],
    reads: { pods: "required", deployments: "required" },
    build: ({ pods, deployments }) => ({ items: A.schedulerItems(pods ?? [], deployments ?? []), podsScanned: pods?.length ?? 0 }),
  }),
  operators: section("operators", {
    mechanisms: ["operator", "controller"],
    inference: true,
    reads: { customResourceDefinitions: "required" },
    build: ({ customResourceDefinitions: crds }) => items(crds, (c) => A.operatorItems(A.crdItems(c))),
  }),
  cni: section("cni", {
    mechanisms: ["cni-plugin"],
    inference: true,
    reads: { daemonSets: "required", customResourceDefinitions: "optional" },
    build: ({ daemonSets, customResourceDefinitions: crds }) => ({ items: A.cniItems(daemonSets ?? [], (crds ?? []).map((c) => c.spec?.group ?? "")) }),
  }),
  runtimeClasses: section("runtimeClasses", {
    mechanisms: [],
    reads: { runtimeClasses: "required" },
    build: ({ runtimeClasses }) => items(runtimeClasses, A.runtimeClassItems),
  }),
  csiDrivers: section("csiDrivers", {
    mechanisms: ["csi-driver"],
    reads: { csiDrivers: "required", storageClasses: "optional" },
    build: ({ csiDrivers, storageClasses }) => items(csiDrivers, (d) => A.csiDriverItems(d, storageClasses ?? [])),
  }),
  storageClasses: section("storageClasses", {
    mechanisms: ["csi-driver"],
    reads: { storageClasses: "required", csiDrivers: "optional" },
    build: ({ storageClasses, csiDrivers: d }) => items(storageClasses, (sc) => A.storageClassItems(sc, d ? new Set(d.map((x) => x.metadata?.name ?? "")) : undefined)),
  }),
  flexVolume: section("flexVolume", {
    mechanisms: ["flexvolume"],
    reads: { persistentVolumes: "required", pods: "required" },
    build: ({ persistentVolumes, pods }) => ({ items: A.flexVolumeItems(persistentVolumes ?? [], pods ?? []) }),
  }),
  extendedResources: section("extendedResources", {
    mechanisms: ["device-plugin"],
    reads: { nodes: "required", daemonSets: "optional" },
    build: ({ nodes, daemonSets }, { truncated }) =>
      nodes
        ? {
            items: A.extendedResourceItems(nodes),
            nodes: nodes.length,
            nodesTruncated: truncated("nodes"),
            devicePluginDaemonSets: A.devicePluginDaemonSets(daemonSets ?? []),
          }
        : undefined,
  }),
  dra: section("dra", {
    mechanisms: ["dra-driver"],
    reads: { deviceClasses: "required", resourceSlices: "required" },
    build: ({ deviceClasses, resourceSlices }, { servedVersion }) => {
      const v = servedVersion("deviceClasses")
      return {
        ...(v ? { version: `resource.k8s.io/${v}` } : {}),
        deviceClasses: A.deviceClassItems(deviceClasses ?? []),
        drivers: A.resourceSliceDrivers(resourceSlices ?? []),
      }
    },
  }),
  priorityClasses: section("priorityClasses", {
    mechanisms: ["policy-apis"],
    reads: { priorityClasses: "required" },
    build: ({ priorityClasses }) => items(priorityClasses, A.priorityClassItems),
  }),
  policyApis: section("policyApis", {
    mechanisms: ["policy-apis"],
    reads: { resourceQuotas: "count", limitRanges: "count", networkPolicies: "count", roles: "count", clusterRoles: "count" },
    build: (counts) => ({ counts: Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== undefined)) }),
  }),
}

/** Outcome and time of a probe, for the section that shows it. */
export type ProbeResult = { read: ResourceRead; durationMs: number }

/** Reads what a section declares, builds its data and derives its status from the reads. */
export async function runSection<K extends SectionId>(
  id: K,
  spec: AnySectionReader,
  reader: ResourceReader,
  ctx: Omit<SectionContext, "servedVersion" | "truncated">,
  probes: Record<Probe, ProbeResult>,
  now: () => number,
): Promise<Section<K>> {
  const t0 = now()
  const plan = Object.entries(spec.reads) as [ResourceKey, ReadKind][]
  const results = await Promise.all(
    plan.map(async ([key, kind]) => {
      if (kind === "count") {
        const c = await reader.count(key)
        return { key, kind, read: c.read, value: c.read.status === "ok" ? c.total : undefined }
      }
      const l = await reader.list(key)
      return { key, kind, read: l.read, value: l.read.status === "ok" ? l.items : undefined }
    }),
  )
  const probe = spec.probe ? probes[spec.probe] : undefined
  const reads: (ResourceRead & { optional: boolean })[] = [
    ...(probe ? [{ ...probe.read, optional: false }] : []),
    ...results.map((r) => ({ ...r.read, optional: r.kind === "optional" })),
  ]
  const truncated = new Set(results.filter((r) => r.read.truncated).map((r) => r.key))
  let data: SectionData[K] | undefined
  let crash: string | undefined
  try {
    data = spec.build(Object.fromEntries(results.map((r) => [r.key, r.value])), {
      ...ctx,
      servedVersion: reader.servedVersion,
      truncated: (key) => truncated.has(key),
    }) as SectionData[K] | undefined
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
    durationMs: now() - t0 + (probe?.durationMs ?? 0),
    reads: reads.map(({ optional, ...r }) => (optional ? { ...r, optional } : r)),
    ...(data !== undefined && (anyRequiredOk || reads.every((r) => r.optional)) && !crash ? { data } : {}),
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
