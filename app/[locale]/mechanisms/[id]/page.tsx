import "@/components/guide/guide.css"

import type { Metadata } from "next"
import type { MDXContent } from "mdx/types"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { guideComponents } from "@/components/guide/guide-components"
import { GuideActions } from "@/components/guide/guide-actions"
import { GuideHeader } from "@/components/guide/guide-header"
import { RelatedMechanisms } from "@/components/guide/related-mechanisms"
import { shareMetadata } from "@/components/share/share-metadata"
import { routing } from "@/i18n/routing"
import { PageContainer } from "@/components/shell/page-container"
import { getMechanism, isMechanismId, MECHANISM_IDS, type Locale, type MechanismId } from "@/lib/catalog"

// Every catalog id × locale is prerendered; anything else is a 404.
export const dynamicParams = false

export function generateStaticParams() {
  return routing.locales.flatMap((locale) => MECHANISM_IDS.map((id) => ({ locale, id })))
}

async function loadGuide(locale: Locale, id: MechanismId): Promise<MDXContent | null> {
  try {
    const mod = (await import(`@/content/${locale}/${id}.mdx`)) as { default: MDXContent }
    return mod.default
  } catch (error) {
    // content/guides.test.ts fails for a missing guide; the page still renders its catalog facts.
    console.error(`Guide content/${locale}/${id}.mdx could not be loaded:`, error)
    return null
  }
}

export async function generateMetadata({ params }: PageProps<"/[locale]/mechanisms/[id]">): Promise<Metadata> {
  const { locale, id } = await params
  if (!hasLocale(routing.locales, locale) || !isMechanismId(id)) return {}
  const m = getMechanism(id)
  return shareMetadata(locale, { title: m.name[locale], description: m.summary[locale] }, `/${locale}/mechanisms/${id}`)
}

export default async function MechanismGuidePage({ params }: PageProps<"/[locale]/mechanisms/[id]">) {
  const { locale, id } = await params
  if (!hasLocale(routing.locales, locale) || !isMechanismId(id)) notFound()
  const mechanism = getMechanism(id)
  const [Guide, components, t] = await Promise.all([
    loadGuide(locale, id),
    guideComponents(mechanism, locale),
    getTranslations({ locale, namespace: "guide" }),
  ])

  return (
    // break-word: long API names (h1, inline code) wrap instead of widening a 375 px viewport.
    <PageContainer>
    <article className="max-w-4xl [overflow-wrap:break-word]" data-mechanism={id}>
      <GuideHeader mechanism={mechanism} locale={locale} />

      <div className="guide-prose">
        {Guide ? (
          <Guide components={components} />
        ) : (
          <div role="alert" data-missing-guide className="my-6 rounded-md border border-red-600 px-4 py-3">
            <p className="font-semibold">{t("missing.title")}</p>
            <p>{t("missing.body")}</p>
          </div>
        )}
      </div>

      <GuideActions mechanism={mechanism} locale={locale} placement="bottom" />

      <RelatedMechanisms mechanism={mechanism} locale={locale} />
    </article>
    </PageContainer>
  )
}
