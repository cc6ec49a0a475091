// `npm run bench:first-load [paths…]`: first-load JavaScript per route, as a browser sees it.
// Serves the production build, opens each path in Debian's Chromium with an empty cache and
// sums the JavaScript responses (bytes on the wire, i.e. compressed, and decoded).
import { spawn, spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import path from "node:path"

import { chromium } from "@playwright/test"

const root = path.resolve(import.meta.dirname, "..")
const port = Number(process.env.BENCH_PORT ?? 3190)
const distDir = process.env.NEXT_DIST_DIR ?? ".next"
const paths = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ["/en", "/zh-CN", "/en/mechanisms/validating-admission-policy", "/en/advisor", "/en/starters", "/en/starters/custom-resource-definition", "/en/cluster"]

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir }
if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
  const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: root, env, stdio: "ignore", detached: true })
const stopServer = () => {
  try {
    process.kill(-server.pid, "SIGTERM")
  } catch {
    // already gone
  }
}
process.on("exit", stopServer)

const base = `http://127.0.0.1:${port}`
for (let i = 0; i < 120; i++) {
  try {
    if ((await fetch(`${base}/en`)).ok) break
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 500))
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
})

const kb = (n) => (n / 1024).toFixed(1).padStart(8)
console.log(`${"route".padEnd(48)} ${"JS files".padStart(8)} ${"wire kB".padStart(8)} ${"raw kB".padStart(8)}`)
for (const route of paths) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const client = await context.newCDPSession(page)
  await client.send("Network.enable")
  await client.send("Network.setCacheDisabled", { cacheDisabled: true })
  const scripts = new Map()
  client.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.set(e.requestId, { wire: 0, raw: 0 })
  })
  client.on("Network.loadingFinished", (e) => {
    const entry = scripts.get(e.requestId)
    if (entry) entry.wire = e.encodedDataLength
  })
  client.on("Network.dataReceived", (e) => {
    const entry = scripts.get(e.requestId)
    if (entry) entry.raw += e.dataLength
  })
  await page.goto(`${base}${route}`, { waitUntil: "networkidle" })
  const totals = [...scripts.values()].reduce((a, s) => ({ wire: a.wire + s.wire, raw: a.raw + s.raw }), { wire: 0, raw: 0 })
  console.log(`${route.padEnd(48)} ${String(scripts.size).padStart(8)} ${kb(totals.wire)} ${kb(totals.raw)}`)
  await context.close()
}
await browser.close()
stopServer()
process.exit(0)
