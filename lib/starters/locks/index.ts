// Pinned lockfiles for generated projects: go.sum (with the go.mod that `go mod tidy` wrote next
// to it) for every Go starter and package-lock.json for every TypeScript starter, so a downloaded
// zip builds with `-mod=readonly` / `npm ci` exactly as generated. The data is derived from the
// pins in go-versions.ts by `npm run starters:lock` and checked for staleness by locks.test.ts.
import type { StarterFile, StarterOutput } from "../types"
import { goModInput, npmInput } from "./keys"
import { GO_LOCKS, NPM_LOCKS } from "./manifest"

export type GoLock = {
  /** go.mod of the dependency set without its module line (the lookup key). */
  input: string
  /** Every external package the starters with this dependency set import (go.sum covers them). */
  imports: string[]
  /** go.mod after `go mod tidy`, without its module line. */
  goMod: string
  goSum: string
}

export type NpmLock = {
  /** npmInput(package.json): the lookup key. */
  input: string
  /** package-lock.json as npm wrote it for a project named "lockgen". */
  lock: { packages: Record<string, Record<string, unknown>> } & Record<string, unknown>
}

const goByInput = new Map<string, GoLock>((GO_LOCKS as GoLock[]).map((l) => [l.input, l]))
const npmByInput = new Map<string, NpmLock>((NPM_LOCKS as NpmLock[]).map((l) => [l.input, l]))

export function goLockFor(goMod: string): GoLock | undefined {
  return goByInput.get(goModInput(goMod))
}

export function npmLockFor(packageJson: string): NpmLock | undefined {
  return npmByInput.get(npmInput(packageJson))
}

// The root entry of package-lock.json mirrors package.json (npm's key order).
const ROOT_FIELDS = ["name", "version", "license", "dependencies", "bin", "devDependencies", "optionalDependencies", "peerDependencies", "engines"] as const

function packageLock(packageJson: string, lock: NpmLock): string {
  const pkg = JSON.parse(packageJson) as Record<string, unknown>
  const root: Record<string, unknown> = {}
  for (const k of ROOT_FIELDS) {
    const v = pkg[k]
    if (v !== undefined && !(typeof v === "object" && v !== null && Object.keys(v).length === 0)) root[k] = v
  }
  const { packages, ...head } = lock.lock
  const { "": _lockgen, ...rest } = packages
  void _lockgen
  const out = { ...head, name: pkg.name, version: pkg.version, packages: { "": root, ...rest } }
  return `${JSON.stringify(out, null, 2)}\n`
}

/**
 * Adds go.sum (and the tidy go.mod) and package-lock.json to a generated project when its
 * dependency set is pinned. Unpinned sets are left as generated (locks.test.ts makes sure every
 * starter's default and CI variants are pinned).
 */
export function withLocks(out: StarterOutput): StarterOutput {
  const has = (p: string) => out.files.some((f) => f.path === p)
  const files: StarterFile[] = []
  for (const f of out.files) {
    const goLock = f.path === "go.mod" && !has("go.sum") ? goLockFor(f.content) : undefined
    const npmLock = f.path === "package.json" && !has("package-lock.json") ? npmLockFor(f.content) : undefined
    if (goLock) {
      const module = /^module [^\n]*\n/.exec(f.content)![0]
      files.push({ path: "go.mod", content: `${module}\n${goLock.goMod}` }, { path: "go.sum", content: goLock.goSum })
    } else if (npmLock) {
      files.push(f, { path: "package-lock.json", content: packageLock(f.content, npmLock) })
    } else {
      files.push(f)
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { root: out.root, files }
}
