"use client"

import { createContext, useContext, useEffect, useState } from "react"
import { useStore } from "zustand"

import { mapQueryString } from "./map-query"
import { createMapStore, type MapState, type MapStore, type MapStoreApi } from "./map-store"

const MapStoreContext = createContext<MapStoreApi | null>(null)

export function MapStoreProvider({ initial, children }: { initial: MapState; children: React.ReactNode }) {
  const [store] = useState(() => createMapStore(initial))

  // Mirror the state into the URL so a reload or a shared link shows the same point and version.
  // replaceState keeps the history clean and Next's useSearchParams stays in sync with it.
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (state.point === prev.point && state.version === prev.version) return
        const query = mapQueryString(state, window.location.search)
        const url = `${window.location.pathname}${query}${window.location.hash}`
        window.history.replaceState(window.history.state, "", url)
      }),
    [store],
  )

  return <MapStoreContext.Provider value={store}>{children}</MapStoreContext.Provider>
}

export function useMapStore<T>(selector: (store: MapStore) => T): T {
  const store = useContext(MapStoreContext)
  if (!store) throw new Error("useMapStore must be used within MapStoreProvider")
  return useStore(store, selector)
}
