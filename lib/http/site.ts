// The public origin of the site, from configuration only (SITE_URL). Anything that ends up in a
// cached response — alternate-language links, Open Graph URLs — is built from it, never from the
// request's Host or X-Forwarded-* headers, which any client can set.
import { LOCALES } from "@/lib/catalog/types"

/** SITE_URL as an origin (scheme, host, port), or undefined when unset or not an http(s) origin. */
export function siteOrigin(env: Record<string, string | undefined> = process.env): URL | undefined {
  const raw = env.SITE_URL?.trim()
  if (!raw) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return undefined
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) return undefined
  return new URL(url.origin)
}

/** `path` on `origin`, set as a pathname, never resolved as a reference: "//host/x" stays a path on our origin. */
export function absoluteUrl(origin: URL, path: string): string {
  const url = new URL(origin)
  url.pathname = path
  return url.href
}

/**
 * A page's version per language as [hreflang, path]: each locale's, and x-default, the path
 * without a locale (it negotiates one). `rest` is the path after the locale ("" for its root).
 */
export function languageVersions(rest: string): [hreflang: string, path: string][] {
  return [...LOCALES.map((locale): [string, string] => [locale, `/${locale}${rest}`]), ["x-default", rest || "/"]]
}

/**
 * The `Link` header with the page's other-language versions (what next-intl would send, built
 * from the configured origin): `pathname` is the locale-prefixed path of the response. Undefined
 * without an origin or for a path outside the locales.
 */
export function alternateLinksHeader(pathname: string, origin: URL | undefined): string | undefined {
  if (!origin) return undefined
  const match = /^\/([^/]+)(\/.*)?$/.exec(pathname)
  const locale = match?.[1]
  if (!locale || !(LOCALES as readonly string[]).includes(locale)) return undefined
  const rest = match[2] && match[2] !== "/" ? match[2] : ""
  return languageVersions(rest)
    .map(([hreflang, path]) => `<${absoluteUrl(origin, path)}>; rel="alternate"; hreflang="${hreflang}"`)
    .join(", ")
}
