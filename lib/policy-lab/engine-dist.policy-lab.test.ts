// engine/dist is built from engine/ (Go) and committed so `npm start` needs only Node. This test
// rebuilds it from source (reproducible flags, same Go version) and fails when the committed
// module, the vendored upstream files or the manifest are stale.
import { describe, expect, it } from "vitest"

import { check } from "../../scripts/policy-lab/engine.mjs"

describe("engine/dist", () => {
  it("is what the current engine sources build", () => {
    expect(check({ rebuild: true })).toEqual([])
  })
})
