import { getTranslations } from "next-intl/server"

import type { Locale, Maturity } from "@/lib/catalog"

const STYLES: Record<Maturity, string> = {
  ga: "bg-green-100 text-green-900 dark:bg-green-900/50 dark:text-green-100",
  beta: "bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-100",
  alpha: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
  deprecated: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
  unavailable: "bg-gray-200 text-gray-800 dark:bg-gray-700 dark:text-gray-100",
}

export async function MaturityBadge({ maturity, locale }: { maturity: Maturity; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "guide.maturity" })
  return (
    <span
      data-slot="maturity-badge"
      data-maturity={maturity}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ${STYLES[maturity]}`}
    >
      {t(maturity)}
    </span>
  )
}
