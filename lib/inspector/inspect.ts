// Builds a ClusterReport through an abstract GET transport. Pure TypeScript: the real transport
// (kubeconfig credentials + https) lives in transport.ts, which is server-only.
//
// Order: /version (reachability probe: a failure ends the report with one clear error), then
// discovery, then every section reader (sections.ts) concurrently over one shared resource reader
// (api-reader.ts), which owns deadlines and error classification.
import { classifyThrown, createGet, createResourceReader, probeError, type Transport } from "./api-reader"
import { readDiscovery, type Discovery } from "./discovery"
import type * as R from "./raw"
import { SECTION_READERS, runSection, type Probe, type ProbeResult } from "./sections"
import { REPORT_SCHEMA_VERSION, SECTION_IDS, type ClusterReport, type InspectError, type NotObservable, type RiskFlag } from "./types"

export { AGGREGATED_DISCOVERY_ACCEPT, parseDiscovery } from "./discovery"
export { RequestFailure, type HttpResponse, type Transport } from "./api-reader"
export { sectionStatus } from "./sections"

export type InspectOptions = {
  context: string
  /** Per-request timeout. */
  requestTimeoutMs?: number
  /** Whole-report budget; requests still pending after it fail fast. */
  reportTimeoutMs?: number
  /** Absolute end of the report (epoch ms) when the budget started earlier (e.g. with credential plugins); overrides reportTimeoutMs. */
  deadline?: number
  concurrency?: number
  pageSize?: number
  /** Safety cap per resource; counts above it are reported as truncated lower bounds. */
  maxItems?: number
  /** Risks of the connection itself (e.g. insecure-skip-tls-verify), shown in the server section. */
  connectionRisks?: RiskFlag[]
  now?: () => number
}

export const NOT_OBSERVABLE: readonly NotObservable[] = [
  { mechanism: "kubectl-plugin", point: "1", reason: "kubectl plugins live on users' machines; the cluster never sees them." },
  { mechanism: "exec-credential-plugin", point: "1", reason: "Credential plugins are configured in each user's kubeconfig, not in the cluster." },
  { mechanism: "authentication-webhook", point: "2", reason: "Authentication webhooks are kube-apiserver flags/config files; the API does not expose them." },
  { mechanism: "structured-authentication", point: "2", reason: "AuthenticationConfiguration is a file passed to kube-apiserver; the API does not expose it." },
  { mechanism: "authenticating-proxy", point: "2", reason: "Request-header authentication is configured by kube-apiserver flags; the API does not expose it." },
  { mechanism: "authorization-webhook", point: "2", reason: "Authorization modes and webhooks are kube-apiserver flags/config files; the API does not expose them." },
  { mechanism: "image-policy-webhook", point: "2", reason: "ImagePolicyWebhook is configured in the admission control config file, not through the API." },
  { mechanism: "scheduler-configuration", point: "4", reason: "KubeSchedulerConfiguration is a file read by kube-scheduler; only the scheduler's own /configz shows it." },
  { mechanism: "scheduler-plugin", point: "4", reason: "Scheduler plugins are compiled into the scheduler binary; the API cannot list them." },
  { mechanism: "scheduler-extender", point: "4", reason: "Extenders are set in KubeSchedulerConfiguration, a file the API does not expose." },
  { mechanism: "controller", point: "5", reason: "Controllers are ordinary workloads; only their CRDs (inferred owners) are visible here." },
  { mechanism: "cni-plugin", point: "6", reason: "The CNI configuration lives on each node (/etc/cni/net.d); the plugin shown here is inferred from workloads." },
  { mechanism: "image-credential-provider", point: "7", reason: "Kubelet credential providers are kubelet flags and a node-local config file; the API does not expose them." },
]

export type InspectResult = { ok: true; report: ClusterReport } | { ok: false; error: InspectError }

export async function inspect(transport: Transport, options: InspectOptions): Promise<InspectResult> {
  const now = options.now ?? Date.now
  const started = now()
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000
  const get = createGet(transport, {
    requestTimeoutMs,
    deadline: options.deadline ?? started + (options.reportTimeoutMs ?? 45_000),
    concurrency: options.concurrency ?? 8,
    now,
  })

  let version: R.RawVersion
  try {
    version = (await get("/version")) as R.RawVersion
  } catch (err) {
    return { ok: false, error: probeError(err, requestTimeoutMs) }
  }
  const versionMs = now() - started

  const tDiscovery = now()
  let discovery: Discovery | undefined
  let discoveryRead: ProbeResult["read"] = { resource: "/api, /apis", status: "ok" }
  try {
    discovery = await readDiscovery(get)
  } catch (err) {
    const f = classifyThrown(err, requestTimeoutMs)
    discoveryRead = { resource: "/api, /apis", status: f.status, reason: f.reason }
  }
  const probes: Record<Probe, ProbeResult> = {
    version: { read: { resource: "/version", status: "ok" }, durationMs: versionMs },
    discovery: { read: discoveryRead, durationMs: now() - tDiscovery },
  }

  const reader = createResourceReader(get, discovery, { requestTimeoutMs, pageSize: options.pageSize ?? 500, maxItems: options.maxItems ?? 10_000 })
  const ctx = { version, discovery, connectionRisks: options.connectionRisks ?? [] }
  const sections = Object.fromEntries(
    await Promise.all(SECTION_IDS.map(async (id) => [id, await runSection(id, SECTION_READERS[id], reader, ctx, probes, now)] as const)),
  ) as ClusterReport["sections"]

  return {
    ok: true,
    report: {
      schemaVersion: REPORT_SCHEMA_VERSION,
      kind: "ClusterReport",
      source: "live",
      context: options.context,
      generatedAt: new Date(started).toISOString(),
      durationMs: now() - started,
      sections,
      notObservable: [...NOT_OBSERVABLE],
    },
  }
}
