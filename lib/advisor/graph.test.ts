import { describe, expect, it } from "vitest"

import { LOCALES, MECHANISMS } from "@/lib/catalog"

import { ADVISOR_NODES, OUTCOMES, QUESTIONS, SECTIONS, START_NODE_ID, getNode, successors } from "./index"

const ids = ADVISOR_NODES.map((n) => n.id)

describe("decision graph", () => {
  it("has unique node ids and URL-safe answer ids", () => {
    expect(new Set(ids).size).toBe(ids.length)
    for (const q of QUESTIONS) {
      const answerIds = q.answers.map((a) => a.id)
      expect(new Set(answerIds).size, q.id).toBe(answerIds.length)
      expect(q.answers.length, q.id).toBeGreaterThanOrEqual(2)
      for (const id of [q.id, ...answerIds]) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/)
    }
  })

  it("has no dangling edges", () => {
    for (const n of ADVISOR_NODES) for (const next of successors(n)) expect(getNode(next), `${n.id} → ${next}`).toBeDefined()
  })

  it("has no cycles, and every path from the start terminates in an outcome", () => {
    const state = new Map<string, "visiting" | "done">()
    const visit = (id: string, trail: string[]) => {
      if (state.get(id) === "visiting") throw new Error(`cycle: ${[...trail, id].join(" → ")}`)
      if (state.get(id) === "done") return
      state.set(id, "visiting")
      const node = getNode(id)
      if (!node) throw new Error(`missing ${id}`)
      const next = successors(node)
      if (node.kind !== "outcome") expect(next.length, `${id} is a dead end`).toBeGreaterThan(0)
      for (const n of next) visit(n, [...trail, id])
      state.set(id, "done")
    }
    visit(START_NODE_ID, [])
  })

  it("has no unreachable node", () => {
    const reached = new Set<string>()
    const stack = [START_NODE_ID]
    while (stack.length > 0) {
      const id = stack.pop() as string
      if (reached.has(id)) continue
      reached.add(id)
      const node = getNode(id)
      if (node) stack.push(...successors(node))
    }
    expect(ids.filter((id) => !reached.has(id))).toEqual([])
  })

  it("reaches every non-deprecated catalog mechanism as an outcome's primary", () => {
    const primaries = new Set(OUTCOMES.flatMap((o) => [o.primary, ...(o.fallbackPrimary ? [o.fallbackPrimary] : [])]))
    const mentioned = new Set(OUTCOMES.flatMap((o) => [o.primary, ...o.also, ...(o.alternatives ?? []), ...(o.replaces ?? [])]))
    const nonDeprecated = MECHANISMS.filter((m) => m.states["1.37"].maturity !== "deprecated")
    expect(nonDeprecated.map((m) => m.id).filter((id) => !primaries.has(id))).toEqual([])
    // Deprecated ones still appear, as what a recommendation replaces.
    expect(MECHANISMS.map((m) => m.id).filter((id) => !mentioned.has(id))).toEqual([])
  })

  it("has text in both locales on every node, answer and outcome field", () => {
    const filled = (x: Record<string, string>, where: string) => {
      for (const locale of LOCALES) expect(x[locale]?.trim(), `${where} (${locale})`).toBeTruthy()
      // The Chinese text must actually be Chinese, not a copy of the English one.
      expect(x["zh-CN"], where).toMatch(/[\u4e00-\u9fff]/)
    }
    for (const q of QUESTIONS) {
      filled(q.text, `${q.id}.text`)
      filled(q.help, `${q.id}.help`)
      for (const locale of LOCALES) expect(q.examples[locale].length, `${q.id}.examples`).toBeGreaterThan(0)
      expect(q.examples.en.length).toBe(q.examples["zh-CN"].length)
      for (const a of q.answers) {
        filled(a.label, `${q.id}.${a.id}.label`)
        filled(a.reason, `${q.id}.${a.id}.reason`)
      }
    }
    for (const s of SECTIONS) {
      filled(s.label, `${s.id}.label`)
      filled(s.title, `${s.id}.title`)
    }
    for (const o of OUTCOMES) {
      filled(o.title, `${o.id}.title`)
      filled(o.summary, `${o.id}.summary`)
      filled(o.simpler.text, `${o.id}.simpler`)
      expect(o.tradeoffs.length, o.id).toBeGreaterThan(0)
      for (const t of o.tradeoffs) filled(t, `${o.id}.tradeoff`)
      if (o.fallback) {
        filled(o.fallback.title, `${o.id}.fallback.title`)
        filled(o.fallback.summary, `${o.id}.fallback.summary`)
        for (const t of o.fallback.tradeoffs) filled(t, `${o.id}.fallback.tradeoff`)
      }
      if (o.builtIn) {
        filled(o.builtIn.name, `${o.id}.builtIn.name`)
        filled(o.builtIn.how, `${o.id}.builtIn.how`)
      }
    }
  })

  it("starts with the official chart, verbatim", () => {
    const official = QUESTIONS.filter((q) => q.official)
    expect(official.map((q) => q.text.en)).toEqual([
      "Do you want to add entirely new types to the Kubernetes API?",
      "Do you want to restrict or automatically edit fields in some or all API types?",
      "Do you want to change the underlying implementation of the built-in API types?",
      "Do you want to change Volumes, Services, Ingresses, PersistentVolumes?",
    ])
    expect(official.map((q) => q.text["zh-CN"])).toEqual([
      "你是否想要在 Kubernetes API 中添加全新的类别？",
      "你是否想要限制或自动编辑某些或所有 API 类别的字段？",
      "你是否想要更改内置 API 类别的底层实现？",
      "你是否想要更改 Volume、Service、Ingress、PersistentVolume？",
    ])
    // Official edges: Q1 yes→T1, no→Q2; Q2 yes→T2, no→Q3; Q3 yes→Q4, no→T4; Q4 yes→T3, no→T4.
    const edges = official.flatMap((q) => q.answers.map((a) => `${q.id}:${a.id}→${a.next}`))
    expect(edges).toEqual([
      "new-types:yes→api-extensions",
      "new-types:no→restrict-or-edit",
      "restrict-or-edit:yes→api-access-extensions",
      "restrict-or-edit:no→change-implementation",
      "change-implementation:yes→change-volumes-services",
      "change-implementation:no→automation",
      "change-volumes-services:yes→infrastructure",
      "change-volumes-services:no→automation",
    ])
    expect(SECTIONS.map((s) => s.label.en)).toEqual([
      'Go to "API Extensions"',
      'Go to "API Access Extensions"',
      'Go to "Infrastructure"',
      'Go to "Automation"',
    ])
  })
})
