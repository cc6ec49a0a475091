// Prerequisites of `npm test`, checked before any tier runs. What a tier needs beyond Node:
//   Go ≥ the version the test cluster's go.mod declares (cluster, starters, behaviour tiers)
//   Debian's Chromium (e2e: Playwright cannot download a browser here)
//   shellcheck (unit: generated shell scripts are linted), openssl (cluster certificates),
//   unzip (behaviour: starters are unpacked from their zip as a user would)
// Missing Debian packages are installed with apt-get when we run as root on a Debian/Ubuntu
// machine (printing what we do); otherwise we stop with the one command that fixes it.
// Usage: node scripts/prerequisites.mjs [--check] [tier,tier…]   (--check: report, install nothing)
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"

const root = path.resolve(import.meta.dirname, "..")

/** Tiers that need each prerequisite. */
const NEEDS = {
  go: ["cluster", "starters", "behaviour", "matrix", "policy-lab"],
  chromium: ["e2e"],
  shellcheck: ["unit", "starters", "behaviour"],
  openssl: ["cluster", "behaviour", "policy-lab"],
  unzip: ["behaviour"],
}

const DEBIAN_PACKAGES = { chromium: "chromium", shellcheck: "shellcheck", openssl: "openssl", unzip: "unzip" }

function onPath(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0
}

function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
}

/** "go1.26.8" → [1, 26, 8] */
function parseGoVersion(v) {
  const m = /^go(\d+)\.(\d+)(?:\.(\d+))?/.exec(v ?? "")
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined
}

function atLeast(have, want) {
  for (let i = 0; i < 3; i++) if (have[i] !== want[i]) return have[i] > want[i]
  return true
}

/** The Go version the test cluster module declares (the highest any of our Go builds needs). */
export function requiredGoVersion() {
  const mod = readFileSync(path.join(root, "e2e", "cluster", "go.mod"), "utf8")
  const m = /^go (\d+\.\d+(?:\.\d+)?)$/m.exec(mod)
  return m ? `go${m[1]}` : "go1.26.0"
}

function goProblem() {
  if (!onPath("go")) return "not installed"
  const res = spawnSync("go", ["env", "GOVERSION"], { encoding: "utf8", env: { ...process.env, GOTOOLCHAIN: "local" } })
  const have = parseGoVersion(res.stdout.trim())
  const want = requiredGoVersion()
  if (!have) return `unreadable version (${res.stderr.trim() || res.stdout.trim()})`
  if (!atLeast(have, parseGoVersion(want))) return `${res.stdout.trim()} is older than ${want}`
  return undefined
}

/** What is missing for the given tiers: [{ name, problem, debianPackage? }] */
export function missingPrerequisites(tiers) {
  const wanted = (name) => NEEDS[name].some((t) => tiers.includes(t))
  const missing = []
  if (wanted("go")) {
    const problem = goProblem()
    if (problem) missing.push({ name: "go", problem })
  }
  if (wanted("chromium") && !existsSync(chromiumPath())) {
    missing.push({ name: "chromium", problem: `no browser at ${chromiumPath()}`, debianPackage: DEBIAN_PACKAGES.chromium })
  }
  for (const name of ["shellcheck", "openssl", "unzip"]) {
    if (wanted(name) && !onPath(name)) missing.push({ name, problem: "not on PATH", debianPackage: DEBIAN_PACKAGES[name] })
  }
  return missing
}

function canInstallWithApt() {
  return process.platform === "linux" && typeof process.getuid === "function" && process.getuid() === 0 && onPath("apt-get")
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  console.log(`[prerequisites] installing Debian packages: ${packages.join(" ")} (apt-get update && apt-get install -y …)`)
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env })
  if (update.status !== 0) return false
  const install = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], { stdio: "inherit", env })
  return install.status === 0
}

/**
 * Installs Debian packages with apt-get when we run as root on a Debian/Ubuntu machine (printing
 * what we do); false when that is not possible or fails. For benches whose measurement needs a
 * package that no test tier does.
 */
export function installDebianPackages(packages) {
  return canInstallWithApt() && aptInstall(packages)
}

function fixFor(missing) {
  const lines = []
  const packages = missing.filter((m) => m.debianPackage).map((m) => m.debianPackage)
  if (packages.length) lines.push(`  sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}`)
  if (missing.some((m) => m.name === "go")) {
    lines.push(`  install Go ${requiredGoVersion().slice(2)} or newer from https://go.dev/dl/ and put it on PATH`)
  }
  if (missing.some((m) => m.name === "chromium")) {
    lines.push("  (or point CHROMIUM_PATH at another Chromium/Chrome binary)")
  }
  return lines.join("\n")
}

/**
 * Makes sure every prerequisite of `tiers` is present, installing Debian packages when allowed.
 * Returns true when everything is there; prints one message naming the fix otherwise.
 */
export function ensurePrerequisites(tiers, { install = true } = {}) {
  let missing = missingPrerequisites(tiers)
  if (missing.length === 0) return true
  const installable = missing.filter((m) => m.debianPackage).map((m) => m.debianPackage)
  if (install && installable.length && canInstallWithApt()) {
    if (aptInstall(installable)) missing = missingPrerequisites(tiers)
  }
  if (missing.length === 0) {
    console.log("[prerequisites] all present")
    return true
  }
  console.error(
    [
      "npm test cannot start: missing prerequisites",
      ...missing.map((m) => `  - ${m.name}: ${m.problem} (needed by the ${NEEDS[m.name].filter((t) => tiers.includes(t)).join(", ")} tier)`),
      "Fix:",
      fixFor(missing),
      "or run a subset without them, e.g. TEST_TIERS=typecheck,lint npm test",
    ].join("\n")
  )
  return false
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2)
  const check = args.includes("--check")
  const tiers = args.find((a) => !a.startsWith("--"))?.split(",") ?? Object.values(NEEDS).flat()
  process.exit(ensurePrerequisites(tiers, { install: !check }) ? 0 : 1)
}
