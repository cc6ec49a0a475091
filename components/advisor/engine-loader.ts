// Loads the decision model (advisor-engine.ts) once, on demand, and tells subscribed components.
import { useSyncExternalStore } from "react"

export type AdvisorEngine = typeof import("./advisor-engine")

let engine: AdvisorEngine | null = null
let loading: Promise<AdvisorEngine> | null = null
const listeners = new Set<() => void>()

export function loadAdvisorEngine(): Promise<AdvisorEngine> {
  loading ??= import("./advisor-engine").then(
    (m) => {
      engine = m
      for (const listener of listeners) listener()
      return m
    },
    (error: unknown) => {
      loading = null // a later interaction retries
      throw error
    },
  )
  return loading
}

/** Starts loading without waiting (pointer over the advisor, focus inside it). */
export function preloadAdvisorEngine() {
  loadAdvisorEngine().catch(() => undefined)
}

/** The engine if it has loaded (synchronous callers, e.g. store actions). */
export function loadedAdvisorEngine(): AdvisorEngine | null {
  return engine
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useAdvisorEngine(): AdvisorEngine | null {
  return useSyncExternalStore(subscribe, () => engine, () => null)
}
