import "server-only"
// Server entry point of the inspector: allow-listed contexts, cached single-flight reports.
// Route handlers call only these functions.
//
// Per process: one configuration, reloaded when INSPECTOR_*/KUBECONFIG change or a watched file
// (kubeconfig, certificate files) changes; per context: one ClusterConnection (credentials,
// token cache, keep-alive agent) and one cache entry. A report has one deadline that covers the
// credential plugin too; a computation past it is abandoned, so a stuck context never holds
// another context or a later request.
import { fileSignature, inspectorSettings, kubeconfigCandidates, loadInspectorConfig, type InspectorConfig, type InspectorSettings } from "./config"
import { CredentialError } from "./credentials"
import { createGet } from "./api-reader"
import { inspect, type InspectResult } from "./inspect"
import { SingleFlightCache } from "./report-cache"
import { sanitizeMessage } from "./sanitize"
import { ClusterConnection } from "./transport"
import type { ClusterReport, InspectError } from "./types"

export type { ClusterReport } from "./types"

export type ContextsResult =
  | { state: "disabled" }
  | { state: "unconfigured"; reason: string }
  | { state: "ready"; contexts: string[]; defaultContext: string; source: "kubeconfig" | "in-cluster" }

/** A refresh asked for too soon: the cached report is served instead. */
export type RefreshLimited = { retryAfterMs: number; intervalMs: number }

export type ReportResult =
  | { ok: true; report: ClusterReport; cached: boolean; ageMs: number; /** how much longer this report is served without a new read */ freshForMs: number; refreshLimited?: RefreshLimited }
  | { ok: false; kind: "disabled" | "unconfigured" | "unknown-context"; message: string; contexts?: string[] }
  | { ok: false; kind: "cluster"; error: InspectError; cached: boolean; ageMs: number; retryAfterMs: number }

type Outcome = InspectResult

/** Extra time after the report deadline before an unfinished computation is abandoned. */
const ABANDON_GRACE_MS = 2000

type State = {
  key: string
  signature: string
  config: InspectorConfig
  settings: InspectorSettings
  cache: SingleFlightCache<Outcome>
  connections: Map<string, ClusterConnection>
}

let state: State | undefined

const envKey = (env: NodeJS.ProcessEnv) =>
  JSON.stringify(
    Object.entries(env)
      .filter(([k]) => k.startsWith("INSPECTOR_") || k === "KUBECONFIG" || k === "KUBERNETES_SERVICE_HOST")
      .sort(([a], [b]) => a.localeCompare(b)),
  )

const watched = (config: InspectorConfig) => (config.state === "disabled" ? [] : config.watch)

function current(): State {
  const env = process.env
  const key = envKey(env)
  if (state && state.key === key && fileSignature(watched(state.config)) === state.signature) return state
  if (state) for (const c of state.connections.values()) c.close(state.settings.reportTimeoutMs + ABANDON_GRACE_MS)
  // Sign the kubeconfig files before reading them, so a write in between is seen next time
  // (watch lists them first, then the certificate files they name).
  const candidates = kubeconfigCandidates(env)
  const before = fileSignature(candidates)
  const config = loadInspectorConfig(env)
  const referenced = watched(config).slice(candidates.length)
  const signature = config.state === "disabled" ? "" : [before, ...(referenced.length ? [fileSignature(referenced)] : [])].join("|")
  const settings = inspectorSettings(env)
  state = { key, signature, config, settings, cache: new SingleFlightCache<Outcome>({ ttlMs: settings.cacheTtlMs }), connections: new Map() }
  return state
}

function connectionFor(s: State, context: string): ClusterConnection {
  let c = s.connections.get(context)
  if (!c) {
    if (s.config.state !== "ready") throw new Error("inspector not configured")
    c = new ClusterConnection(s.config.kubeConfigFor(context), { maxSockets: s.settings.concurrency, credentialTimeoutMs: s.settings.credentialTimeoutMs })
    s.connections.set(context, c)
  }
  return c
}

