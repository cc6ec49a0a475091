import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { ClusterInspector } from "@/components/cluster/cluster-inspector"
import { ClientMessages } from "@/components/shell/client-messages"
import { shareMetadata } from "@/components/share/share-metadata"
import { routing } from "@/i18n/routing"
import { PageContainer } from "@/components/shell/page-container"
import { EXTENSION_POINTS, MECHANISMS, type MechanismId } from "@/lib/catalog"

export async function generateMetadata({ params }: PageProps<"/[locale]/cluster">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const t = await getTranslations({ locale, namespace: "cluster.meta" })
  return shareMetadata(locale, { title: t("title"), description: t("description") }, `/${locale}/cluster`)
}

// Static shell; the report is fetched client-side from /api/cluster/* so credentials and cluster
// state never end up in prerendered HTML.
export default async function ClusterPage({ params }: PageProps<"/[locale]/cluster">) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  const t = await getTranslations({ locale, namespace: "cluster" })
  const points = EXTENSION_POINTS.map((p) => ({ id: p.id, name: p.name[locale] }))
  const mechanismNames = Object.fromEntries(MECHANISMS.map((m) => [m.id, m.name[locale]])) as Record<MechanismId, string>
  return (
    <PageContainer>
      <div className="max-w-5xl">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-[var(--muted-foreground)]">{t("intro")}</p>
      <div className="mt-5">
        <ClientMessages paths={["cluster"]}>
          <ClusterInspector points={points} mechanismNames={mechanismNames} />
        </ClientMessages>
      </div>
      </div>
    </PageContainer>
  )
}
