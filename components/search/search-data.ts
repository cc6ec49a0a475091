// Loaded with import() when the search opens, so pages do not ship the catalog up front.
import { EXTENSION_POINTS, MECHANISMS, type Localized, type PointId } from "@/lib/catalog"

import { toSearchEntry } from "./search-index"

export const SEARCH_ENTRIES = MECHANISMS.map(toSearchEntry)

export const POINT_NAMES: Record<PointId, Localized> = Object.fromEntries(
  EXTENSION_POINTS.map((p) => [p.id, p.name]),
) as Record<PointId, Localized>
