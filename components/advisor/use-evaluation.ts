"use client"

import { useMemo } from "react"

import { evaluate, type Evaluation } from "@/lib/advisor"

import { useAdvisorStore } from "./advisor-provider"

/** The evaluation of the store's answers; both views derive everything from it. */
export function useEvaluation(): Evaluation | undefined {
  const answers = useAdvisorStore((s) => s.answers)
  const minor = useAdvisorStore((s) => s.minor)
  const clusterFacts = useAdvisorStore((s) => s.clusterFacts)
  return useMemo(() => {
    const r = evaluate(answers, clusterFacts ? { minor, clusterFacts } : { minor })
    // Facts that fail validation must not blank the advisor: fall back to advice without them.
    if (!r.ok && clusterFacts) {
      const plain = evaluate(answers, { minor })
      return plain.ok ? plain.value : undefined
    }
    return r.ok ? r.value : undefined
  }, [answers, minor, clusterFacts])
}
