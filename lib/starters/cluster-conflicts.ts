// Names a starter would create that already exist in a cluster (from an inspector report).
// Pure and browser-safe: only type imports from the inspector.
import type { MechanismId } from "@/lib/catalog"
import type { ClusterReport } from "@/lib/cluster-report/types"

import { kindNames } from "./generators/common"

export type ClusterConflict =
  | { kind: "crd"; name: string; group: string; crdKind: string; owner?: string }
  | { kind: "crd-group"; group: string; crds: number }
  | { kind: "aggregated-group"; group: string; apiService: string }
  | { kind: "webhook"; type: "validating" | "mutating"; name: string }
  | { kind: "policy"; type: "validating" | "mutating"; name: string }
  | { kind: "binding"; type: "validating" | "mutating"; name: string }

/** The slice of a report this needs (so tests and callers can pass partial reports). */
export type ConflictReport = {
  sections: {
    crds: Pick<ClusterReport["sections"]["crds"], "data">
    apiServices: Pick<ClusterReport["sections"]["apiServices"], "data">
    webhooks: Pick<ClusterReport["sections"]["webhooks"], "data">
    admissionPolicies: Pick<ClusterReport["sections"]["admissionPolicies"], "data">
  }
}

const str = (options: Readonly<Record<string, unknown>>, key: string): string | undefined => {
  const v = options[key]
  return typeof v === "string" && v !== "" ? v : undefined
}

/** A new type group/kind: an existing CRD of that kind, other CRDs in the group, or an aggregated API serving the group. */
function typeConflicts(report: ConflictReport, group: string, kind: string): ClusterConflict[] {
  const out: ClusterConflict[] = []
  const crds = report.sections.crds.data?.items ?? []
  const crdName = kindNames(kind, group).crdName
  const same = crds.find((c) => c.name === crdName || (c.group === group && c.kind === kind))
  if (same) out.push({ kind: "crd", name: same.name, group, crdKind: same.kind, ...(same.likelyOwner ? { owner: same.likelyOwner.name } : {}) })
  const others = crds.filter((c) => c.group === group && c !== same)
  if (others.length > 0) out.push({ kind: "crd-group", group, crds: others.length })
  const aggregated = (report.sections.apiServices.data?.items ?? []).find((a) => !a.local && a.group === group)
  if (aggregated) out.push({ kind: "aggregated-group", group, apiService: aggregated.name })
  return out
}

/**
 * Conflicts between a starter's options (raw or parsed; only string fields are read) and what the
 * cluster already has. Sections the report could not read yield no conflicts, not an error.
 */
export function clusterConflicts(report: ConflictReport, mechanism: MechanismId, options: Readonly<Record<string, unknown>>): ClusterConflict[] {
  const name = str(options, "name")
  const group = str(options, "group")
  switch (mechanism) {
    case "custom-resource-definition":
    case "operator": {
      const kind = str(options, "kind")
      return group && kind ? typeConflicts(report, group, kind) : []
    }
    case "api-aggregation": {
      if (!group) return []
      const version = str(options, "version")
      const apiService = (report.sections.apiServices.data?.items ?? []).find((a) => a.group === group && (!version || a.version === version))
      const crdGroup = (report.sections.crds.data?.items ?? []).filter((c) => c.group === group)
      const out: ClusterConflict[] = []
      if (apiService) out.push({ kind: "aggregated-group", group, apiService: apiService.name })
      if (crdGroup.length > 0) out.push({ kind: "crd-group", group, crds: crdGroup.length })
      return out
    }
    case "validating-admission-webhook":
    case "mutating-admission-webhook": {
      const type = mechanism === "validating-admission-webhook" ? "validating" : "mutating"
      const hit = name && (report.sections.webhooks.data?.items ?? []).some((w) => w.type === type && w.configuration === name)
      return hit ? [{ kind: "webhook", type, name }] : []
    }
    case "validating-admission-policy":
    case "mutating-admission-policy": {
      if (!name) return []
      const type = mechanism === "validating-admission-policy" ? "validating" : "mutating"
      const out: ClusterConflict[] = []
      const policies = (report.sections.admissionPolicies.data?.items ?? []).filter((p) => p.type === type)
      if (policies.some((p) => p.name === name)) out.push({ kind: "policy", type, name })
      // The starters name the binding after the policy; a binding of that name may belong to another policy.
      else if (policies.some((p) => p.bindings.some((b) => b.name === name))) out.push({ kind: "binding", type, name })
      // The parameter CRD (validating policy with params).
      const paramKind = str(options, "paramKind")
      const params = options.params === true || options.params === "true"
      if (type === "validating" && params && group && paramKind) out.push(...typeConflicts(report, group, paramKind).filter((c) => c.kind === "crd"))
      return out
    }
    default:
      return []
  }
}
