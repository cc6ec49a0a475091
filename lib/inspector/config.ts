import "server-only"
// Where the inspector's credentials come from: server-side only (KUBECONFIG, ~/.kube/config or the
// in-cluster ServiceAccount). Browsers can only pick a context name from the allow-list.
import { existsSync, statSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { KubeConfig } from "@kubernetes/client-node"
import { sanitizeMessage } from "./sanitize"

// Skip broken entries (e.g. a cluster without server) instead of rejecting the whole file.
// Literal of client-node's ActionOnInvalid.FILTER, which index.d.ts does not re-export.
const LOAD_OPTS = { onInvalidEntry: "filter" as const }
const SA_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token"
export const IN_CLUSTER_CONTEXT = "in-cluster"

export type InspectorSettings = {
  cacheTtlMs: number
  /** Failed reports are kept this long, so a broken context is not re-read (or its plugin re-run) on every request. */
  failureCacheTtlMs: number
  /** refresh=1 re-reads a context at most this often; earlier refreshes get the cached report. */
  refreshIntervalMs: number
  requestTimeoutMs: number
  reportTimeoutMs: number
  /** Upper bound for a credential plugin (exec, gcp/azure cmd-path), always inside the report budget. */
  credentialTimeoutMs: number
  concurrency: number
}

/** Files whose change (mtime, size, inode) means the configuration must be loaded again. */
type Watched = { watch: string[] }

export type InspectorConfig =
  | { state: "disabled" }
  | ({ state: "unconfigured"; reason: string } & Watched)
  | ({ state: "ready"; contexts: string[]; defaultContext: string; source: "kubeconfig" | "in-cluster"; kubeConfigFor: (context: string) => KubeConfig } & Watched)

type Env = Record<string, string | undefined>

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const n = Number.parseInt(env[name] ?? "", 10)
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback
}

export function inspectorSettings(env: Env = process.env): InspectorSettings {
  return {
    cacheTtlMs: int(env, "INSPECTOR_CACHE_TTL_SECONDS", 60, 0, 3600) * 1000,
    failureCacheTtlMs: int(env, "INSPECTOR_FAILURE_CACHE_SECONDS", 10, 0, 600) * 1000,
    refreshIntervalMs: int(env, "INSPECTOR_REFRESH_INTERVAL_SECONDS", 10, 0, 3600) * 1000,
    requestTimeoutMs: int(env, "INSPECTOR_REQUEST_TIMEOUT_MS", 10_000, 500, 60_000),
    reportTimeoutMs: int(env, "INSPECTOR_REPORT_TIMEOUT_MS", 45_000, 1000, 300_000),
    credentialTimeoutMs: int(env, "INSPECTOR_CREDENTIAL_TIMEOUT_MS", 10_000, 500, 120_000),
    concurrency: int(env, "INSPECTOR_CONCURRENCY", 8, 1, 32),
  }
}

export function inspectorEnabled(env: Env = process.env): boolean {
  return !/^(false|0|off|no)$/i.test((env.INSPECTOR_ENABLED ?? "true").trim())
}

/** The kubeconfig files the configuration is read from (existing or not: one may appear later). */
export function kubeconfigCandidates(env: Env = process.env, home: string = os.homedir()): string[] {
  const fromEnv = (env.KUBECONFIG ?? "").split(path.delimiter).filter(Boolean)
  return fromEnv.length > 0 ? fromEnv : [path.join(home, ".kube", "config")]
}

/** Cheap change detection for watched files: path, mtime, size and inode (atomic replaces and symlink swaps change it). */
export function fileSignature(files: readonly string[]): string {
  return files
    .map((f) => {
      try {
        const s = statSync(f)
        return `${f}:${s.mtimeMs}:${s.size}:${s.ino}`
      } catch {
        return `${f}:-`
      }
    })
    .join("|")
}

/** Certificate and key files a kubeconfig refers to (rotated certificates must be read again). */
function referencedFiles(kc: KubeConfig): string[] {
  const files = [...kc.getClusters().map((c) => c.caFile), ...kc.getUsers().flatMap((u) => [u.certFile, u.keyFile])]
  return [...new Set(files.filter((f): f is string => !!f))]
}

/**
 * Loads credentials without client-node's silent http://localhost:8080 fallback:
 * no kubeconfig and no ServiceAccount token means "unconfigured".
 */
export function loadInspectorConfig(env: Env = process.env, home: string = os.homedir()): InspectorConfig {
  if (!inspectorEnabled(env)) return { state: "disabled" }
  const kc = new KubeConfig()
  let source: "kubeconfig" | "in-cluster" = "kubeconfig"
  const candidates = kubeconfigCandidates(env, home)
  const unconfigured = (reason: string): InspectorConfig => ({ state: "unconfigured", reason, watch: candidates })
  try {
    const fromEnv = (env.KUBECONFIG ?? "").split(path.delimiter).filter(Boolean)
    if (fromEnv.length > 0) {
      const files = fromEnv.filter((f) => existsSync(f))
      if (files.length === 0) return unconfigured("KUBECONFIG names no existing file")
      kc.loadFromFile(files[0]!, LOAD_OPTS)
      for (const f of files.slice(1)) {
        const more = new KubeConfig()
        more.loadFromFile(f, LOAD_OPTS)
        kc.mergeConfig(more)
      }
    } else if (existsSync(path.join(home, ".kube", "config"))) {
      kc.loadFromFile(path.join(home, ".kube", "config"), LOAD_OPTS)
    } else if (existsSync(SA_TOKEN) && env.KUBERNETES_SERVICE_HOST) {
      kc.loadFromCluster()
      source = "in-cluster"
      const [context] = kc.getContexts()
      kc.loadFromOptions({
        clusters: kc.getClusters(),
        users: kc.getUsers(),
        contexts: context ? [{ ...context, name: IN_CLUSTER_CONTEXT }] : [],
        currentContext: IN_CLUSTER_CONTEXT,
      })
    } else {
      return unconfigured("no kubeconfig and no in-cluster ServiceAccount found")
    }
  } catch (err) {
    return unconfigured(`kubeconfig could not be loaded: ${sanitizeMessage(err, 160)}`)
  }

  const allow = (env.INSPECTOR_CONTEXTS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
  const usable = kc
    .getContexts()
    .filter((c) => !!kc.getCluster(c.cluster)?.server)
    .map((c) => c.name)
    .filter((name) => allow.length === 0 || allow.includes(name))
  if (usable.length === 0) {
    return unconfigured(allow.length > 0 ? "no context in INSPECTOR_CONTEXTS exists in the kubeconfig" : "the kubeconfig has no context with a server")
  }
  const current = kc.getCurrentContext()
  const defaultContext = usable.includes(current) ? current : usable[0]!
  return {
    state: "ready",
    contexts: usable,
    defaultContext,
    source,
    watch: [...candidates, ...referencedFiles(kc)],
    kubeConfigFor: (context) => {
      // A fresh object per context: setCurrentContext on a shared one would race between requests.
      const copy = new KubeConfig()
      copy.loadFromOptions({ clusters: kc.getClusters(), users: kc.getUsers(), contexts: kc.getContexts(), currentContext: context })
      return copy
    },
  }
}
