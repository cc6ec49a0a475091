// Shared by the bench:* scripts: our production build and the hello-world floor, each served by
// its own `next start`, so every budget is a ratio to a reference measured in the same run.
//
// The floor is a minimal App Router app (one layout, one page, no client components) generated
// under .cache/bench-floor and built with this repository's own `next`, `react` and `react-dom`
// (it resolves them from ../../node_modules), so it moves with every upgrade.
import { spawn, spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"

export const root = path.resolve(import.meta.dirname, "..", "..")
export const floorDir = path.join(root, ".cache", "bench-floor")
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next")

const FLOOR_FILES = {
  "package.json": `${JSON.stringify({ name: "bench-floor", private: true, type: "module" }, null, 2)}\n`,
  // Next's defaults (compression on), like ours; only telemetry and the header are off.
  "next.config.mjs": `export default { poweredByHeader: false, turbopack: { root: ${JSON.stringify(root)} } }\n`,
  "app/layout.jsx": `export const metadata = { title: "Hello, world", description: "The floor page of the benchmarks." }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
`,
  "app/page.jsx": `export default function Page() {
  return (
    <main>
      <h1>Hello, world!</h1>
      <p>A hello-world Next.js page: the floor every budget is measured against.</p>
    </main>
  )
}
`,
}

const benchEnv = (distDir) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir })

function packageVersion(name) {
  return JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version
}

/** next, react and react-dom as this repository has them installed. */
export function frameworkVersions() {
  return { next: packageVersion("next"), react: packageVersion("react"), "react-dom": packageVersion("react-dom") }
}

/** Builds our app into `distDir` unless a build is there already (BENCH_REBUILD=1 forces one). */
export function ensureAppBuild(distDir = process.env.NEXT_DIST_DIR ?? ".next") {
  if (process.env.BENCH_REBUILD !== "1" && existsSync(path.join(root, distDir, "BUILD_ID"))) return
  console.log(`[bench] building the app into ${distDir} …`)
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: benchEnv(distDir) })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

/** Writes and builds the hello-world floor app; rebuilt when its files or the framework versions change. */
export function ensureFloorBuild() {
  const stamp = createHash("sha256").update(JSON.stringify({ FLOOR_FILES, versions: frameworkVersions() })).digest("hex")
  const stampFile = path.join(floorDir, ".next", "bench-stamp")
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return
  rmSync(floorDir, { recursive: true, force: true })
  for (const [file, text] of Object.entries(FLOOR_FILES)) {
    mkdirSync(path.dirname(path.join(floorDir, file)), { recursive: true })
    writeFileSync(path.join(floorDir, file), text)
  }
  console.log(`[bench] building the hello-world floor (next ${frameworkVersions().next}) in ${path.relative(root, floorDir)} …`)
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: floorDir, stdio: "inherit", env: benchEnv(".next") })
  if (build.status !== 0) process.exit(build.status ?? 1)
  writeFileSync(stampFile, stamp)
}

async function waitUntilUp(url, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
      await res.arrayBuffer()
      if (res.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`)
}

const running = new Set()
function stopAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {
      // already gone
    }
  }
  running.clear()
}
process.on("exit", stopAll)
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopAll()
    process.exit(130)
  })
}

/**
 * `next start` for a built app; resolves once `readyPath` answers 200. Stopped when this
 * process exits, or with the returned stop().
 */
export async function startNext({ cwd, distDir, port, readyPath = "/", env = {} }) {
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd,
    env: { ...benchEnv(distDir), ...env },
    stdio: "ignore",
    detached: true,
  })
  running.add(child)
  const base = `http://127.0.0.1:${port}`
  await waitUntilUp(`${base}${readyPath}`, child)
  return {
    base,
    stop() {
      running.delete(child)
      try {
        process.kill(-child.pid, "SIGTERM")
      } catch {
        // already gone
      }
    },
  }
}

/**
 * Our app and the floor, built when needed and served side by side (app on `port`, floor on
 * `port + 1`). Ours runs as `npm start` runs it: with the HTTP guard and the response cache
 * preloaded (security headers on every response; stored answers from memory, see
 * scripts/response-cache.mjs); the floor is a plain `next start`.
 */
export async function startAppAndFloor({ port, readyPath = "/en", appEnv = {} }) {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next"
  ensureAppBuild(distDir)
  ensureFloorBuild()
  const guard = path.join(root, "scripts", "http-guard-preload.mjs")
  const nodeOptions = [process.env.NODE_OPTIONS, existsSync(guard) ? `--import=${JSON.stringify(guard)}` : ""].filter(Boolean).join(" ")
  const [app, floor] = await Promise.all([
    startNext({ cwd: root, distDir, port, readyPath, env: { NODE_OPTIONS: nodeOptions, ...appEnv } }),
    startNext({ cwd: floorDir, distDir: ".next", port: port + 1 }),
  ])
  return { app, floor, stop: () => (app.stop(), floor.stop()) }
}

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (s.length === 0) return NaN
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

export function loadAverage() {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")
  } catch {
    return "unknown"
  }
}
