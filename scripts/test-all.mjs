// `npm test`: every test tier; fails if any tier fails. Prints a per-tier summary and a closing
// "N passed, N failed" line counted from the runners' JSON reports.
//
// Two lanes run side by side: the tiers that run control planes (cluster, policy-lab, behaviour)
// spend much of their time waiting on kube-apiserver, controllers and polls, so they share the two
// cores with the build-and-browser tiers (a serial run kept the machine ~50% idle). Within a lane,
// tiers run in order. The first lane's output streams; the control-plane lane's output is printed
// whole as each of its tiers ends. TEST_SERIAL=1 runs every tier one after the other instead.
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs"
import path from "node:path"
import { stripVTControlCharacters } from "node:util"
import { goEnv } from "./go-env.mjs"
import { ensurePrerequisites } from "./prerequisites.mjs"

const root = path.resolve(import.meta.dirname, "..")
const reports = path.join(root, ".cache", "test-reports")
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

// Every error of a Vitest tier (including a failing beforeAll, which Vitest's JSON report leaves out)
// goes to <tier>.failures.json, repeated just before the summary.
const FAILURES_REPORTER = "--reporter=./scripts/vitest-failures-reporter.mjs"
const failuresFile = (tier) => path.join(reports, `${tier}.failures.json`)

/** A Vitest tier: its command (output to the terminal, the JSON report, the failures file) and report. */
const vitestTier = (name, config) => ({
  name,
  cmd: ["npx", "vitest", "run", ...(config ? ["--config", config] : []), "--reporter=default", "--reporter=json", FAILURES_REPORTER, `--outputFile.json=${reports}/${name}.json`],
  report: `${name}.json`,
})

const only = process.env.TEST_TIERS?.split(",").map((s) => s.trim())

const tiers = [
  // typecheck and lint are each one single-threaded process: they run side by side on the two
  // cores (output held back and printed whole when each ends). Next's route types are generated
  // first, so the linter's type information never reads them half-written.
  { name: "typecheck", before: ["npx", "next", "typegen"], cmd: ["npx", "tsc", "--noEmit"], parallel: "static" },
  { name: "lint", cmd: ["npm", "run", "lint"], parallel: "static" },
  vitestTier("unit"),
  // Every starter × minor 1.30–1.37 against that release's own API schemas and config types
  // (scripts/verify-matrix); the first run downloads the releases and builds 8 config checkers.
  vitestTier("matrix", "vitest.matrix.config.ts"),
  {
    ...vitestTier("cluster", "vitest.cluster.config.ts"),
    lane: "control-plane",
    when: () => existsSync(path.join(root, "vitest.cluster.config.ts")),
  },
  {
    // Policy lab: the differential corpus against a real kube-apiserver 1.37 with an audit log,
    // live mode (GET/LIST only), per-minor environments, the engine's Go tests and the committed
    // engine's freshness.
    ...vitestTier("policy-lab", "vitest.policy-lab.config.ts"),
    lane: "control-plane",
  },
  {
    name: "starters",
    cmd: ["node", "scripts/verify-starters.mjs"],
    report: "starters.json",
    when: () => existsSync(path.join(root, "scripts", "verify-starters.mjs")),
  },
  {
    ...vitestTier("behaviour", "vitest.behaviour.config.ts"),
    lane: "control-plane",
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

// CI keeps only the end of the output: each failure's first and last lines are repeated just before
// the summary (a control plane's error ends with its log tail, which says why it did not start).
/** A failed tier's errors: its Vitest failures file, else the failed tests of its Playwright or starter-verifier report. */
function failuresOf(tier) {
  if (existsSync(failuresFile(tier.name))) return JSON.parse(readFileSync(failuresFile(tier.name), "utf8"))
  const full = tier.report && path.join(reports, tier.report)
  if (!full || !existsSync(full)) return []
  const data = JSON.parse(readFileSync(full, "utf8"))
  const found = []
  // Our starter verifier: { results: [{ name, status, output }] }.
  for (const r of data.results ?? []) if (r.status === "failed") found.push({ title: r.name, message: r.output ?? "" })
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== "unexpected") continue
        const last = t.results?.at(-1)
        found.push({ title: `${spec.file}:${spec.line} › ${spec.title}`, message: last?.error?.message ?? last?.errors?.[0]?.message ?? "" })
      }
    }
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const suite of data.suites ?? []) walk(suite)
  return found
}

