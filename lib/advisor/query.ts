// URL codec for the advisor state: `?a=new-types:no,restrict-or-edit:yes&v=1.37[&cluster=<context>|&demo=1]`.
// Ids are [a-z0-9-], so ":" and "," need no escaping and links stay readable. The syntax only:
// no decision model, so the browser reads and writes URLs before the model loads (params.ts adds
// the check that the answers form a path).
import { KUBERNETES_MINORS, isKubernetesMinor, type KubernetesMinor } from "@/lib/catalog/types"

import type { AdvisorAnswers, FieldError, Result } from "./types"

/** Where cluster facts come from: a kubeconfig context the server may inspect, or the bundled demo report. */
export type ClusterSource = { kind: "context"; context: string } | { kind: "demo" }

export type AdvisorParams = { answers: Array<[string, string]>; minor?: KubernetesMinor; cluster?: ClusterSource }

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>

const KNOWN = new Set(["a", "v", "cluster", "demo"])
// Same bounds as GET /api/cluster/report's `context` (kubeconfig context names are free-form).
const CONTEXT = /^[^\p{Cc}]{1,253}$/u
const ID = /^[a-z0-9][a-z0-9-]{0,62}$/

function entries(input: SearchParamsInput): Array<[string, string]> {
  if (input instanceof URLSearchParams) return [...input.entries()]
  const out: Array<[string, string]> = []
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) out.push([key, v])
  }
  return out
}

/** Parses the advisor's search params (syntax and values; params.ts also checks the path). */
export function parseAdvisorQuery(input: SearchParamsInput): Result<AdvisorParams> {
  const errors: FieldError[] = []
  const seen = new Map<string, string>()
  for (const [key, value] of entries(input)) {
    if (!KNOWN.has(key)) {
      errors.push({ field: key, message: `Unknown parameter "${key}"; the advisor reads only "a" (answers), "v" (Kubernetes version), "cluster" (context) and "demo"` })
    } else if (seen.has(key)) {
      errors.push({ field: key, message: `Parameter "${key}" is given more than once` })
    } else seen.set(key, value)
  }

  let minor: KubernetesMinor | undefined
  const v = seen.get("v")
  if (v !== undefined) {
    if (isKubernetesMinor(v)) minor = v
    else errors.push({ field: "v", message: `"${v}" is not a supported Kubernetes version; use one of ${KUBERNETES_MINORS.join(", ")}` })
  }

  let cluster: ClusterSource | undefined
  const context = seen.get("cluster")
  const demo = seen.get("demo")
  if (context !== undefined && demo !== undefined) {
    errors.push({ field: "demo", message: 'Use either "cluster" or "demo", not both' })
  } else if (context !== undefined) {
    if (CONTEXT.test(context)) cluster = { kind: "context", context }
    else errors.push({ field: "cluster", message: "The cluster context must be 1–253 characters without control characters" })
  } else if (demo !== undefined) {
    if (demo === "1") cluster = { kind: "demo" }
    else errors.push({ field: "demo", message: `"${demo.slice(0, 20)}" is not a valid value for "demo"; use 1` })
  }

  const answers: Array<[string, string]> = []
  const a = seen.get("a")
  if (a !== undefined && a !== "") {
    for (const pair of a.split(",")) {
      const [q, ans, ...rest] = pair.split(":")
      if (q === undefined || ans === undefined || rest.length > 0 || !ID.test(q) || !ID.test(ans)) {
        errors.push({ field: "a", message: `"${pair.slice(0, 80)}" is not a "question:answer" pair` })
        continue
      }
      answers.push([q, ans])
    }
  }
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, value: { answers, ...(minor ? { minor } : {}), ...(cluster ? { cluster } : {}) } }
}
/** The query string (without "?") for answers in path order and a minor. */
export function serializeAdvisorParams(answers: AdvisorAnswers, minor: KubernetesMinor, cluster?: ClusterSource): string {
  const parts: string[] = []
  if (answers.length > 0) parts.push(`a=${answers.map(([q, ans]) => `${q}:${ans}`).join(",")}`)
  parts.push(`v=${minor}`)
  if (cluster?.kind === "context") parts.push(`cluster=${encodeURIComponent(cluster.context)}`)
  else if (cluster?.kind === "demo") parts.push("demo=1")
  return parts.join("&")
}
