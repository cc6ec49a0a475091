// Golden files: the full output for the default options (and each CI variant) of every starter,
// one reviewable text file per option set. Update with `npx vitest run lib/starters -u`.
import { describe, expect, it } from "vitest"
import { generate, STARTERS } from "./registry"
import type { StarterOutput } from "./types"

// Lockfiles are pinned data (lib/starters/locks, checked by locks.test.ts): summarised here.
const LOCKFILES = new Set(["go.sum", "package-lock.json"])

function render(out: StarterOutput): string {
  return out.files
    .map((f) => {
      const body = LOCKFILES.has(f.path) ? `(pinned lockfile, ${f.content.split("\n").length - 1} lines)\n` : f.content
      return `===== ${out.root}/${f.path}${f.executable ? " (executable)" : ""}\n${body}`
    })
    .join("\n")
}

describe("golden starters", () => {
  for (const g of STARTERS) {
    for (const v of [{ name: "", options: {} }, ...g.variants]) {
      const label = v.name ? `${g.id}--${v.name}` : g.id
      it(label, async () => {
        const r = generate(g.id, v.options)
        if (!r.ok) throw new Error(JSON.stringify(r.errors))
        await expect(render(r.value)).toMatchFileSnapshot(`__golden__/${label}.golden`)
      })
    }
  }
})
