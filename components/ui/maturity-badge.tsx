import { useTranslations } from "next-intl"

import type { FeatureState, KubernetesMinor, Maturity } from "@/lib/catalog/types"

// Text carries the meaning; the colour and glyph only repeat it (WCAG 1.4.1). Colour pairs keep
// at least 4.5:1 contrast in light and dark themes.
const STYLES: Record<Maturity, { className: string; glyph: string }> = {
  ga: {
    className: "border-green-700 bg-green-50 text-green-900 dark:border-green-500 dark:bg-green-950 dark:text-green-100",
    glyph: "●",
  },
  beta: {
    className: "border-blue-700 bg-blue-50 text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100",
    glyph: "◐",
  },
  alpha: {
    className: "border-amber-700 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100",
    glyph: "○",
  },
  deprecated: {
    className: "border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100",
    glyph: "▽",
  },
  unavailable: {
    className: "border-dashed border-gray-500 bg-gray-50 text-gray-700 dark:border-gray-500 dark:bg-gray-900 dark:text-gray-300",
    glyph: "✕",
  },
}

export type MaturityBadgeProps = Pick<FeatureState, "maturity"> &
  Partial<Pick<FeatureState, "enabledByDefault">> & {
    /** When given, the accessible name says which Kubernetes version the badge is about. */
    version?: KubernetesMinor
    className?: string
  }

/**
 * Maturity of a mechanism (GA, beta, alpha, deprecated, not available), with "off by default"
 * when a feature gate or runtime config must be switched on. Usable in server and client components.
 */
export function MaturityBadge({ maturity, enabledByDefault = true, version, className = "" }: MaturityBadgeProps) {
  const t = useTranslations("map.maturity")
  const style = STYLES[maturity]
  const off = !enabledByDefault && maturity !== "unavailable"
  const text = off ? `${t(maturity)} · ${t("offByDefault")}` : t(maturity)
  return (
    <span
      data-slot="maturity-badge"
      data-maturity={maturity}
      data-enabled-by-default={off ? "false" : "true"}
      className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${style.className} ${className}`}
    >
      <span aria-hidden="true">{style.glyph}</span>
      {version ? <span className="sr-only">{t("versionPrefix", { version })} </span> : null}
      <span>{text}</span>
    </span>
  )
}
