import "@/components/starters/starters.css"

import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"

import { shareMetadata, starterPreview } from "@/components/share/share-metadata"
import { routing } from "@/i18n/routing"
import { getStarter, starterIds } from "@/lib/starters"

import { StarterPageBody } from "../../_pages/starter"

// Every starter × locale is prerendered with its default options; other mechanisms have no
// starter (yet) and 404. A link with options (`?kind=Gadget…`) is rewritten by proxy.ts to
// ../../linked/starters/[mechanism], which renders those options and names them in its preview.
export const dynamicParams = false

export function generateStaticParams() {
  return routing.locales.flatMap((locale) => starterIds().map((mechanism) => ({ locale, mechanism })))
}

export async function generateMetadata({ params }: PageProps<"/[locale]/starters/[mechanism]">): Promise<Metadata> {
  const { locale, mechanism } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const preview = starterPreview(locale, mechanism, {})
  return preview ? shareMetadata(locale, preview, `/${locale}/starters/${mechanism}`) : {}
}

export default async function StarterPage({ params }: PageProps<"/[locale]/starters/[mechanism]">) {
  const { locale, mechanism } = await params
  const g = getStarter(mechanism)
  if (!hasLocale(routing.locales, locale) || !g) notFound()
  return <StarterPageBody locale={locale} g={g} />
}
