// Discovery: which group-versions and resources the cluster serves, from aggregated discovery
// (apidiscovery.k8s.io/v2, v2beta1) or, on servers without it, the legacy documents.
import { INSPECTED_RESOURCES, type InspectedResource } from "./resources"
import type { SectionData } from "./types"

export type Discovery = {
  mode: "aggregated" | "legacy"
  /** "group/version" -> resources (undefined when only the group-version is known). */
  served: Map<string, Set<string> | undefined>
  groups: SectionData["discovery"]["groups"]
  stale: string[]
}

export const AGGREGATED_DISCOVERY_ACCEPT =
  "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"

export const gvKey = (group: string, version: string) => (group ? `${group}/${version}` : version)

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

type Get = (path: string, accept?: string) => Promise<unknown>

/**
 * Aggregated discovery first; servers that do not know the Accept type answer with the legacy
 * lists, which name group-versions only, so the resources of the ones we read are fetched too.
 * Rejects (with the get's RequestFailure) when /api or /apis fails.
 */
export async function readDiscovery(get: Get): Promise<Discovery> {
  const [api, apis] = await Promise.all([get("/api", AGGREGATED_DISCOVERY_ACCEPT), get("/apis", AGGREGATED_DISCOVERY_ACCEPT)])
  const discovery = parseDiscovery(api, apis)
  if (discovery.mode === "legacy") {
    const wanted = new Set<string>()
    for (const r of Object.values(INSPECTED_RESOURCES) as InspectedResource[]) {
      for (const v of r.versions) if (discovery.served.has(gvKey(r.group, v))) wanted.add(gvKey(r.group, v))
    }
    await Promise.all(
      [...wanted].map(async (gv) => {
        try {
          const doc = (await get(gv.includes("/") ? `/apis/${gv}` : `/api/${gv}`)) as { resources?: { name?: string }[] }
          discovery.served.set(gv, new Set((doc.resources ?? []).map((r) => r.name ?? "")))
        } catch {
          // keep "unknown": the list call itself will tell
        }
      }),
    )
  }
  return discovery
}

/** The first version of a resource the cluster serves; without discovery, the preferred one (the list answers 404 if not served). */
export function servedVersion(discovery: Discovery | undefined, r: InspectedResource): string | undefined {
  if (!discovery) return r.versions[0]
  for (const v of r.versions) {
    const gv = gvKey(r.group, v)
    if (!discovery.served.has(gv)) continue
    const resources = discovery.served.get(gv)
    if (!resources || resources.has(r.resource)) return v
  }
  return undefined
}
