// What search engines are told (app/sitemap.ts, app/robots.ts): every page meant for reading, in
// both locales, each with its other-language versions, and what stays out of their index (the
// JSON API; the cluster report, which shows a live cluster). Sitemap URLs must be absolute, so
// without SITE_URL the sitemap is empty and robots.txt names none.
import { LOCALES, MECHANISM_IDS } from "@/lib/catalog/types"
import { starterIds } from "@/lib/starters"

import { absoluteUrl, languageVersions } from "./site"

/** A sitemap entry and robots.txt's content, as app/sitemap.ts and app/robots.ts hand them to Next. */
export type SitemapEntry = { url: string; alternates: { languages: Record<string, string> } }
export type RobotsRules = { rules: { userAgent: string; allow: string; disallow: string[] }; sitemap?: string }

/** The indexed pages, as the path after the locale ("" is the map). */
export function indexedPaths(): string[] {
  return [
    "",
    "/advisor",
    "/mechanisms",
    ...MECHANISM_IDS.map((id) => `/mechanisms/${id}`),
    "/starters",
    ...starterIds().map((id) => `/starters/${id}`),
    "/policy-lab",
  ]
}

/** Paths crawlers are asked to leave alone. */
export const NOT_INDEXED = ["/api/", ...LOCALES.map((locale) => `/${locale}/cluster`)]

/** One entry per page and locale, each with the page's language versions (as in its Link header). */
export function sitemapEntries(origin: URL | undefined): SitemapEntry[] {
  if (!origin) return []
  return indexedPaths().flatMap((rest) => {
    const versions = languageVersions(rest).map(([hreflang, path]): [string, string] => [hreflang, absoluteUrl(origin, path)])
    const languages = Object.fromEntries(versions)
    return versions.filter(([hreflang]) => hreflang !== "x-default").map(([, url]) => ({ url, alternates: { languages } }))
  })
}

export function robotsRules(origin: URL | undefined): RobotsRules {
  return {
    rules: { userAgent: "*", allow: "/", disallow: NOT_INDEXED },
    ...(origin ? { sitemap: absoluteUrl(origin, "/sitemap.xml") } : {}),
  }
}