async function produceReport(s: State, context: string, signal: AbortSignal): Promise<Outcome> {
  const { settings } = s
  const deadline = Date.now() + settings.reportTimeoutMs
  try {
    const connection = connectionFor(s, context)
    const transport = await connection.transport({ deadline, signal })
    const result = await inspect(transport, {
      context,
      deadline,
      requestTimeoutMs: settings.requestTimeoutMs,
      concurrency: settings.concurrency,
      connectionRisks: connection.risks,
    })
    if (!result.ok && result.error.code === "unauthorized") connection.invalidateCredentials()
    return result
  } catch (err) {
    // e.g. an exec credential plugin failing: never echo its output unsanitised.
    if (err instanceof CredentialError) return { ok: false, error: { code: err.code, message: sanitizeMessage(err.message) } }
    return { ok: false, error: { code: "error", message: sanitizeMessage(err) } }
  }
}

export function listContexts(): ContextsResult {
  const { config } = current()
  if (config.state !== "ready") return config.state === "disabled" ? config : { state: "unconfigured", reason: config.reason }
  return { state: "ready", contexts: config.contexts, defaultContext: config.defaultContext, source: config.source }
}

export async function getReport(context: string | undefined, opts: { refresh?: boolean } = {}): Promise<ReportResult> {
  const s = current()
  const { config, cache, settings } = s
  if (config.state === "disabled") return { ok: false, kind: "disabled", message: "the cluster inspector is switched off (INSPECTOR_ENABLED=false)" }
  if (config.state === "unconfigured") return { ok: false, kind: "unconfigured", message: `no cluster configured: ${config.reason}` }
  const name = context ?? config.defaultContext
  if (!config.contexts.includes(name)) {
    return { ok: false, kind: "unknown-context", message: `unknown context "${sanitizeMessage(name, 80)}"`, contexts: config.contexts }
  }
  const r = await cache.get(name, (signal) => produceReport(s, name, signal), {
    refresh: opts.refresh,
    minRefreshIntervalMs: settings.refreshIntervalMs,
    // Failures are kept briefly: a broken context is not re-read on every request.
    ttlFor: (v) => (v.ok ? settings.cacheTtlMs : settings.failureCacheTtlMs),
    timeoutMs: settings.reportTimeoutMs + ABANDON_GRACE_MS,
    onTimeout: () => ({ ok: false, error: { code: "timeout", message: `no report within ${settings.reportTimeoutMs} ms; the attempt was stopped` } }),
  })
  const { value, cached, ageMs } = r
  if (value.ok) {
    return { ok: true, report: value.report, cached, ageMs, freshForMs: Math.max(0, settings.cacheTtlMs - ageMs), ...(r.refreshLimited ? { refreshLimited: { retryAfterMs: r.refreshLimited.retryAfterMs, intervalMs: settings.refreshIntervalMs } } : {}) }
  }
  // A cached failure is retried when it expires, or earlier by refresh=1 once the refresh interval has passed.
  const retryAfterMs = Math.max(0, Math.min(settings.failureCacheTtlMs, settings.refreshIntervalMs) - ageMs)
  return { ok: false, kind: "cluster", error: value.error, cached, ageMs, retryAfterMs }
}

export type ReaderResult =
  | { ok: true; context: string; get: import("./api-reader").Get }
  | { ok: false; kind: "disabled" | "unconfigured" | "unknown-context" | "cluster"; message: string }

/**
 * A read-only GET reader for an allow-listed context, with the same credentials, per-request
 * timeout and concurrency as reports, bounded by `deadline` (used by the policy lab's live mode).
 */
export async function readerFor(context: string | undefined, opts: { deadline: number; signal?: AbortSignal }): Promise<ReaderResult> {
  const s = current()
  const { config, settings } = s
  if (config.state === "disabled") return { ok: false, kind: "disabled", message: "the cluster inspector is switched off (INSPECTOR_ENABLED=false)" }
  if (config.state === "unconfigured") return { ok: false, kind: "unconfigured", message: `no cluster configured: ${config.reason}` }
  const name = context ?? config.defaultContext
  if (!config.contexts.includes(name)) return { ok: false, kind: "unknown-context", message: `unknown context "${sanitizeMessage(name, 80)}"` }
  try {
    const transport = await connectionFor(s, name).transport(opts)
    return { ok: true, context: name, get: createGet(transport, { requestTimeoutMs: settings.requestTimeoutMs, deadline: opts.deadline, concurrency: settings.concurrency, now: Date.now }) }
  } catch (err) {
    return { ok: false, kind: "cluster", message: err instanceof CredentialError ? sanitizeMessage(err.message) : sanitizeMessage(err) }
  }
}
