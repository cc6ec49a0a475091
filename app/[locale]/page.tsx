import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { ClusterMapView } from "@/components/cluster/cluster-map-view"
import { buildMapModel } from "@/components/map/map-model"
import { parseMapQuery } from "@/components/map/map-query"
import { Link } from "@/i18n/navigation"
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
      {/* Three ways in, before anything about the cluster overlay. */}
      <nav aria-label={t("paths.label")} className="mt-4" data-testid="home-paths">
        <ul className="grid gap-2 sm:grid-cols-3">
          {(
            [
              ["map", "#map"],
              ["advisor", "/advisor"],
              ["starters", "/starters"],
            ] as const
          ).map(([key, href]) => {
            const className = "flex h-full flex-col rounded-lg border border-[var(--border)] bg-[var(--card)] px-3 py-2 hover:border-brand hover:bg-[var(--muted)]"
            const body = (
              <>
                <span className="font-semibold text-brand-strong dark:text-blue-300">{t(`paths.${key}`)}</span>
                <span className="text-sm text-[var(--muted-foreground)]">{t(`paths.${key}Hint`)}</span>
              </>
            )
            return (
              <li key={key}>
                {href.startsWith("#") ? (
                  <a href={href} className={className} data-path={key}>
                    {body}
                  </a>
                ) : (
                  <Link href={href} className={className} data-path={key}>
                    {body}
                  </Link>
                )}
              </li>
            )
          })}
        </ul>
      </nav>
      <div className="mt-5 scroll-mt-4" id="map">
        {/* Cluster overlay (inspector): per-point badges from the live or demo report, fetched client-side. */}
        <ClusterMapView model={buildMapModel(locale)} initial={initial} />
      </div>
    </PageContainer>
  )
}
