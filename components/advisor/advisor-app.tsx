"use client"

import { useLocale, useTranslations } from "next-intl"
import { useEffect, useMemo } from "react"

import { advisorPageTitle } from "@/lib/advisor/title"
import type { FieldError } from "@/lib/advisor/types"
import type { Locale } from "@/lib/catalog/types"

import { advisorView, useAdvisorSnapshot, useAdvisorStore } from "./advisor-provider"
import { AdvisorToolbar } from "./advisor-toolbar"
import { ClusterFactsSource } from "./cluster-facts-source"
import { preloadAdvisorEngine } from "./engine-loader"
import { FlowChart } from "./flow-chart"
import { useUrlSync } from "./use-url-sync"
import { Wizard } from "./wizard"

const NO_ERRORS: FieldError[] = []

export function AdvisorApp() {
  const t = useTranslations("advisor")
  useUrlSync()
  const snapshot = useAdvisorSnapshot()
  const view = useMemo(() => (snapshot ? advisorView(snapshot) : undefined), [snapshot])
  const evaluation = snapshot?.evaluation
  const urlErrors = useAdvisorStore((s) => s.urlErrors) ?? NO_ERRORS
  const locale = useLocale() as Locale
  const product = useTranslations("shell.meta")("title")
  // The URL changes without a navigation, so keep the tab title (same template as the layout's) in step.
  const title = evaluation?.outcome ? advisorPageTitle(evaluation, locale) : t("meta.title")
  useEffect(() => {
    document.title = `${title} · ${product}`
  }, [title, product])

  return (
    // The decision model loads when the user is about to answer: pointer over the advisor, focus in it.
    <div className="flex flex-col gap-6" onPointerEnter={preloadAdvisorEngine} onFocusCapture={preloadAdvisorEngine} onTouchStartCapture={preloadAdvisorEngine}>
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
      {view && (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
          <Wizard view={view} />
          <FlowChart view={view} />
        </div>
      )}
    </div>
  )
}
