import "server-only"
// Server entry point of the inspector: allow-listed contexts, cached single-flight reports.
// Route handlers call only these functions.
import { loadInspectorConfig, inspectorSettings, type InspectorConfig } from "./config"
import { inspect } from "./inspect"
import { SingleFlightCache } from "./report-cache"
import { sanitizeMessage } from "./sanitize"
import { createTransport } from "./transport"
import type { ClusterReport, InspectError } from "./types"

export type { ClusterReport } from "./types"

export type ContextsResult =
  | { state: "disabled" }
  | { state: "unconfigured"; reason: string }
  | { state: "ready"; contexts: string[]; defaultContext: string; source: "kubeconfig" | "in-cluster" }

export type ReportResult =
  | { ok: true; report: ClusterReport; cached: boolean; ageMs: number }
  | { ok: false; kind: "disabled" | "unconfigured" | "unknown-context"; message: string; contexts?: string[] }
  | { ok: false; kind: "cluster"; error: InspectError }

type Outcome = { ok: true; report: ClusterReport } | { ok: false; error: InspectError }

// Config and cache are keyed by the env that shapes them, so tests (and config changes in a
// long-running process) get a fresh view while normal requests share one instance.
let state: { key: string; config: InspectorConfig; cache: SingleFlightCache<Outcome> } | undefined

function current() {
  const env = process.env
  const key = JSON.stringify([env.INSPECTOR_ENABLED, env.INSPECTOR_CONTEXTS, env.KUBECONFIG, env.INSPECTOR_CACHE_TTL_SECONDS, env.KUBERNETES_SERVICE_HOST])
  if (!state || state.key !== key) {
    state = { key, config: loadInspectorConfig(env), cache: new SingleFlightCache<Outcome>({ ttlMs: inspectorSettings(env).cacheTtlMs }) }
  }
  return state
}

export function listContexts(): ContextsResult {
  const { config } = current()
  if (config.state !== "ready") return config
  return { state: "ready", contexts: config.contexts, defaultContext: config.defaultContext, source: config.source }
}

export async function getReport(context: string | undefined, opts: { refresh?: boolean } = {}): Promise<ReportResult> {
  const { config, cache } = current()
  if (config.state === "disabled") return { ok: false, kind: "disabled", message: "the cluster inspector is switched off (INSPECTOR_ENABLED=false)" }
  if (config.state === "unconfigured") return { ok: false, kind: "unconfigured", message: `no cluster configured: ${config.reason}` }
  const name = context ?? config.defaultContext
  if (!config.contexts.includes(name)) {
    return { ok: false, kind: "unknown-context", message: `unknown context "${sanitizeMessage(name, 80)}"`, contexts: config.contexts }
  }
  const settings = inspectorSettings()
  const { value, cached, ageMs } = await cache.get(
    name,
    async (): Promise<Outcome> => {
      try {
        const transport = await createTransport(config.kubeConfigFor(name), { maxSockets: settings.concurrency })
        return await inspect(transport, { context: name, ...settings })
      } catch (err) {
        // e.g. an exec credential plugin failing: never echo its output unsanitised.
        return { ok: false, error: { code: "error", message: sanitizeMessage(err) } }
      }
    },
    // Failures are not cached: the next request retries (still single-flight).
    { refresh: opts.refresh, shouldCache: (v) => v.ok },
  )
  return value.ok ? { ok: true, report: value.report, cached, ageMs } : { ok: false, kind: "cluster", error: value.error }
}
