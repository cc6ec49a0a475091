// Page titles that name the recommendation, so a shared advisor link, a browser tab and search
// results say what the answers led to. Pure: used by generateMetadata (server) and document.title.
import type { Locale } from "@/lib/catalog"

import type { Evaluation } from "./types"

const BASE: Record<Locale, string> = { en: "Advisor", "zh-CN": "选型顾问" }

/**
 * The advisor page's title segment (the layout appends the product name): the recommended
 * mechanism and Kubernetes minor once the answers reach an outcome, otherwise the plain page name.
 */
export function advisorPageTitle(evaluation: Evaluation | undefined, locale: Locale): string {
  const outcome = evaluation?.outcome
  if (!evaluation || !outcome) return BASE[locale]
  const title = outcome.title[locale]
  return locale === "zh-CN"
    ? `推荐方案：${title}（Kubernetes ${evaluation.minor}）`
    : `Recommendation: ${title} for Kubernetes ${evaluation.minor}`
}
