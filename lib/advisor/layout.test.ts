import { describe, expect, it } from "vitest"

import { evaluate } from "./evaluate"
import { chartLayout, pathHighlight } from "./layout"

describe("chart layout", () => {
  it("places every node without overlaps and keeps every edge", () => {
    const { nodes, edges } = chartLayout()
    const ids = new Set(nodes.map((n) => n.id))
    expect(ids.size).toBe(nodes.length)
    for (const e of edges) {
      expect(ids.has(e.source), e.id).toBe(true)
      expect(ids.has(e.target), e.id).toBe(true)
    }
    for (const a of nodes)
      for (const b of nodes) {
        if (a.id >= b.id) continue
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false)
      }
  })

  it("flows top to bottom: every edge goes down", () => {
    const { nodes, edges } = chartLayout()
    const byId = new Map(nodes.map((n) => [n.id, n]))
    for (const e of edges) expect(byId.get(e.target)!.y, e.id).toBeGreaterThan(byId.get(e.source)!.y)
  })

  it("puts each question's answers in a row right under it", () => {
    const { nodes } = chartLayout()
    const byId = new Map(nodes.map((n) => [n.id, n]))
    for (const a of nodes.filter((n) => n.kind === "answer")) {
      const q = byId.get(`q:${a.modelId}`)!
      expect(a.y - (q.y + q.height), a.id).toBeGreaterThan(0)
      expect(a.y - (q.y + q.height), a.id).toBeLessThan(60)
      expect(Math.abs(a.x + a.width / 2 - (q.x + q.width / 2)), a.id).toBeLessThan(500)
    }
  })

  it("highlights exactly the answered path, with existing edges", () => {
    const r = evaluate([["new-types", "no"], ["restrict-or-edit", "yes"], ["access-goal", "quota"]])
    if (!r.ok) throw new Error("bad")
    const { nodeIds, edgeIds } = pathHighlight(r.value.visited, r.value.path)
    expect([...nodeIds]).toEqual([
      "q:new-types",
      "a:new-types:no",
      "q:restrict-or-edit",
      "a:restrict-or-edit:yes",
      "s:api-access-extensions",
      "q:access-goal",
      "a:access-goal:quota",
      "o:quota",
    ])
    const all = new Set(chartLayout().edges.map((e) => e.id))
    for (const e of edgeIds) expect(all.has(e), e).toBe(true)
    expect(edgeIds.size).toBe(nodeIds.size - 1)
  })
})
