import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { parseMapQuery } from "@/components/map/map-query"
import { shareMetadata } from "@/components/share/share-metadata"
import { routing } from "@/i18n/routing"

import { MapPageBody } from "./_pages/map"

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const t = await getTranslations({ locale, namespace: "map.meta" })
  return shareMetadata(locale, { title: t("title"), description: t("description") }, `/${locale}`)
}

// Prerendered in the default state: a request for /en is a file read. A link with a point or a
// version (`?point=4&v=1.33`) is rewritten by proxy.ts to ./linked, which renders that state.
export default async function MapPage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  return <MapPageBody locale={locale} initial={parseMapQuery({})} />
}
