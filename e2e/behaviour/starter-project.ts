// Helpers for behaviour tests of generated starters: write a starter to disk exactly as the zip
// would unpack, run its README commands, and build the real components the tests need from the
// Go module proxy (reference CNI plugins, csi-sanity, the kubelet's credential-provider code).
// Builds go to .cache/behaviour/bin and are reused while their version stays the same.
import { spawnSync, type SpawnSyncReturns } from "node:child_process"
import { existsSync, mkdirSync } from "node:fs"
import path from "node:path"
import { goEnv } from "../../scripts/go-env.mjs"
import { unpackStarter } from "./starter"

export const repoRoot = path.resolve(import.meta.dirname, "..", "..")
export const behaviourCache = path.join(repoRoot, ".cache", "behaviour")
export const toolBin = path.join(behaviourCache, "bin")

/**
 * Go settings for building starters: the shared test-tier Go env (scripts/go-env.mjs: static,
 * -trimpath, -p=2), so k8s.io packages compiled for the control plane and the starters tier come
 * from the build cache. -mod=readonly: the zip's go.sum must suffice, as for a user.
 */
export const GO_ENV = goEnv("-mod=readonly")

export type Run = SpawnSyncReturns<string> & { text: string }

export function run(cmd: string, args: readonly string[], opts: { cwd: string; env?: Record<string, string>; timeoutMs?: number } = { cwd: repoRoot }): Run {
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd,
    encoding: "utf8",
    env: { ...process.env, ...opts.env },
    timeout: opts.timeoutMs ?? 20 * 60_000,
    maxBuffer: 64 << 20,
  })
  return Object.assign(r, { text: `${r.stdout ?? ""}${r.stderr ?? ""}` })
}

/** Runs and throws with the output on a non-zero exit. */
export function mustRun(cmd: string, args: readonly string[], opts: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Run {
  const r = run(cmd, args, opts)
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} (in ${opts.cwd}) exited ${r.status ?? r.signal}:\n${r.text.slice(-6000)}`)
  return r
}

/** The starter as a user downloads and unpacks it (see ./starter.ts). */
export function writeStarter(id: string, options: Record<string, unknown> = {}): string {
  return unpackStarter(id, options).dir
}

/** `go install pkg@version` into .cache/behaviour/bin/<version>/ unless the binary is there. */
export function goInstall(pkg: string, version: string): string {
  const dir = path.join(toolBin, version)
  const bin = path.join(dir, path.basename(pkg))
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true })
    mustRun("go", ["install", `${pkg}@${version}`], { cwd: behaviourCache, env: { ...goEnv(), GOBIN: dir } })
  }
  return bin
}

/**
 * e2e/kubelet-check: the kubelet's credential-provider code (k8s.io/kubernetes v1.37.2, same
 * pins and -trimpath as the e2e/cluster build, so its packages come from the shared build cache).
 */
export function kubeletCheck(): string {
  const bin = path.join(toolBin, "kubelet-check")
  mustRun("go", ["build", "-buildvcs=false", "-o", bin, "."], {
    cwd: path.join(repoRoot, "e2e", "kubelet-check"),
    env: goEnv(),
  })
  return bin
}

export const isRoot = typeof process.getuid === "function" && process.getuid() === 0

/** Counts "--- PASS: Name" / "--- SKIP: Name" lines of `go test -v` output. */
export function goTestVerdicts(output: string): Record<string, "PASS" | "FAIL" | "SKIP"> {
  const out: Record<string, "PASS" | "FAIL" | "SKIP"> = {}
  for (const m of output.matchAll(/^\s*--- (PASS|FAIL|SKIP): (\S+)/gm)) out[m[2]!] = m[1] as "PASS" | "FAIL" | "SKIP"
  return out
}
