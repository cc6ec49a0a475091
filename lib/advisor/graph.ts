// The whole decision graph and lookups. Node ids are unique across questions, sections and outcomes.
import { OUTCOME_NODES } from "./graph-outcomes"
import { QUESTION_NODES, SECTION_NODES } from "./graph-questions"
import type { AdvisorNode, OutcomeNode, QuestionNode, SectionNode } from "./types"

/** The official chart's first question. */
export const START_NODE_ID = "new-types"

export const ADVISOR_NODES: readonly AdvisorNode[] = [...QUESTION_NODES, ...SECTION_NODES, ...OUTCOME_NODES]

const nodeById = new Map<string, AdvisorNode>(ADVISOR_NODES.map((n) => [n.id, n]))

export function getNode(id: string): AdvisorNode | undefined {
  return nodeById.get(id)
}

export function getQuestion(id: string): QuestionNode | undefined {
  const n = nodeById.get(id)
  return n?.kind === "question" ? n : undefined
}

export function getOutcome(id: string): OutcomeNode | undefined {
  const n = nodeById.get(id)
  return n?.kind === "outcome" ? n : undefined
}

export const QUESTIONS: readonly QuestionNode[] = QUESTION_NODES
export const SECTIONS: readonly SectionNode[] = SECTION_NODES
export const OUTCOMES: readonly OutcomeNode[] = OUTCOME_NODES

/** Ids of the nodes a node leads to (answers' targets for questions). */
export function successors(node: AdvisorNode): string[] {
  if (node.kind === "question") return node.answers.map((a) => a.next)
  if (node.kind === "section") return [node.next]
  return []
}

const depthCache = new Map<string, number>()

/** Most questions still to answer from a node (inclusive) to any outcome; drives the progress bar. */
export function remainingQuestions(id: string): number {
  const hit = depthCache.get(id)
  if (hit !== undefined) return hit
  const node = nodeById.get(id)
  if (!node) return 0
  const below = Math.max(0, ...successors(node).map(remainingQuestions))
  const depth = below + (node.kind === "question" ? 1 : 0)
  depthCache.set(id, depth)
  return depth
}
