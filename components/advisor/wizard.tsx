"use client"

import { useEffect, useRef } from "react"
import { useLocale, useTranslations } from "next-intl"

import { getQuestion, questionProgress, type Evaluation } from "@/lib/advisor"
import type { Locale } from "@/lib/catalog"

import { useAdvisorStore } from "./advisor-provider"
import { ResultPanel } from "./result-panel"
import { RichText } from "./rich-text"
import { useWizardBack } from "./use-url-sync"

export function Wizard({ evaluation }: { evaluation: Evaluation }) {
  const t = useTranslations("advisor")
  const locale = useLocale() as Locale
  const answer = useAdvisorStore((s) => s.answer)
  const back = useWizardBack()
  const reopen = useAdvisorStore((s) => s.reopen)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // Set by wizard buttons so focus follows the step; clicks in the chart keep their focus.
  const moveFocus = useRef(false)

  const question = evaluation.nextQuestion
  const stepKey = question?.node.id ?? evaluation.outcome?.node.id ?? ""
  useEffect(() => {
    if (!moveFocus.current) return
    moveFocus.current = false
    headingRef.current?.focus()
  }, [stepKey])

  const answered = evaluation.path.length
  const progress = questionProgress(evaluation)
  const total = progress?.total ?? answered

  return (
    <section aria-labelledby="advisor-step-heading" className="flex flex-col gap-4" data-testid="advisor-wizard">
      <h2 className="sr-only">{t("wizard.label")}</h2>
      {question ? (
        <div className="rounded-lg border border-[var(--border)] bg-[var(--card)] p-4 shadow-sm">
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-[var(--muted-foreground)]">
            <span data-testid="advisor-section">
              {question.node.official ? t("wizard.official") : t("wizard.continuation", { section: t(`sections.${question.node.section}`) })}
            </span>
            <span>{t("wizard.progress", { current: progress?.current ?? answered + 1, left: progress?.left ?? 0 })}</span>
          </div>
          <progress
            className="mt-2 h-1.5 w-full overflow-hidden rounded accent-[var(--color-brand)]"
            max={total}
            value={answered}
            aria-label={t("wizard.progressLabel")}
          />
          <h3
            id="advisor-step-heading"
            ref={headingRef}
            tabIndex={-1}
            className="mt-3 text-lg font-semibold leading-snug"
            data-testid="advisor-question"
            data-question-id={question.node.id}
          >
            {question.node.text[locale]}
          </h3>
          <p className="mt-2 text-sm text-[var(--muted-foreground)]">
            <RichText text={question.node.help[locale]} />
          </p>
          {question.clusterNotes.length > 0 && (
            <ul className="mt-2 space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
              {question.clusterNotes.map((n) => (
                <li key={n.en}>
                  <span className="font-medium">{t("wizard.fromCluster")}: </span>
                  {n[locale]}
                </li>
              ))}
            </ul>
          )}
          <div className="mt-3">
            <h4 className="text-sm font-medium">{t("wizard.examples")}</h4>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
              {question.node.examples[locale].map((e) => (
                <li key={e}>
                  <RichText text={e} />
                </li>
              ))}
            </ul>
          </div>
          <ul className="mt-4 flex flex-col gap-2" aria-label={t("wizard.answers")}>
            {question.node.answers.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  data-answer-id={a.id}
                  onClick={() => {
                    moveFocus.current = true
                    answer(question.node.id, a.id)
                  }}
                  className="w-full rounded-md border border-[var(--border)] px-3 py-2 text-left text-sm font-medium hover:border-brand hover:bg-[var(--muted)]"
                >
                  {a.label[locale]}
                  {question.suggested?.answer === a.id && (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950">{t("wizard.suggested")}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : evaluation.outcome ? (
        <ResultPanel
          outcome={evaluation.outcome}
          minor={evaluation.minor}
          headingRef={headingRef}
          headingId="advisor-step-heading"
        />
      ) : null}

      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => {
            moveFocus.current = true
            back()
          }}
          disabled={answered === 0}
          className="rounded-md border border-[var(--border)] px-3 py-1.5 text-sm font-medium hover:bg-[var(--muted)] disabled:opacity-50"
          data-testid="advisor-back"
        >
          {t("wizard.back")}
        </button>
      </div>

      {answered > 0 && (
        <div>
          <h3 className="text-sm font-semibold">{t("wizard.yourAnswers")}</h3>
          <ol className="mt-1 space-y-1 text-sm" data-testid="advisor-answers">
            {evaluation.path.map((step) => {
              const q = getQuestion(step.question)
              const a = q?.answers.find((x) => x.id === step.answer)
              if (!q || !a) return null
              return (
                <li key={step.question} className="flex items-start justify-between gap-2 border-b border-[var(--border)] py-1">
                  <span>
                    <span className="text-[var(--muted-foreground)]">{q.text[locale]}</span>{" "}
                    <strong className="font-medium">{a.label[locale]}</strong>
                  </span>
                  <button
                    type="button"
                    className="shrink-0 rounded px-2 py-0.5 text-xs font-medium text-brand-strong underline dark:text-blue-300"
                    aria-label={t("wizard.changeLabel", { question: q.text[locale] })}
                    onClick={() => {
                      moveFocus.current = true
                      reopen(step.question)
                    }}
                  >
                    {t("wizard.change")}
                  </button>
                </li>
              )
            })}
          </ol>
        </div>
      )}
    </section>
  )
}
