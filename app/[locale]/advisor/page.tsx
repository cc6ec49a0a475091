import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { routing } from "@/i18n/routing"
import { parseAdvisorParams } from "@/lib/advisor"
import { starterTargetFor } from "@/lib/advisor/handoff"
import { LATEST_MINOR, MECHANISM_IDS, type MechanismId } from "@/lib/catalog"
import { AdvisorApp } from "@/components/advisor/advisor-app"
import { advisorPreview, shareMetadata } from "@/components/share/share-metadata"
import { AdvisorStoreProvider } from "@/components/advisor/advisor-provider"
import { PageContainer } from "@/components/shell/page-container"

// A shared link with answers previews with the recommendation (components/share), titled like the page.
export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/advisor">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  return shareMetadata(locale, advisorPreview(locale, await searchParams), `/${locale}/advisor`)
}

function starterTargets(): Partial<Record<MechanismId, MechanismId>> {
  return Object.fromEntries(MECHANISM_IDS.flatMap((id) => {
    const target = starterTargetFor(id)
    return target ? [[id, target]] : []
  }))
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
    <PageContainer>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-[var(--muted-foreground)]">{t("intro")}</p>
      <div className="mt-6">
        <AdvisorStoreProvider initial={initial} starters={starterTargets()}>
          <AdvisorApp />
        </AdvisorStoreProvider>
      </div>
    </PageContainer>
  )
}
