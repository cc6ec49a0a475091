"use client"

import { useSyncExternalStore } from "react"

const subscribeNever = () => () => {}

/**
 * False while React renders on the server or hydrates that HTML, true in any render begun on the
 * client (and in the re-render React makes right after hydration). For what the server cannot
 * know (the stored theme, the screen), without a hydration mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false)
}
