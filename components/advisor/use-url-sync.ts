"use client"

import { useCallback, useEffect } from "react"

import { LATEST_MINOR } from "@/lib/catalog"
import { parseAdvisorParams, serializeAdvisorParams } from "@/lib/advisor"

import { useAdvisorStoreApi } from "./advisor-provider"

/** Our part of history.state: the query of the entry below, when this entry was pushed by an answer. */
type AdvisorHistory = { advisorPrev?: string }

function historyPrev(): string | undefined {
  const state: unknown = window.history.state
  return typeof state === "object" && state !== null && "advisorPrev" in state ? String(state.advisorPrev) : undefined
}

// Set by the wizard's Back when it cannot step back in history: that change replaces the entry.
let replaceNextChange = false

/**
 * The wizard's Back: when the entry below in history is the previous step (it was pushed by the
 * last answer), go back in history, exactly like the browser's Back; otherwise drop the last
 * answer in place. Either way no entry is added, so browser Back never ping-pongs.
 */
export function useWizardBack(): () => void {
  const store = useAdvisorStoreApi()
  return useCallback(() => {
    const s = store.getState()
    if (s.answers.length === 0) return
    if (historyPrev() === serializeAdvisorParams(s.answers.slice(0, -1), s.minor, s.cluster)) {
      window.history.back()
      return
    }
    replaceNextChange = true
    s.back()
  }, [store])
}

/**
 * Keeps the URL and the store in step: each change of answers or version pushes a history entry
 * (so back/forward walk through answers), and popstate loads the URL's state back into the store.
 */
export function useUrlSync() {
  const store = useAdvisorStoreApi()
  useEffect(() => {
    // True while the store is being loaded from the URL, which must not push a new entry.
    let applyingUrl = false
    const unsubscribe = store.subscribe((state, prev) => {
      if (applyingUrl) return
      if (state.answers === prev.answers && state.minor === prev.minor && state.cluster === prev.cluster) return
      const replace = replaceNextChange
      replaceNextChange = false
      const qs = serializeAdvisorParams(state.answers, state.minor, state.cluster)
      if (window.location.search === `?${qs}`) return
      const url = `${window.location.pathname}?${qs}`
      if (replace) window.history.replaceState({} satisfies AdvisorHistory, "", url)
      else window.history.pushState({ advisorPrev: serializeAdvisorParams(prev.answers, prev.minor, prev.cluster) } satisfies AdvisorHistory, "", url)
    })
    const onPopState = () => {
      applyingUrl = true
      const parsed = parseAdvisorParams(new URLSearchParams(window.location.search))
      if (parsed.ok) {
        const cluster = parsed.value.cluster
        const current = store.getState().cluster
        // Keep the loaded facts when the URL names the same source.
        const same = JSON.stringify(cluster) === JSON.stringify(current)
        store.getState().replace({
          answers: parsed.value.answers,
          minor: parsed.value.minor ?? LATEST_MINOR,
          urlErrors: [],
          cluster: same ? current : cluster,
          clusterFacts: same ? store.getState().clusterFacts : undefined,
        })
      } else {
        store.getState().replace({ answers: [], minor: store.getState().minor, urlErrors: parsed.errors })
      }
      applyingUrl = false
    }
    window.addEventListener("popstate", onPopState)
    return () => {
      unsubscribe()
      window.removeEventListener("popstate", onPopState)
    }
  }, [store])
}
