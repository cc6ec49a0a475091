"use client"

// Live mode: the server reads the objects the policy matches in a cluster context (GET/LIST only,
// never Secrets) and evaluates them; the table fills while pages arrive.
import { useTranslations } from "next-intl"
import { useEffect, useId, useMemo, useRef, useState } from "react"

import type { LiveEvent, LiveResource } from "@/lib/policy-lab/live"
import type { PolicyBundleParts } from "@/lib/policy-lab/parse"
import type { Minor, UserInfo } from "@/lib/policy-lab/protocol"
import { filterRows, groupRows, OUTCOMES, rolloutAdvice, toCsv, toJson, totals, type ReportRow } from "@/lib/policy-lab/report"

import { OutcomeBadge } from "./case-card"

type Contexts = { state: "ready"; contexts: string[]; defaultContext: string } | { state: "disabled" | "unconfigured"; message: string }

type Run = {
  phase: "idle" | "running" | "done" | "failed"
  rows: ReportRow[]
  read: number
  evaluated: number
  resources: LiveResource[]
  planned: number
  notes: string[]
  capped: boolean
  error?: string
  elapsedMs?: number
  firstRowsMs?: number
  diagnostics: string[]
}

const EMPTY: Run = { phase: "idle", rows: [], read: 0, evaluated: 0, resources: [], planned: 0, notes: [], capped: false, diagnostics: [] }

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement("a")
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function LivePanel({ minor, parts, userInfo }: { minor: Minor; parts: PolicyBundleParts; userInfo: UserInfo }) {
  const t = useTranslations("policyLab.live")
  const ids = { context: useId(), op: useId(), filter: useId() }
  const [contexts, setContexts] = useState<Contexts | null>(null)
  const [context, setContext] = useState("")
  const [operation, setOperation] = useState<"CREATE" | "UPDATE">("CREATE")
  const [run, setRun] = useState<Run>(EMPTY)
  const [filter, setFilter] = useState("")
  const abort = useRef<AbortController | null>(null)

  useEffect(() => {
    let cancelled = false
    fetch("/api/cluster/contexts", { cache: "no-store" })
      .then(async (res) => {
        const body = (await res.json()) as { state: string; contexts?: string[]; defaultContext?: string; error?: { message?: string } }
        if (cancelled) return
        if (body.state === "ready" && body.contexts) {
          setContexts({ state: "ready", contexts: body.contexts, defaultContext: body.defaultContext ?? body.contexts[0]! })
          setContext(body.defaultContext ?? body.contexts[0]!)
        } else setContexts({ state: body.state === "disabled" ? "disabled" : "unconfigured", message: body.error?.message ?? "" })
      })
      .catch((err: Error) => !cancelled && setContexts({ state: "unconfigured", message: err.message }))
    return () => {
      cancelled = true
      abort.current?.abort()
    }
  }, [])

  const start = async () => {
    abort.current?.abort()
    const ctrl = new AbortController()
    abort.current = ctrl
    const started = performance.now()
    let state: Run = { ...EMPTY, phase: "running" }
    setRun(state)
    try {
      const res = await fetch("/api/policy-lab/live", {
        method: "POST",
        signal: ctrl.signal,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ context, minor, policy: parts.policy, bindings: parts.bindings, params: parts.params, crds: parts.crds, operation, userInfo }),
      })
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => ({}))) as { error?: { message?: string }; errors?: { field: string; message: string }[] }
        setRun({ ...state, phase: "failed", error: body.error?.message ?? body.errors?.map((e) => `${e.field}: ${e.message}`).join("; ") ?? `HTTP ${res.status}` })
        return
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ""
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        const lines = buffer.split("\n")
        buffer = lines.pop() ?? ""
        for (const line of lines) {
          if (!line.trim()) continue
          const e = JSON.parse(line) as LiveEvent
          state = apply(state, e, performance.now() - started)
        }
        setRun(state)
      }
      if (state.phase === "running") setRun({ ...state, phase: "done" })
    } catch (err) {
      if ((err as Error).name !== "AbortError") setRun({ ...state, phase: "failed", error: (err as Error).message })
    }
  }

  const shown = useMemo(() => filterRows(run.rows, filter), [run.rows, filter])
  const groups = useMemo(() => groupRows(shown), [shown])
  const sum = totals(run.rows)
  const advice = rolloutAdvice(run.rows)
  const policyName = parts.policy?.metadata?.name ?? "policy"
  const meta = () => ({ policy: policyName, minor, source: "live", context, capped: run.capped, generatedAt: new Date().toISOString() })

  if (!contexts) return <p className="text-sm">{t("loadingContexts")}</p>
  if (contexts.state !== "ready")
    return (
      <p className="text-sm" data-testid="live-unavailable">
        {contexts.state === "disabled" ? t("disabled") : t("unconfigured")}
      </p>
    )

  return (
    <div className="grid gap-3" data-testid="live-panel" data-phase={run.phase}>
      <p className="text-sm text-[var(--muted-foreground)]">{t("intro")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1">
          <label htmlFor={ids.context} className="text-sm font-medium">
            {t("context")}
          </label>
          <select id={ids.context} value={context} onChange={(e) => setContext(e.target.value)} className="rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1 text-sm">
            {contexts.contexts.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1">
          <label htmlFor={ids.op} className="text-sm font-medium">
            {t("evaluateAs")}
          </label>
          <select id={ids.op} value={operation} onChange={(e) => setOperation(e.target.value as "CREATE" | "UPDATE")} className="rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1 text-sm">
            <option value="CREATE">{t("asCreate")}</option>
            <option value="UPDATE">{t("asUpdate")}</option>
          </select>
        </div>
        <button type="button" onClick={() => void start()} disabled={run.phase === "running"} className="rounded bg-[var(--color-brand)] px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60">
          {run.phase === "running" ? t("running") : t("run")}
        </button>
        {run.phase === "running" ? (
          <button type="button" onClick={() => abort.current?.abort()} className="rounded border border-[var(--border)] px-3 py-1.5 text-sm">
            {t("stop")}
          </button>
        ) : null}
      </div>

      {run.phase === "running" || run.phase === "done" ? (
        <div aria-live="polite" data-testid="live-progress" className="text-sm">
          <progress className="w-full" max={Math.max(1, run.planned)} value={run.resources.length} aria-label={t("progressLabel")} />
          <p>{t("progress", { read: run.read, evaluated: run.evaluated, done: run.resources.length, total: run.planned })}</p>
        </div>
      ) : null}
      {run.error ? (
        <p role="alert" data-testid="live-error" className="text-sm text-red-700 dark:text-red-300">
          {run.error}
        </p>
      ) : null}
      {run.notes.map((n, i) => (
        <p key={i} className="text-xs text-[var(--muted-foreground)]">
          {n}
        </p>
      ))}
      {run.diagnostics.length ? (
        <ul className="text-sm text-red-700 dark:text-red-300">
          {run.diagnostics.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}

      {run.rows.length ? (
        <>
          {run.capped ? (
            <p data-testid="live-sample" className="rounded bg-amber-100 px-2 py-1 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              {t("sample")}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="live-totals">
            {OUTCOMES.filter((o) => sum[o] > 0).map((o) => (
              <span key={o} className="inline-flex items-center gap-1">
                <OutcomeBadge outcome={o} /> <span data-count={o}>{sum[o]}</span>
              </span>
            ))}
          </div>
          <div data-testid="rollout-advice" data-advice={advice.kind} className="rounded-md border border-[var(--border)] p-2 text-sm">
            {advice.kind === "warn-audit-first" ? t("adviceWarnAudit", { denied: advice.denied, namespaces: advice.namespaces.join(", ") }) : advice.kind === "safe" ? t("adviceSafe", { warned: advice.warned }) : t("adviceNone")}
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <div className="grid flex-1 gap-1">
              <label htmlFor={ids.filter} className="text-sm font-medium">
                {t("filter")}
              </label>
              <input id={ids.filter} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t("filterPlaceholder")} className="rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1 text-sm" />
            </div>
            <button type="button" className="rounded border border-[var(--border)] px-3 py-1.5 text-sm" onClick={() => download(`${policyName}-${context}.csv`, "text/csv", toCsv(shown))}>
              {t("downloadCsv")}
            </button>
            <button type="button" className="rounded border border-[var(--border)] px-3 py-1.5 text-sm" onClick={() => download(`${policyName}-${context}.json`, "application/json", toJson(shown, meta()))}>
              {t("downloadJson")}
            </button>
          </div>
          <table className="w-full border-collapse text-sm" data-testid="live-table">
            <caption className="text-left text-xs text-[var(--muted-foreground)]">{t("tableCaption", { rows: shown.length })}</caption>
            <thead>
              <tr className="text-left text-xs text-[var(--muted-foreground)]">
                <th className="py-1 pr-2 font-medium">{t("namespace")}</th>
                <th className="py-1 pr-2 font-medium">{t("kind")}</th>
                {OUTCOMES.map((o) => (
                  <th key={o} className="py-1 pr-2 text-right font-medium">
                    <OutcomeBadge outcome={o} />
                  </th>
                ))}
                <th className="py-1 text-right font-medium">{t("total")}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={`${g.namespace}/${g.kind}`} data-row={`${g.namespace || "(cluster)"}/${g.kind}`} className="border-t border-[var(--border)]">
                  <td className="py-1 pr-2 font-mono text-xs">{g.namespace || t("clusterScoped")}</td>
                  <td className="py-1 pr-2">{g.kind}</td>
                  {OUTCOMES.map((o) => (
                    <td key={o} data-col={o} className={`py-1 pr-2 text-right tabular-nums ${g[o] && o === "denied" ? "font-bold text-red-700 dark:text-red-300" : ""}`}>
                      {g[o] || ""}
                    </td>
                  ))}
                  <td className="py-1 text-right tabular-nums">{g.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">{t("objectsList", { count: shown.filter((r) => r.outcome !== "allowed" && r.outcome !== "not-matched").length })}</summary>
            <ul className="mt-1 grid gap-1 text-xs" data-testid="live-objects">
              {shown
                .filter((r) => r.outcome !== "allowed" && r.outcome !== "not-matched")
                .slice(0, 500)
                .map((r, i) => (
                  <li key={i} data-object={`${r.namespace}/${r.name}`}>
                    <OutcomeBadge outcome={r.outcome} /> <span className="font-mono">{`${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}`}</span> {r.message}
                  </li>
                ))}
            </ul>
          </details>
          {run.elapsedMs !== undefined ? <p className="text-xs text-[var(--muted-foreground)]">{t("timing", { first: Math.round(run.firstRowsMs ?? 0), total: Math.round(run.elapsedMs) })}</p> : null}
        </>
      ) : run.phase === "done" ? (
        <p className="text-sm" data-testid="live-empty">
          {t("empty")}
        </p>
      ) : null}
    </div>
  )
}

function apply(s: Run, e: LiveEvent, elapsed: number): Run {
  switch (e.type) {
    case "plan":
      return { ...s, planned: e.resources.length, notes: [...s.notes, ...e.notes] }
    case "compiled":
      return { ...s, diagnostics: e.diagnostics.filter((d) => d.severity === "error").map((d) => d.message) }
    case "rows":
      return { ...s, rows: [...s.rows, ...e.rows], firstRowsMs: s.firstRowsMs ?? elapsed }
    case "progress":
      return { ...s, read: e.read, evaluated: e.evaluated }
    case "resource":
      return { ...s, resources: [...s.resources, e.resource], notes: e.resource.error ? [...s.notes, `${e.resource.group || "core"}/${e.resource.resource}: ${e.resource.error}`] : s.notes }
    case "done":
      return { ...s, phase: "done", capped: e.capped, read: e.read, evaluated: e.evaluated, elapsedMs: e.elapsedMs }
    case "error":
      return { ...s, phase: "failed", error: e.message }
  }
}
