// `npm test`: every test tier, in order; fails if any tier fails. Prints a per-tier summary and
// a closing "N passed, N failed" line counted from the runners' JSON reports.
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs"
import path from "node:path"
import { goEnv } from "./go-env.mjs"
import { ensurePrerequisites } from "./prerequisites.mjs"

const root = path.resolve(import.meta.dirname, "..")
const reports = path.join(root, ".cache", "test-reports")
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const only = process.env.TEST_TIERS?.split(",").map((s) => s.trim())

const tiers = [
  // typecheck and lint are each one single-threaded process: they run side by side on the two
  // cores (output held back and printed whole when each ends). Next's route types are generated
  // first, so the linter's type information never reads them half-written.
  { name: "typecheck", before: ["npx", "next", "typegen"], cmd: ["npx", "tsc", "--noEmit"], parallel: "static" },
  { name: "lint", cmd: ["npm", "run", "lint"], parallel: "static" },
  {
    name: "unit",
    cmd: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/unit.json`],
    report: "unit.json",
  },
  {
    // Every starter × minor 1.30–1.37 against that release's own API schemas and config types
    // (scripts/verify-matrix); the first run downloads the releases and builds 8 config checkers.
    name: "matrix",
    cmd: ["npx", "vitest", "run", "--config", "vitest.matrix.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/matrix.json`],
    report: "matrix.json",
  },
  {
    name: "cluster",
    cmd: ["npx", "vitest", "run", "--config", "vitest.cluster.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/cluster.json`],
    report: "cluster.json",
    when: () => existsSync(path.join(root, "vitest.cluster.config.ts")),
  },
  {
    // Policy lab: the differential corpus against a real kube-apiserver 1.37 with an audit log,
    // live mode (GET/LIST only), per-minor environments and the committed engine's freshness.
    name: "policy-lab",
    cmd: ["npx", "vitest", "run", "--config", "vitest.policy-lab.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/policy-lab.json`],
    report: "policy-lab.json",
  },
  {
    name: "starters",
    cmd: ["node", "scripts/verify-starters.mjs"],
    report: "starters.json",
    when: () => existsSync(path.join(root, "scripts", "verify-starters.mjs")),
  },
  {
    name: "behaviour",
    cmd: ["npx", "vitest", "run", "--config", "vitest.behaviour.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/behaviour.json`],
    report: "behaviour.json",
  },
  {
    name: "e2e",
    cmd: ["npm", "run", "test:e2e", "--", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
    report: "e2e.json",
  },
]

function countReport(file) {
  const full = path.join(reports, file)
  if (!existsSync(full)) return null
  const data = JSON.parse(readFileSync(full, "utf8"))
  if (typeof data.numPassedTests === "number") {
    // Vitest (Jest-compatible JSON) or our own verifier.
    return { passed: data.numPassedTests, failed: data.numFailedTests ?? 0 }
  }
  if (data.stats) {
    // Playwright JSON reporter.
    return { passed: data.stats.expected ?? 0, failed: (data.stats.unexpected ?? 0) + (data.stats.flaky ?? 0) * 0 }
  }
  return null
}

// Prerequisites first (installed with apt-get when we are root, else one message naming the fix),
// so a fresh machine never fails halfway through with a missing tool.
const selected = tiers.filter((t) => (!only || only.includes(t.name)) && (!t.when || t.when()))
if (!ensurePrerequisites(selected.map((t) => t.name))) process.exit(1)

const env = (tier) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...goEnv(), ...tier.env })

/** One tier in the foreground, its output streamed. */
function runTier(tier) {
  console.log(`\n=== tier: ${tier.name} ===`)
  const started = Date.now()
  // One Go build environment for every tier (scripts/go-env.mjs), so compiled packages are shared.
  const run = spawnSync(tier.cmd[0], tier.cmd.slice(1), { cwd: root, stdio: "inherit", env: env(tier) })
  return finished(tier, run.status === 0, started)
}

/** Tiers of one parallel group side by side; each one's output is printed whole when it ends. */
async function runTogether(group) {
  const started = Date.now()
  for (const tier of group) {
    if (!tier.before) continue
    const setup = spawnSync(tier.before[0], tier.before.slice(1), { cwd: root, stdio: "inherit", env: env(tier) })
    if (setup.status !== 0) return group.map((t) => finished(t, false, started))
  }
  return Promise.all(
    group.map(
      (tier) =>
        new Promise((resolve) => {
          const child = spawn(tier.cmd[0], tier.cmd.slice(1), { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: env(tier) })
          const output = []
          child.stdout.on("data", (chunk) => output.push(chunk))
          child.stderr.on("data", (chunk) => output.push(chunk))
          child.on("close", (code) => {
            console.log(`\n=== tier: ${tier.name} (run beside ${group.filter((t) => t !== tier).map((t) => t.name).join(", ")}) ===`)
            process.stdout.write(Buffer.concat(output))
            resolve(finished(tier, code === 0, started))
          })
        }),
    ),
  )
}

function finished(tier, ok, started) {
  const counts = tier.report ? countReport(tier.report) : null
  return { name: tier.name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1), counts }
}

const results = []
for (const tier of selected) {
  const group = tier.parallel ? selected.filter((t) => t.parallel === tier.parallel) : [tier]
  if (group.length > 1) {
    if (group[0] !== tier) continue
    results.push(...(await runTogether(group)))
  } else {
    results.push(runTier(tier))
  }
}

console.log("\n=== summary ===")
let passed = 0
let failed = 0
for (const r of results) {
  const counts = r.counts ? ` (${r.counts.passed} passed, ${r.counts.failed} failed)` : ""
  console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(10)} ${r.seconds}s${counts}`)
  if (r.counts) {
    passed += r.counts.passed
    failed += r.counts.failed
  }
  if (!r.ok && (!r.counts || r.counts.failed === 0)) failed += 1 // a tier that failed outside its tests
}
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
