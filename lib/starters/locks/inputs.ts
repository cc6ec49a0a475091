// The dependency sets the lock data must cover: every starter's default options and CI variants,
// generated without locks and grouped by go.mod / package.json input.
import { STARTERS } from "../registry"
import type { StarterOutput } from "../types"
import { goExternalImports, goModInput, goModulePath, npmInput } from "./keys"

export type GoLockInput = { input: string; imports: string[]; projects: string[] }
export type NpmLockInput = { input: string; projects: string[] }

/** Every project the verifier builds, as generated (before locks are added). */
export function unlockedProjects(): { project: string; output: StarterOutput }[] {
  const out: { project: string; output: StarterOutput }[] = []
  for (const g of STARTERS) {
    for (const v of [{ name: "default", options: {} }, ...g.variants]) {
      out.push({ project: `${g.id}-${v.name}`, output: g.generate(g.schema.parse(v.options)) })
    }
  }
  return out
}

/** go.mod inputs and the external imports of every project using them. */
export function goLockInputOf(output: StarterOutput): { input: string; imports: string[] } | undefined {
  const goMod = output.files.find((f) => f.path === "go.mod")
  if (!goMod) return undefined
  return { input: goModInput(goMod.content), imports: goExternalImports(output.files, goModulePath(goMod.content)) }
}

export function npmLockInputOf(output: StarterOutput): string | undefined {
  const pkg = output.files.find((f) => f.path === "package.json")
  return pkg ? npmInput(pkg.content) : undefined
}

export function lockInputs(): { go: GoLockInput[]; npm: NpmLockInput[] } {
  const go = new Map<string, { imports: Set<string>; projects: string[] }>()
  const npm = new Map<string, string[]>()
  for (const { project, output } of unlockedProjects()) {
    const g = goLockInputOf(output)
    if (g) {
      const e = go.get(g.input) ?? { imports: new Set<string>(), projects: [] }
      for (const i of g.imports) e.imports.add(i)
      e.projects.push(project)
      go.set(g.input, e)
    }
    const n = npmLockInputOf(output)
    if (n) npm.set(n, [...(npm.get(n) ?? []), project])
  }
  return {
    go: [...go].map(([input, e]) => ({ input, imports: [...e.imports].sort(), projects: e.projects })),
    npm: [...npm].map(([input, projects]) => ({ input, projects })),
  }
}
