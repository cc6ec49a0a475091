"use client"

import dynamic from "next/dynamic"
import { useLocale, useTranslations } from "next-intl"
import { useState } from "react"

import { getMechanism, type Locale } from "@/lib/catalog"
import { getNode, type Evaluation } from "@/lib/advisor"

import { useAdvisorStore } from "./advisor-provider"

// The whole chart (~150 nodes, dagre layout) loads only when asked for.
const WholeChart = dynamic(() => import("./whole-chart"), { ssr: false, loading: () => <ChartLoading /> })

function ChartLoading() {
  const t = useTranslations("advisor.chart")
  return <p className="h-[70vh] min-h-[420px] rounded-lg border border-[var(--border)] p-4 text-sm">{t("loading")}</p>
}

function Arrow() {
  return (
    <span aria-hidden="true" className="flex h-5 w-px justify-center bg-emerald-700">
      <span className="mt-3.5 h-0 w-0 border-x-[5px] border-t-[6px] border-x-transparent border-t-emerald-700" />
    </span>
  )
}

/**
 * The part of the chart the user is walking: every question passed (its answers, the chosen one
 * highlighted and the others clickable to change it), the official chart's "Go to …" boxes, and
 * the current question or the result. Plain HTML in the page's flow: legible at any width, the
 * wheel scrolls the page, and each name is the visible text.
 */
function PathChart({ evaluation }: { evaluation: Evaluation }) {
  const t = useTranslations("advisor.chart")
  const locale = useLocale() as Locale
  const answer = useAdvisorStore((s) => s.answer)
  const chosen = new Map(evaluation.path.map((p) => [p.question, p.answer]))
  const current = evaluation.nextQuestion?.node.id
  return (
    <ol className="flex flex-col items-center rounded-lg border border-[var(--border)] bg-[var(--card)] px-3 py-4" data-testid="advisor-chart" aria-label={t("pathLabel")}>
      {evaluation.visited.map((id, i) => {
        const node = getNode(id)
        if (!node) return null
        const last = i === evaluation.visited.length - 1
        if (node.kind === "question") {
          const picked = chosen.get(id)
          const text = node.text[locale]
          return (
            <li key={id} className="flex w-full flex-col items-center">
              <div
                data-chart-id={`q:${id}`}
                data-on-path="true"
                data-current={id === current}
                className={`w-full max-w-md rounded-xl px-3 py-2 text-center text-sm leading-snug ${
                  node.official ? "bg-[#1d4fb8] text-white" : "border-2 border-[#1d4fb8] bg-[var(--card)]"
                } ${id === current ? "ring-4 ring-amber-400" : ""}`}
              >
                {id === current ? <span className="sr-only">{`${t("current")}: `}</span> : null}
                {text}
              </div>
              <Arrow />
              <div role="group" aria-label={text} className="flex flex-wrap justify-center gap-2">
                {node.answers.map((a) => {
                  const on = picked === a.id
                  return (
                    <button
                      key={a.id}
                      type="button"
                      data-chart-id={`a:${id}:${a.id}`}
                      data-on-path={on ? "true" : undefined}
                      aria-pressed={on}
                      onClick={() => answer(id, a.id)}
                      className={`min-h-9 rounded-full px-3 py-1 text-sm font-semibold ${
                        on
                          ? "bg-emerald-700 text-white"
                          : picked
                            ? "border border-[var(--border)] bg-[var(--muted)] text-[var(--muted-foreground)] hover:border-brand"
                            : "bg-[#454545] text-white hover:bg-black"
                      }`}
                    >
                      {a.label[locale]}
                    </button>
                  )
                })}
              </div>
              {last ? null : <Arrow />}
            </li>
          )
        }
        if (node.kind === "section") {
          return (
            <li key={id} className="flex w-full flex-col items-center">
              <div data-chart-id={`s:${id}`} data-on-path="true" className="border border-black bg-white px-3 py-1.5 text-center text-sm text-black">
                {node.label[locale]}
              </div>
              {last ? null : <Arrow />}
            </li>
          )
        }
        const primary = evaluation.outcome?.primary.id ?? node.primary
        return (
          <li key={id} className="flex w-full flex-col items-center">
            <div
              data-chart-id={`o:${id}`}
              data-on-path="true"
              className="w-full max-w-md rounded-md border-2 border-emerald-600 bg-emerald-50 px-3 py-2 text-center text-sm text-emerald-950"
            >
              <span className="sr-only">{`${t("outcome")}: `}</span>
              <span className="block font-semibold">{evaluation.outcome?.title[locale] ?? node.title[locale]}</span>
              <span className="block">{getMechanism(primary).name[locale]}</span>
            </div>
          </li>
        )
      })}
    </ol>
  )
}

export function FlowChart({ evaluation }: { evaluation: Evaluation }) {
  const t = useTranslations("advisor.chart")
  const [whole, setWhole] = useState(false)
  return (
    <section aria-labelledby="advisor-chart-heading" className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="advisor-chart-heading" className="text-lg font-semibold">
          {t("label")}
        </h2>
        <button
          type="button"
          aria-expanded={whole}
          aria-controls={whole ? "advisor-whole-chart" : undefined}
          onClick={() => setWhole(!whole)}
          className="rounded-md border border-[var(--border)] px-3 py-1.5 text-sm font-medium hover:bg-[var(--muted)]"
          data-testid="advisor-chart-toggle"
        >
          {whole ? t("showPath") : t("showWhole")}
        </button>
      </div>
      <p className="text-sm text-[var(--muted-foreground)]">{whole ? t("hintWhole") : t("hint")}</p>
      {whole ? <WholeChart evaluation={evaluation} /> : <PathChart evaluation={evaluation} />}
    </section>
  )
}
