// The pinned lockfiles (lib/starters/locks) must cover every starter the verifier builds: the
// same go.mod / package.json input, every imported package, the current Go version. When this
// fails, run `npm run starters:lock` and review the diff.
import { describe, expect, it } from "vitest"
import { generate, STARTERS } from "../registry"
import { goLockFor, npmLockFor } from "./index"
import { goLockInputOf, npmLockInputOf, unlockedProjects } from "./inputs"
import { GO_VERSION } from "../go-versions"

const STALE = "stale starter lock data: run `npm run starters:lock`"

describe("starter lockfiles", () => {
  for (const { project, output } of unlockedProjects()) {
    const goInput = goLockInputOf(output)
    const npmInput = npmLockInputOf(output)
    if (!goInput && !npmInput) continue
    it(`${project} has a pinned go.sum / package-lock.json covering its imports`, () => {
      if (goInput) {
        const goMod = output.files.find((f) => f.path === "go.mod")!.content
        const lock = goLockFor(goMod)
        expect(lock, `${project}: no go.sum for this go.mod (${STALE})`).toBeDefined()
        expect(goInput.imports.filter((i) => !lock!.imports.includes(i)), `${project}: imports missing from the lock (${STALE})`).toEqual([])
        expect(lock!.goMod).toMatch(new RegExp(`^go ${GO_VERSION.replace(".", "\\.")}\\b`))
      }
      if (npmInput) {
        const pkg = output.files.find((f) => f.path === "package.json")!.content
        expect(npmLockFor(pkg), `${project}: no package-lock.json for this package.json (${STALE})`).toBeDefined()
      }
    })
  }

  it("the zip carries go.sum next to go.mod and package-lock.json next to package.json, named after the project", () => {
    for (const g of STARTERS) {
      for (const v of [{ options: {} }, ...g.variants]) {
        const r = generate(g.id, v.options)
        if (!r.ok) throw new Error(JSON.stringify(r.errors))
        const paths = r.value.files.map((f) => f.path)
        if (paths.includes("go.mod")) expect(paths, g.id).toContain("go.sum")
        const pkg = r.value.files.find((f) => f.path === "package.json")
        if (pkg) {
          const lock = r.value.files.find((f) => f.path === "package-lock.json")
          expect(lock, g.id).toBeDefined()
          const l = JSON.parse(lock!.content) as { name: string; packages: Record<string, { name?: string }> }
          const p = JSON.parse(pkg.content) as { name: string }
          expect(l.name).toBe(p.name)
          expect(l.packages[""]?.name).toBe(p.name)
        }
      }
    }
  })
})
