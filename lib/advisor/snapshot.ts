// What the advisor's UI renders for one state, with everything it looks up: the evaluation, the
// graph nodes it passed or asks, the names of the mechanisms it mentions and the question count.
// The server builds the first snapshot into the page; the browser builds the next ones once the
// decision model (graph, catalog, evaluate) has loaded, so the page's first JavaScript carries
// neither the graph nor the catalog.
import { getMechanism, type Localized, type MechanismId } from "@/lib/catalog"

import { evaluate } from "./evaluate"
import { getNode } from "./graph"
import { questionProgress, type QuestionProgress } from "./progress"
import type { AdvisorAnswers, AdvisorNode, ClusterFacts, Evaluation } from "./types"
import type { KubernetesMinor } from "@/lib/catalog"

export type MechanismName = { name: Localized; summary: Localized }

export type AdvisorSnapshot = {
  evaluation: Evaluation
  /** Every node the evaluation passed or asks, by id. */
  nodes: Record<string, AdvisorNode>
  /** Names and summaries of the mechanisms the result mentions (and of the starters it offers). */
  mechanisms: Partial<Record<MechanismId, MechanismName>>
  progress?: QuestionProgress
}

/** The snapshot of an evaluation; `starters` maps a mechanism to the starter offered for it. */
export function advisorSnapshot(evaluation: Evaluation, starters: Partial<Record<MechanismId, MechanismId>> = {}): AdvisorSnapshot {
  const nodes: Record<string, AdvisorNode> = {}
  for (const id of evaluation.visited) {
    const node = getNode(id)
    if (node) nodes[id] = node
  }
  const ids = new Set<MechanismId>()
  const outcome = evaluation.outcome
  if (outcome) {
    ids.add(outcome.primary.id)
    for (const o of outcome.others) ids.add(o.id)
    if (outcome.node.simpler.mechanism) ids.add(outcome.node.simpler.mechanism)
  }
  for (const node of Object.values(nodes)) if (node.kind === "outcome") ids.add(node.primary)
  for (const id of [...ids]) {
    const starter = starters[id]
    if (starter) ids.add(starter)
  }
  const mechanisms: AdvisorSnapshot["mechanisms"] = {}
  for (const id of ids) {
    const m = getMechanism(id)
    mechanisms[id] = { name: m.name, summary: m.summary }
  }
  const progress = questionProgress(evaluation)
  return { evaluation, nodes, mechanisms, ...(progress ? { progress } : {}) }
}

/**
 * The snapshot for a state of the advisor: facts that fail validation must not blank the advisor,
 * so those fall back to advice without them; undefined when the answers are not a path.
 */
export function snapshotForState(
  answers: AdvisorAnswers,
  minor: KubernetesMinor,
  clusterFacts: ClusterFacts | undefined,
  starters: Partial<Record<MechanismId, MechanismId>>,
): AdvisorSnapshot | undefined {
  let r = evaluate(answers, clusterFacts ? { minor, clusterFacts } : { minor })
  if (!r.ok && clusterFacts) r = evaluate(answers, { minor })
  return r.ok ? advisorSnapshot(r.value, starters) : undefined
}
