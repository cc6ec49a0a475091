// Pure views of a ClusterReport for other features: map badges and advisor facts.
// Safe in browser bundles (no client-node, no server-only).
import type { ClusterFacts } from "@/lib/advisor/types"
import type { PointId } from "@/lib/catalog/types"
import type { ClusterReport } from "./types"

export type PointSummary = Partial<Record<PointId, { count: number; risks: number }>>

/**
 * Extensions found per point (built-ins excluded: local APIServices, system priority classes,
 * the default scheduler) and the number of risk flags there.
 */
export function pointSummary(report: ClusterReport): PointSummary {
  const s = report.sections
  const out: PointSummary = {}
  const add = (point: PointId, count: number, risks = 0) => {
    const e = out[point] ?? { count: 0, risks: 0 }
    out[point] = { count: e.count + count, risks: e.risks + risks }
  }
  const webhooks = s.webhooks.data?.items ?? []
  add("2", webhooks.length + (s.admissionPolicies.data?.items.length ?? 0), webhooks.reduce((n, w) => n + w.risks.length, 0))
  const aggregated = (s.apiServices.data?.items ?? []).filter((a) => !a.local)
  add("3", (s.crds.data?.items.length ?? 0) + aggregated.length, aggregated.reduce((n, a) => n + a.risks.length, 0))
  const schedulers = new Set(
    (s.schedulers.data?.items ?? []).filter((i) => i.name !== "default-scheduler" && i.source !== "static-pod").map((i) => i.name),
  )
  add("4", schedulers.size)
  add("5", s.operators.data?.items.length ?? 0)
  add("6", (s.cni.data?.items.length ?? 0) + (s.runtimeClasses.data?.items.length ?? 0))
  add(
    "7",
    (s.csiDrivers.data?.items.length ?? 0) +
      (s.flexVolume.data?.items.length ?? 0) +
      (s.extendedResources.data?.items.length ?? 0) +
      (s.dra.data?.drivers.length ?? 0),
  )
  const c = s.policyApis.data?.counts
  add(
    "configuration",
    (c?.resourceQuotas ?? 0) + (c?.limitRanges ?? 0) + (c?.networkPolicies ?? 0) + (s.priorityClasses.data?.items.filter((p) => !p.system).length ?? 0),
  )
  return out
}

/** The facts the advisor uses to annotate or pre-answer questions. */
export function toClusterFacts(report: ClusterReport): ClusterFacts {
  const s = report.sections
  const facts: ClusterFacts = {}
  if (s.server.data?.gitVersion) facts.version = s.server.data.gitVersion
  if (s.discovery.data) {
    facts.servedApiVersions = s.discovery.data.groups.flatMap((g) => g.versions.map((v) => (g.group ? `${g.group}/${v}` : v)))
  }
  const webhooks = s.webhooks.data?.items
  if (webhooks) {
    facts.validatingWebhooks = [...new Set(webhooks.filter((w) => w.type === "validating").map((w) => w.configuration))]
    facts.mutatingWebhooks = [...new Set(webhooks.filter((w) => w.type === "mutating").map((w) => w.configuration))]
  }
  if (s.crds.data) facts.crdGroups = [...new Set(s.crds.data.items.map((c) => c.group))].sort()
  return facts
}
