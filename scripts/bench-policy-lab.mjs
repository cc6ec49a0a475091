/* global navigator, performance, HTMLTextAreaElement, Event, Navigator, Worker */
// `npm run bench:policy-lab`: the policy lab measured in Debian's Chromium against the production
// build.
//   1. Browser: 1,000 Pods × a 10-rule ValidatingAdmissionPolicy pasted into the lab; the time the
//      lab reports for compile + evaluate (median of 3), each over a reference workload timed
//      right after it in the same page (below), and the engine's download and start-up; then the
//      same again in the same browser profile, as a returning visitor whose compiled module
//      Chromium cached.
//   2. Live mode: a real kube-apiserver 1.37 seeded with 5,000 ConfigMaps (1 in 5 violating);
//      time to the first table rows and to the end, with progress shown meanwhile, each on a fresh
//      server: as the lab is used (its server engine warmed when it opens), and with that warm-up
//      blocked (the engine starts on the click).
// Budgets (issue 15): (1) ≤ 200 ms, (2) first table ≤ 3 s.
// (1) is judged as a ratio to a reference measured next to each run in the same page (the
// repository's rule for speed budgets: machines are shared and noisy): a fixed JavaScript workload
// on the same 1,000 Pods, in as many workers as the lab uses, timed from the page like the lab's
// runs. REFERENCE_IDLE_MS is that workload's time on the 2-core machine the 200 ms were set for,
// idle, so the budget is 200 ms there and scales with the machine's speed and load elsewhere.
// The lab's engine warm-up may still run between its runs (components/policy-lab/policy-lab.tsx),
// so a reference can share the cores with it, as the run before it did; REFERENCE_IDLE_MS was
// measured the same way.
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"

import { chromium } from "@playwright/test"
import { startCluster, stopCluster, request as kubeRequest } from "./cluster/cluster.mjs"
import { cacheDir } from "./cluster/paths.mjs"
import { POLICY, podsYaml } from "./policy-lab/bench-input.mjs"

const root = path.resolve(import.meta.dirname, "..")
const port = Number(process.env.BENCH_PORT ?? 3191)
const distDir = process.env.NEXT_DIST_DIR ?? ".next"
const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 1000)
const LIVE_OBJECTS = Number(process.env.BENCH_LIVE_OBJECTS ?? 5000)
const skipLive = process.env.BENCH_SKIP_LIVE === "1"
const skipBrowser = process.env.BENCH_SKIP_BROWSER === "1"
// BENCH_CORES=n: the page sees n cores (the lab starts one engine worker per core, up to 4), to
// compare worker counts on the same machine.
const pageCores = process.env.BENCH_CORES ? Number(process.env.BENCH_CORES) : undefined
// BENCH_THINK_MS=n: a user's pace: n ms after the engine is ready before pasting, and after each
// run before changing the version (default 0: every step as soon as the page allows it).
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 0)
const log = (m) => process.stderr.write(`${m}\n`)

const BUDGET_MS = 200
/**
 * The reference workload's median time on the team's 2-core machine, idle: 45 ms (18 samples,
 * 41-57 ms, in 3 runs of this bench on 2026-12-04; the lab's own medians there: 159-181 ms).
 */
const REFERENCE_IDLE_MS = 45
const RATIO_BUDGET = BUDGET_MS / REFERENCE_IDLE_MS

// BENCH_REBUILD=1: build the app again even when NEXT_DIST_DIR holds a build (after changes to
// the engine or the lab; builds once per run, not again for the live part).
let rebuild = process.env.BENCH_REBUILD === "1"

