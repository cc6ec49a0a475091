// Positions of the whole decision chart, computed with dagre (top to bottom). Answers are nodes of
// their own, like the YES/NO circles of the official chart, so they can be clicked.
import dagre from "@dagrejs/dagre"

import { ADVISOR_NODES } from "./graph"
import type { AdvisorSection } from "./types"

export type ChartNodeKind = "question" | "answer" | "section" | "outcome"

export type ChartNode = {
  id: string
  kind: ChartNodeKind
  /** Id of the model node (question, section or outcome); for answers, the question. */
  modelId: string
  answerId?: string
  section: AdvisorSection
  official: boolean
  x: number
  y: number
  width: number
  height: number
}

export type ChartEdge = { id: string; source: string; target: string }

export const SIZES: Record<ChartNodeKind, { width: number; height: number }> = {
  question: { width: 250, height: 104 },
  answer: { width: 140, height: 44 },
  section: { width: 210, height: 44 },
  outcome: { width: 230, height: 64 },
}

export const chartId = {
  question: (id: string) => `q:${id}`,
  answer: (q: string, a: string) => `a:${q}:${a}`,
  section: (id: string) => `s:${id}`,
  outcome: (id: string) => `o:${id}`,
}

function targetId(modelId: string): string {
  const n = ADVISOR_NODES.find((x) => x.id === modelId)
  if (!n) throw new Error(`Unknown node ${modelId}`)
  return n.kind === "question" ? chartId.question(n.id) : n.kind === "section" ? chartId.section(n.id) : chartId.outcome(n.id)
}

let cached: { nodes: ChartNode[]; edges: ChartEdge[] } | undefined

export function chartLayout(): { nodes: ChartNode[]; edges: ChartEdge[] } {
  if (cached) return cached
  const g = new dagre.graphlib.Graph()
  g.setGraph({ rankdir: "TB", nodesep: 22, ranksep: 46, marginx: 16, marginy: 16 })
  g.setDefaultEdgeLabel(() => ({}))

  const meta: Omit<ChartNode, "x" | "y">[] = []
  const edges: ChartEdge[] = []
  const add = (n: Omit<ChartNode, "x" | "y">) => {
    meta.push(n)
    g.setNode(n.id, { width: n.width, height: n.height })
  }
  const link = (source: string, target: string) => {
    edges.push({ id: `${source}->${target}`, source, target })
    g.setEdge(source, target)
  }

  for (const n of ADVISOR_NODES) {
    const official = n.kind !== "outcome" && n.official === true
    if (n.kind === "question") {
      const qid = chartId.question(n.id)
      add({ id: qid, kind: "question", modelId: n.id, section: n.section, official, ...SIZES.question })
      for (const a of n.answers) {
        const aid = chartId.answer(n.id, a.id)
        add({ id: aid, kind: "answer", modelId: n.id, answerId: a.id, section: n.section, official, ...SIZES.answer })
        link(qid, aid)
        link(aid, targetId(a.next))
      }
    } else if (n.kind === "section") {
      const sid = chartId.section(n.id)
      add({ id: sid, kind: "section", modelId: n.id, section: n.section, official, ...SIZES.section })
      link(sid, targetId(n.next))
    } else {
      add({ id: chartId.outcome(n.id), kind: "outcome", modelId: n.id, section: n.section, official: false, ...SIZES.outcome })
    }
  }

  dagre.layout(g)
  const nodes = meta.map((m) => {
    const p = g.node(m.id)
    // dagre gives centres; React Flow positions are top-left corners.
    return { ...m, x: Math.round(p.x - m.width / 2), y: Math.round(p.y - m.height / 2) }
  })
  cached = { nodes, edges }
  return cached
}

/** Chart node and edge ids on the answered path (for highlighting). */
export function pathHighlight(visited: readonly string[], path: ReadonlyArray<{ question: string; answer: string }>) {
  const nodeIds = new Set<string>()
  const edgeIds = new Set<string>()
  const answerOf = new Map(path.map((p) => [p.question, p.answer]))
  let prev: string | undefined
  for (const modelId of visited) {
    const id = targetId(modelId)
    nodeIds.add(id)
    if (prev) edgeIds.add(`${prev}->${id}`)
    prev = id
    const ans = answerOf.get(modelId)
    if (ans) {
      const aid = chartId.answer(modelId, ans)
      nodeIds.add(aid)
      edgeIds.add(`${id}->${aid}`)
      prev = aid
    }
  }
  return { nodeIds, edgeIds }
}
