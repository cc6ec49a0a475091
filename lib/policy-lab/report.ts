// "What would this reject today?": per-object outcomes grouped by namespace and kind, with filter,
// CSV/JSON export and the rollout advice.
import { outcomeOf, type CaseResult, type K8sObject, type Outcome } from "./protocol"

export type ReportRow = {
  namespace: string
  kind: string
  name: string
  outcome: Outcome
  /** Denial / warning / error text (first one). */
  message?: string
}

export function rowFor(object: K8sObject, result: CaseResult): ReportRow {
  const outcome = outcomeOf(result)
  let message: string | undefined
  if (result.inputError) message = result.inputError
  else if (result.verdict?.status) message = result.verdict.status.message
  else if (result.verdict?.warnings.length) message = result.verdict.warnings[0]
  else if (outcome === "audited") {
    const failed = result.bindings?.flatMap((b) => b.evaluations ?? []).flatMap((e) => e.validations ?? []).find((v) => v.outcome !== "pass")
    message = failed?.message ?? failed?.error
  }
  return { namespace: object.metadata?.namespace ?? "", kind: object.kind ?? "", name: object.metadata?.name ?? "", outcome, ...(message ? { message } : {}) }
}

export const OUTCOMES: Outcome[] = ["denied", "warned", "audited", "mutated", "allowed", "not-matched", "error"]

export type GroupCounts = { namespace: string; kind: string; total: number } & Record<Outcome, number>

export function groupRows(rows: ReportRow[]): GroupCounts[] {
  const groups = new Map<string, GroupCounts>()
  for (const r of rows) {
    const key = `${r.namespace}\u0000${r.kind}`
    let g = groups.get(key)
    if (!g) {
      g = { namespace: r.namespace, kind: r.kind, total: 0, denied: 0, warned: 0, audited: 0, mutated: 0, allowed: 0, "not-matched": 0, error: 0 }
      groups.set(key, g)
    }
    g.total++
    g[r.outcome]++
  }
  return [...groups.values()].sort((a, b) => b.denied - a.denied || b.warned + b.audited - (a.warned + a.audited) || a.namespace.localeCompare(b.namespace) || a.kind.localeCompare(b.kind))
}

export function totals(rows: ReportRow[]): Record<Outcome, number> & { total: number } {
  const t = { total: rows.length, denied: 0, warned: 0, audited: 0, mutated: 0, allowed: 0, "not-matched": 0, error: 0 }
  for (const r of rows) t[r.outcome]++
  return t
}

/** Case-insensitive filter over namespace, kind, name and message; "outcome:denied" narrows by outcome. */
export function filterRows(rows: ReportRow[], query: string): ReportRow[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return rows
  return rows.filter((r) =>
    words.every((w) => {
      if (w.startsWith("outcome:")) return r.outcome === w.slice(8)
      return `${r.namespace} ${r.kind} ${r.name} ${r.outcome} ${r.message ?? ""}`.toLowerCase().includes(w)
    }),
  )
}

function csvField(v: string): string {
  // Quote always; neutralise spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return `"${safe.replace(/"/g, '""')}"`
}

export function toCsv(rows: ReportRow[]): string {
  const head = ["namespace", "kind", "name", "outcome", "message"]
  return [head.join(","), ...rows.map((r) => [r.namespace, r.kind, r.name, r.outcome, r.message ?? ""].map(csvField).join(","))].join("\r\n") + "\r\n"
}

export type ReportMeta = { policy: string; minor: string; source: string; capped: boolean; generatedAt: string; context?: string }

export function toJson(rows: ReportRow[], meta: ReportMeta): string {
  return JSON.stringify({ ...meta, totals: totals(rows), groups: groupRows(rows), rows }, null, 2) + "\n"
}

export type RolloutAdvice = { kind: "none" } | { kind: "warn-audit-first"; denied: number; namespaces: string[] } | { kind: "safe"; warned: number }

/**
 * When anything would be denied today, roll out with validationActions [Warn, Audit] first, fix or
 * exempt the objects listed, then switch to [Deny].
 */
export function rolloutAdvice(rows: ReportRow[]): RolloutAdvice {
  const denied = rows.filter((r) => r.outcome === "denied")
  if (denied.length > 0) return { kind: "warn-audit-first", denied: denied.length, namespaces: [...new Set(denied.map((r) => r.namespace || "(cluster)"))].sort() }
  const warned = rows.filter((r) => r.outcome === "warned" || r.outcome === "audited").length
  return warned > 0 ? { kind: "safe", warned } : { kind: "none" }
}
