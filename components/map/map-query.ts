// The map's URL state: `?point=4&v=1.33`. Unknown values fall back to defaults instead of failing,
// so an old or hand-edited link still opens the map.
// Only the constants module: this file runs in the browser and must not pull in the catalog data.
import { KUBERNETES_MINORS, LATEST_MINOR, POINT_IDS, type KubernetesMinor, type PointId } from "@/lib/catalog/types"

export type MapQuery = { point: PointId | null; version: KubernetesMinor }

type SearchParams = Record<string, string | string[] | undefined>

const isPointId = (x: string): x is PointId => (POINT_IDS as readonly string[]).includes(x)
const isKubernetesMinor = (x: string): x is KubernetesMinor => (KUBERNETES_MINORS as readonly string[]).includes(x)

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

export function parseMapQuery(params: SearchParams): MapQuery {
  const point = first(params.point)
  const version = first(params.v)
  return {
    point: point !== undefined && isPointId(point) ? point : null,
    version: version !== undefined && isKubernetesMinor(version) ? version : LATEST_MINOR,
  }
}

/** Writes the map state into `search`, keeping unrelated parameters; defaults are left out. */
export function mapQueryString(state: MapQuery, search = ""): string {
  const params = new URLSearchParams(search)
  if (state.point) params.set("point", state.point)
  else params.delete("point")
  if (state.version !== LATEST_MINOR) params.set("v", state.version)
  else params.delete("v")
  const out = params.toString()
  return out ? `?${out}` : ""
}
