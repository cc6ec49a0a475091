// `npm run bench:lighthouse [paths…]`: Lighthouse (mobile, the default form factor) performance
// and accessibility scores per route, run with Debian's Chromium against the production build.
// Uses NEXT_DIST_DIR's build (builds it when missing) and serves it on BENCH_PORT; with
// BENCH_BASE_URL set, measures an already running server instead.
import { spawn, spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import path from "node:path"

const root = path.resolve(import.meta.dirname, "..")
const port = Number(process.env.BENCH_PORT ?? 3191)
const distDir = process.env.NEXT_DIST_DIR ?? ".next"
const chromePath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ["/en", "/en/mechanisms/validating-admission-policy"]
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir, CHROME_PATH: chromePath }

let base = process.env.BENCH_BASE_URL
let server
if (!base) {
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: root, env, stdio: "ignore", detached: true })
  base = `http://127.0.0.1:${port}`
}
const stopServer = () => {
  if (!server) return
  try {
    process.kill(-server.pid, "SIGTERM")
  } catch {
    // already gone
  }
}
process.on("exit", stopServer)

let up = false
for (let i = 0; i < 120 && !up; i++) {
  try {
    up = (await fetch(`${base}${paths[0]}`)).ok
  } catch {
    await new Promise((r) => setTimeout(r, 500))
  }
}
if (!up) {
  console.error(`No server answered at ${base}${paths[0]}`)
  process.exit(1)
}

const ms = (audit) => (audit?.numericValue === undefined ? "-" : `${Math.round(audit.numericValue)}`)
const rows = []
for (const route of paths) {
  const url = `${base}${route}`
  // Warm the route once so the score measures serving, not the first on-demand render.
  await fetch(url).catch(() => {})
  const run = spawnSync(
    "npx",
    [
      "lighthouse",
      url,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      "--only-categories=performance,accessibility",
      "--output=json",
      "--output-path=stdout",
      "--quiet",
    ],
    { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  )
  if (run.status !== 0) {
    console.error(`lighthouse failed for ${route}:\n${run.stderr}`)
    process.exitCode = 1
    continue
  }
  const report = JSON.parse(run.stdout)
  const a = report.audits
  const failedA11y = Object.values(a).filter(
    (x) => x.scoreDisplayMode === "binary" && x.score === 0 && report.categories.accessibility.auditRefs.some((r) => r.id === x.id),
  )
  rows.push({
    route,
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    "FCP ms": ms(a["first-contentful-paint"]),
    "LCP ms": ms(a["largest-contentful-paint"]),
    "TBT ms": ms(a["total-blocking-time"]),
    CLS: a["cumulative-layout-shift"]?.numericValue?.toFixed(3) ?? "-",
    "a11y failures": failedA11y.map((x) => x.id).join(", ") || "none",
  })
}
console.log(`Lighthouse ${rows.length ? "(mobile)" : ""} against ${base}`)
console.table(rows)
stopServer()
