// verified-matrix.json must match what the starters generate today: every starter × minor has
// a cell, refusals match the option schemas, and each checked cell's hash matches the files the
// matrix checker read. Cheap (no schemas); the checking itself is the "matrix" test tier.
import { describe, expect, it } from "vitest"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { STARTERS, generate, parseOptions } from "./index"
import { VERIFIED_MATRIX, matrixCheckedFiles, matrixOptionSets, unverifiedMinors, verifiedRow, type VerifiedMatrix } from "./matrix"
import { cellHash } from "./matrix-hash"

const STALE = "verified-matrix.json is stale: run `npm run verify:matrix` and commit lib/starters/verified-matrix.json"

describe("verified-matrix.json", () => {
  it("has a row for every starter and no other", () => {
    expect(Object.keys(VERIFIED_MATRIX.starters), STALE).toEqual(STARTERS.map((g) => g.id))
  })

  describe.each(STARTERS.map((g) => [g.id, g] as const))("%s", (_id, g) => {
    it.each([...KUBERNETES_MINORS])("%s is current", (minor) => {
      const cell = VERIFIED_MATRIX.starters[g.id]?.[minor]
      expect(cell, STALE).toBeDefined()
      const offered = g.targets.includes(minor) && parseOptions(g.id, { k8s: minor }).ok
      if (!offered) {
        expect(cell!.status, STALE).toBe("refused")
        return
      }
      expect(cell!.status, STALE).not.toBe("refused")
      if (cell!.status === "refused") return
      const sets = matrixOptionSets(g, minor)
      expect(cell!.variants.map((v) => v.name), STALE).toEqual(sets.map((s) => s.name))
      for (const set of sets) {
        const r = generate(g.id, set.options)
        expect(r.ok).toBe(true)
        if (!r.ok) continue
        const variant = cell!.variants.find((v) => v.name === set.name)
        expect(variant?.hash, `${STALE} (${set.name}: ${matrixCheckedFiles(r.value.files).length} checked files changed)`).toBe(cellHash(r.value.files))
      }
    })
  })
})

describe("verifiedRow", () => {
  const matrix: VerifiedMatrix = {
    schemaVersion: 1,
    releases: VERIFIED_MATRIX.releases,
    starters: {
      x: {
        "1.30": { status: "refused", reason: { field: "k8s", key: "oneOf", message: "no" } },
        "1.31": { status: "failed", variants: [{ name: "default", options: { k8s: "1.31" }, status: "failed", hash: "h", errors: ["deploy/a.yaml: bad"] }] },
        "1.32": { status: "ok", variants: [{ name: "default", options: { k8s: "1.32" }, status: "ok", hash: "h", notChecked: ["cert-manager.io/v1 Issuer"] }] },
      },
    },
  }

  it("gives every minor a status, unverified where the matrix has none", () => {
    const row = verifiedRow("x", matrix)
    expect(row.map((c) => c.status)).toEqual(["refused", "failed", "ok", "unverified", "unverified", "unverified", "unverified", "unverified"])
    expect(row[1]!.errors).toEqual([{ variant: "default", message: "deploy/a.yaml: bad" }])
    expect(row[2]!.notChecked).toEqual(["cert-manager.io/v1 Issuer"])
    expect(unverifiedMinors("x", matrix)).toEqual(["1.31", "1.33", "1.34", "1.35", "1.36", "1.37"])
  })
})

describe("matrixOptionSets", () => {
  it("has the defaults, each other language and the variants that apply at that minor, with distinct names and options", () => {
    for (const g of STARTERS)
      for (const minor of g.targets) {
        const sets = matrixOptionSets(g, minor)
        expect(sets[0]).toEqual({ name: "default", options: { k8s: minor } })
        expect(new Set(sets.map((s) => s.name)).size).toBe(sets.length)
        const parsed = sets.map((s) => JSON.stringify(g.schema.parse(s.options)))
        expect(new Set(parsed).size, `${g.id} ${minor}`).toBe(sets.length)
        for (const language of g.languages) expect(parsed.some((p) => JSON.parse(p).language === language)).toBe(true)
      }
  })
})

describe("refusals", () => {
  it("every starter that refuses a minor explains it in both locales", async () => {
    const en = (await import("@/messages/en/starters.json")).default as { errors: Record<string, string>; matrix: { refusals: Record<string, string> } }
    const zh = (await import("@/messages/zh-CN/starters.json")).default as typeof en
    for (const [id, row] of Object.entries(VERIFIED_MATRIX.starters))
      for (const cell of Object.values(row)) {
        if (cell?.status !== "refused") continue
        const specific = !["oneOf", "invalid"].includes(cell.reason.key) && en.errors[cell.reason.key] && zh.errors[cell.reason.key]
        expect(specific || (en.matrix.refusals[id] && zh.matrix.refusals[id]), id).toBeTruthy()
      }
  })
})
