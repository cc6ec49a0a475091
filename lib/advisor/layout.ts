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

  // Answers sit in a row right under their question (as in the official chart), so dagre lays out
  // one box per question that reserves room for the question and its answer row.
  const ANSWER_GAP = 12
  const ROW_GAP = 26
  const boxes = new Map<string, { width: number; height: number }>()
  const edges: ChartEdge[] = []
  const link = (source: string, target: string) => edges.push({ id: `${source}->${target}`, source, target })

  for (const n of ADVISOR_NODES) {
    if (n.kind === "question") {
      const row = n.answers.length * SIZES.answer.width + (n.answers.length - 1) * ANSWER_GAP
      const box = { width: Math.max(SIZES.question.width, row), height: SIZES.question.height + ROW_GAP + SIZES.answer.height }
      boxes.set(n.id, box)
      g.setNode(chartId.question(n.id), box)
      for (const a of n.answers) {
        const aid = chartId.answer(n.id, a.id)
        link(chartId.question(n.id), aid)
        link(aid, targetId(a.next))
        g.setEdge(chartId.question(n.id), targetId(a.next))
      }
    } else if (n.kind === "section") {
      // Copies: dagre writes x/y into the label object it is given.
      g.setNode(chartId.section(n.id), { ...SIZES.section })
      link(chartId.section(n.id), targetId(n.next))
      g.setEdge(chartId.section(n.id), targetId(n.next))
    } else {
      g.setNode(chartId.outcome(n.id), { ...SIZES.outcome })
    }
  }

  dagre.layout(g)
  const nodes: ChartNode[] = []
  for (const n of ADVISOR_NODES) {
    if (n.kind === "question") {
      const official = n.official === true
      const p = g.node(chartId.question(n.id))
      const box = boxes.get(n.id) ?? SIZES.question
      // dagre gives centres; React Flow positions are top-left corners.
      const top = Math.round(p.y - box.height / 2)
      nodes.push({
        id: chartId.question(n.id),
        kind: "question",
        modelId: n.id,
        section: n.section,
        official,
        x: Math.round(p.x - SIZES.question.width / 2),
        y: top,
        ...SIZES.question,
      })
      const row = n.answers.length * SIZES.answer.width + (n.answers.length - 1) * ANSWER_GAP
      n.answers.forEach((a, i) => {
        nodes.push({
          id: chartId.answer(n.id, a.id),
          kind: "answer",
          modelId: n.id,
          answerId: a.id,
          section: n.section,
          official,
          x: Math.round(p.x - row / 2 + i * (SIZES.answer.width + ANSWER_GAP)),
          y: top + SIZES.question.height + ROW_GAP,
          ...SIZES.answer,
        })
      })
    } else {
      const kind = n.kind
      const id = kind === "section" ? chartId.section(n.id) : chartId.outcome(n.id)
      const p = g.node(id)
      const size = SIZES[kind]
      nodes.push({
        id,
        kind,
        modelId: n.id,
        section: n.section,
        official: kind === "section" && n.official === true,
        x: Math.round(p.x - size.width / 2),
        y: Math.round(p.y - size.height / 2),
        ...size,
      })
    }
  }
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
