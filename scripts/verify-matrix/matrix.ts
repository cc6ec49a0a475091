// Builds the verification matrix: for every starter, every minor 1.30–1.37 and every option set
// (defaults, each language), generate the starter for that minor and check it against that
// minor's own API schemas (validate.ts) and component config types (config-checkers.ts).
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { KUBERNETES_MINORS, type KubernetesMinor, type MechanismId } from "@/lib/catalog"
import { STARTERS, generate, parseOptions, type AnyStarterGenerator, type StarterFile } from "@/lib/starters"
import { cellHash } from "@/lib/starters/matrix-hash"
import { MAX_ERRORS, matrixCheckedFiles, matrixOptionSets, type MatrixCell, type MatrixVariant, type VerifiedMatrix } from "@/lib/starters/matrix"
import { ensureConfigChecker, runConfigChecker } from "./config-checkers"
import { K8S_RELEASES } from "./releases"
import { releaseSchemas } from "./schemas"

export { timings } from "./schemas"
import { checkManifests } from "./validate"

const root = path.resolve(import.meta.dirname, "..", "..")
const WORK = path.join(root, ".cache", "verify-matrix")

type PendingVariant = MatrixVariant & { allErrors: string[]; configFiles: StarterFile[]; dir: string }

function refusal(g: AnyStarterGenerator, minor: KubernetesMinor): MatrixCell | undefined {
  const parsed = parseOptions(g.id, { k8s: minor })
  if (parsed.ok && g.targets.includes(minor)) return undefined
  const reason = parsed.ok
    ? { field: "k8s", key: "invalid", message: `This starter supports Kubernetes ${g.targets.join(", ")}.` }
    : (parsed.errors.find((e) => e.field === "k8s") ?? parsed.errors[0]!)
  return { status: "refused", reason }
}

export type MatrixOptions = { only?: readonly string[]; minors?: readonly KubernetesMinor[]; log?: (line: string) => void }

/** Verifies every cell; returns the matrix (also for --check, which compares it with the committed one). */
export async function buildMatrix(opts: MatrixOptions = {}): Promise<VerifiedMatrix> {
  const log = opts.log ?? (() => {})
  const starters = STARTERS.filter((g) => !opts.only || opts.only.includes(g.id))
  const minors = KUBERNETES_MINORS.filter((m) => !opts.minors || opts.minors.includes(m))
  const matrix: VerifiedMatrix = { schemaVersion: 1, releases: { ...K8S_RELEASES }, starters: {} }
  for (const g of starters) matrix.starters[g.id] = {}

  for (const minor of minors) {
    const started = Date.now()
    const schemas = releaseSchemas(minor)
    const checker = ensureConfigChecker(minor)
    const minorDir = path.join(WORK, minor)
    rmSync(minorDir, { recursive: true, force: true })
    const pending: { g: AnyStarterGenerator; variants: PendingVariant[] }[] = []

    for (const g of starters) {
      const refused = refusal(g, minor)
      if (refused) {
        matrix.starters[g.id]![minor] = refused
        continue
      }
      const variants: PendingVariant[] = []
      for (const set of matrixOptionSets(g, minor)) {
        const r = generate(g.id, set.options)
        const dir = path.join(minorDir, `${g.id}--${set.name}`)
        if (!r.ok) {
          const allErrors = r.errors.map((e) => `options: ${e.field}: ${e.message}`)
          variants.push({ ...set, status: "failed", hash: "", allErrors, configFiles: [], dir })
          continue
        }
        const checked = matrixCheckedFiles(r.value.files)
        const report = checkManifests(checked, schemas, g.id as MechanismId)
        const configFiles = checked.filter((f) => f.path.startsWith("config/"))
        for (const f of configFiles) {
          mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true })
          writeFileSync(path.join(dir, f.path), f.content)
        }
        variants.push({
          ...set,
          status: "ok",
          hash: cellHash(r.value.files),
          allErrors: report.errors,
          configFiles,
          dir,
          ...(report.notChecked.length ? { notChecked: report.notChecked } : {}),
        })
      }
      pending.push({ g, variants })
    }

    // One checker run per minor for every config file of every cell.
    const configPaths = pending.flatMap((p) => p.variants.flatMap((v) => v.configFiles.map((f) => path.relative(minorDir, path.join(v.dir, f.path)))))
    if (configPaths.length) {
      const bin = await checker
      const results = await runConfigChecker(bin, minorDir, configPaths)
      const byPath = new Map(results.map((r) => [r.file, r]))
      for (const p of pending)
        for (const v of p.variants)
          for (const f of v.configFiles) {
            const res = byPath.get(path.relative(minorDir, path.join(v.dir, f.path)))
            if (!res) v.allErrors.push(`${f.path}: the config checker gave no result`)
            else if (!res.ok) v.allErrors.push(`${f.path}: ${res.message}`)
          }
    } else await checker

    for (const { g, variants } of pending) {
      const out: MatrixVariant[] = variants.map(({ allErrors, configFiles: _c, dir: _d, ...v }) => ({
        ...v,
        status: allErrors.length || v.status === "failed" ? "failed" : "ok",
        ...(allErrors.length ? { errors: allErrors.slice(0, MAX_ERRORS) } : {}),
      }))
      matrix.starters[g.id]![minor] = { status: out.every((v) => v.status === "ok") ? "ok" : "failed", variants: out }
    }
    const failed = pending.filter((p) => matrix.starters[p.g.id]![minor]!.status === "failed").map((p) => p.g.id)
    log(`${minor} (${K8S_RELEASES[minor]}): ${pending.length} starters checked, ${failed.length} failed${failed.length ? ` (${failed.join(", ")})` : ""} — ${((Date.now() - started) / 1000).toFixed(1)}s`)
  }
  return matrix
}

/** Cells whose status or errors differ between two matrices (for --check and the tier's test). */
export function matrixDifferences(a: VerifiedMatrix, b: VerifiedMatrix): string[] {
  const out: string[] = []
  if (JSON.stringify(a.releases) !== JSON.stringify(b.releases)) out.push("releases differ")
  const ids = new Set([...Object.keys(a.starters), ...Object.keys(b.starters)])
  for (const id of ids)
    for (const minor of KUBERNETES_MINORS) {
      const x = JSON.stringify(a.starters[id]?.[minor] ?? null)
      const y = JSON.stringify(b.starters[id]?.[minor] ?? null)
      if (x !== y) out.push(`${id} ${minor}`)
    }
  return out
}
