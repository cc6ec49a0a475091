import { getTranslations } from "next-intl/server"

import { ClusterMapView } from "@/components/cluster/cluster-map-view"
import { mapEdgePaths } from "@/components/map/map-edges"
import { buildMapModel } from "@/components/map/map-model"
import type { MapQuery } from "@/components/map/map-query"
import { ClientMessages } from "@/components/shell/client-messages"
import { PageContainer } from "@/components/shell/page-container"
import { Link } from "@/i18n/server-link"
import type { Locale } from "@/lib/catalog"

/** What the map's client components format (the overlay line uses three cluster strings). */
const MAP_CLIENT_MESSAGES = ["map", "cluster.demoLabel", "cluster.mapOverlayDemo", "cluster.mapOverlayLive"]

// The landing page: the extension-point map, in the state `initial` (the point and version of a
// `?point=4&v=1.33` link, or the defaults on the prerendered page).
export async function MapPageBody({ locale, initial }: { locale: Locale; initial: MapQuery }) {
  const t = await getTranslations({ locale, namespace: "map" })
  const model = buildMapModel(locale)
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
        <ClientMessages paths={MAP_CLIENT_MESSAGES}>
          <ClusterMapView model={model} edgePaths={mapEdgePaths(model)} initial={initial} />
        </ClientMessages>
      </div>
    </PageContainer>
  )
}
