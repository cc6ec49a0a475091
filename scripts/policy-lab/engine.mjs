#!/usr/bin/env node
// The policy lab's evaluator: Kubernetes' own Go libraries (k8s.io/apiserver, apiextensions,
// kubernetes/pkg/apis) compiled to WebAssembly. The build output is committed in engine/dist/ so
// `npm install && npm start` needs only Node; this script rebuilds it and checks it is current.
//
//   node scripts/policy-lab/engine.mjs vendor   refresh engine/internal/* from the Go module cache
//   node scripts/policy-lab/engine.mjs build    vendor, build, compress → engine/dist/ (+ manifest)
//   node scripts/policy-lab/engine.mjs check    rebuild into .cache/ and fail if engine/dist is stale
//
// Reproducible: -trimpath, -buildvcs=false, -ldflags="-s -w", GOTOOLCHAIN=local; the manifest
// records the Go version, the sha256 of the raw module and a hash of every Go source and go.sum.
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import path from "node:path"
import zlib from "node:zlib"
import { fileURLToPath, pathToFileURL } from "node:url"

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const engineDir = path.join(repoRoot, "engine")
export const distDir = path.join(engineDir, "dist")
export const manifestPath = path.join(distDir, "manifest.json")
export const brotliName = "policy-lab-engine.wasm.br"
// Served as a static file with Content-Encoding: br (next.config.js headers); route handlers
// cannot set Content-Encoding.
export const brotliPath = path.join(repoRoot, "public", "engine", brotliName)
const cacheDir = path.join(repoRoot, ".cache", "policy-lab")
const GOTOOLCHAIN = process.env.GOTOOLCHAIN || "local"
const BUILD_FLAGS = ["-trimpath", "-p=2", "-buildvcs=false", "-ldflags=-s -w"]
const env = { ...process.env, GOTOOLCHAIN, GOFLAGS: "-mod=mod", GOOS: "js", GOARCH: "wasm" }

const go = (args, opts = {}) =>
  execFileSync("go", args, { cwd: engineDir, encoding: "utf8", env: { ...process.env, GOTOOLCHAIN, GOFLAGS: "-mod=mod" }, stdio: ["ignore", "pipe", "inherit"], ...opts })

// Upstream files copied (not imported) because their packages pull in client libraries that would
// add tens of MB to the module; each copy differs from upstream only by the rewrites listed here.
const VENDORED = [
  {
    module: "k8s.io/apiextensions-apiserver",
    files: ["pkg/apis/apiextensions/validation/validation.go", "pkg/apis/apiextensions/validation/cel_validation.go"],
    to: "internal/crdvalidation",
    rewrite: (s) => s.replace('"k8s.io/apiserver/pkg/util/webhook"', 'webhook "github.com/k8s-extension-advisor/engine/internal/webhookvalidation"'),
  },
  {
    module: "k8s.io/apiserver",
    files: ["pkg/util/webhook/validation.go"],
    to: "internal/webhookvalidation",
    rewrite: (s) => s,
  },
  {
    module: "k8s.io/client-go",
    files: ["applyconfigurations/internal/internal.go"],
    to: "internal/smdschema",
    rewrite: (s) => s.replace(/^package internal$/m, "package smdschema"),
  },
]

function moduleDir(mod) {
  return go(["list", "-m", "-f", "{{.Dir}}\t{{.Version}}", mod]).trim().split("\t")
}

export function vendoredSources() {
  const out = []
  for (const v of VENDORED) {
    const [dir, version] = moduleDir(v.module)
    for (const f of v.files) {
      const src = readFileSync(path.join(dir, f), "utf8")
      const header = `// Code vendored by scripts/policy-lab/engine.mjs from ${v.module}@${version}/${f}. DO NOT EDIT.\n\n`
      out.push({ path: path.join(engineDir, v.to, path.basename(f)), content: header + v.rewrite(src) })
    }
  }
  return out
}

function vendor() {
  for (const { path: p, content } of vendoredSources()) {
    mkdirSync(path.dirname(p), { recursive: true })
    writeFileSync(p, content)
  }
}

function walk(dir, acc = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "dist" || e.name.startsWith(".")) continue
    const full = path.join(dir, e.name)
    if (e.isDirectory()) walk(full, acc)
    else if ((e.name.endsWith(".go") && !e.name.endsWith("_test.go")) || e.name === "go.mod" || e.name === "go.sum") acc.push(full)
  }
  return acc.sort()
}

export function goVersion() {
  return execFileSync("go", ["env", "GOVERSION"], { encoding: "utf8", env: { ...process.env, GOTOOLCHAIN } }).trim()
}

export function sourceHash() {
  const h = createHash("sha256")
  for (const f of walk(engineDir)) {
    h.update(path.relative(engineDir, f) + "\0")
    h.update(readFileSync(f))
  }
  h.update(`${goVersion()}\0${BUILD_FLAGS.join(" ")}`)
  return h.digest("hex")
}

