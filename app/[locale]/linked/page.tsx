import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { parseMapQuery } from "@/components/map/map-query"
import { shareMetadata } from "@/components/share/share-metadata"
import { routing } from "@/i18n/routing"

import { MapPageBody } from "../_pages/map"

export async function generateMetadata({ params }: PageProps<"/[locale]/linked">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const t = await getTranslations({ locale, namespace: "map.meta" })
  return shareMetadata(locale, { title: t("title"), description: t("description") }, `/${locale}`)
}

// The map for a link with state (`/en?point=4&v=1.33`, rewritten here by proxy.ts): rendered per
// request with the point and version from the URL, so a deep link shows them before hydration.
export default async function LinkedMapPage({ params, searchParams }: PageProps<"/[locale]/linked">) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  return <MapPageBody locale={locale} initial={parseMapQuery(await searchParams)} />
}
