import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"

import { routing } from "@/i18n/routing"
import { LATEST_MINOR } from "@/lib/catalog"
import { advisorPreview, shareMetadata } from "@/components/share/share-metadata"

import { AdvisorPageBody } from "../_pages/advisor"

export async function generateMetadata({ params }: PageProps<"/[locale]/advisor">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  return shareMetadata(locale, advisorPreview(locale, {}), `/${locale}/advisor`)
}

// Prerendered at the first question: a request for /en/advisor is a file read. A link with
// answers (`?a=…&v=…`) is rewritten by proxy.ts to ../linked/advisor, which renders that state
// and names the recommendation in its preview.
export default async function AdvisorPage({ params }: PageProps<"/[locale]/advisor">) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  return <AdvisorPageBody locale={locale} initial={{ answers: [], minor: LATEST_MINOR, urlErrors: [] }} />
}