const sha256 = (buf) => createHash("sha256").update(buf).digest("hex")

function buildWasm(out) {
  mkdirSync(path.dirname(out), { recursive: true })
  const started = Date.now()
  execFileSync("go", ["build", ...BUILD_FLAGS, "-o", out, "./cmd/policy-lab-engine"], { cwd: engineDir, env, stdio: "inherit" })
  return (Date.now() - started) / 1000
}

function compress(buf) {
  return zlib.brotliCompressSync(buf, {
    params: {
      // Quality 9: within 5 % of 11 at a tenth of the CPU time (about 15 s for this module).
      [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  })
}

function moduleVersion(mod) {
  return moduleDir(mod)[1]
}

function build() {
  vendor()
  const raw = path.join(cacheDir, "policy-lab-engine.wasm")
  const seconds = buildWasm(raw)
  const wasm = readFileSync(raw)
  const t0 = Date.now()
  const br = compress(wasm)
  const brotliSeconds = (Date.now() - t0) / 1000
  const gzipBytes = zlib.gzipSync(wasm, { level: 6 }).length
  mkdirSync(distDir, { recursive: true })
  mkdirSync(path.dirname(brotliPath), { recursive: true })
  writeFileSync(brotliPath, br)
  const goroot = execFileSync("go", ["env", "GOROOT"], { encoding: "utf8", env: { ...process.env, GOTOOLCHAIN } }).trim()
  copyFileSync(path.join(goroot, "lib", "wasm", "wasm_exec.js"), path.join(distDir, "wasm_exec.js"))
  const manifest = {
    note: "Generated by scripts/policy-lab/engine.mjs build. Checked by the policy-lab test tier.",
    go: goVersion(),
    kubernetes: moduleVersion("k8s.io/kubernetes"),
    celGo: moduleVersion("github.com/google/cel-go"),
    buildFlags: BUILD_FLAGS,
    sourceHash: sourceHash(),
    wasm: { bytes: wasm.length, sha256: sha256(wasm) },
    brotli: { file: `public/engine/${brotliName}`, bytes: br.length, sha256: sha256(br) },
    gzipBytes,
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n")
  console.log(`engine: ${(wasm.length / 1e6).toFixed(1)} MB raw, ${(gzipBytes / 1e6).toFixed(1)} MB gzip, ${(br.length / 1e6).toFixed(1)} MB brotli (build ${seconds}s, brotli ${brotliSeconds}s)`)
}

/** Problems that make engine/dist stale; [] when current. Rebuilds the module when Go matches. */
export function check({ rebuild = true } = {}) {
  const problems = []
  if (!existsSync(manifestPath)) return ["engine/dist/manifest.json is missing: run `node scripts/policy-lab/engine.mjs build`"]
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"))
  for (const { path: p, content } of vendoredSources()) {
    if (!existsSync(p) || readFileSync(p, "utf8") !== content) problems.push(`${path.relative(repoRoot, p)} differs from the module cache copy`)
  }
  const br = readFileSync(brotliPath)
  if (sha256(br) !== manifest.brotli.sha256) problems.push(`${brotliName} does not match the manifest`)
  const wasm = zlib.brotliDecompressSync(br)
  if (sha256(wasm) !== manifest.wasm.sha256) problems.push(`${brotliName} does not decompress to the module in the manifest`)
  const local = goVersion()
  const hash = sourceHash()
  if (local === manifest.go && hash !== manifest.sourceHash) problems.push("engine sources changed since engine/dist was built")
  if (local !== manifest.go) {
    // Other Go versions produce other bytes; the source hash then cannot be compared either.
    console.warn(`engine check: local ${local} differs from ${manifest.go} used for engine/dist; comparing sources only`)
  }
  if (rebuild && local === manifest.go) {
    const out = path.join(cacheDir, "check", "policy-lab-engine.wasm")
    rmSync(out, { force: true })
    buildWasm(out)
    const rebuilt = readFileSync(out)
    if (sha256(rebuilt) !== manifest.wasm.sha256) problems.push(`a fresh build (${sha256(rebuilt).slice(0, 12)}) differs from engine/dist (${manifest.wasm.sha256.slice(0, 12)})`)
  }
  return problems
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cmd = process.argv[2]
  if (cmd === "vendor") vendor()
  else if (cmd === "build") build()
  else if (cmd === "check") {
    const problems = check()
    if (problems.length) {
      console.error(`engine/dist is stale:\n  ${problems.join("\n  ")}\nrun: node scripts/policy-lab/engine.mjs build`)
      process.exit(1)
    }
    console.log("engine/dist is current")
  } else {
    console.error("usage: engine.mjs vendor|build|check")
    process.exit(2)
  }
}

export { statSync }
