import "@/components/guide/guide.css"

import type { Metadata } from "next"
import type { MDXContent } from "mdx/types"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { guideComponents } from "@/components/guide/guide-components"
import { GuideHeader } from "@/components/guide/guide-header"
import { RelatedMechanisms } from "@/components/guide/related-mechanisms"
import { Link } from "@/i18n/navigation"
import { routing } from "@/i18n/routing"
import { isLabStarter } from "@/lib/policy-lab/starter-input"
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
  return { title: m.name[locale], description: m.summary[locale] }
}

export default async function MechanismGuidePage({ params }: PageProps<"/[locale]/mechanisms/[id]">) {
  const { locale, id } = await params
  if (!hasLocale(routing.locales, locale) || !isMechanismId(id)) notFound()
  const mechanism = getMechanism(id)
  const [Guide, components, t, tLab] = await Promise.all([
    loadGuide(locale, id),
    guideComponents(mechanism, locale),
    getTranslations({ locale, namespace: "guide" }),
    getTranslations({ locale, namespace: "policyLab.link" }),
  ])

  return (
    // break-word: long API names (h1, inline code) wrap instead of widening a 375 px viewport.
    <article className="mx-auto max-w-4xl px-4 py-8 [overflow-wrap:break-word]" data-mechanism={id}>
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

      <nav aria-label={t("actions.label")} className="mt-10 flex flex-wrap gap-3 border-t border-[var(--border)] pt-6">
        <Link
          href={`/starters/${id}`}
          className="rounded-md bg-brand-strong px-4 py-2 text-sm font-semibold text-white hover:bg-brand"
          data-slot="starter-link"
        >
          {t("actions.starter")}
        </Link>
        <Link
          href="/advisor"
          className="rounded-md border border-[var(--border)] px-4 py-2 text-sm font-semibold hover:bg-[var(--muted)]"
          data-slot="advisor-link"
        >
          {t("actions.advisor")}
        </Link>
        {isLabStarter(id) ? (
          <Link
            href={`/policy-lab?from=${id}`}
            className="rounded-md border border-[var(--border)] px-4 py-2 text-sm font-semibold hover:bg-[var(--muted)]"
            data-slot="policy-lab-link"
          >
            {tLab("guide")}
          </Link>
        ) : null}
      </nav>

      <RelatedMechanisms mechanism={mechanism} locale={locale} />
    </article>
  )
}
