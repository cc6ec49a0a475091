import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { Link } from "@/i18n/server-link"
import { shareMetadata } from "@/components/share/share-metadata"
import { routing } from "@/i18n/routing"
import { PageContainer } from "@/components/shell/page-container"
import { LATEST_MINOR, getMechanism } from "@/lib/catalog"
import { STARTERS } from "@/lib/starters"
import { VerifiedRow } from "@/components/starters/verified-row"

export async function generateMetadata({ params }: PageProps<"/[locale]/starters">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const t = await getTranslations({ locale, namespace: "starters.meta" })
  return shareMetadata(locale, { title: t("indexTitle"), description: t("indexDescription") }, `/${locale}/starters`)
}

export default async function StartersIndexPage({ params }: PageProps<"/[locale]/starters">) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  const t = await getTranslations({ locale, namespace: "starters.index" })
  const tm = await getTranslations({ locale, namespace: "starters.matrix" })

  return (
    <PageContainer>
      <div className="max-w-5xl">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-3 text-[var(--muted-foreground)]">{t("intro", { minor: LATEST_MINOR })}</p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2" data-testid="starter-list">
        {STARTERS.map((g) => {
          const m = getMechanism(g.id)
          return (
            <li key={g.id} className="rounded-lg border border-[var(--border)] p-3">
              <Link
                href={`/starters/${g.id}`}
                className="font-semibold text-brand-strong underline hover:no-underline dark:text-blue-300"
                aria-label={t("open", { name: m.name[locale] })}
              >
                {m.name[locale]}
              </Link>
              <p className="mt-1 text-sm text-[var(--muted-foreground)]">{m.summary[locale]}</p>
              <p className="mt-2 text-xs">
                {g.languages.length
                  ? t("languagesValue", { list: g.languages.map((l) => (l === "go" ? "Go" : l === "bash" ? "Bash" : "TypeScript")).join(t("listSeparator")) })
                  : t("manifestsOnly")}
                {" · "}
                {t("targets", { from: g.targets[0] ?? "", to: g.targets[g.targets.length - 1] ?? "" })}
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
                <span className="text-[var(--muted-foreground)]">{tm("indexCaption")}</span>
                <VerifiedRow mechanism={g.id} locale={locale} />
              </div>
            </li>
          )
        })}
      </ul>
      <p className="mt-8 text-sm text-[var(--muted-foreground)]">{t("api")}</p>
      </div>
    </PageContainer>
  )
}
