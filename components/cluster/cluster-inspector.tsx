"use client"

import { useTranslations } from "next-intl"
import { startTransition, useCallback, useEffect, useId, useMemo, useState } from "react"

import type { MechanismId, PointId } from "@/lib/catalog/types"
import { SECTION_IDS, SECTION_POINTS, type ClusterReport, type SectionId } from "@/lib/cluster-report/types"

import { ClusterSummary } from "./cluster-summary"
import { RiskLegend } from "./risk-legend"
import { SectionCard, type Filters } from "./section-card"
import { sectionRows } from "./section-rows"

export type PointInfo = { id: PointId; name: string }

type ContextsResponse = { state: "ready"; contexts: string[]; defaultContext: string } | { state: "disabled" | "unconfigured"; error: { message: string } }
type ReportResponse = { report: ClusterReport; cached: boolean; ageMs: number; refreshLimited?: { retryAfterSeconds: number; intervalSeconds: number } }
type ErrorResponse = { error?: { message?: string }; errors?: { field: string; message: string }[]; cached?: boolean; ageMs?: number; retryAfterSeconds?: number }
/** The server's cache may answer with a report it stored: the Age header adds to the age the body states. */
function withServedAge(body: ReportResponse, age: string | null): ReportResponse {
  const seconds = Number(age)
  return Number.isFinite(seconds) && seconds > 0 ? { ...body, cached: true, ageMs: body.ageMs + seconds * 1000 } : body
}

/** A failed report; a cached failure also says how old it is and when the cluster will be tried again. */
type ReportError = { message: string; cached?: { ageSeconds: number; retryAfterSeconds: number } }

type Phase =
  | { kind: "starting" }
  | { kind: "disabled" }
  | { kind: "live"; contexts: string[] }
  | { kind: "demo" }
  | { kind: "failed"; message: string }

async function readError(res: Response): Promise<ReportError> {
  try {
    const body = (await res.json()) as ErrorResponse
    const message = body.error?.message ?? body.errors?.map((e) => `${e.field}: ${e.message}`).join("; ") ?? `HTTP ${res.status}`
    return body.cached ? { message, cached: { ageSeconds: Math.round((body.ageMs ?? 0) / 1000), retryAfterSeconds: body.retryAfterSeconds ?? 0 } } : { message }
  } catch {
    return { message: `HTTP ${res.status}` }
  }
}

