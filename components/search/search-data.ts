// Loaded with import() when the search opens, so pages do not ship the catalog (nor the ICU
// message formatter) up front.
import { createTranslator } from "next-intl"

import { EXTENSION_POINTS, MECHANISMS, type Locale, type Localized, type PointId } from "@/lib/catalog"
import type enSearch from "@/messages/en/search.json"

import { toSearchEntry } from "./search-index"

export const SEARCH_ENTRIES = MECHANISMS.map(toSearchEntry)

export const POINT_NAMES: Record<PointId, Localized> = Object.fromEntries(
  EXTENSION_POINTS.map((p) => [p.id, p.name]),
) as Record<PointId, Localized>

/** Formats the search's messages with placeholders and plurals. */
export function searchFormatter(locale: Locale, messages: typeof enSearch) {
  const t = createTranslator({ locale, messages: { search: messages }, namespace: "search" })
  return (key: "results" | "noResults" | "point", values: Record<string, string | number>) => t(key, values)
}
