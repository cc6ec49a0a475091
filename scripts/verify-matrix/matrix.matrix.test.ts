// The matrix tier: re-verifies every starter × minor × option set against each minor's own
// schemas and config types, and requires the committed verified-matrix.json to say the same and
// every offered cell to pass.
import { readFileSync } from "node:fs"
import path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { STARTERS } from "@/lib/starters"
import type { VerifiedMatrix } from "@/lib/starters/matrix"
import { buildMatrix } from "./matrix"

const committed = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "..", "lib", "starters", "verified-matrix.json"), "utf8")) as VerifiedMatrix
let fresh: VerifiedMatrix

beforeAll(async () => {
  fresh = await buildMatrix({ log: (line) => console.log(line) })
}, 1_800_000)

describe.each(STARTERS.map((g) => [g.id] as const))("%s", (id) => {
  it.each([...KUBERNETES_MINORS])("%s passes and matches verified-matrix.json", (minor) => {
    const cell = fresh.starters[id]![minor]!
    if (cell.status !== "refused") {
      const errors = cell.variants.flatMap((v) => (v.errors ?? []).map((e) => `[${v.name}] ${e}`))
      expect(errors).toEqual([])
    }
    expect(committed.starters[id]?.[minor], "run npm run verify:matrix and commit the result").toEqual(cell)
  })
})
