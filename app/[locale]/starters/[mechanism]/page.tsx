import "@/components/starters/starters.css"

import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { StarterWorkbench } from "@/components/starters/starter-workbench"
import { VerifiedRow } from "@/components/starters/verified-row"
import { Link } from "@/i18n/navigation"
import { routing } from "@/i18n/routing"
import { getMechanism, type MechanismId } from "@/lib/catalog"
import { fieldSpecs, getStarter, starterIds } from "@/lib/starters"
import { unverifiedMinors } from "@/lib/starters/matrix"

// Every starter × locale is prerendered; other mechanisms have no starter (yet) and 404.
export const dynamicParams = false

export function generateStaticParams() {
  return routing.locales.flatMap((locale) => starterIds().map((mechanism) => ({ locale, mechanism })))
}

export async function generateMetadata({ params }: PageProps<"/[locale]/starters/[mechanism]">): Promise<Metadata> {
  const { locale, mechanism } = await params
  const g = getStarter(mechanism)
  if (!hasLocale(routing.locales, locale) || !g) return {}
  const m = getMechanism(g.id)
  const t = await getTranslations({ locale, namespace: "starters.meta" })
  return { title: t("starterTitle", { name: m.name[locale] }), description: m.summary[locale] }
}

export default async function StarterPage({ params }: PageProps<"/[locale]/starters/[mechanism]">) {
  const { locale, mechanism } = await params
  const g = getStarter(mechanism)
  if (!hasLocale(routing.locales, locale) || !g) notFound()
  const m = getMechanism(g.id)
  const t = await getTranslations({ locale, namespace: "starters" })

  return (
    <div className="mx-auto max-w-7xl px-4 py-8" data-mechanism={g.id}>
      <nav className="text-sm">
        <Link href="/starters" className="underline hover:no-underline">
          ← {t("workbench.back")}
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-bold">{t("meta.starterTitle", { name: m.name[locale] })}</h1>
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
    </div>
  )
}
