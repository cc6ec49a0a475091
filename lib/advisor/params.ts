// URL codec for the advisor state: `?a=new-types:no,restrict-or-edit:yes&v=1.37`.
// Ids are [a-z0-9-], so ":" and "," need no escaping and links stay readable.
import { KUBERNETES_MINORS, isKubernetesMinor, type KubernetesMinor } from "@/lib/catalog"

import { evaluate } from "./evaluate"
import type { AdvisorAnswers, FieldError, Result } from "./types"

export type AdvisorParams = { answers: Array<[string, string]>; minor?: KubernetesMinor }

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>

const KNOWN = new Set(["a", "v"])
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

/** Parses and validates the advisor's search params, including that the answers form one path. */
export function parseAdvisorParams(input: SearchParamsInput): Result<AdvisorParams> {
  const errors: FieldError[] = []
  const seen = new Map<string, string>()
  for (const [key, value] of entries(input)) {
    if (!KNOWN.has(key)) {
      errors.push({ field: key, message: `Unknown parameter "${key}"; the advisor reads only "a" (answers) and "v" (Kubernetes version)` })
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

  const checked = evaluate(answers, minor ? { minor } : {})
  if (!checked.ok) return checked
  return { ok: true, value: { answers, ...(minor ? { minor } : {}) } }
}

/** The query string (without "?") for answers in path order and a minor. */
export function serializeAdvisorParams(answers: AdvisorAnswers, minor: KubernetesMinor): string {
  const parts: string[] = []
  if (answers.length > 0) parts.push(`a=${answers.map(([q, ans]) => `${q}:${ans}`).join(",")}`)
  parts.push(`v=${minor}`)
  return parts.join("&")
}
