// node scripts/probe-starters.mjs — hammers GET /api/starters/<id>.zip of a running server
// (PROBE_URL, default http://127.0.0.1:3000; start one with `npm start`) with option sets drawn
// from the starters' own schemas (lib/starters/testing/option-arbitraries.ts), keeps only those the
// schema accepts, and sends them PROBE_CONCURRENCY (200) at a time. Every answer must be 200 with
// a zip; any 5xx, network error or other status fails the run. Prints statuses and latencies.
import { performance } from "node:perf_hooks"
import { URLSearchParams } from "node:url"
import fc from "fast-check"
import { tsImport } from "tsx/esm/api"

const base = process.env.PROBE_URL ?? "http://127.0.0.1:3000"
const REQUESTS = Number(process.env.PROBE_REQUESTS ?? 2000)
const CONCURRENCY = Number(process.env.PROBE_CONCURRENCY ?? 200)
const SEED = Number(process.env.PROBE_SEED ?? Date.now() % 2 ** 31)

const { STARTERS, parseOptions } = await tsImport("../lib/starters/index.ts", import.meta.url)
const { optionsArbitrary } = await tsImport("../lib/starters/testing/option-arbitraries.ts", import.meta.url)

// Draw schema-valid option sets, round-robin over the starters.
const perStarter = Math.ceil(REQUESTS / STARTERS.length)
const queues = STARTERS.map((g, i) => {
  const valid = fc
    .sample(optionsArbitrary(g.schema, g.id), { numRuns: perStarter * 3, seed: SEED + i })
    .filter((o) => parseOptions(g.id, o).ok)
    .slice(0, perStarter)
  return valid.map((o) => `/api/starters/${g.id}.zip?${new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)]))}`)
})
const urls = []
for (let i = 0; urls.length < REQUESTS && i < perStarter; i++) for (const q of queues) if (q[i] && urls.length < REQUESTS) urls.push(q[i])

// A GET on a reused keep-alive connection that the server closed at the same moment fails with
// ECONNRESET; like browsers, retry such an idempotent request once on a fresh connection (counted).
let retried = 0
async function getWithRetry(url) {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(120_000) })
  } catch (e) {
    if (e.cause?.code !== "ECONNRESET" && e.cause?.code !== "UND_ERR_SOCKET") throw e
    retried++
    return fetch(url, { signal: AbortSignal.timeout(120_000) })
  }
}

const statuses = new Map()
const latencies = []
const failures = []
let next = 0
const started = performance.now()
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < urls.length) {
      const url = urls[next++]
      const t0 = performance.now()
      try {
        const res = await getWithRetry(base + url)
        const body = new Uint8Array(await res.arrayBuffer())
        latencies.push(performance.now() - t0)
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
        const isZip = body[0] === 0x50 && body[1] === 0x4b
        if (res.status !== 200 || !isZip) failures.push(`${res.status} ${url} ${Buffer.from(body.slice(0, 200)).toString()}`)
      } catch (e) {
        statuses.set("error", (statuses.get("error") ?? 0) + 1)
        failures.push(`network ${url}: ${e.message}${e.cause ? ` (${e.cause.code ?? e.cause.message})` : ""}`)
      }
    }
  }),
)
const seconds = (performance.now() - started) / 1000
const sorted = latencies.sort((a, b) => a - b)
const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(0) : "-")
const fiveXX = [...statuses].filter(([s]) => typeof s === "number" && s >= 500).reduce((n, [, c]) => n + c, 0)

console.log(`probe-starters: ${urls.length} requests to ${base}, ${CONCURRENCY} concurrent, seed ${SEED}, ${STARTERS.length} starters`)
console.log(`  statuses: ${[...statuses].map(([s, c]) => `${s}×${c}`).join(", ")}`)
console.log(`  5xx: ${fiveXX}   retried after a connection reset: ${retried}   latency ms p50 ${pct(50)} p95 ${pct(95)} p99 ${pct(99)} max ${pct(100)}   ${(urls.length / seconds).toFixed(1)} req/s over ${seconds.toFixed(1)} s`)
for (const f of failures.slice(0, 10)) console.log(`  FAIL ${f}`)
process.exit(failures.length ? 1 : 0)
