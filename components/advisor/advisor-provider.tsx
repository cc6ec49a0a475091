"use client"

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react"
import { useStore } from "zustand"

import type { MechanismId } from "@/lib/catalog/types"
import type { AdvisorSnapshot, MechanismName } from "@/lib/advisor/snapshot"
import type { AdvisorAnswers, AdvisorNode, QuestionNode } from "@/lib/advisor/types"

import { createAdvisorStore, type AdvisorState, type AdvisorStore, type AdvisorStoreApi } from "./advisor-store"
import { loadAdvisorEngine, useAdvisorEngine } from "./engine-loader"

const AdvisorStoreContext = createContext<AdvisorStoreApi | null>(null)

/** Which starter to offer per mechanism (its own or its replacement's); from the server's starter registry. */
export type StarterTargets = Partial<Record<MechanismId, MechanismId>>
const StarterTargetsContext = createContext<StarterTargets>({})

/** The state the server rendered and its snapshot: shown until the decision model has loaded. */
type Initial = { answers: AdvisorAnswers; minor: AdvisorState["minor"]; snapshot: AdvisorSnapshot | undefined }
const InitialContext = createContext<Initial | null>(null)

export function AdvisorStoreProvider({
  initial,
  starters,
  snapshot,
  children,
}: {
  initial: AdvisorState
  starters: StarterTargets
  /** The server's snapshot of `initial` (lib/advisor/snapshot.ts). */
  snapshot: AdvisorSnapshot | undefined
  children: React.ReactNode
}) {
  const [store] = useState(() => createAdvisorStore(initial))
  const [first] = useState<Initial>(() => ({ answers: initial.answers, minor: initial.minor, snapshot }))
  return (
    <AdvisorStoreContext.Provider value={store}>
      <StarterTargetsContext.Provider value={starters}>
        <InitialContext.Provider value={first}>{children}</InitialContext.Provider>
      </StarterTargetsContext.Provider>
    </AdvisorStoreContext.Provider>
  )
}

export function useStarterTargets(): StarterTargets {
  return useContext(StarterTargetsContext)
}

export function useAdvisorStoreApi(): AdvisorStoreApi {
  const store = useContext(AdvisorStoreContext)
  if (!store) throw new Error("useAdvisorStore must be used within AdvisorStoreProvider")
  return store
}

export function useAdvisorStore<T>(selector: (store: AdvisorStore) => T): T {
  return useStore(useAdvisorStoreApi(), selector)
}

/** Answers a question once the decision model has loaded (at once when it already has). */
export function useAnswer(): (question: string, answer: string) => void {
  const store = useAdvisorStoreApi()
  return useCallback(
    (question, answer) => {
      loadAdvisorEngine().then(
        () => store.getState().answer(question, answer),
        (error: unknown) => console.error("The advisor's decision model could not be loaded:", error),
      )
    },
    [store],
  )
}

const sameAnswers = (a: AdvisorAnswers, b: AdvisorAnswers) => a.length === b.length && a.every(([q, x], i) => b[i]?.[0] === q && b[i]?.[1] === x)

/**
 * The snapshot the views render: the server's while the state is the one it rendered, then one
 * built by the decision model, which loads when the state first changes (until then the last
 * snapshot stays on screen). Undefined when the answers do not form a path.
 */
export function useAdvisorSnapshot(): AdvisorSnapshot | undefined {
  const initial = useContext(InitialContext)
  if (!initial) throw new Error("useAdvisorSnapshot must be used within AdvisorStoreProvider")
  const engine = useAdvisorEngine()
  const starters = useStarterTargets()
  const answers = useAdvisorStore((s) => s.answers)
  const minor = useAdvisorStore((s) => s.minor)
  const clusterFacts = useAdvisorStore((s) => s.clusterFacts)
  const isInitial = !clusterFacts && minor === initial.minor && sameAnswers(answers, initial.answers)
  const computed = useMemo(
    () => (engine && !isInitial ? engine.snapshotForState(answers, minor, clusterFacts, starters) : undefined),
    [engine, isInitial, answers, minor, clusterFacts, starters],
  )
  useEffect(() => {
    if (!isInitial && !engine) loadAdvisorEngine().catch((error: unknown) => console.error("The advisor's decision model could not be loaded:", error))
  }, [isInitial, engine])
  const current = isInitial ? initial.snapshot : engine ? computed : undefined
  // React's "state from previous renders" pattern: what was shown last, kept while the model loads.
  const [last, setLast] = useState(initial.snapshot)
  if (current && current !== last) setLast(current)
  return isInitial || engine ? current : last
}

export type AdvisorView = {
  snapshot: AdvisorSnapshot
  node: (id: string) => AdvisorNode | undefined
  question: (id: string) => QuestionNode | undefined
  mechanism: (id: MechanismId) => MechanismName
}

/** Lookups into a snapshot (the nodes and names the current state needs). */
export function advisorView(snapshot: AdvisorSnapshot): AdvisorView {
  return {
    snapshot,
    node: (id) => snapshot.nodes[id],
    question: (id) => {
      const node = snapshot.nodes[id]
      return node?.kind === "question" ? node : undefined
    },
    mechanism: (id) => snapshot.mechanisms[id] ?? { name: { en: id, "zh-CN": id }, summary: { en: "", "zh-CN": "" } },
  }
}
