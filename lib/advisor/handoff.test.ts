import { describe, expect, it } from "vitest"

import { KUBERNETES_MINORS, LATEST_MINOR, MECHANISMS } from "@/lib/catalog"

import { hasStarter } from "@/lib/starters"

import { advisorHandoffHref, graphRoutes, handoffFor, starterTargetFor } from "./handoff"
import { ADVISOR_NODES, START_NODE_ID, evaluate, parseAdvisorParams } from "./index"
import type { AdvisorNode } from "./types"

const l = (s: string) => ({ en: s, "zh-CN": s })

describe("graphRoutes", () => {
  it("enumerates every route of a small graph, through sections, with shared sub-trees", () => {
    const q = (id: string, answers: [string, string][]): AdvisorNode => ({
      kind: "question",
      id,
      section: "official",
      text: l(id),
      help: l(id),
      examples: { en: [], "zh-CN": [] },
      answers: answers.map(([a, next]) => ({ id: a, label: l(a), reason: l(a), next })),
    })
    const o = (id: string): AdvisorNode => ({
      kind: "outcome",
      id,
      section: "official",
      title: l(id),
      summary: l(id),
      primary: "operator",
      also: [],
      tradeoffs: [],
      simpler: { text: l(id) },
    })
    const graph: AdvisorNode[] = [
      q("a", [
        ["yes", "b"],
        ["no", "s"],
      ]),
      { kind: "section", id: "s", section: "official", label: l("s"), title: l("s"), next: "b" },
      q("b", [
        ["x", "o1"],
        ["y", "o2"],
      ]),
      o("o1"),
      o("o2"),
    ]
    expect(graphRoutes(graph, "a")).toEqual([
      { answers: [{ question: "a", answer: "yes" }, { question: "b", answer: "x" }], outcome: "o1" },
      { answers: [{ question: "a", answer: "yes" }, { question: "b", answer: "y" }], outcome: "o2" },
      { answers: [{ question: "a", answer: "no" }, { question: "b", answer: "x" }], outcome: "o1" },
      { answers: [{ question: "a", answer: "no" }, { question: "b", answer: "y" }], outcome: "o2" },
    ])
    // Dangling edges lead nowhere instead of throwing.
    expect(graphRoutes([q("a", [["yes", "missing"]])], "a")).toEqual([])
  })

  it("reaches every outcome of the shipped graph", () => {
    const reached = new Set(graphRoutes(ADVISOR_NODES, START_NODE_ID).map((r) => r.outcome))
    for (const n of ADVISOR_NODES) if (n.kind === "outcome") expect(reached.has(n.id), n.id).toBe(true)
  })
})

describe("handoffFor: every mechanism, whatever the graph says today", () => {
  for (const minor of [LATEST_MINOR, KUBERNETES_MINORS[0]]) {
    it(`either leads the advisor to the mechanism or offers no link (${minor})`, () => {
      const linked: string[] = []
      for (const m of MECHANISMS) {
        const h = handoffFor(m.id, minor)
        const href = advisorHandoffHref(m.id, minor)
        if (!h) {
          // No route names it: the UI shows no "Is this right for me?" link.
          expect(href, m.id).toBeUndefined()
          continue
        }
        linked.push(m.id)
        const r = evaluate(
          h.answers.map((s) => [s.question, s.answer] as const),
          { minor },
        )
        expect(r.ok, m.id).toBe(true)
        if (!r.ok) continue
        const outcome = r.value.outcome
        expect(outcome?.node.id, m.id).toBe(h.outcome)
        const roles = outcome ? [outcome.primary, ...outcome.others].filter((v) => v.id === m.id).map((v) => v.role) : []
        expect(roles, m.id).toContain(h.role)
        expect(["primary", "alternative"]).toContain(h.role)
        // The link is a valid advisor URL that reproduces the same answers.
        expect(href, m.id).toMatch(/^\/advisor\?a=/)
        const parsed = parseAdvisorParams(new URLSearchParams(href?.split("?")[1]))
        expect(parsed.ok && parsed.value.answers, m.id).toEqual(h.answers.map((s) => [s.question, s.answer]))
        expect(parsed.ok && parsed.value.minor, m.id).toBe(minor)
      }
      // The graph recommends most of the catalog; a regression that drops the search would show here.
      expect(linked.length).toBeGreaterThan(MECHANISMS.length / 2)
    })
  }

  it("prefers a route where the mechanism is the primary, and the shortest such route", () => {
    const routes = graphRoutes(ADVISOR_NODES, START_NODE_ID)
    for (const m of MECHANISMS) {
      const h = handoffFor(m.id)
      if (!h) continue
      for (const route of routes) {
        if (route.answers.length >= h.answers.length && h.role === "primary") continue
        const r = evaluate(route.answers.map((s) => [s.question, s.answer] as const))
        const o = r.ok ? r.value.outcome : undefined
        if (!o) continue
        // No better route exists: none shorter with it as primary, and none at all with it as
        // primary when the hand-off only found it as an alternative.
        expect(o.primary.id === m.id, `${m.id} via ${route.outcome}`).toBe(false)
      }
    }
  })
})

describe("starterTargetFor", () => {
  it("offers a mechanism's own starter, else its replacement's, else none", () => {
    for (const m of MECHANISMS) {
      const target = starterTargetFor(m.id)
      if (hasStarter(m.id)) expect(target, m.id).toBe(m.id)
      else if (m.replacedBy && hasStarter(m.replacedBy)) expect(target, m.id).toBe(m.replacedBy)
      else expect(target, m.id).toBeUndefined()
      if (target) expect(hasStarter(target), m.id).toBe(true)
    }
    expect(starterTargetFor("flexvolume")).toBe("csi-driver")
  })
})
