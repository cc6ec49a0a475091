"use client"

// Client side of the inspector routes, shared by the advisor and the starter pages: which
// contexts the server may inspect, and the report of one context (or the bundled demo report).
import { useEffect, useState } from "react"

import type { ClusterSource } from "@/lib/advisor"
import type { ClusterReport } from "@/lib/cluster-report/types"

export type ContextsState =
  | { state: "loading" }
  | { state: "disabled" }
  | { state: "unconfigured" }
  | { state: "ready"; contexts: string[]; defaultContext: string }
  | { state: "error"; status: number; message: string }

export type ReportState =
  | { state: "idle" }
  | { state: "loading"; key: string }
  | { state: "ok"; key: string; report: ClusterReport }
  | { state: "error"; key: string; status: number; message: string }

/** A stable key for a source (two equal sources share it). */
export function sourceKey(source: ClusterSource | undefined): string {
  if (!source) return ""
  return source.kind === "demo" ? "demo" : `context:${source.context}`
}

export function reportUrl(source: ClusterSource): string {
  return source.kind === "demo" ? "/api/cluster/report?demo=1" : `/api/cluster/report?context=${encodeURIComponent(source.context)}`
}

/** The server's own words for a failed response ({ error: { message } } or { errors: [...] }), if any. */
function errorMessage(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined
  const b = body as { error?: { message?: unknown }; errors?: { field?: unknown; message?: unknown }[] }
  if (typeof b.error?.message === "string") return b.error.message
  if (Array.isArray(b.errors)) return b.errors.map((e) => `${String(e.field)}: ${String(e.message)}`).join("; ")
  return undefined
}

async function getJson(url: string, signal: AbortSignal): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } })
  const body: unknown = await res.json().catch(() => undefined)
  return { status: res.status, body }
}

export function useClusterContexts(): ContextsState {
  const [state, setState] = useState<ContextsState>({ state: "loading" })
  useEffect(() => {
    const ctrl = new AbortController()
    getJson("/api/cluster/contexts", ctrl.signal)
      .then(({ status, body }) => {
        const b = body as { state?: string; contexts?: unknown; defaultContext?: unknown } | undefined
        if (status === 200 && b?.state === "ready" && Array.isArray(b.contexts) && typeof b.defaultContext === "string") {
          setState({ state: "ready", contexts: b.contexts.filter((c): c is string => typeof c === "string"), defaultContext: b.defaultContext })
        } else if (b?.state === "disabled") setState({ state: "disabled" })
        else if (b?.state === "unconfigured") setState({ state: "unconfigured" })
        else setState({ state: "error", status, message: errorMessage(body) ?? `HTTP ${status}` })
      })
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setState({ state: "error", status: 0, message: e instanceof Error ? e.message : String(e) })
      })
    return () => ctrl.abort()
  }, [])
  return state
}

/** Fetches the report for `source` whenever its key changes; idle without a source. */
export function useClusterReport(source: ClusterSource | undefined): ReportState {
  const key = sourceKey(source)
  const [state, setState] = useState<ReportState>({ state: "idle" })
  useEffect(() => {
    if (!source) return
    const ctrl = new AbortController()
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading state for a fetch started here
    setState({ state: "loading", key })
    getJson(reportUrl(source), ctrl.signal)
      .then(({ status, body }) => {
        const report = (body as { report?: ClusterReport } | undefined)?.report
        if (status === 200 && report?.kind === "ClusterReport") setState({ state: "ok", key, report })
        else setState({ state: "error", key, status, message: errorMessage(body) ?? `HTTP ${status}` })
      })
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setState({ state: "error", key, status: 0, message: e instanceof Error ? e.message : String(e) })
      })
    return () => ctrl.abort()
    // The key identifies the source; the object itself may be re-created with equal content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  // A state left over from a previous source (or after opting out) is not this source's state.
  if (!source || state.state === "idle" || state.key !== key) return source ? { state: "loading", key } : { state: "idle" }
  return state
}
