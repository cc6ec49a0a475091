// Hand-off from a mechanism (map, guide, search) into the advisor: the answers that lead to it.
// Derived from the decision graph, never hand-listed, so it follows the graph as it changes:
// every route from the first question to an outcome is enumerated, the advisor evaluates each,
// and the shortest route whose result names the mechanism (as primary before alternative) wins.
import { LATEST_MINOR, getMechanism, type KubernetesMinor, type MechanismId } from "@/lib/catalog"
import { hasStarter } from "@/lib/starters"

import { evaluate } from "./evaluate"
import { ADVISOR_NODES, START_NODE_ID } from "./graph"
import { serializeAdvisorParams } from "./params"
import type { AdvisorNode, PathStep } from "./types"

/** One route through a graph: the answers given, in order, and the outcome they end in. */
export type GraphRoute = { answers: PathStep[]; outcome: string }

/**
 * Every route from `start` to an outcome of the graph `nodes` (a DAG). Pure: it takes the graph
 * as data, so it works on any graph of the advisor's shape, not only the shipped one.
 */
export function graphRoutes(nodes: readonly AdvisorNode[], start: string): GraphRoute[] {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  // Routes from a node to the outcomes below it, memoised per node (shared sub-trees are walked once).
  const memo = new Map<string, GraphRoute[]>()
  const onStack = new Set<string>()
  const from = (id: string): GraphRoute[] => {
    const hit = memo.get(id)
    if (hit) return hit
    const node = byId.get(id)
    // A dangling edge or a cycle leads nowhere; graph.test.ts reports both for the shipped graph.
    if (!node || onStack.has(id)) return []
    onStack.add(id)
    let out: GraphRoute[]
    if (node.kind === "outcome") out = [{ answers: [], outcome: node.id }]
    else if (node.kind === "section") out = from(node.next)
    else
      out = node.answers.flatMap((a) =>
        from(a.next).map((r) => ({ answers: [{ question: node.id, answer: a.id }, ...r.answers], outcome: r.outcome })),
      )
    onStack.delete(id)
    memo.set(id, out)
    return out
  }
  return from(start)
}

export type Handoff = {
  answers: PathStep[]
  outcome: string
  /** How the mechanism appears in the result the answers lead to. */
  role: "primary" | "alternative"
}

const RANK = { primary: 0, alternative: 1 } as const

function findHandoffs(minor: KubernetesMinor): Map<MechanismId, Handoff> {
  const best = new Map<MechanismId, Handoff>()
  for (const route of graphRoutes(ADVISOR_NODES, START_NODE_ID)) {
    const result = evaluate(
      route.answers.map((s) => [s.question, s.answer] as const),
      { minor },
    )
    const outcome = result.ok ? result.value.outcome : undefined
    if (!outcome) continue
    const found = [outcome.primary, ...outcome.others].filter((v) => v.role === "primary" || v.role === "alternative")
    for (const view of found) {
      const role = view.role as Handoff["role"]
      const current = best.get(view.id)
      const better =
        !current ||
        RANK[role] < RANK[current.role] ||
        (RANK[role] === RANK[current.role] && route.answers.length < current.answers.length)
      if (better) best.set(view.id, { answers: route.answers, outcome: outcome.node.id, role })
    }
  }
  return best
}

const cache = new Map<KubernetesMinor, Map<MechanismId, Handoff>>()

/**
 * The shortest answers that make the advisor recommend `mechanism` at `minor` (as the primary when
 * any route does, else as an alternative); undefined when no route leads to it.
 */
export function handoffFor(mechanism: MechanismId, minor: KubernetesMinor = LATEST_MINOR): Handoff | undefined {
  let all = cache.get(minor)
  if (!all) {
    all = findHandoffs(minor)
    cache.set(minor, all)
  }
  return all.get(mechanism)
}

/** `/advisor?a=…&v=…` walked to `mechanism`, or undefined when the advisor never names it. */
export function advisorHandoffHref(mechanism: MechanismId, minor: KubernetesMinor = LATEST_MINOR): string | undefined {
  const h = handoffFor(mechanism, minor)
  if (!h) return undefined
  return `/advisor?${serializeAdvisorParams(
    h.answers.map((s) => [s.question, s.answer] as const),
    minor,
  )}`
}

/**
 * The starter to offer for a mechanism: its own, else the one of the mechanism that replaces it
 * (FlexVolume → CSI driver); undefined when neither has one, and then no starter link is shown.
 * Server-side only (it reads the starter registry).
 */
export function starterTargetFor(id: MechanismId): MechanismId | undefined {
  if (hasStarter(id)) return id
  const replacement = getMechanism(id).replacedBy
  return replacement && hasStarter(replacement) ? replacement : undefined
}
