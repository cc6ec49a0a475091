// The warm-up workload (warm-up.ts) on the committed engine: every step compiles cleanly for its
// minor and evaluates without errors, with both outcomes, so the warm-up runs the code a real
// evaluation runs (a step that failed to compile would warm nothing and fail silently in the page).
import { beforeAll, describe, expect, it } from "vitest"

import { nodeEngine, type NodeEngine } from "./engine-node"
import { KUBERNETES_MINORS, type CompileResult, type EvaluateResult } from "./protocol"
import { warmUpSteps } from "./warm-up"

let engine: NodeEngine

beforeAll(async () => {
  engine = await nodeEngine()
}, 300_000)

describe("warm-up workload", () => {
  it("starts with the minor shown, then every other minor, nearest first", () => {
    expect(warmUpSteps("1.37").map((s) => s.request.minor)).toEqual(["1.37", "1.36", "1.35", "1.34", "1.33", "1.32", "1.31", "1.30"])
    expect(warmUpSteps("1.33").map((s) => s.request.minor)).toEqual(["1.33", "1.34", "1.32", "1.35", "1.31", "1.36", "1.30", "1.37"])
    const [first, ...rest] = warmUpSteps("1.37", { objectsPerRound: 40, rounds: 2 })
    expect(first!.cases).toHaveLength(40)
    expect(first!.rounds).toBe(2)
    for (const s of rest) expect(s.rounds).toBe(1)
  })

  it.each(KUBERNETES_MINORS)("compiles and evaluates on %s: no diagnostics, no errors, denied and allowed objects", (minor) => {
    const [step] = warmUpSteps(minor, { objectsPerRound: 8, rounds: 1 })
    const compiled = engine.callSync<CompileResult>("compile", step!.request)
    try {
      expect(compiled.diagnostics).toEqual([])
      const { results } = engine.callSync<EvaluateResult>("evaluate", { handle: compiled.handle, cases: step!.cases })
      expect(results).toHaveLength(8)
      for (const r of results) {
        expect(r.inputError).toBeUndefined()
        expect(r.policy?.matched).toBe(true)
        const evaluations = (r.bindings ?? []).flatMap((b) => b.evaluations ?? [])
        expect(evaluations).not.toHaveLength(0)
        for (const e of evaluations) {
          expect(e.error).toBeUndefined()
          for (const v of e.validations ?? []) expect(v.outcome).not.toBe("error")
          for (const v of e.validations ?? []) expect(v.messageExpressionError).toBeUndefined()
        }
      }
      const allowed = results.map((r) => r.verdict?.allowed)
      expect(allowed).toContain(true)
      expect(allowed).toContain(false)
    } finally {
      engine.callSync("release", { handle: compiled.handle })
    }
  })
})
