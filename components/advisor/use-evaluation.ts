"use client"

import { useMemo } from "react"

import { evaluate, type Evaluation } from "@/lib/advisor"

import { useAdvisorStore } from "./advisor-provider"

/** The evaluation of the store's answers; both views derive everything from it. */
export function useEvaluation(): Evaluation | undefined {
  const answers = useAdvisorStore((s) => s.answers)
  const minor = useAdvisorStore((s) => s.minor)
  return useMemo(() => {
    const r = evaluate(answers, { minor })
    return r.ok ? r.value : undefined
  }, [answers, minor])
}
