// The verification matrix: every starter × target minor × option set (defaults, each language),
// checked by `npm run verify:matrix` against that minor's own API schemas and component config
// types, stored in verified-matrix.json and shown on the starters pages and in GET /api/starters.
// Browser-safe: the cell list and the file selection here are shared by the verifier and the
// staleness unit test (matrix.test.ts), which recomputes each cell's hash without the schemas.
import { KUBERNETES_MINORS, type KubernetesMinor } from "@/lib/catalog"
import type { AnyStarterGenerator, FieldError, StarterFile } from "./types"
import matrixJson from "./verified-matrix.json"

export type MatrixVariant = {
  /** "default" or the language, e.g. "typescript". */
  name: string
  options: Record<string, unknown>
  status: "ok" | "failed"
  /** sha256 (first 16 hex) of the files the checker reads (matrixCheckedFiles). */
  hash: string
  /** The first errors (at most MAX_ERRORS), English, "file: object: path: problem". */
  errors?: string[]
  /** Objects of kinds with no schema in the release nor a CRD in the starter, e.g. cert-manager's. */
  notChecked?: string[]
}

export type MatrixCell =
  | { status: "ok" | "failed"; variants: MatrixVariant[] }
  /** The starter does not offer this minor; the reason is its option schema's error for `k8s`. */
  | { status: "refused"; reason: FieldError }

export type VerifiedMatrix = {
  schemaVersion: 1
  /** k8s.io/kubernetes release each minor was checked against, e.g. "1.30": "v1.30.14". */
  releases: Record<KubernetesMinor, string>
  starters: Record<string, Partial<Record<KubernetesMinor, MatrixCell>>>
}

export const MAX_ERRORS = 3

export const VERIFIED_MATRIX = matrixJson as unknown as VerifiedMatrix

/**
 * The option sets of one cell: the defaults and every other language at that minor, plus the
 * starter's CI variants (certificate modes, service-account tokens …) that apply there: at their
 * own `k8s` if they pin one, else at every minor whose schema accepts them. Sets that generate the
 * same options as an earlier one are dropped.
 */
export function matrixOptionSets(g: AnyStarterGenerator, minor: KubernetesMinor): { name: string; options: Record<string, unknown> }[] {
  const defaults = g.schema.parse({}) as Record<string, unknown>
  const candidates: { name: string; options: Record<string, unknown> }[] = [{ name: "default", options: { k8s: minor } }]
  for (const language of g.languages) {
    if (language !== defaults.language) candidates.push({ name: language, options: { k8s: minor, language } })
  }
  for (const v of g.variants) {
    // A variant named like a language set ("typescript") keeps its own, distinct name.
    const name = candidates.some((c) => c.name === v.name) ? `${v.name}-variant` : v.name
    if (v.options.k8s === undefined || v.options.k8s === minor) candidates.push({ name, options: { ...v.options, k8s: minor } })
  }
  const seen = new Set<string>()
  return candidates.filter((set, i) => {
    const parsed = g.schema.safeParse(set.options)
    const key = parsed.success ? JSON.stringify(parsed.data) : ""
    // The defaults always form a set (a refusal there is reported as the cell's reason).
    const keep = i === 0 || (parsed.success && !seen.has(key))
    seen.add(key)
    return keep
  })
}

/**
 * The generated files the matrix checker reads: API objects (deploy/, test/ except
 * test/invalid/ which must be rejected), component configs (config/) and the README (which must
 * name the gates of APIs that are off by default).
 */
export function matrixCheckedFiles(files: readonly StarterFile[]): StarterFile[] {
  return files.filter((f) => {
    if (f.path === "README.md") return true
    if (/^(deploy|test)\/.*\.ya?ml$/.test(f.path)) return !f.path.startsWith("test/invalid/") && !f.path.endsWith("kustomization.yaml")
    return /^config\/.*\.(ya?ml|kubeconfig)$/.test(f.path)
  })
}

export type MinorStatus = {
  minor: KubernetesMinor
  /** "unverified": the matrix has no result for this cell (a new starter not yet verified). */
  status: "ok" | "failed" | "refused" | "unverified"
  /** For "failed": the first errors with the option set they belong to; for "refused": why. */
  errors?: { variant: string; message: string }[]
  reason?: FieldError
  notChecked?: string[]
}

/** One starter's row: a status for every minor 1.30–1.37. */
export function verifiedRow(id: string, matrix: VerifiedMatrix = VERIFIED_MATRIX): MinorStatus[] {
  const row = matrix.starters[id]
  return KUBERNETES_MINORS.map((minor): MinorStatus => {
    const cell = row?.[minor]
    if (!cell) return { minor, status: "unverified" }
    if (cell.status === "refused") return { minor, status: "refused", reason: cell.reason }
    const errors = cell.variants.flatMap((v) => (v.errors ?? []).map((message) => ({ variant: v.name, message })))
    const notChecked = [...new Set(cell.variants.flatMap((v) => v.notChecked ?? []))]
    return { minor, status: cell.status, ...(errors.length ? { errors } : {}), ...(notChecked.length ? { notChecked } : {}) }
  })
}

/** Minors a starter offers that the matrix has not verified (failed or missing). */
export function unverifiedMinors(id: string, matrix: VerifiedMatrix = VERIFIED_MATRIX): KubernetesMinor[] {
  return verifiedRow(id, matrix)
    .filter((c) => c.status === "failed" || c.status === "unverified")
    .map((c) => c.minor)
}
