"use client"

import { createContext, useContext, useEffect, useState } from "react"
import { useStore } from "zustand"

import { mapQueryString, parseMapQuery } from "./map-query"
import { createMapStore, type MapState, type MapStore, type MapStoreApi } from "./map-store"

const MapStoreContext = createContext<MapStoreApi | null>(null)

/** Our part of history.state: the query the page had before a point was opened (pushed entries only). */
type PanelHistory = { mapPanelFrom?: string }

function panelHistory(): PanelHistory {
  const state: unknown = window.history.state
  return typeof state === "object" && state !== null && "mapPanelFrom" in state ? { mapPanelFrom: String(state.mapPanelFrom) } : {}
}

/**
 * Mirrors the state into the URL so a reload or a shared link shows the same point and version,
 * and makes the panel part of history: opening a point pushes an entry, so the browser's Back
 * closes it; closing a point that was opened here goes back to that entry instead of adding one.
 * Switching points or versions replaces the entry. Next's router sees plain pushState/replaceState
 * calls and keeps useSearchParams in step.
 */
function useHistorySync(store: MapStoreApi) {
  useEffect(() => {
    let applyingUrl = false
    const unsubscribe = store.subscribe((state, prev) => {
      if (applyingUrl) return
      if (state.point === prev.point && state.version === prev.version) return
      const query = mapQueryString(state, window.location.search)
      const url = `${window.location.pathname}${query}${window.location.hash}`
      const from = panelHistory().mapPanelFrom
      if (prev.point === null && state.point !== null) {
        window.history.pushState({ mapPanelFrom: window.location.search } satisfies PanelHistory, "", url)
      } else if (state.point === null && from !== undefined && from === query) {
        // The entry below is this page with the panel closed: go back to it (popstate is a no-op then).
        window.history.back()
      } else {
        window.history.replaceState(state.point === null ? {} : { mapPanelFrom: from }, "", url)
      }
    })
    const onPopState = () => {
      const parsed = parseMapQuery(Object.fromEntries(new URLSearchParams(window.location.search)))
      applyingUrl = true
      store.setState({ point: parsed.point, version: parsed.version })
      applyingUrl = false
    }
    window.addEventListener("popstate", onPopState)
    return () => {
      unsubscribe()
      window.removeEventListener("popstate", onPopState)
    }
  }, [store])
}

export function MapStoreProvider({ initial, children }: { initial: MapState; children: React.ReactNode }) {
  const [store] = useState(() => createMapStore(initial))
  useHistorySync(store)
  return <MapStoreContext.Provider value={store}>{children}</MapStoreContext.Provider>
}

export function useMapStore<T>(selector: (store: MapStore) => T): T {
  const store = useContext(MapStoreContext)
  if (!store) throw new Error("useMapStore must be used within MapStoreProvider")
  return useStore(store, selector)
}
