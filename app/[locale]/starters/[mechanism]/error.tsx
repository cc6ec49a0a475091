"use client"

// If rendering the starter page throws (generation itself reports failures as an inline form
// error, see lib/starters generate()), the header, navigation and footer stay and this inline
// message replaces only the page body — not Next's "This page couldn't load". The options stay
// in the address bar, are listed here, and "Try again" re-renders with them.
import { useTranslations } from "next-intl"
import { useParams, useSearchParams } from "next/navigation"
import { useEffect } from "react"

import { Link } from "@/i18n/navigation"

export default function StarterPageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("starters.pageError")
  const { mechanism } = useParams<{ mechanism: string }>()
  const options = [...useSearchParams().entries()]

  useEffect(() => {
    console.error("starter page failed", error)
  }, [error])

  return (
    <div className="mx-auto max-w-3xl px-4 py-8" data-testid="starter-page-error">
      <div role="alert" className="rounded-lg border border-red-600 p-4">
        <h1 className="text-xl font-bold">{t("title")}</h1>
        <p className="mt-2">{t("body")}</p>
        {error.digest ? <p className="mt-1 text-xs text-[var(--muted-foreground)]">{error.digest}</p> : null}
      </div>
      {options.length > 0 ? (
        <section className="mt-4" aria-labelledby="starter-page-error-options">
          <h2 id="starter-page-error-options" className="font-semibold">
            {t("options")}
          </h2>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 font-mono text-sm">
            {options.map(([name, value], i) => (
              <div key={`${name}-${i}`} className="contents">
                <dt>{name}</dt>
                <dd className="break-all">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <div className="mt-6 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-brand-strong px-4 py-2 text-sm font-semibold text-white hover:bg-brand"
        >
          {t("retry")}
        </button>
        <Link href={`/starters/${mechanism}`} className="rounded-md border border-[var(--border)] px-4 py-2 text-sm font-semibold hover:bg-[var(--muted)]">
          {t("defaults")}
        </Link>
      </div>
    </div>
  )
}
