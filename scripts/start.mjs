// `npm start`: build the production app when there is no build (or it is older than the
// sources), then serve it. Works with no cluster configured.
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync, statSync } from "node:fs"
import path from "node:path"

const root = path.resolve(import.meta.dirname, "..")
const buildId = path.join(root, ".next", "BUILD_ID")
const SOURCE_DIRS = ["app", "components", "content", "lib", "messages", "i18n", "public"]
const SOURCE_FILES = ["next.config.js", "package-lock.json", "proxy.ts", "mdx-components.tsx"]

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
const run = (args) => {
  const result = spawnSync("npx", args, { cwd: root, stdio: "inherit", env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (needsBuild) run(["next", "build"])
const port = process.env.PORT ?? "3000"
console.log(`Serving on http://localhost:${port}/ (set KUBECONFIG to inspect a cluster)`)
run(["next", "start", "-p", port, ...(process.env.HOSTNAME ? ["-H", process.env.HOSTNAME] : [])])