async function startServer(env) {
  if (rebuild || !existsSync(path.join(root, distDir, "BUILD_ID"))) {
    rebuild = false
    const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir } })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  // A server already on the port would answer instead of this build (ours would fail to bind,
  // unseen): measure nothing rather than the wrong app. (A previous run's server may still be
  // exiting: a few seconds' grace.)
  for (let i = 0; ; i++) {
    const busy = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    )
    if (!busy) break
    if (i === 10) throw new Error(`port ${port} is already in use: stop that server or set BENCH_PORT`)
    await new Promise((r) => setTimeout(r, 500))
  }
  const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir, ...env }, stdio: "ignore", detached: true })
  const exited = new Promise((resolve) => server.once("exit", resolve))
  // Resolves when the server has exited, so the next run's server cannot meet it still answering
  // on the port (the busy check above could pass just before, and its first page fail after).
  const stop = async () => {
    try {
      process.kill(-server.pid, "SIGTERM")
    } catch {
      // gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
  }
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/en`)).ok) return stop
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  await stop()
  throw new Error("next start did not come up")
}

const chromiumOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
}
const launch = () => chromium.launch(chromiumOptions)
/** A browser context on a profile directory that outlives it (its HTTP and code caches too). */
const launchPersistent = (dir) => chromium.launchPersistentContext(dir, chromiumOptions)

// Sets a textarea the way a paste does (one input event); Playwright's fill types the text,
// which takes minutes for thousands of lines.
async function setText(locator, text) {
  await locator.evaluate((el, value) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set.call(el, value)
    el.dispatchEvent(new Event("input", { bubbles: true }))
  }, text)
}

/**
 * The reference workload, timed from the page: the Pods' YAML documents split across `workers`
 * dedicated workers (kept between calls, so their code is warm as the lab's engine is), each
 * copying its share through JSON 150 times. CPU-bound and allocating, like the engine's work; it
 * slows down with the machine as the lab does. The worker's script is served by Playwright at a
 * path of the app's origin: the app's CSP (worker-src 'self') refuses a blob: worker.
 */
const REFERENCE_WORKER_PATH = "/__bench-reference-worker.js"
const REFERENCE_WORKER = `onmessage = (e) => { let size = 0; for (let r = 0; r < 150; r++) for (const doc of e.data) size += JSON.parse(JSON.stringify({ doc, r })).doc.length; postMessage(size) }`
function referenceMs(page, yaml, workers) {
  return page.evaluate(
    async ({ text, n, url }) => {
      const pool = (globalThis.__benchReference ??= [])
      const fresh = pool.length < n
      while (pool.length < n) pool.push(new Worker(url))
      const docs = text.split("\n---\n")
      const share = Math.ceil(docs.length / n)
      const once = () =>
        Promise.all(
          pool.slice(0, n).map(
            (worker, i) =>
              new Promise((resolve, reject) => {
                worker.onmessage = resolve
                worker.onerror = () => reject(new Error("the reference worker failed to start"))
                worker.postMessage(docs.slice(i * share, (i + 1) * share))
              }),
          ),
        )
      // New workers run once untimed first, so every timed pass runs warm code.
      if (fresh) await once()
      const start = performance.now()
      await once()
      return performance.now() - start
    },
    { text: yaml, n: workers, url: REFERENCE_WORKER_PATH },
  )
}

/**
 * The browser part, twice in one Chromium profile: a first visit (nothing cached), then the same
 * visitor coming back, when Chromium has the module's compiled code in its cache (V8 caches
 * optimized WebAssembly code with the HTTP cache entry), so start-up and the first evaluation
 * skip most of the compiling.
 */
async function benchBrowser() {
  const stop = await startServer({ KUBECONFIG: "/nonexistent" })
  const profile = mkdtempSync(path.join(tmpdir(), "bench-policy-lab-"))
  try {
    const first = await benchVisit(profile)
    const returning = await benchVisit(profile)
    return { first, returning }
  } finally {
    await stop()
    rmSync(profile, { recursive: true, force: true })
  }
}

async function benchVisit(profile) {
  const browser = await launchPersistent(profile)
  try {
    const page = await browser.newPage()
    if (pageCores) await page.addInitScript((n) => Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => n }), pageCores)
    await page.route(`**${REFERENCE_WORKER_PATH}`, (route) => route.fulfill({ contentType: "text/javascript", body: REFERENCE_WORKER }))
    const t0 = Date.now()
    await page.goto(`http://127.0.0.1:${port}/en/policy-lab`)
    await page.getByTestId("policy-lab").and(page.locator('[data-engine="ready"]')).waitFor({ timeout: 300_000 })
    const engineStart = Date.now() - t0
    const cores = await page.evaluate(() => navigator.hardwareConcurrency)
    await page.waitForTimeout(thinkMs)
    await setText(page.getByTestId("policy-editor"), POLICY)
    await page.getByRole("radio", { name: "Paste YAML" }).check()
    const yaml = podsYaml(OBJECTS)
    await setText(page.getByTestId("paste-editor"), yaml)
    const times = []
    const phases = []
    const references = []
    for (const minor of ["1.36", "1.37", "1.36"]) {
      await page.locator('[data-testid="summary"]', { hasText: `${OBJECTS} objects in` }).waitFor({ timeout: 300_000 })
      await page.getByTestId("policy-lab").and(page.locator('[data-busy="0"]')).waitFor()
      const text = await page.getByTestId("summary").innerText()
      times.push(Number(/in (\d+) ms/.exec(text)?.[1]))
      // Where the time went (the lab's own marks) and the time from results to the next paint.
      const summary = page.locator('[data-testid="summary"][data-paint-ms]')
      await summary.waitFor()
      phases.push(
        await summary.evaluate((el) => ({
          total: Number(/in (\d+) ms/.exec(el.textContent ?? "")?.[1]),
          compile: Number(el.dataset.compileMs),
          cases: Number(el.dataset.casesMs),
          evaluate: Number(el.dataset.evaluateMs),
          engine: Number(el.dataset.engineMs),
          go: Number(el.dataset.goMs),
          workers: Number(el.dataset.workers),
          paint: Number(el.dataset.paintMs),
        })),
      )
      // The reference, right after the run, in as many workers.
      references.push(await referenceMs(page, yaml, phases.at(-1).workers))
      await page.waitForTimeout(thinkMs)
      await page.getByLabel("Kubernetes version").selectOption(minor)
      await page.getByTestId("policy-lab").and(page.locator('[data-busy="1"]')).waitFor({ timeout: 10_000 }).catch(() => undefined)
    }
    // Run order, for printing each run over its own reference.
    const runs = times.map((ms, i) => ({ ms, referenceMs: references[i], ratio: ms / references[i] }))
    // A run or reference that could not be read leaves no median to judge (NaN: missed), rather
    // than a median of the other two.
    const complete = runs.length === 3 && runs.every((r) => Number.isFinite(r.ratio))
    const ratios = runs.map((r) => r.ratio).sort((a, b) => a - b)
    times.sort((a, b) => a - b)
    const denied = await page.getByTestId("summary").locator('[data-count="denied"]').innerText()
    // Chromium writes the compiled module to its cache a moment after the code is optimized.
    await page.waitForTimeout(3000)
    // The lab's warm-up (lib/policy-lab/warm-up.ts) runs between the page's own calls; when it
    // ended, counted from the engine's start (absent: still running after the runs).
    const warmUpMs = await page.getByTestId("policy-lab").getAttribute("data-warm-up-ms")
    return { phases, warmUpMs: warmUpMs === null ? undefined : Number(warmUpMs), engineStartMs: engineStart, cores, medianMs: complete ? times[1] : NaN, runs, medianRatio: complete ? ratios[1] : NaN, denied: Number(denied) }
  } finally {
    await browser.close()
  }
}

