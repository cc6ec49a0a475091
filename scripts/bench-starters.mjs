// npm run bench:starters — median generate+zip time per starter (in-process), then zip
// throughput of GET /api/starters/<id>.zip against a running server (BENCH_URL, default
// http://127.0.0.1:3000; start one with `npm run build && npm start`). Bounded: fixed counts.
import { performance } from "node:perf_hooks"
import { tsImport } from "tsx/esm/api"

const RUNS = Number(process.env.BENCH_RUNS ?? 50)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4)
const base = process.env.BENCH_URL ?? "http://127.0.0.1:3000"

const { STARTERS, generate, zipStarter } = await tsImport("../lib/starters/index.ts", import.meta.url)

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

console.log(`generate + zip, median of ${RUNS} runs (after 5 warm-up runs):`)
const rows = []
for (const g of STARTERS) {
  for (let i = 0; i < 5; i++) zipStarter(generate(g.id, {}).value)
  const times = []
  let bytes = 0
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    const r = generate(g.id, {})
    if (!r.ok) throw new Error(`${g.id}: ${JSON.stringify(r.errors)}`)
    bytes = zipStarter(r.value).byteLength
    times.push(performance.now() - t0)
  }
  rows.push({ id: g.id, median: median(times), bytes })
  console.log(`  ${g.id.padEnd(30)} ${median(times).toFixed(2).padStart(7)} ms   ${(bytes / 1024).toFixed(1).padStart(6)} KiB`)
}
console.log(`  worst median: ${Math.max(...rows.map((r) => r.median)).toFixed(2)} ms (goal ≤ 10 ms)`)

async function reachable() {
  try {
    const res = await fetch(`${base}/api/starters`, { signal: AbortSignal.timeout(3000) })
    return res.ok
  } catch {
    return false
  }
}

if (!(await reachable())) {
  console.log(`\n/api/starters throughput: skipped (no server at ${base}; set BENCH_URL or start one)`)
  process.exit(0)
}
const ids = STARTERS.map((g) => g.id)
let sent = 0
let bytes = 0
let failures = 0
const t0 = performance.now()
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (sent < REQUESTS) {
      const id = ids[sent++ % ids.length]
      const res = await fetch(`${base}/api/starters/${id}.zip`)
      if (!res.ok) failures++
      bytes += (await res.arrayBuffer()).byteLength
    }
  }),
)
const seconds = (performance.now() - t0) / 1000
console.log(`\n/api/starters/<id>.zip: ${REQUESTS} requests, concurrency ${CONCURRENCY}, ${seconds.toFixed(2)} s`)
console.log(`  ${(REQUESTS / seconds).toFixed(1)} zips/s, ${(bytes / 1024 / 1024 / seconds).toFixed(2)} MiB/s, ${failures} failures`)
process.exit(failures ? 1 : 0)
