// Map UI state. One store per provider (zustand's Next.js pattern): nothing is shared between
// requests, and the server passes the initial state parsed from the URL.
import { createStore } from "zustand/vanilla"

import type { KubernetesMinor, PointId } from "@/lib/catalog/types"

export type MapState = {
  /** The open point (side panel), or null when the panel is closed. */
  point: PointId | null
  version: KubernetesMinor
}

export type MapActions = {
  select: (point: PointId | null) => void
  setVersion: (version: KubernetesMinor) => void
}

export type MapStore = MapState & MapActions

export type MapStoreApi = ReturnType<typeof createMapStore>

export function createMapStore(initial: MapState) {
  return createStore<MapStore>()((set) => ({
    ...initial,
    select: (point) => set({ point }),
    setVersion: (version) => set({ version }),
  }))
}
