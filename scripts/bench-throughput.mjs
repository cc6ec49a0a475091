// `npm run bench:throughput [paths…]`: requests per second with 16 concurrent keep-alive clients
// against `next start`, next to a hello-world Next.js page (same next/react versions) served in
// the same run (scripts/bench/servers.mjs). Each target is measured between two measurements of
// the floor page and compared with their mean, so a load change during the run moves both.
// Budget: every target ≥ 0.8× the floor page's requests per second.
//
// Clients send a browser's Accept-Encoding (gzip, br) and read every body to the end. The
// cluster report is the bundled demo report (served from the report cache like a live one)
// unless BENCH_REPORT_URL names another path, e.g. /api/cluster/report?context=<ctx> with
// KUBECONFIG set for the server.
// BENCH_SECONDS (6) per measurement, BENCH_CONCURRENCY (16), BENCH_PORT (3192; floor +1).
import http from "node:http"
import { performance } from "node:perf_hooks"

import { THROUGHPUT_BUDGET, fmtRatio, markdownTable } from "./bench/budgets.mjs"
import { frameworkVersions, loadAverage, median, startAppAndFloor } from "./bench/servers.mjs"

const port = Number(process.env.BENCH_PORT ?? 3192)
const seconds = Number(process.env.BENCH_SECONDS ?? 6)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16)
const reportPath = process.env.BENCH_REPORT_URL ?? "/api/cluster/report?demo=1"

const DEFAULT_TARGETS = [
  { label: "map", path: "/en" },
  { label: "advisor", path: "/en/advisor" },
  { label: "guide", path: "/en/mechanisms/validating-admission-policy" },
  { label: "starter page", path: "/en/starters/controller" },
  { label: "starter zip (controller)", path: "/api/starters/controller.zip" },
  { label: "starter zip (CRD, options)", path: "/api/starters/custom-resource-definition.zip?kind=Gadget&group=acme.io" },
  { label: "starter zip (CSI driver)", path: "/api/starters/csi-driver.zip" },
  { label: "cluster report (cached)", path: reportPath },
]
const args = process.argv.slice(2)
const targets = args.length ? args.map((p) => ({ label: p, path: p })) : DEFAULT_TARGETS

const loadBefore = loadAverage()
const servers = await startAppAndFloor({ port })
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })

function get(url) {
  return new Promise((resolve) => {
    const started = performance.now()
    const req = http.get(url, { agent, headers: { "accept-encoding": "gzip, deflate, br", accept: "*/*" } }, (res) => {
      let bytes = 0
      res.on("data", (chunk) => (bytes += chunk.length))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started, encoding: res.headers["content-encoding"] }))
      res.on("error", () => resolve({ status: 0, bytes, ms: performance.now() - started }))
    })
    req.on("error", () => resolve({ status: 0, bytes: 0, ms: performance.now() - started }))
  })
}

/** `concurrency` clients in a loop for `seconds`; requests per second of 2xx answers, latencies. */
async function load(url, duration = seconds) {
  for (let i = 0; i < concurrency * 2; i++) await get(url) // warm-up: caches, JIT, sockets
  const latencies = []
  let ok = 0
  let failed = 0
  let bytes = 0
  let encoding
  const deadline = performance.now() + duration * 1000
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const r = await get(url)
        if (r.status >= 200 && r.status < 300) {
          ok++
          bytes += r.bytes
          encoding = r.encoding
          latencies.push(r.ms)
        } else failed++
      }
    }),
  )
  const elapsed = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  return {
    rps: ok / elapsed,
    failed,
    p50: median(latencies),
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
    kBPerResponse: ok ? bytes / ok / 1000 : NaN,
    encoding: encoding ?? "identity",
  }
}

const floorUrl = `${servers.floor.base}/`
const rows = []
let previousFloor = await load(floorUrl)
const floorRuns = [previousFloor.rps]
let allOk = true
for (const t of targets) {
  const m = await load(`${servers.app.base}${t.path}`)
  const nextFloor = await load(floorUrl)
  floorRuns.push(nextFloor.rps)
  const floorRps = (previousFloor.rps + nextFloor.rps) / 2
  previousFloor = nextFloor
  const r = m.rps / floorRps
  const ok = r >= THROUGHPUT_BUDGET && m.failed === 0
  if (!ok) allOk = false
  rows.push({
    target: `${t.label} \`${t.path}\``,
    "req/s": m.rps.toFixed(0),
    "floor req/s": floorRps.toFixed(0),
    "÷ hello-world": fmtRatio(r),
    "p50 ms": m.p50.toFixed(1),
    "p99 ms": m.p99.toFixed(1),
    "kB/response": `${m.kBPerResponse.toFixed(1)} (${m.encoding})`,
    errors: m.failed,
    budget: ok ? `met (≥ ${THROUGHPUT_BUDGET})` : `**missed (≥ ${THROUGHPUT_BUDGET})**`,
  })
}
servers.stop()
agent.destroy()

const v = frameworkVersions()
console.log(
  `\nThroughput, ${concurrency} concurrent keep-alive clients, ${seconds} s per measurement, next ${v.next}; ` +
    `hello-world floor ${floorRuns.map((x) => x.toFixed(0)).join("/")} req/s across the run; load average ${loadBefore} before, ${loadAverage()} after`,
)
console.log(markdownTable(Object.keys(rows[0]), rows))
console.log(allOk ? "\nEvery target meets its budget." : "\nSome targets miss the budget (bold).")
process.exit(allOk ? 0 : 1)