async function seed(state, n) {
  const auth = { server: state.server, ca: state.ca, token: state.token }
  await kubeRequest(auth, "POST", "/api/v1/namespaces", { metadata: { name: "bench", labels: { bench: "yes" } } })
  let next = 0
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < n) {
        const i = next++
        const r = await kubeRequest(auth, "POST", "/api/v1/namespaces/bench/configmaps", { metadata: { name: `cm-${i}`, labels: i % 5 ? { team: "a" } : {} }, data: { i: String(i) } })
        if (r.status >= 300 && r.status !== 409) throw new Error(`seeding: HTTP ${r.status}`)
      }
    }),
  )
}

const LIVE_POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: team-label}
spec:
  matchConstraints:
    namespaceSelector: {matchLabels: {bench: "yes"}}
    resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [configmaps]}]
  validations:
  - expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
    messageExpression: "'ConfigMap ' + object.metadata.name + ' has no team label'"
`

/**
 * One live run on a freshly started server, as its first visitor: open the lab, wait for the
 * browser engine, write the policy, switch to live mode and click. With `blockWarmUp` the page's
 * GET /api/policy-lab/live (which starts the server's engine when the lab opens) is dropped, so
 * the run also waits for the server's engine to start: a visitor who clicks at once.
 */
async function liveRun(kubeconfig, blockWarmUp) {
  const stop = await startServer({ KUBECONFIG: kubeconfig })
  const browser = await launch()
  try {
    const page = await browser.newPage()
    if (blockWarmUp) await page.route("**/api/policy-lab/live", (route) => (route.request().method() === "GET" ? route.abort() : route.continue()))
    await page.goto(`http://127.0.0.1:${port}/en/policy-lab`)
    await page.getByTestId("policy-lab").and(page.locator('[data-engine="ready"]')).waitFor({ timeout: 300_000 })
    await setText(page.getByTestId("policy-editor"), LIVE_POLICY)
    await page.getByRole("radio", { name: "Live cluster" }).check()
    await page.getByTestId("live-panel").waitFor()
    const started = Date.now()
    await page.getByRole("button", { name: "What would this reject today?" }).click()
    await page.getByTestId("live-progress").waitFor()
    const progressMs = Date.now() - started
    await page.getByTestId("live-table").waitFor({ timeout: 120_000 })
    const firstTableMs = Date.now() - started
    await page.locator('[data-testid="live-panel"][data-phase="done"]').waitFor({ timeout: 300_000 })
    const doneMs = Date.now() - started
    const denied = Number(await page.getByTestId("live-totals").locator('[data-count="denied"]').innerText())
    return { progressShownMs: progressMs, firstTableMs, doneMs, denied }
  } finally {
    await browser.close()
    await stop()
  }
}

