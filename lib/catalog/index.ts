// Public API of the extension catalog: the single source of truth for mechanisms, points and
// per-version facts. Pure data + lookups, safe for server and browser bundles.
import { ALL_MECHANISMS } from "./mechanisms"
import { EXTENSION_POINTS } from "./points"
import {
  KUBERNETES_MINORS,
  LATEST_MINOR,
  LOCALES,
  type ApiObject,
  type ApiRequestStage,
  type ExtensionPoint,
  type FeatureState,
  type KubernetesMinor,
  type Mechanism,
  type MechanismId,
  type PointId,
} from "./types"

export * from "./types"
export { EXTENSION_POINTS }

export const MECHANISMS: readonly Mechanism[] = ALL_MECHANISMS

const mechanismById = new Map<MechanismId, Mechanism>(MECHANISMS.map((m) => [m.id, m]))
const pointById = new Map<PointId, ExtensionPoint>(EXTENSION_POINTS.map((p) => [p.id, p]))

export function getMechanism(id: MechanismId): Mechanism {
  const m = mechanismById.get(id)
  // Unreachable while catalog.test.ts passes; throwing beats returning a half-valid object.
  if (!m) throw new Error(`Catalog has no mechanism "${id}"`)
  return m
}

export function getPoint(id: PointId): ExtensionPoint {
  const p = pointById.get(id)
  if (!p) throw new Error(`Catalog has no extension point "${id}"`)
  return p
}

export function mechanismsAtPoint(point: PointId): Mechanism[] {
  return MECHANISMS.filter((m) => m.point === point)
}

export function mechanismsAtStage(stage: ApiRequestStage): Mechanism[] {
  return MECHANISMS.filter((m) => m.apiStage === stage)
}

const searchText = new Map<MechanismId, string>(
  MECHANISMS.map((m) => [
    m.id,
    [m.id, ...LOCALES.flatMap((loc) => [m.name[loc], m.summary[loc], ...m.aliases[loc]])]
      .join("\n")
      .toLowerCase(),
  ]),
)

/**
 * Mechanisms whose id, name, summary or aliases (in either language, so "准入" and "admission"
 * both work) contain every whitespace-separated term of the query, in catalog order.
 * An empty query returns everything.
 */
export function searchMechanisms(query: string): Mechanism[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  return MECHANISMS.filter((m) => {
    const text = searchText.get(m.id) ?? ""
    return terms.every((t) => text.includes(t))
  })
}

export function stateAt(m: Mechanism, minor: KubernetesMinor): FeatureState {
  return m.states[minor]
}

export type Availability = "available" | "needs-enabling" | "unavailable"

/** available = beta/GA/deprecated and on by default; needs-enabling = present but off by default (always so for alpha). */
export function availabilityAt(m: Mechanism, minor: KubernetesMinor): Availability {
  const s = stateAt(m, minor)
  if (s.maturity === "unavailable") return "unavailable"
  if (s.maturity === "alpha" || !s.enabledByDefault) return "needs-enabling"
  return "available"
}

export function apiVersionAt(obj: ApiObject, minor: KubernetesMinor): string | undefined {
  return obj.apiVersions[minor]
}

export type CatalogDocument = {
  schemaVersion: 1
  kubernetes: { minors: KubernetesMinor[]; latest: KubernetesMinor }
  points: ExtensionPoint[]
  mechanisms: Mechanism[]
}

let cachedDocument: CatalogDocument | undefined

/** The versioned JSON document served by GET /api/catalog (undefined fields dropped, so it round-trips through JSON unchanged). */
export function catalogDocument(): CatalogDocument {
  cachedDocument ??= JSON.parse(
    JSON.stringify({
      schemaVersion: 1,
      kubernetes: { minors: [...KUBERNETES_MINORS], latest: LATEST_MINOR },
      points: EXTENSION_POINTS,
      mechanisms: MECHANISMS,
    }),
  ) as CatalogDocument
  return cachedDocument
}
