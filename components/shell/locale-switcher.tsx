"use client"

import Link from "next/link"
import { usePathname, useSearchParams } from "next/navigation"
import { Suspense } from "react"

import { localizedHref, rememberLocale, splitLocale } from "@/i18n/paths"
import { routing } from "@/i18n/routing"

const LOCALE_LABELS: Record<(typeof routing.locales)[number], string> = {
  en: "English",
  "zh-CN": "简体中文",
}

// Phones: a short form, so the product name and the tools share one header row.
const SHORT_LABELS: Record<(typeof routing.locales)[number], string> = {
  en: "EN",
  "zh-CN": "中文",
}

type Props = { locale: string; label: string }

function LocaleLinks({ locale, label, search }: Props & { search: string }) {
  const { path } = splitLocale(usePathname())
  // Keep the current page and its query (e.g. ?point=4) when switching language.
  const href = search ? `${path}?${search}` : path
  return (
    <nav aria-label={label} className="flex gap-1 text-sm">
      {routing.locales.map((other) => (
        <Link
          key={other}
          href={localizedHref(other, href)}
          // Like next-intl's locale-switching links: no prefetch, and the locale cookie follows the choice.
          prefetch={false}
          onClick={other === locale ? undefined : () => rememberLocale(other)}
          lang={other}
          hrefLang={other}
          aria-current={other === locale ? "true" : undefined}
          // Phones show only the language to switch to; the current one is marked from md up.
          className={`whitespace-nowrap rounded-md px-2 py-1 ${
            other === locale
              ? "hidden bg-[var(--muted)] font-semibold md:inline"
              : "hover:bg-[var(--muted)]"
          }`}
        >
          <span className="sm:hidden">{SHORT_LABELS[other]}</span>
          <span className="hidden sm:inline">{LOCALE_LABELS[other]}</span>
        </Link>
      ))}
    </nav>
  )
}

function LocaleLinksWithQuery(props: Props) {
  return <LocaleLinks {...props} search={useSearchParams().toString()} />
}

export function LocaleSwitcher(props: Props) {
  // A prerendered page has no query to read (a link with state is rendered per request, with
  // it): its HTML carries the links without one, so they work before the JavaScript arrives and
  // nothing appears in the header when it does; the browser then adds the query as it changes.
  return (
    <Suspense fallback={<LocaleLinks {...props} search="" />}>
      <LocaleLinksWithQuery {...props} />
    </Suspense>
  )
}
