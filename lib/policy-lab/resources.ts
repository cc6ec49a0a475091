// Built-in REST resources of Kubernetes 1.37 (read from a real kube-apiserver's discovery by
// scripts/policy-lab/gen-resources.mjs; the policy-lab tier checks it is current).
import table from "./builtin-resources.json"
import type { ResourceInfo } from "./protocol"

type Row = { group: string; version: string; resource: string; kind: string; namespaced: boolean; verbs: string[] }
const ROWS = table as Row[]

const byKind = new Map<string, Row>()
for (const r of ROWS) byKind.set(`${r.group}/${r.version}/${r.kind}`, r)

export function builtinResource(group: string, version: string, kind: string): ResourceInfo | undefined {
  const r = byKind.get(`${group}/${version}/${kind}`)
  return r ? { group: r.group, version: r.version, resource: r.resource, kind: r.kind, namespaced: r.namespaced } : undefined
}

export function builtinRows(): readonly Row[] {
  return ROWS
}

/** Resources served in several versions of one group share storage: matchPolicy Equivalent. */
export function equivalentResources(): ResourceInfo[][] {
  const groups = new Map<string, ResourceInfo[]>()
  for (const r of ROWS) {
    const key = `${r.group}/${r.resource}`
    const list = groups.get(key) ?? []
    list.push({ group: r.group, version: r.version, resource: r.resource, kind: r.kind, namespaced: r.namespaced })
    groups.set(key, list)
  }
  return [...groups.values()].filter((g) => g.length > 1)
}

export type RuleLike = { apiGroups?: string[]; apiVersions?: string[]; resources?: string[]; operations?: string[]; scope?: string }

/**
 * The built-in resources a set of rules names (what live mode lists). Subresource rules
 * ("pods/status") are skipped: stored objects are not subresource requests. Secrets are never
 * returned, whatever the rule says.
 */
export function resourcesForRules(rules: RuleLike[], served: readonly Row[] = ROWS): ResourceInfo[] {
  const out = new Map<string, ResourceInfo>()
  served = [...served].sort((a, b) => versionPriority(b.version) - versionPriority(a.version))
  const matches = (list: string[] | undefined, v: string) => !list || list.length === 0 ? false : list.includes("*") || list.includes(v)
  for (const rule of rules) {
    for (const r of served) {
      if (!matches(rule.apiGroups, r.group) || !matches(rule.apiVersions, r.version)) continue
      const names = rule.resources ?? []
      const ok = names.some((n) => n === "*" || n === r.resource || n === `${r.resource}/*` || n === "*/*")
      if (!ok) continue
      if (rule.scope === "Namespaced" && !r.namespaced) continue
      if (rule.scope === "Cluster" && r.namespaced) continue
      if (r.group === "" && r.resource === "secrets") continue
      if (!r.verbs.includes("list")) continue
      if (!out.has(`${r.group}/${r.resource}`)) out.set(`${r.group}/${r.resource}`, { group: r.group, version: r.version, resource: r.resource, kind: r.kind, namespaced: r.namespaced })
    }
  }
  return [...out.values()]
}

/** Kubernetes' version order: GA before beta before alpha, higher numbers first. */
export function versionPriority(v: string): number {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v)
  if (!m) return 0
  const major = Number(m[1])
  const level = m[2] === undefined ? 3 : m[2] === "beta" ? 2 : 1
  return level * 1_000_000 + major * 1000 + Number(m[3] ?? 0)
}
