// Pages whose URL can carry state (the map's point and version, the advisor's answers, a starter's
// options) are prerendered in their default state, so a plain request is a file read. A link that
// carries state is routed to the page's twin under /<locale>/linked/…, rendered per request from
// the query: the state is in the HTML before hydration, and the link's preview (Open Graph,
// Twitter) names it. proxy.ts marks such requests with LINKED_STATE_HEADER; next.config.js
// rewrites marked requests to the twins (LINKED_STATE_REWRITES) and unmarked requests for a twin's
// own path to a 404.
import { LOCALES } from "@/lib/catalog/types"

/** Set by proxy.ts (only there) on requests for a stateful page that carry a query. */
export const LINKED_STATE_HEADER = "x-advisor-linked-state"

const STATEFUL = /^\/([^/]+)(\/advisor|\/starters\/[^/]+)?$/

/** The twin path for a stateful page requested with a query, or undefined (served as it is). */
export function linkedStatePath(pathname: string, search: string): string | undefined {
  if (search === "" || search === "?") return undefined
  const match = STATEFUL.exec(pathname)
  const locale = match?.[1]
  if (!match || !locale || !(LOCALES as readonly string[]).includes(locale)) return undefined
  return `/${locale}/linked${match[2] ?? ""}`
}
