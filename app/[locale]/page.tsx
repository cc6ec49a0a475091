import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { ClusterMapView } from "@/components/cluster/cluster-map-view"
import { buildMapModel } from "@/components/map/map-model"
import { parseMapQuery } from "@/components/map/map-query"
import { routing } from "@/i18n/routing"
import { PageContainer } from "@/components/shell/page-container"

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const t = await getTranslations({ locale, namespace: "map.meta" })
  return { title: t("title"), description: t("description") }
}

// The landing page: the extension-point map. Server-rendered with the point and version from the
// URL (`?point=4&v=1.33`) so deep links show the right state before hydration.
export default async function MapPage({ params, searchParams }: PageProps<"/[locale]">) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  const initial = parseMapQuery(await searchParams)
  const t = await getTranslations({ locale, namespace: "map" })
  return (
    <PageContainer>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-[var(--muted-foreground)]">{t("intro")}</p>
      <div className="mt-5">
        {/* Cluster overlay (inspector): per-point badges from the live or demo report, fetched client-side. */}
        <ClusterMapView model={buildMapModel(locale)} initial={initial} />
      </div>
    </PageContainer>
  )
}
