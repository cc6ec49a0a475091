// `npm run bench:first-load [paths…]`: first-load JavaScript per route as a browser sees it, next to
// a hello-world Next.js page built with the same next/react versions in the same run
// (scripts/bench/servers.mjs). Serves the production build (NEXT_DIST_DIR, built when missing) on
// BENCH_PORT and the floor on BENCH_PORT+1, opens each path in Debian's Chromium with an empty
// cache until the network is idle, and sums the JavaScript responses: bytes on the wire
// (compressed, with headers) and decoded. Exits 1 when a page is over its JS budget.
import { chromium } from "@playwright/test"

import { JS_BUDGET, fmtRatio, kB, markdownTable, pagesFromArgs, ratio } from "./bench/budgets.mjs"
import { loadAverage, startAppAndFloor } from "./bench/servers.mjs"

const port = Number(process.env.BENCH_PORT ?? 3190)
const pages = pagesFromArgs(process.argv.slice(2))

const servers = await startAppAndFloor({ port })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
})

/** JS files, wire bytes and decoded bytes of one cold page load. */
async function measure(url) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const client = await context.newCDPSession(page)
  await client.send("Network.enable")
  await client.send("Network.setCacheDisabled", { cacheDisabled: true })
  const scripts = new Map()
  client.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.set(e.requestId, { url: e.response.url, wire: 0, raw: 0 })
  })
  client.on("Network.loadingFinished", (e) => {
    const entry = scripts.get(e.requestId)
    if (entry) entry.wire = e.encodedDataLength
  })
  client.on("Network.dataReceived", (e) => {
    const entry = scripts.get(e.requestId)
    if (entry) entry.raw += e.dataLength
  })
  await page.goto(url, { waitUntil: "networkidle" })
  await context.close()
  const files = [...scripts.values()]
  return { files: files.length, wire: files.reduce((a, s) => a + s.wire, 0), raw: files.reduce((a, s) => a + s.raw, 0), list: files }
}

const floor = await measure(`${servers.floor.base}/`)
const rows = [{ page: "hello-world floor", path: "/", ...floor, ratio: 1, budget: "", ok: true }]
for (const p of pages) {
  const m = await measure(`${servers.app.base}${p.path}`)
  const r = ratio(m.wire, floor.wire)
  rows.push({ page: p.label, path: p.path, ...m, ratio: r, budget: `≤ ${JS_BUDGET[p.kind]}×`, ok: r <= JS_BUDGET[p.kind] })
  if (process.env.BENCH_VERBOSE) for (const f of m.list) console.log(`  ${p.path} ${f.url.replace(servers.app.base, "")} ${f.wire} ${f.raw}`)
}
await browser.close()
servers.stop()

console.log(`\nFirst-load JavaScript (cold cache, until network idle); load average ${loadAverage()}`)
console.log(
  markdownTable(
    ["page", "path", "JS files", "JS transferred", "decoded", "÷ hello-world", "budget", "ok"],
    rows.map((r) => ({
      page: r.page,
      path: r.path,
      "JS files": r.files,
      "JS transferred": kB(r.wire),
      decoded: kB(r.raw),
      "÷ hello-world": fmtRatio(r.ratio),
      budget: r.budget,
      ok: r.budget ? (r.ok ? "yes" : "**no**") : "",
    })),
    { left: 2 },
  ),
)
process.exit(rows.every((r) => r.ok) ? 0 : 1)
