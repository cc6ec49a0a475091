import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { routing } from "@/i18n/routing"
import { advisorPageTitle, evaluate, parseAdvisorParams } from "@/lib/advisor"
import { LATEST_MINOR } from "@/lib/catalog"
import { AdvisorApp } from "@/components/advisor/advisor-app"
import { AdvisorStoreProvider } from "@/components/advisor/advisor-provider"

export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/advisor">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const t = await getTranslations({ locale, namespace: "advisor.meta" })
  // A shared link to a result names the recommendation in the title (cluster facts are not read here).
  const parsed = parseAdvisorParams(await searchParams)
  const evaluation = parsed.ok ? evaluate(parsed.value.answers, { minor: parsed.value.minor ?? LATEST_MINOR }) : undefined
  const title = evaluation?.ok && evaluation.value.outcome ? advisorPageTitle(evaluation.value, locale) : t("title")
  return { title, description: t("description") }
}

export default async function AdvisorPage({ params, searchParams }: PageProps<"/[locale]/advisor">) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  const t = await getTranslations({ locale, namespace: "advisor" })
  // The state lives in the URL; reading it on the server renders a shared link's result directly.
  const parsed = parseAdvisorParams(await searchParams)
  const initial = parsed.ok
    ? { answers: parsed.value.answers, minor: parsed.value.minor ?? LATEST_MINOR, urlErrors: [], cluster: parsed.value.cluster }
    : { answers: [], minor: LATEST_MINOR, urlErrors: parsed.errors }

  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-[var(--muted-foreground)]">{t("intro")}</p>
      <div className="mt-6">
        <AdvisorStoreProvider initial={initial}>
          <AdvisorApp />
        </AdvisorStoreProvider>
      </div>
    </div>
  )
}