function digest(message, head = 4, tail = 8) {
  const lines = stripVTControlCharacters(message).split("\n").filter((l) => l.trim())
  if (lines.length <= head + tail) return lines
  return [...lines.slice(0, head), `… (${lines.length - head - tail} lines)`, ...lines.slice(-tail)]
}

const env = (tier) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...goEnv(), VITEST_FAILURES_FILE: failuresFile(tier.name), ...tier.env })

/**
 * Runs one command of a tier; `stream` passes its output through as it comes, else it is held and
 * printed whole (with the tier's header) when the command ends. Resolves to whether it passed.
 */
function run(tier, cmd, { stream, header }) {
  return new Promise((resolve) => {
    if (stream) console.log(header)
    // One Go build environment for every tier (scripts/go-env.mjs), so compiled packages are shared.
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: stream ? "inherit" : ["ignore", "pipe", "pipe"], env: env(tier) })
    const output = []
    child.stdout?.on("data", (chunk) => output.push(chunk))
    child.stderr?.on("data", (chunk) => output.push(chunk))
    child.on("error", (err) => output.push(Buffer.from(`${err}\n`)))
    child.on("close", (code) => {
      if (!stream) process.stdout.write(Buffer.concat([Buffer.from(`${header}\n`), ...output]))
      resolve(code === 0)
    })
  })
}

async function runTier(tier, { stream, beside = [] }) {
  const started = Date.now()
  const header = `\n=== tier: ${tier.name}${beside.length ? ` (run beside ${beside.join(", ")})` : ""} ===`
  const ok = (!tier.before || (await run(tier, tier.before, { stream, header: `${header} setup` }))) && (await run(tier, tier.cmd, { stream, header }))
  const counts = tier.report ? countReport(tier.report) : null
  return { name: tier.name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1), counts }
}

/** A lane's tiers in order; the tiers of one `parallel` group side by side, their output held. */
async function runLane(laneTiers, { stream, beside = [] }) {
  const results = []
  for (const tier of laneTiers) {
    const group = tier.parallel ? laneTiers.filter((t) => t.parallel === tier.parallel) : [tier]
    if (group[0] !== tier) continue
    if (group.length === 1) {
      results.push(await runTier(tier, { stream, beside }))
      continue
    }
    // A group's setup steps (e.g. route types) first, one after the other, then the group.
    const setups = []
    for (const t of group) if (t.before) setups.push(await run(t, t.before, { stream, header: `\n=== tier: ${t.name} setup ===` }))
    if (setups.includes(false)) {
      results.push(...group.map((t) => ({ name: t.name, ok: false, seconds: "0.0", counts: null })))
      continue
    }
    const others = (t) => [...group.filter((g) => g !== t).map((g) => g.name), ...beside]
    results.push(...(await Promise.all(group.map((t) => runTier({ ...t, before: undefined }, { stream: false, beside: others(t) })))))
  }
  return results
}

const serial = process.env.TEST_SERIAL === "1"
const controlPlaneLane = serial ? [] : selected.filter((t) => t.lane === "control-plane")
const mainLane = selected.filter((t) => !controlPlaneLane.includes(t))
const byName = new Map(
  (
    await Promise.all([
      runLane(mainLane, { stream: true, beside: controlPlaneLane.length ? ["the control-plane lane"] : [] }),
      runLane(controlPlaneLane, { stream: false, beside: mainLane.length ? ["the main lane"] : [] }),
    ])
  )
    .flat()
    .map((r) => [r.name, r]),
)
const results = selected.map((t) => byName.get(t.name))

const failures = results.filter((r) => !r.ok).flatMap((r) => failuresOf(tiers.find((t) => t.name === r.name)).map((f) => ({ tier: r.name, ...f })))
for (const f of failures.slice(0, 5)) {
  console.log(`\n--- ${f.tier}: ${f.title}`)
  for (const line of digest(f.message)) console.log(`    ${line.slice(0, 300)}`)
}
if (failures.length > 5) console.log(`\n(${failures.length - 5} more failures: see each tier's output above)`)

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
