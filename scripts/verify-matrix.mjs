// `npm run verify:matrix`: checks every starter × minor 1.30–1.37 × option set (defaults, each
// language) against that minor's own API schemas and component config types, and writes
// lib/starters/verified-matrix.json (see scripts/verify-matrix/matrix.ts).
// Usage: node scripts/verify-matrix.mjs [--only id,id] [--minors 1.30,1.31] [--check] [--latest]
//   --check   compare with the committed matrix instead of writing it; exit 1 when it differs
//             or any cell failed
//   --latest  print the newest patch of each minor on the Go module proxy (to bump releases.ts)
import { execFileSync } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { tsImport } from "tsx/esm/api"

const root = path.resolve(import.meta.dirname, "..")
const matrixFile = path.join(root, "lib", "starters", "verified-matrix.json")
const args = process.argv.slice(2)
const argValue = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1]?.split(",").map((s) => s.trim()) : undefined
}

if (args.includes("--latest")) {
  const out = execFileSync("go", ["list", "-m", "-versions", "k8s.io/kubernetes"], { encoding: "utf8", env: { ...process.env, GOTOOLCHAIN: "local" } })
  const latest = new Map()
  for (const v of out.trim().split(/\s+/).slice(1)) {
    const m = /^v1\.(3\d)\.(\d+)$/.exec(v)
    if (m && (!latest.has(m[1]) || Number(m[2]) > latest.get(m[1]))) latest.set(m[1], Number(m[2]))
  }
  for (const [minor, patch] of [...latest].sort()) console.log(`"1.${minor}": "v1.${minor}.${patch}",`)
  process.exit(0)
}

const { buildMatrix, matrixDifferences, timings } = await tsImport("./verify-matrix/matrix.ts", import.meta.url)
const started = Date.now()
const matrix = await buildMatrix({ only: argValue("--only"), minors: argValue("--minors"), log: (l) => console.log(l) })
const seconds = ((Date.now() - started) / 1000).toFixed(1)
for (const t of timings.filter((t) => t.ms >= 1000 || t.bytes))
  console.log(`  ${t.label}: ${(t.ms / 1000).toFixed(1)}s${t.bytes ? `, ${(t.bytes / 1048576).toFixed(1)} MiB` : ""}`)

const failed = []
for (const [id, row] of Object.entries(matrix.starters))
  for (const [minor, cell] of Object.entries(row))
    if (cell.status === "failed")
      for (const v of cell.variants) for (const e of v.errors ?? []) failed.push(`${id} ${minor} [${v.name}] ${e}`)
if (failed.length) console.log(`\nfailed cells:\n${failed.map((l) => `  ${l}`).join("\n")}`)

const partial = args.includes("--only") || args.includes("--minors")
if (args.includes("--check")) {
  const committed = JSON.parse(readFileSync(matrixFile, "utf8"))
  const diff = matrixDifferences(committed, partial ? { ...committed, starters: { ...committed.starters, ...merge(committed, matrix) } } : matrix)
  if (diff.length) console.log(`\nverified-matrix.json is stale for: ${diff.join(", ")}\nrun npm run verify:matrix and commit the result`)
  console.log(`matrix check: ${seconds}s`)
  process.exit(diff.length || failed.length ? 1 : 0)
}

// A partial run (--only/--minors) updates only its cells.
const out = partial ? { ...matrix, starters: merge(JSON.parse(readFileSync(matrixFile, "utf8")), matrix) } : matrix
writeFileSync(matrixFile, `${JSON.stringify(out, null, 2)}\n`)
console.log(`wrote ${path.relative(root, matrixFile)} in ${seconds}s${failed.length ? ` (${failed.length} errors)` : ""}`)

function merge(base, update) {
  const starters = { ...base.starters }
  for (const [id, row] of Object.entries(update.starters)) starters[id] = { ...(starters[id] ?? {}), ...row }
  return starters
}
