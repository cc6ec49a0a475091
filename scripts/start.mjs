// `npm start`: build the production app when there is no build (or it is older than the
// sources), then serve it behind the HTTP guard (scripts/http-guard.mjs: 400/405 with security
// headers for what Next cannot answer, HSTS when HSTS_MAX_AGE is set). Works with no cluster configured.
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync, statSync } from "node:fs"
import path from "node:path"

const root = path.resolve(import.meta.dirname, "..")
const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID")
const SOURCE_DIRS = ["app", "components", "content", "lib", "messages", "i18n", "public"]
const SOURCE_FILES = ["next.config.js", "package-lock.json", "proxy.ts", "mdx-components.tsx", "scripts/http-guard.mjs"]

function newestMtime(target) {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

const sourcesMtime = Math.max(
  ...SOURCE_DIRS.map((d) => newestMtime(path.join(root, d))),
  ...SOURCE_FILES.map((f) => newestMtime(path.join(root, f)))
)
const needsBuild = !existsSync(buildId) || statSync(buildId).mtimeMs < sourcesMtime

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }
const run = (args, extraEnv = {}) => {
  const result = spawnSync("npx", args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (needsBuild) run(["next", "build"])
const port = process.env.PORT ?? "3000"
console.log(`Serving on http://localhost:${port}/ (set KUBECONFIG to inspect a cluster)`)
// The guard is preloaded into the server process (and only there, not into the build).
const guard = JSON.stringify(path.join(root, "scripts", "http-guard-preload.mjs"))
const nodeOptions = [process.env.NODE_OPTIONS, `--import=${guard}`].filter(Boolean).join(" ")
run(["next", "start", "-p", port, ...(process.env.HOSTNAME ? ["-H", process.env.HOSTNAME] : [])], { NODE_OPTIONS: nodeOptions })
