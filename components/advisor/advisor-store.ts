// One store for both views (wizard and chart). Per-provider store, as in zustand's Next.js guide:
// no module-level store, so nothing is shared between requests.
import { createStore } from "zustand/vanilla"

import type { KubernetesMinor } from "@/lib/catalog/types"
import type { ClusterFacts, FieldError } from "@/lib/advisor/types"
import type { ClusterSource } from "@/lib/advisor/query"

import { loadedAdvisorEngine } from "./engine-loader"

export type AdvisorState = {
  /** Answers in path order. */
  answers: ReadonlyArray<readonly [string, string]>
  minor: KubernetesMinor
  /** Problems with the URL the state was last read from (shown once, cleared by the next action). */
  urlErrors: FieldError[]
  /** Opted-in source of cluster facts (kept in the URL so share links fetch the same facts). */
  cluster?: ClusterSource
  /** Facts read from `cluster`; undefined until loaded or when the source failed. */
  clusterFacts?: ClusterFacts
}

export type AdvisorActions = {
  /**
   * Answers a question on the current path; answering an earlier one drops the answers after it.
   * Needs the decision model (useAnswer loads it first); ignored before it has loaded.
   */
  answer: (question: string, answer: string) => void
  back: () => void
  restart: () => void
  /** Drops the answers after `question` and re-asks it. */
  reopen: (question: string) => void
  setMinor: (minor: KubernetesMinor) => void
  /** Opts in to (or out of, with undefined) a source of cluster facts; drops facts of the old source. */
  setCluster: (cluster: ClusterSource | undefined) => void
  setClusterFacts: (facts: ClusterFacts | undefined) => void
  /** Replaces the whole state, e.g. from the URL on back/forward. */
  replace: (state: AdvisorState) => void
}

export type AdvisorStore = AdvisorState & AdvisorActions
export type AdvisorStoreApi = ReturnType<typeof createAdvisorStore>

export function createAdvisorStore(initial: AdvisorState) {
  return createStore<AdvisorStore>()((set, get) => ({
    ...initial,
    answer: (question, answer) => {
      const engine = loadedAdvisorEngine()
      if (!engine) return
      const { answers, minor } = get()
      const index = answers.findIndex(([q]) => q === question)
      const kept = index >= 0 ? answers.slice(0, index) : answers
      const next = [...kept, [question, answer] as const]
      // Only accept answers that extend the current path (ignores clicks on unreachable questions).
      if (!engine.evaluate(next, { minor }).ok) return
      set({ answers: next, urlErrors: [] })
    },
    back: () => set((s) => ({ answers: s.answers.slice(0, -1), urlErrors: [] })),
    restart: () => set({ answers: [], urlErrors: [] }),
    reopen: (question) =>
      set((s) => {
        const index = s.answers.findIndex(([q]) => q === question)
        return index >= 0 ? { answers: s.answers.slice(0, index), urlErrors: [] } : {}
      }),
    setMinor: (minor) => set({ minor, urlErrors: [] }),
    setCluster: (cluster) => set({ cluster, clusterFacts: undefined, urlErrors: [] }),
    setClusterFacts: (clusterFacts) => set({ clusterFacts }),
    replace: (state) => set(state),
  }))
}
