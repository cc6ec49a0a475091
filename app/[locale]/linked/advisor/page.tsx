import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"

import { routing } from "@/i18n/routing"
import { parseAdvisorParams } from "@/lib/advisor"
import { LATEST_MINOR } from "@/lib/catalog"
import { advisorPreview, shareMetadata } from "@/components/share/share-metadata"

import { AdvisorPageBody } from "../../_pages/advisor"

// A shared link with answers previews with the recommendation (components/share), titled like the page.
export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/linked/advisor">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  return shareMetadata(locale, advisorPreview(locale, await searchParams), `/${locale}/advisor`)
}

// The advisor for a link with state (`/en/advisor?a=…&v=…`, rewritten here by proxy.ts), rendered
// per request: the answers' result is in the HTML, and a URL that is not a path says why.
export default async function LinkedAdvisorPage({ params, searchParams }: PageProps<"/[locale]/linked/advisor">) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  const parsed = parseAdvisorParams(await searchParams)
  const initial = parsed.ok
    ? { answers: parsed.value.answers, minor: parsed.value.minor ?? LATEST_MINOR, urlErrors: [], cluster: parsed.value.cluster }
    : { answers: [], minor: LATEST_MINOR, urlErrors: parsed.errors }
  return <AdvisorPageBody locale={locale} initial={initial} />
}