export function ClusterInspector({ points, mechanismNames }: { points: PointInfo[]; mechanismNames: Partial<Record<MechanismId, string>> }) {
  const t = useTranslations("cluster")
  const [phase, setPhase] = useState<Phase>({ kind: "starting" })
  const [context, setContext] = useState<string>("")
  const [result, setResult] = useState<ReportResponse | null>(null)
  const [loading, setLoading] = useState(false)
  const [reportError, setReportError] = useState<ReportError | null>(null)
  const [filters, setFilters] = useState<Filters>({ query: "", point: "all", show: "all", builtIn: false })
  const ids = { search: useId(), point: useId(), show: useId(), context: useId(), builtIn: useId() }

  const load = useCallback(async (url: string) => {
    setLoading(true)
    setReportError(null)
    let next: ReportResponse | undefined
    let error: ReportError | null = null
    try {
      const res = await fetch(url, { cache: "no-store" })
      if (res.ok) next = withServedAge((await res.json()) as ReportResponse, res.headers.get("age"))
      else error = await readError(res)
    } catch (err) {
      error = { message: String((err as Error).message ?? err) }
    }
    // A transition: React renders the report (every section's rows) in slices between input
    // events instead of one long task; the outcome and the end of loading commit together.
    startTransition(() => {
      if (next) setResult(next)
      setReportError(error)
      setLoading(false)
    })
  }, [])

  useEffect(() => {
    let cancelled = false
    ;(async () => {
      try {
        const res = await fetch("/api/cluster/contexts", { cache: "no-store" })
        const body = (await res.json()) as ContextsResponse
        if (cancelled) return
        if (body.state === "ready") {
          setPhase({ kind: "live", contexts: body.contexts })
          setContext(body.defaultContext)
          void load(`/api/cluster/report?context=${encodeURIComponent(body.defaultContext)}`)
        } else if (body.state === "unconfigured") {
          setPhase({ kind: "demo" })
          void load("/api/cluster/report?demo=1")
        } else {
          setPhase({ kind: "disabled" })
        }
      } catch (err) {
        if (!cancelled) setPhase({ kind: "failed", message: String((err as Error).message ?? err) })
      }
    })()
    return () => {
      cancelled = true
    }
  }, [load])

  const report = result?.report
  const [openPoints, setOpenPoints] = useState<ReadonlySet<PointId>>(new Set())
  const togglePoint = useCallback((id: PointId, open: boolean) => {
    setOpenPoints((current) => {
      const next = new Set(current)
      if (open) next.add(id)
      else next.delete(id)
      return next
    })
  }, [])
  const openPoint = useCallback(
    (id: PointId) => {
      togglePoint(id, true)
      requestAnimationFrame(() => document.getElementById(`details-${id}`)?.scrollIntoView({ block: "start" }))
    },
    [togglePoint],
  )
  const filtering = filters.query.trim() !== "" || filters.show !== "all" || filters.builtIn || filters.point !== "all"
  const rowsBySection = useMemo(() => {
    const m = new Map<SectionId, ReturnType<typeof sectionRows>>()
    if (report) for (const id of SECTION_IDS) m.set(id, sectionRows(report.sections[id]))
    return m
  }, [report])

  const matching = useMemo(() => {
    const q = filters.query.trim().toLowerCase()
    let n = 0
    for (const id of SECTION_IDS) {
      if (filters.point !== "all" && SECTION_POINTS[id] !== filters.point) continue
      for (const r of rowsBySection.get(id) ?? []) {
        if (r.builtIn && !filters.builtIn) continue
        if (filters.show === "risky" && r.risks.length === 0) continue
        if (q && !r.search.includes(q)) continue
        n++
      }
    }
    return n
  }, [rowsBySection, filters])

  if (phase.kind === "disabled") return <p className="rounded-lg border border-[var(--border)] bg-[var(--muted)] p-4">{t("disabled")}</p>
  if (phase.kind === "failed") return <p role="alert">{t("loadFailed", { message: phase.message })}</p>

  const visiblePoints = points.filter((p) => filters.point === "all" || p.id === filters.point)
  const server = report?.sections.server.data

  return (
    <div className="space-y-5">
      {/* One slot for the loading line, the demo banner or the context picker. The banner and the
          picker are both laid out in it from the first paint, the one not shown hidden, so the
          slot is as tall as the taller of them (the banner, on a phone): whichever the server
          answers, nothing below moves. */}
      <div className="grid *:[grid-area:1/1]">
        {phase.kind === "starting" ? (
          <p className="py-3 text-[var(--muted-foreground)]" role="status">
            {t("loadingReport")}
          </p>
        ) : null}
        <Shown when={phase.kind === "demo"}>
          <div className="flex flex-wrap items-center gap-3 rounded-lg border-2 border-amber-700 bg-amber-50 p-3 text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-50" data-testid={phase.kind === "demo" ? "demo-banner" : undefined}>
            <span className="rounded bg-amber-800 px-2 py-0.5 text-sm font-bold uppercase tracking-wide text-white dark:bg-amber-300 dark:text-amber-950">{t("demoLabel")}</span>
            <span className="text-sm">{t("demoNote")}</span>
          </div>
        </Shown>
        <Shown when={phase.kind === "live"}>
          <div className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor={ids.context} className="block text-sm font-medium">
                {t("context")}
              </label>
              <select
                id={ids.context}
                className="mt-1 rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1.5"
                value={context}
                onChange={(e) => {
                  setContext(e.target.value)
                  void load(`/api/cluster/report?context=${encodeURIComponent(e.target.value)}`)
                }}
              >
                {(phase.kind === "live" ? phase.contexts : [context]).map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="rounded bg-brand-strong px-3 py-1.5 font-medium text-white hover:bg-brand disabled:opacity-60"
              disabled={loading}
              onClick={() => void load(`/api/cluster/report?context=${encodeURIComponent(context)}&refresh=1`)}
            >
              {loading && report ? t("refreshing") : t("refresh")}
            </button>
          </div>
        </Shown>
      </div>

      {reportError ? (
        <div role="alert" className="rounded-lg border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
          <p>
            {t("clusterError", { message: reportError.message })}
            {reportError.cached ? <span data-testid="error-age"> {t("errorAge", { age: reportError.cached.ageSeconds, retry: reportError.cached.retryAfterSeconds })}</span> : null}
          </p>
          <button type="button" className="mt-2 underline" onClick={() => void load(phase.kind === "demo" ? "/api/cluster/report?demo=1" : `/api/cluster/report?context=${encodeURIComponent(context)}&refresh=1`)}>
            {t("retry")}
          </button>
        </div>
      ) : null}

      {/* Always there (three lines reserved on a phone, one from sm up), so the report arriving does not push the page down. */}
      <p className="min-h-15 text-sm text-[var(--muted-foreground)] sm:min-h-5" data-testid="report-meta">
        {report ? (
          <>
          {server ? <span className="mr-3 font-medium text-[var(--foreground)]">{t("server", { version: server.gitVersion })}</span> : null}
          {server ? <span className="mr-3">{server.platform === "unknown" ? t("platformUnknown") : t("platform", { platform: server.platform })}</span> : null}
          <span className="mr-3">{t("generated", { time: new Date(report.generatedAt).toLocaleString(), duration: report.durationMs })}</span>
          {result?.refreshLimited && phase.kind === "live" ? (
            <span data-testid="refresh-limited">
              {t("refreshLimited", { interval: result.refreshLimited.intervalSeconds, age: Math.round(result.ageMs / 1000), retry: result.refreshLimited.retryAfterSeconds })}
            </span>
          ) : result?.cached && phase.kind === "live" ? (
            <span>{t("cachedNote", { age: Math.round((result.ageMs ?? 0) / 1000) })}</span>
          ) : null}
          </>
        ) : null}
      </p>

      <ClusterSummary points={points} report={report} rowsBySection={rowsBySection} onOpen={openPoint} />

      <form role="search" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor={ids.search} className="block text-sm font-medium">
            {t("filters.search")}
          </label>
          <input
            id={ids.search}
            type="search"
            className="mt-1 w-64 max-w-full rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1.5"
            placeholder={t("filters.searchPlaceholder")}
            value={filters.query}
            onChange={(e) => setFilters({ ...filters, query: e.target.value })}
          />
        </div>
        <div className="min-w-0 max-w-full">
          <label htmlFor={ids.point} className="block text-sm font-medium">
            {t("filters.point")}
          </label>
          {/* Long point names must not widen a phone's page: the select shrinks to the width. */}
          <select
            id={ids.point}
            className="mt-1 w-full max-w-full rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1.5"
            value={filters.point}
            onChange={(e) => setFilters({ ...filters, point: e.target.value as Filters["point"] })}
          >
            <option value="all">{t("filters.allPoints")}</option>
            {points.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === "configuration" ? t("pointConfiguration") : t("point", { id: p.id })} — {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.show} className="block text-sm font-medium">
            {t("filters.show")}
          </label>
          <select
            id={ids.show}
            className="mt-1 rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1.5"
            value={filters.show}
            onChange={(e) => setFilters({ ...filters, show: e.target.value as Filters["show"] })}
          >
            <option value="all">{t("filters.all")}</option>
            <option value="risky">{t("filters.risky")}</option>
            <option value="problems">{t("filters.problems")}</option>
          </select>
        </div>
        <div className="flex items-center gap-2 pb-2">
          <input id={ids.builtIn} type="checkbox" checked={filters.builtIn} onChange={(e) => setFilters({ ...filters, builtIn: e.target.checked })} />
          <label htmlFor={ids.builtIn} className="text-sm">
            {t("showLocal")}
          </label>
        </div>
        <p className="pb-2 text-sm text-[var(--muted-foreground)]" aria-live="polite">
          {report ? t("filters.results", { count: matching }) : ""}
        </p>
      </form>

      <RiskLegend />

      {visiblePoints.map((p) => {
        const sectionIds = SECTION_IDS.filter((id) => SECTION_POINTS[id] === p.id)
        const notObservable = report?.notObservable.filter((n) => n.point === p.id) ?? []
        if (sectionIds.length === 0 && notObservable.length === 0 && report) return null
        const sections = sectionIds.filter((id) => filters.show !== "problems" || !report || report.sections[id].status !== "ok")
        if (filters.show === "problems" && sections.length === 0) return null
        const headingId = `point-${p.id}`
        const rows = sectionIds.flatMap((id) => rowsBySection.get(id) ?? []).filter((r) => !r.builtIn)
        // Collapsed by default; a search or filter opens every section so matches are seen.
        const open = filtering || openPoints.has(p.id)
        return (
          <details
            key={p.id}
            id={`details-${p.id}`}
            open={open}
            onToggle={(e) => {
              const isOpen = e.currentTarget.open
              if (isOpen !== open) togglePoint(p.id, isOpen)
            }}
            className="group rounded-xl border border-[var(--border)]"
            data-point={p.id}
          >
            <summary className="flex cursor-pointer list-none items-start gap-2 rounded-xl p-4 hover:bg-[var(--muted)] [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true" className="mt-1 inline-block transition-transform group-open:rotate-90">
                ▸
              </span>
              <span className="min-w-0 flex-1">
                <h2 id={headingId} className="text-xl font-semibold">
                  {p.id === "configuration" ? t("pointConfiguration") : t("point", { id: p.id })} — {p.name}
                </h2>
                <span className="block min-h-5 text-sm text-[var(--muted-foreground)]">
                  {report && sectionIds.length > 0 ? t("pointCounts", { count: rows.length, risks: rows.reduce((n, r) => n + r.risks.length, 0) }) : null}
                </span>
              </span>
            </summary>
            <div className="px-4 pb-4">
              <div className="space-y-4">
                {sections.map((id) => (
                  <SectionCard
                    key={id}
                    id={id}
                    section={report?.sections[id]}
                    rows={rowsBySection.get(id) ?? []}
                    filters={filters}
                    mechanismNames={mechanismNames}
                  />
                ))}
              </div>
              {notObservable.length > 0 && filters.show === "all" ? (
                <div className="mt-4">
                  <h3 className="text-sm font-semibold">{t("notObservableTitle")}</h3>
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-[var(--muted-foreground)]">
                    {notObservable.map((n) => (
                      <li key={n.mechanism} data-not-observable={n.mechanism}>
                        <span className="font-medium text-[var(--foreground)]">{mechanismNames[n.mechanism] ?? n.mechanism}</span>: {t(`notObservable.${n.mechanism as NotObservableKey}`)}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          </details>
        )
      })}
    </div>
  )
}

type NotObservableKey = keyof (typeof import("@/messages/en/cluster.json"))["notObservable"]

/** Its children, or, when not `when`, the room they take: hidden, inert, out of the accessibility tree. */
function Shown({ when, children }: { when: boolean; children: React.ReactNode }) {
  return when ? children : <div aria-hidden="true" inert className="invisible">{children}</div>
}
