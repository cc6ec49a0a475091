import { getTranslations } from "next-intl/server"

import { Link } from "@/i18n/server-link"
import { getMechanism, LATEST_MINOR, stateAt, type Locale, type Mechanism } from "@/lib/catalog"

import { MaturityBadge } from "./maturity-badge"

export async function RelatedMechanisms({ mechanism, locale }: { mechanism: Mechanism; locale: Locale }) {
  if (mechanism.related.length === 0) return null
  const t = await getTranslations({ locale, namespace: "guide.related" })
  return (
    <section aria-labelledby="related-heading" className="mt-10">
      <h2 id="related-heading" className="mb-3 text-xl font-bold">
        {t("title")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {mechanism.related.map((id) => {
          const related = getMechanism(id)
          return (
            <li key={id} className="rounded-lg border border-[var(--border)] p-3">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/mechanisms/${id}`}
                  className="font-semibold text-brand-strong underline hover:no-underline dark:text-blue-300"
                >
                  {related.name[locale]}
                </Link>
                <MaturityBadge maturity={stateAt(related, LATEST_MINOR).maturity} locale={locale} />
              </div>
              <p className="mt-1 text-sm text-[var(--muted-foreground)]">{related.summary[locale]}</p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
