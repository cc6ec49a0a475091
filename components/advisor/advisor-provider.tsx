"use client"

import { createContext, useContext, useState } from "react"
import { useStore } from "zustand"

import { createAdvisorStore, type AdvisorState, type AdvisorStore, type AdvisorStoreApi } from "./advisor-store"

const AdvisorStoreContext = createContext<AdvisorStoreApi | null>(null)

export function AdvisorStoreProvider({ initial, children }: { initial: AdvisorState; children: React.ReactNode }) {
  const [store] = useState(() => createAdvisorStore(initial))
  return <AdvisorStoreContext.Provider value={store}>{children}</AdvisorStoreContext.Provider>
}

export function useAdvisorStoreApi(): AdvisorStoreApi {
  const store = useContext(AdvisorStoreContext)
  if (!store) throw new Error("useAdvisorStore must be used within AdvisorStoreProvider")
  return store
}

export function useAdvisorStore<T>(selector: (store: AdvisorStore) => T): T {
  return useStore(useAdvisorStoreApi(), selector)
}
