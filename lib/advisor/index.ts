// Public API of the advisor's decision model (pure TS, usable on server and client).
export * from "./types"
export {
  ADVISOR_NODES,
  OUTCOMES,
  QUESTIONS,
  SECTIONS,
  START_NODE_ID,
  getNode,
  getOutcome,
  getQuestion,
  remainingQuestions,
  successors,
} from "./graph"
export { availableFrom, clusterFactsSchema, evaluate, minorFromVersion } from "./evaluate"
export { parseAdvisorParams, serializeAdvisorParams, type AdvisorParams, type ClusterSource, type SearchParamsInput } from "./params"
export { starterHref } from "./links"
export { advisorPageTitle } from "./title"
export { questionProgress, type QuestionProgress } from "./progress"
