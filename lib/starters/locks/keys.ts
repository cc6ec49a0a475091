// How a generated project's dependency set is named, so its pinned go.sum / package-lock.json can
// be found: the go.mod without its module line, and package.json's dependency fields. Shared by
// the generator (lookup), the lock script (scripts/starters-lock.mjs) and the staleness test.
import type { StarterFile } from "../types"

/** go.mod without the `module` line: the requirements, tool and replace directives. */
export function goModInput(goMod: string): string {
  return goMod.replace(/^module [^\n]*\n+/, "")
}

/** The module path declared by a go.mod. */
export function goModulePath(goMod: string): string {
  return /^module (\S+)/.exec(goMod)?.[1] ?? ""
}

const IMPORT_BLOCK = /^import\s*\(([\s\S]*?)^\)/gm
const IMPORT_LINE = /^import\s+(?:[A-Za-z_.][A-Za-z0-9_]*\s+)?"([^"]+)"/gm

/**
 * Packages outside the standard library and outside the project's own module that the project's
 * Go files (tests included) import, sorted: what the locked go.sum has to cover.
 */
export function goExternalImports(files: readonly StarterFile[], module: string): string[] {
  const found = new Set<string>()
  for (const f of files) {
    if (!f.path.endsWith(".go")) continue
    const paths: string[] = []
    for (const m of f.content.matchAll(IMPORT_BLOCK)) {
      for (const q of m[1]!.matchAll(/"([^"]+)"/g)) paths.push(q[1]!)
    }
    for (const m of f.content.matchAll(IMPORT_LINE)) paths.push(m[1]!)
    for (const p of paths) {
      const first = p.split("/")[0]!
      if (!first.includes(".")) continue // standard library
      if (p === module || p.startsWith(`${module}/`)) continue
      found.add(p)
    }
  }
  return [...found].sort()
}

type PackageJson = {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  engines?: Record<string, string>
}

/** The fields of package.json that decide package-lock.json (names, scripts and bin do not). */
export function npmInput(packageJson: string): string {
  const pkg = JSON.parse(packageJson) as PackageJson
  return JSON.stringify({
    dependencies: pkg.dependencies ?? {},
    devDependencies: pkg.devDependencies ?? {},
    optionalDependencies: pkg.optionalDependencies ?? {},
    peerDependencies: pkg.peerDependencies ?? {},
  })
}
