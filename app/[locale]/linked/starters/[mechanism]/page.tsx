import "@/components/starters/starters.css"

import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"

import { shareMetadata, starterPreview } from "@/components/share/share-metadata"
import { routing } from "@/i18n/routing"
import { getStarter } from "@/lib/starters"

import { StarterPageBody } from "../../../_pages/starter"

function queryString(search: Record<string, string | string[] | undefined>): string {
  const q = new URLSearchParams()
  for (const [key, value] of Object.entries(search)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) q.append(key, v)
  return q.toString()
}

// A shared link previews with the starter and the options it sets (components/share).
export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/linked/starters/[mechanism]">): Promise<Metadata> {
  const { locale, mechanism } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const preview = starterPreview(locale, mechanism, await searchParams)
  return preview ? shareMetadata(locale, preview, `/${locale}/starters/${mechanism}`) : {}
}

// A starter page for a link with options (`/en/starters/crd?kind=Gadget`, rewritten here by
// proxy.ts): rendered per request with the link's files.
export default async function LinkedStarterPage({ params, searchParams }: PageProps<"/[locale]/linked/starters/[mechanism]">) {
  const { locale, mechanism } = await params
  const g = getStarter(mechanism)
  if (!hasLocale(routing.locales, locale) || !g) notFound()
  return <StarterPageBody locale={locale} g={g} search={queryString(await searchParams)} />
}
