// Locale prefixes of paths (routing.localePrefix is "always"), without next-intl's client runtime,
// for components that must not need NextIntlClientProvider (the shell, server-rendered links).
import { routing } from "./routing"

type Locale = (typeof routing.locales)[number]

/** "/mechanisms?x=1" → "/en/mechanisms?x=1"; "/" → "/en"; "#id" and absolute URLs stay as they are. */
export function localizedHref(locale: string, href: string): string {
  if (!href.startsWith("/")) return href
  const [path = "/", rest = ""] = splitPath(href)
  return `/${locale}${path === "/" ? "" : path}${rest}`
}

/** "/zh-CN/advisor" → { locale: "zh-CN", path: "/advisor" }; a path without a locale keeps "/" semantics. */
export function splitLocale(pathname: string): { locale: Locale | undefined; path: string } {
  const [, first = "", ...rest] = pathname.split("/")
  const locale = routing.locales.find((l) => l === first)
  if (!locale) return { locale: undefined, path: pathname || "/" }
  return { locale, path: rest.length ? `/${rest.join("/")}` : "/" }
}

function splitPath(href: string): [string, string] {
  const cut = href.search(/[?#]/)
  return cut < 0 ? [href, ""] : [href.slice(0, cut) || "/", href.slice(cut)]
}

/** Keeps next-intl's locale cookie in step when the user switches language (same cookie as its <Link locale>). */
export function rememberLocale(locale: string) {
  document.cookie = `NEXT_LOCALE=${locale}; path=/; SameSite=lax`
}
