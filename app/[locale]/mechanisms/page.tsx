import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { MaturityBadge } from "@/components/guide/maturity-badge"
import { Link } from "@/i18n/server-link"
import { shareMetadata } from "@/components/share/share-metadata"
import { routing } from "@/i18n/routing"
import { PageContainer } from "@/components/shell/page-container"
import { EXTENSION_POINTS, LATEST_MINOR, mechanismsAtPoint, stateAt } from "@/lib/catalog"

export async function generateMetadata({ params }: PageProps<"/[locale]/mechanisms">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const t = await getTranslations({ locale, namespace: "guide.meta" })
  return shareMetadata(locale, { title: t("indexTitle"), description: t("indexDescription") }, `/${locale}/mechanisms`)
}

export default async function MechanismsIndexPage({ params }: PageProps<"/[locale]/mechanisms">) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  const t = await getTranslations({ locale, namespace: "guide" })

  return (
    <PageContainer>
      <div className="max-w-5xl [overflow-wrap:break-word]">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("index.title")}</h1>
      <p className="mt-3 text-[var(--muted-foreground)]">{t("index.intro", { minor: LATEST_MINOR })}</p>

      {EXTENSION_POINTS.map((point) => {
        const mechanisms = mechanismsAtPoint(point.id)
        if (mechanisms.length === 0) return null
        const headingId = `point-${point.id}`
        return (
          <section key={point.id} aria-labelledby={headingId} className="mt-8">
            <h2 id={headingId} className="text-xl font-bold">
              {point.id === "configuration" ? t("index.configuration") : `${t("index.point", { id: point.id })} · ${point.name[locale]}`}
            </h2>
            <p className="mt-1 text-sm text-[var(--muted-foreground)]">{point.summary[locale]}</p>
            <ul className="mt-3 grid gap-3 sm:grid-cols-2">
              {mechanisms.map((m) => (
                <li key={m.id} className="rounded-lg border border-[var(--border)] p-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/mechanisms/${m.id}`}
                      className="font-semibold text-brand-strong underline hover:no-underline dark:text-blue-300"
                    >
                      {m.name[locale]}
                    </Link>
                    <MaturityBadge maturity={stateAt(m, LATEST_MINOR).maturity} locale={locale} />
                  </div>
                  <p className="mt-1 text-sm text-[var(--muted-foreground)]">{m.summary[locale]}</p>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
      </div>
    </PageContainer>
  )
}
