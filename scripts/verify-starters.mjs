// "starters" test tier: generates every starter (default options + each CI variant) into
// .cache/starters/<id>-<variant>/ and builds, vets and tests it like a user would:
//   Go:         go mod tidy, go build ./..., go vet ./..., go test ./..., gofmt -l
//   TypeScript: npm install (shared cache, offline-preferring), tsc --noEmit, npm test
//   config/:    strict decoding with the owning component's Go types (e2e/config-checker)
//   scripts:    bash -n
// Writes .cache/test-reports/starters.json ({ numPassedTests, numFailedTests, results }) and
// exits non-zero on any failure.
// Usage: node scripts/verify-starters.mjs [--only id,id] [--jobs N] [--emit-only]
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, chmodSync } from "node:fs"
import path from "node:path"
import { tsImport } from "tsx/esm/api"

const root = path.resolve(import.meta.dirname, "..")
const outRoot = path.join(root, ".cache", "starters")
const reportFile = path.join(root, ".cache", "test-reports", "starters.json")
// npm's per-user cache (~/.npm) is shared with the project's own install, so most packages are
// already there; STARTERS_NPM_CACHE overrides it (e.g. a CI cache directory).
const npmCache = process.env.STARTERS_NPM_CACHE
const checkerBin = path.join(root, ".cache", "bin", "config-checker")

const args = process.argv.slice(2)
const argValue = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const only = argValue("--only")?.split(",").map((s) => s.trim())
const jobs = Number(argValue("--jobs") ?? process.env.STARTERS_JOBS ?? 2)
const emitOnly = args.includes("--emit-only")

const { STARTERS, generate } = await tsImport("../lib/starters/index.ts", import.meta.url)

// Files kept between runs so warm runs skip dependency resolution (regenerated projects are
// otherwise written from scratch).
const KEEP = new Set(["node_modules", "package-lock.json", "go.sum"])

function writeProject(dir, output) {
  if (existsSync(dir)) {
    for (const entry of readdirSync(dir)) if (!KEEP.has(entry)) rmSync(path.join(dir, entry), { recursive: true, force: true })
  }
  mkdirSync(dir, { recursive: true })
  for (const f of output.files) {
    const full = path.join(dir, f.path)
    mkdirSync(path.dirname(full), { recursive: true })
    writeFileSync(full, f.content)
    if (f.executable) chmodSync(full, 0o755)
  }
}

function run(cmd, argv, cwd, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    child.on("error", (err) => resolve({ code: -1, out: String(err), ms: Date.now() - started }))
    child.on("close", (code) => resolve({ code, out, ms: Date.now() - started }))
  })
}

const GO_ENV = { GOTOOLCHAIN: "local", GOFLAGS: "-mod=mod", CGO_ENABLED: "0" }
const NPM_ENV = { ...(npmCache ? { npm_config_cache: npmCache } : {}), npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" }

const results = []
function record(project, name, res, extraOk) {
  const ok = res.code === 0 && (extraOk ? extraOk(res) : true)
  results.push({
    name: `${project} › ${name}`,
    status: ok ? "passed" : "failed",
    durationMs: res.ms,
    ...(ok ? {} : { output: res.out.slice(-4000) }),
  })
  console.log(`${ok ? "  ok  " : "  FAIL"} ${project} › ${name} (${(res.ms / 1000).toFixed(1)}s)`)
  if (!ok) console.log(res.out.split("\n").slice(-40).map((l) => `        ${l}`).join("\n"))
  return ok
}

async function ensureChecker() {
  const src = path.join(root, "e2e", "config-checker")
  if (!existsSync(path.join(src, "go.mod"))) return false
  mkdirSync(path.dirname(checkerBin), { recursive: true })
  const res = await run("go", ["build", "-o", checkerBin, "."], src, GO_ENV)
  return record("config-checker", "go build", res)
}

function listFiles(dir, predicate, base = dir) {
  if (!existsSync(dir)) return []
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".git") continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(full, predicate, base))
    else if (predicate(full)) out.push(path.relative(base, full))
  }
  return out.sort()
}

async function verifyProject(project, dir, output, checkerOk) {
  const has = (p) => output.files.some((f) => f.path === p)
  for (const script of output.files.filter((f) => f.executable && f.path.endsWith(".sh"))) {
    record(project, `bash -n ${script.path}`, await run("bash", ["-n", script.path], dir))
  }
  if (has("go.mod")) {
    let tidy
    for (let attempt = 1; attempt <= 3; attempt++) {
      tidy = await run("go", ["mod", "tidy"], dir, GO_ENV)
      if (tidy.code === 0) break
    }
    if (record(project, "go mod tidy", tidy)) {
      if (record(project, "go build ./...", await run("go", ["build", "./..."], dir, GO_ENV))) {
        record(project, "go vet ./...", await run("go", ["vet", "./..."], dir, GO_ENV))
        record(project, "go test ./...", await run("go", ["test", "-count=1", "./..."], dir, GO_ENV))
      }
      record(project, "gofmt -l (no unformatted files)", await run("gofmt", ["-l", "."], dir), (r) => r.out.trim() === "")
    }
  }
  if (has("package.json")) {
    // Registry connections occasionally reset; retry before calling it a failure.
    let install
    for (let attempt = 1; attempt <= 3; attempt++) {
      install = await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], dir, NPM_ENV)
      if (install.code === 0) break
    }
    if (record(project, "npm install", install)) {
      record(project, "tsc --noEmit", await run("npx", ["--no-install", "tsc", "--noEmit"], dir, NPM_ENV))
      record(project, "npm test", await run("npm", ["test"], dir, NPM_ENV))
    }
  }
  const configs = listFiles(path.join(dir, "config"), (f) => /\.(ya?ml|kubeconfig)$/.test(f)).map((f) => path.join("config", f))
  if (configs.length) {
    if (!checkerOk) results.push({ name: `${project} › config-checker`, status: "failed", output: "config checker did not build" })
    else record(project, `config-checker ${configs.join(" ")}`, await run(checkerBin, configs, dir))
  }
}

const started = Date.now()
const checkerOk = emitOnly ? false : await ensureChecker()
const queue = []
for (const g of STARTERS) {
  if (only && !only.includes(g.id)) continue
  for (const v of [{ name: "default", options: {} }, ...g.variants]) {
    const r = generate(g.id, v.options)
    const project = `${g.id}-${v.name}`
    if (!r.ok) {
      results.push({ name: `${project} › generate`, status: "failed", output: JSON.stringify(r.errors) })
      continue
    }
    const dir = path.join(outRoot, project)
    writeProject(dir, r.value)
    queue.push({ project, dir, output: r.value })
  }
}
console.log(`verify-starters: ${queue.length} projects in ${path.relative(root, outRoot)} (jobs=${jobs})`)

if (!emitOnly) {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.max(1, jobs) }, async () => {
      while (next < queue.length) {
        const item = queue[next++]
        await verifyProject(item.project, item.dir, item.output, checkerOk)
      }
    }),
  )
}

const passed = results.filter((r) => r.status === "passed").length
const failed = results.length - passed
mkdirSync(path.dirname(reportFile), { recursive: true })
writeFileSync(
  reportFile,
  JSON.stringify({ numPassedTests: passed, numFailedTests: failed, durationMs: Date.now() - started, results }, null, 2),
)
console.log(`verify-starters: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(0)}s`)
process.exit(failed > 0 ? 1 : 0)
