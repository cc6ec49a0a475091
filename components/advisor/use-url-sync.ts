"use client"

import { useEffect } from "react"

import { LATEST_MINOR } from "@/lib/catalog"
import { parseAdvisorParams, serializeAdvisorParams } from "@/lib/advisor"

import { useAdvisorStoreApi } from "./advisor-provider"

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
      const qs = serializeAdvisorParams(state.answers, state.minor, state.cluster)
      if (window.location.search === `?${qs}`) return
      window.history.pushState(null, "", `${window.location.pathname}?${qs}`)
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