async function benchLive() {
  const runDir = path.join(cacheDir, `bench-policy-lab-${process.pid}`)
  const state = await startCluster({ runDir, attached: true, log })
  try {
    const { readFileSync } = await import("node:fs")
    const token = state.tokens["test-admin"]
    const ca = readFileSync(state.caFile)
    const t = Date.now()
    await seed({ server: state.server, ca, token }, LIVE_OBJECTS)
    log(`[bench] seeded ${LIVE_OBJECTS} ConfigMaps in ${((Date.now() - t) / 1000).toFixed(1)} s`)
    const warm = await liveRun(state.adminKubeconfig, false)
    const cold = await liveRun(state.adminKubeconfig, true)
    return { objects: LIVE_OBJECTS, warm, cold }
  } finally {
    await stopCluster(runDir)
  }
}

let allMet = true
if (!skipBrowser) {
  const visits = await benchBrowser()
  for (const [name, browser] of [
    ["browser, first visit", visits.first],
    ["browser, returning visit (compiled module from Chromium's cache)", visits.returning],
  ]) {
    console.log(
      `${name}${thinkMs ? ` (${thinkMs} ms between steps)` : ""}: ${OBJECTS} Pods × 10 rules: median ${browser.medianMs} ms (${BUDGET_MS} ms on the reference machine, idle) — ` +
        `runs in order, each ÷ the reference timed after it: ${browser.runs.map((r) => `${r.ms} ms ÷ ${Math.round(r.referenceMs)} ms = ${r.ratio.toFixed(2)}`).join(", ")}; median ${browser.medianRatio.toFixed(2)} (budget ${RATIO_BUDGET.toFixed(2)}: ${BUDGET_MS} ms ÷ ${REFERENCE_IDLE_MS} ms, the reference idle) ${browser.medianRatio <= RATIO_BUDGET ? "met" : "MISSED"}; engine ready after ${browser.engineStartMs} ms on ${browser.cores} cores, its warm-up ${browser.warmUpMs === undefined ? "still running after the runs" : `done ${browser.warmUpMs} ms after its start`}; ${browser.denied} denied`,
    )
    if (!(browser.medianRatio <= RATIO_BUDGET)) allMet = false
    for (const p of browser.phases) {
      console.log(
        `  run: ${p.total} ms = compile ${p.compile} + requests ${p.cases} + evaluate ${p.evaluate} (${p.workers} worker(s): engine calls ${p.engine}, of which Go per case ${p.go}; the rest messaging) + rest ${p.total - p.compile - p.cases - p.evaluate}; then ${p.paint} ms to paint the list`,
      )
    }
  }
}
if (!skipLive) {
  const live = await benchLive()
  const line = (r) => `progress shown after ${r.progressShownMs} ms, first table after ${r.firstTableMs} ms (budget 3000 ms), done after ${r.doneMs} ms; ${r.denied} denied`
  console.log(`live: ${live.objects} ConfigMaps, first run on a fresh server: ${line(live.warm)}`)
  console.log(`live, the same with the lab's engine warm-up blocked (the server's engine starts on the click): ${line(live.cold)}`)
  if (![live.warm, live.cold].every((r) => r.firstTableMs <= 3000)) allMet = false
}
console.log(allMet ? "Every budget is met." : "A budget is missed (MISSED, or a first table after 3000 ms).")
process.exit(allMet ? 0 : 1)
