"use client"

import { createContext, useContext, useState } from "react"
import { useStore } from "zustand"

import type { MechanismId } from "@/lib/catalog"

import { createAdvisorStore, type AdvisorState, type AdvisorStore, type AdvisorStoreApi } from "./advisor-store"

const AdvisorStoreContext = createContext<AdvisorStoreApi | null>(null)

/** Which starter to offer per mechanism (its own or its replacement's); from the server's starter registry. */
export type StarterTargets = Partial<Record<MechanismId, MechanismId>>
const StarterTargetsContext = createContext<StarterTargets>({})

export function AdvisorStoreProvider({ initial, starters, children }: { initial: AdvisorState; starters: StarterTargets; children: React.ReactNode }) {
  const [store] = useState(() => createAdvisorStore(initial))
  return (
    <AdvisorStoreContext.Provider value={store}>
      <StarterTargetsContext.Provider value={starters}>{children}</StarterTargetsContext.Provider>
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
