// What a shared link previews as (Open Graph and Twitter cards): pure functions of the locale and
// the link's query, so they run wherever a page's metadata is built (generateMetadata today, a
// static or client renderer later). Titles name the result: the mechanism the advisor recommends
// for the answers in the link, or the starter with the options the link sets.
import type { Metadata } from "next"
import { createTranslator } from "next-intl"

import { advisorPageTitle, evaluate, parseAdvisorParams, type SearchParamsInput } from "@/lib/advisor"
import { getMechanism, type Locale } from "@/lib/catalog"
import { siteOrigin } from "@/lib/http/site"
import { getStarter, optionsFromQuery, parseOptions } from "@/lib/starters"
import { MESSAGES } from "@/messages"

/** The social preview images in public/, one per locale (rendered by scripts/render-public-assets.mjs). */
export const SHARE_IMAGES: Record<Locale, { url: string; width: number; height: number }> = {
  en: { url: "/og.png", width: 1200, height: 630 },
  "zh-CN": { url: "/og-zh-CN.png", width: 1200, height: 630 },
}

const OG_LOCALE: Record<Locale, string> = { en: "en_US", "zh-CN": "zh_CN" }
/** Option values are the user's text: kept short so a title stays a title. */
const MAX_VALUE = 48
const MAX_OPTIONS = 3

/**
 * `query`: the link's state when the title names a result (the advisor's recommendation, the
 * starter's options). og:url then keeps it, so a network that re-reads og:url shows that result;
 * the canonical link stays the plain page, which is what search engines should index.
 */
export type SharePreview = { title: string; description: string; query?: string }

/**
 * Open Graph and Twitter metadata for the page at `path` whose link previews as `preview`. Every
 * page sets its own (the layout's would otherwise preview a guide as the home page, og:url
 * included). og:url and the preview image need absolute URLs, i.e. the configured public origin
 * (SITE_URL, the layout's metadataBase): without one there is neither, rather than a relative
 * og:url or Next's fallback image URL (http://localhost:<port> of the build, written into every
 * prerendered page); a crawler then takes the URL it fetched. The canonical link likewise.
 */
export function shareMetadata(locale: Locale, preview: SharePreview, path: string, origin: URL | undefined = siteOrigin()): Metadata {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "shell.meta" })
  const images = origin ? [{ ...SHARE_IMAGES[locale], alt: t("ogImageAlt") }] : undefined
  return {
    title: preview.title,
    description: preview.description,
    // A link with state (advisor answers, starter options, a map point) is the same page: search
    // engines index the page once, under its plain URL.
    ...(origin ? { alternates: { canonical: path } } : {}),
    openGraph: {
      type: "website",
      siteName: t("title"),
      locale: OG_LOCALE[locale],
      alternateLocale: Object.values(OG_LOCALE).filter((l) => l !== OG_LOCALE[locale]),
      title: preview.title,
      description: preview.description,
      ...(origin ? { url: preview.query ? `${path}?${preview.query}` : path } : {}),
      ...(images ? { images } : {}),
    },
    twitter: images ? { card: "summary_large_image", title: preview.title, description: preview.description, images } : { card: "summary", title: preview.title, description: preview.description },
  }
}

function toSearchParams(input: SearchParamsInput): URLSearchParams {
  if (input instanceof URLSearchParams) return input
  const out = new URLSearchParams()
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) out.append(key, v)
  }
  return out
}

const clip = (s: string) => (s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s)

/**
 * "Controller starter: Language typescript, Go module path example.com/x" — the options the link
 * sets to something other than the default, in form order; the plain starter title when the link
 * sets none or is invalid (the page then shows the errors).
 */
export function starterPreview(locale: Locale, mechanism: string, search: SearchParamsInput): SharePreview | undefined {
  const g = getStarter(mechanism)
  if (!g) return undefined
  const m = getMechanism(g.id)
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "starters" })
  const name = m.name[locale]
  const plain = { title: t("meta.starterTitle", { name }), description: m.summary[locale] }

  const searchParams = toSearchParams(search)
  const query = optionsFromQuery(searchParams)
  if (!query.ok) return plain
  const parsed = parseOptions(g.id, query.value)
  if (!parsed.ok) return plain
  const defaults = g.schema.parse({}) as Record<string, unknown>
  const changed = Object.keys(parsed.value).filter((k) => Object.hasOwn(query.value, k) && String(parsed.value[k]) !== String(defaults[k]))
  if (changed.length === 0) return plain

  const label = (k: string) => {
    const key = `fields.${k}.label` as "fields.name.label"
    return t.has(key) ? t(key) : k
  }
  const shown = changed.slice(0, MAX_OPTIONS).map((k) => `${label(k)} ${clip(String(parsed.value[k]))}`)
  if (changed.length > MAX_OPTIONS) shown.push(t("meta.shareMore", { count: changed.length - MAX_OPTIONS }))
  return {
    title: t("meta.shareTitle", { name, options: shown.join(locale === "zh-CN" ? "，" : ", ") }),
    description: m.summary[locale],
    query: searchParams.toString(),
  }
}

/** The advisor page's own title ("Recommendation: … for Kubernetes 1.37") when the link's answers reach an outcome. */
export function advisorPreview(locale: Locale, search: SearchParamsInput): SharePreview {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "advisor.meta" })
  const plain = { title: t("title"), description: t("description") }
  const parsed = parseAdvisorParams(search)
  if (!parsed.ok || parsed.value.answers.length === 0) return plain
  const evaluation = evaluate(parsed.value.answers, parsed.value.minor ? { minor: parsed.value.minor } : {})
  const outcome = evaluation.ok ? evaluation.value.outcome : undefined
  if (!outcome) return plain
  return { title: advisorPageTitle(evaluation.ok ? evaluation.value : undefined, locale), description: outcome.summary[locale], query: toSearchParams(search).toString() }
}
