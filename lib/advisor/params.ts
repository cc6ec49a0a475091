// URL state of the advisor: the codec (query.ts) plus the check that the answers form one path
// through the decision graph.
import { evaluate } from "./evaluate"
import { parseAdvisorQuery, type AdvisorParams, type SearchParamsInput } from "./query"
import type { Result } from "./types"

export { serializeAdvisorParams, type AdvisorParams, type ClusterSource, type SearchParamsInput } from "./query"

/** Parses and validates the advisor's search params, including that the answers form one path. */
export function parseAdvisorParams(input: SearchParamsInput): Result<AdvisorParams> {
  const parsed = parseAdvisorQuery(input)
  if (!parsed.ok) return parsed
  const { answers, minor } = parsed.value
  const checked = evaluate(answers, minor ? { minor } : {})
  if (!checked.ok) return checked
  return parsed
}
