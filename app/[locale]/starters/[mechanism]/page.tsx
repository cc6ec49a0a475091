import "@/components/starters/starters.css"

import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { shareMetadata, starterPreview } from "@/components/share/share-metadata"
import { StarterWorkbench } from "@/components/starters/starter-workbench"
import { VerifiedRow } from "@/components/starters/verified-row"
import { Link } from "@/i18n/navigation"
import { routing } from "@/i18n/routing"
import { Breakable, PageContainer } from "@/components/shell/page-container"
import { getMechanism, type MechanismId } from "@/lib/catalog"
import { fieldSpecs, getStarter, starterIds } from "@/lib/starters"
import { unverifiedMinors } from "@/lib/starters/matrix"

// Every starter × locale is prerendered; other mechanisms have no starter (yet) and 404.
export const dynamicParams = false

export function generateStaticParams() {
  return routing.locales.flatMap((locale) => starterIds().map((mechanism) => ({ locale, mechanism })))
}

// A shared link previews with the starter and the options it sets (components/share). Reading the
// query here renders the page per request; the page itself still reads the options in the browser.
export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/starters/[mechanism]">): Promise<Metadata> {
  const { locale, mechanism } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const search = await searchParams
  const preview = starterPreview(locale, mechanism, search)
  return preview ? shareMetadata(locale, preview, `/${locale}/starters/${mechanism}`) : {}
}

export default async function StarterPage({ params }: PageProps<"/[locale]/starters/[mechanism]">) {
  const { locale, mechanism } = await params
  const g = getStarter(mechanism)
  if (!hasLocale(routing.locales, locale) || !g) notFound()
  const m = getMechanism(g.id)
  const t = await getTranslations({ locale, namespace: "starters" })

  return (
    <PageContainer data-mechanism={g.id}>
      <nav className="text-sm">
        <Link href="/starters" className="underline hover:no-underline">
          ← {t("workbench.back")}
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">
        <Breakable text={t("meta.starterTitle", { name: m.name[locale] })} />
      </h1>
      <p className="mt-2 max-w-3xl text-[var(--muted-foreground)]">
        {m.summary[locale]}{" "}
        <Link href={`/mechanisms/${g.id}`} className="underline hover:no-underline">
          {t("workbench.guide")}
        </Link>
      </p>
      <div className="mt-6">
        <StarterWorkbench mechanism={g.id as MechanismId} fields={fieldSpecs(g)} locale={locale} unverified={unverifiedMinors(g.id)} />
      </div>
      <section aria-labelledby="starter-matrix" className="mt-8 max-w-3xl">
        <h2 id="starter-matrix" className="text-lg font-bold">
          {t("matrix.heading")}
        </h2>
        <div className="mt-2">
          <VerifiedRow mechanism={g.id as MechanismId} locale={locale} details />
        </div>
      </section>
    </PageContainer>
  )
}
