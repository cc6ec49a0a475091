// Pages whose URL can carry state (the map's point and version, the advisor's answers, a starter's
// options) are prerendered in their default state, so a plain request is a file read. A link that
// carries state is rewritten by proxy.ts to the page's twin under /<locale>/linked/…, rendered per
// request from the query: the state is in the HTML before hydration, and the link's preview
// (Open Graph, Twitter) names it. The twins are internal: requested directly, they are a 404.
import { LOCALES } from "@/lib/catalog/types"

const STATEFUL = /^\/([^/]+)(\/advisor|\/starters\/[^/]+)?$/

/** The twin path for a stateful page requested with a query, or undefined (served as it is). */
export function linkedStatePath(pathname: string, search: string): string | undefined {
  if (search === "" || search === "?") return undefined
  const match = STATEFUL.exec(pathname)
  const locale = match?.[1]
  if (!match || !locale || !(LOCALES as readonly string[]).includes(locale)) return undefined
  return `/${locale}/linked${match[2] ?? ""}`
}

/** True for the twins' own paths, which only the rewrite may reach. */
export function isLinkedStatePath(pathname: string): boolean {
  return /^\/[^/]+\/linked(\/|$)/.test(pathname)
}
