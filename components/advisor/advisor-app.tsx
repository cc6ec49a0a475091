"use client"

import { useLocale, useTranslations } from "next-intl"
import { useEffect } from "react"

import { advisorPageTitle, type FieldError } from "@/lib/advisor"
import type { Locale } from "@/lib/catalog"

import { useAdvisorStore } from "./advisor-provider"
import { AdvisorToolbar } from "./advisor-toolbar"
import { ClusterFactsSource } from "./cluster-facts-source"
import { FlowChart } from "./flow-chart"
import { useEvaluation } from "./use-evaluation"
import { useUrlSync } from "./use-url-sync"
import { Wizard } from "./wizard"

const NO_ERRORS: FieldError[] = []

export function AdvisorApp() {
  const t = useTranslations("advisor")
  useUrlSync()
  const evaluation = useEvaluation()
  const urlErrors = useAdvisorStore((s) => s.urlErrors) ?? NO_ERRORS
  const locale = useLocale() as Locale
  const product = useTranslations("shell.meta")("title")
  // The URL changes without a navigation, so keep the tab title (same template as the layout's) in step.
  const title = evaluation?.outcome ? advisorPageTitle(evaluation, locale) : t("meta.title")
  useEffect(() => {
    document.title = `${title} · ${product}`
  }, [title, product])

  return (
    <div className="flex flex-col gap-6">
      <AdvisorToolbar />
      <ClusterFactsSource />
      {urlErrors.length > 0 && (
        <div role="alert" className="rounded-md border border-red-600 bg-red-50 p-3 text-sm text-red-950 dark:bg-red-950 dark:text-red-100" data-testid="advisor-url-errors">
          <p className="font-semibold">{t("errors.title")}</p>
          <p>{t("errors.body")}</p>
          <ul className="mt-1 list-disc pl-5">
            {urlErrors.map((e, i) => (
              <li key={i}>
                <code>{e.field}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {evaluation && (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
          <Wizard evaluation={evaluation} />
          <FlowChart evaluation={evaluation} />
        </div>
      )}
    </div>
  )
}
