"use client"

// One object's result: matched or not and why, each validation (pass / fail with message /
// error) with its cost, the binding's effective actions, warnings and audit annotations, the
// patched object (MutatingAdmissionPolicy) or the field errors (CRD rules).
import { useTranslations } from "next-intl"
import { useMemo } from "react"

import { compactDiff, displayYaml, lineDiff } from "@/lib/policy-lab/diff"
import { CEL_LIMITS, outcomeOf, type CaseResult, type K8sObject, type Outcome } from "@/lib/policy-lab/protocol"

export const OUTCOME_STYLE: Record<Outcome, string> = {
  denied: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  warned: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  audited: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  mutated: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200",
  allowed: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  "not-matched": "bg-[var(--muted)] text-[var(--muted-foreground)]",
  error: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
}

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const t = useTranslations("policyLab.outcome")
  return (
    <span data-outcome={outcome} className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${OUTCOME_STYLE[outcome]}`}>
      {t(outcome)}
    </span>
  )
}

const fmt = (n: number | undefined) => (n === undefined ? "–" : n.toLocaleString("en-US"))

function CostBar({ cost, limit }: { cost: number; limit: number }) {
  const pct = Math.min(100, (cost / limit) * 100)
  return (
    <span className="inline-flex items-center gap-1" title={`${fmt(cost)} / ${fmt(limit)}`}>
      <span className="inline-block h-1.5 w-12 overflow-hidden rounded bg-[var(--muted)]">
        <span className={`block h-full ${pct >= 100 ? "bg-red-600" : pct > 50 ? "bg-amber-500" : "bg-green-600"}`} style={{ width: `${Math.max(2, pct)}%` }} />
      </span>
      <span className="tabular-nums">{fmt(cost)}</span>
    </span>
  )
}

function MutationDiff({ before, after }: { before?: K8sObject; after?: K8sObject }) {
  const t = useTranslations("policyLab.card")
  const lines = useMemo(() => compactDiff(lineDiff(displayYaml(before ?? {}), displayYaml(after ?? {}))), [before, after])
  if (!lines.some((l) => l.kind === "add" || l.kind === "remove")) return <p className="text-sm text-[var(--muted-foreground)]">{t("unchanged")}</p>
  return (
    <pre data-testid="mutation-diff" className="max-h-96 overflow-auto rounded border border-[var(--border)] bg-[var(--card)] p-2 text-xs leading-5" aria-label={t("diffLabel")}>
      {lines.map((l, i) =>
        l.kind === "gap" ? (
          <div key={i} className="text-[var(--muted-foreground)]">
            {t("unchangedLines", { count: l.count })}
          </div>
        ) : (
          <div key={i} className={l.kind === "add" ? "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200" : l.kind === "remove" ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" : ""}>
            {l.kind === "add" ? "+ " : l.kind === "remove" ? "- " : "  "}
            {l.text}
          </div>
        ),
      )}
    </pre>
  )
}

export function CaseCard({ title, object, result, open, onToggle }: { title: string; object: K8sObject; result: CaseResult; open: boolean; onToggle(): void }) {
  const t = useTranslations("policyLab.card")
  const outcome = outcomeOf(result)
  const headline = result.inputError ?? result.verdict?.status?.message ?? result.verdict?.warnings[0]
  return (
    <article data-testid="case-card" data-case={title} data-outcome={outcome} className="rounded-md border border-[var(--border)] bg-[var(--card)]">
      <button type="button" onClick={onToggle} aria-expanded={open} className="flex w-full items-start gap-2 px-3 py-2 text-left">
        <OutcomeBadge outcome={outcome} />
        <span className="min-w-0 flex-1">
          <span className="block truncate font-mono text-sm">{title}</span>
          {headline ? <span className="block break-words text-xs text-[var(--muted-foreground)]">{headline}</span> : null}
        </span>
        <span aria-hidden className="text-[var(--muted-foreground)]">
          {open ? "▾" : "▸"}
        </span>
      </button>
      {open ? (
        <div className="grid gap-3 border-t border-[var(--border)] px-3 py-3 text-sm">
          {result.inputWarnings?.length ? (
            <ul className="list-disc pl-5 text-amber-800 dark:text-amber-300">
              {result.inputWarnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          ) : null}
          {result.policy ? (
            <section>
              <h4 className="font-semibold">{result.policy.matched ? t("matched") : t("notMatched")}</h4>
              {result.policy.configError ? <p className="text-red-700 dark:text-red-300">{result.policy.configError}</p> : null}
              <ul className="mt-1 grid gap-0.5 text-xs">
                {(result.policy.why ?? []).map((w, i) => (
                  <li key={i}>
                    <span aria-hidden>{w.matched ? "✓" : "✗"}</span> <span className="font-mono">{w.criterion}</span>: {w.detail}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {(result.bindings ?? []).map((b) => (
            <section key={b.name} data-binding={b.name}>
              <h4 className="font-semibold">
                {t("binding", { name: b.name })} <span className="font-normal text-[var(--muted-foreground)]">{b.actions.length ? `validationActions: [${b.actions.join(", ")}]` : ""}</span>
              </h4>
              {!b.matched ? <p className="text-xs text-[var(--muted-foreground)]">{b.configError ?? t("bindingNotMatched")}</p> : null}
              {b.configError && b.matched ? <p className="text-red-700 dark:text-red-300">{b.configError}</p> : null}
              {b.matched && b.effects.length ? (
                <p className="text-xs">
                  {t("effects")}: <strong>{b.effects.map((e) => t(`effect.${e}`)).join(", ")}</strong>
                </p>
              ) : null}
              {(b.evaluations ?? []).map((e, i) => (
                <div key={i} className="mt-1">
                  {e.param ? <p className="text-xs text-[var(--muted-foreground)]">{t("param", { name: e.param })}</p> : null}
                  {e.matchConditions ? (
                    <p className="text-xs">
                      {e.matchConditions.error
                        ? t("matchConditionsError", { error: e.matchConditions.error })
                        : e.matchConditions.matches
                          ? t("matchConditionsTrue")
                          : t("matchConditionsFalse", { name: e.matchConditions.failedCondition ?? "" })}
                    </p>
                  ) : null}
                  {e.error ? <p className="text-red-700 dark:text-red-300">{e.error}</p> : null}
                  {e.validations?.length ? (
                    <table className="mt-1 w-full border-collapse text-xs">
                      <thead>
                        <tr className="text-left text-[var(--muted-foreground)]">
                          <th className="py-1 pr-2 font-medium">#</th>
                          <th className="py-1 pr-2 font-medium">{t("expression")}</th>
                          <th className="py-1 pr-2 font-medium">{t("result")}</th>
                          <th className="py-1 font-medium">{t("cost")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {e.validations.map((v) => (
                          <tr key={v.index} data-validation={v.index} data-result={v.outcome} className="border-t border-[var(--border)] align-top">
                            <td className="py-1 pr-2">{v.index}</td>
                            <td className="py-1 pr-2 font-mono break-all">{v.expression}</td>
                            <td className="py-1 pr-2">
                              <span className={v.outcome === "pass" ? "text-green-700 dark:text-green-300" : "font-semibold text-red-700 dark:text-red-300"}>{t(`validation.${v.outcome}`)}</span>
                              {v.message ? <div>{v.message}</div> : null}
                              {v.error ? <div className="break-words">{v.error}</div> : null}
                              {v.messageExpressionError ? <div className="text-[var(--muted-foreground)]">{t("messageExpressionError", { error: v.messageExpressionError })}</div> : null}
                            </td>
                            <td className="py-1">{v.cost !== undefined ? <CostBar cost={v.cost} limit={CEL_LIMITS.perCall} /> : "–"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                  {e.auditAnnotations?.length ? (
                    <ul className="mt-1 text-xs">
                      {e.auditAnnotations.map((a) => (
                        <li key={a.key}>
                          {t("auditAnnotation", { key: a.key, action: a.action })} {a.value ?? a.error ?? ""}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {e.validations?.length ? (
                    <p className="mt-1 text-xs text-[var(--muted-foreground)]">
                      {t("budget", { used: fmt(e.validationCost + e.messageCost), budget: fmt(CEL_LIMITS.runtimeBudget) })}
                    </p>
                  ) : null}
                </div>
              ))}
            </section>
          ))}
          {result.verdict ? (
            <section>
              <h4 className="font-semibold">{t("response")}</h4>
              {result.verdict.status ? (
                <p data-testid="verdict-status" className="break-words">
                  <span className="font-mono">
                    {result.verdict.status.code} {result.verdict.status.reason}
                  </span>
                  : {result.verdict.status.message}
                </p>
              ) : (
                <p>{t("allowed")}</p>
              )}
              {result.verdict.warnings.map((w, i) => (
                <p key={i} className="break-words text-amber-800 dark:text-amber-300">
                  {t("warning")}: {w}
                </p>
              ))}
              {result.verdict.auditAnnotations
                ? Object.entries(result.verdict.auditAnnotations).map(([k, v]) => (
                    <p key={k} className="break-all text-xs">
                      <span className="font-mono">{k}</span> = {v}
                    </p>
                  ))
                : null}
            </section>
          ) : null}
          {result.mutation ? (
            <section>
              <h4 className="font-semibold">{t("mutation", { passes: Math.max(1, ...result.mutation.steps.map((s) => s.pass)) })}</h4>
              <ul className="text-xs">
                {result.mutation.steps.map((s, i) => (
                  <li key={i}>
                    {t("mutationStep", { index: s.index, patchType: s.patchType, pass: s.pass, cost: fmt(s.cost) })} {s.error ? <span className="text-red-700 dark:text-red-300">{s.error}</span> : s.changed ? t("changed") : t("noChange")}
                  </li>
                ))}
              </ul>
              <MutationDiff before={result.mutation.before} after={result.mutation.after} />
            </section>
          ) : null}
          {result.crd ? (
            <section>
              <h4 className="font-semibold">{t("crdRules")}</h4>
              {result.crd.errors.length === 0 ? <p>{t("crdValid")}</p> : null}
              <ul className="list-disc pl-5">
                {result.crd.errors.map((e, i) => (
                  <li key={i} className="break-words">
                    {e.text}
                  </li>
                ))}
              </ul>
              <p className="text-xs text-[var(--muted-foreground)]">{t("budget", { used: fmt(result.crd.cost), budget: fmt(result.crd.budget) })}</p>
            </section>
          ) : null}
          <details>
            <summary className="cursor-pointer text-xs text-[var(--muted-foreground)]">{t("showObject")}</summary>
            <pre className="mt-1 max-h-80 overflow-auto rounded bg-[var(--muted)] p-2 text-xs">{displayYaml(object)}</pre>
          </details>
        </div>
      ) : null}
    </article>
  )
}
