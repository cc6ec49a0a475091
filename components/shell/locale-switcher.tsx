"use client"

import { useLocale, useTranslations } from "next-intl"
import { useSearchParams } from "next/navigation"
import { Suspense } from "react"

import { Link, usePathname } from "@/i18n/navigation"
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

function LocaleLinks() {
  const t = useTranslations("shell")
  const locale = useLocale()
  const pathname = usePathname()
  const search = useSearchParams().toString()
  // Keep the current page and its query (e.g. ?point=4) when switching language.
  const href = search ? `${pathname}?${search}` : pathname
  return (
    <nav aria-label={t("language")} className="flex gap-1 text-sm">
      {routing.locales.map((other) => (
        <Link
          key={other}
          href={href}
          locale={other}
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

export function LocaleSwitcher() {
  return (
    <Suspense fallback={null}>
      <LocaleLinks />
    </Suspense>
  )
}
