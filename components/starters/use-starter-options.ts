"use client"

// Option state of one starter: raw form values (never dropped, even when invalid), initialised
// from the share link, else the last options saved for this mechanism, else the defaults.
import { useCallback, useEffect, useState } from "react"
import type { FieldSpec } from "@/lib/starters/registry"

import { defaultValues, sameValues, valuesFromQuery, type RawValues } from "./option-values"

export type Origin = "defaults" | "link" | "stored"

const storageKey = (mechanism: string) => `starters:options:${mechanism}`

function readStored(mechanism: string, fields: readonly FieldSpec[]): RawValues | undefined {
  try {
    const raw = window.localStorage.getItem(storageKey(mechanism))
    if (!raw) return undefined
    const parsed = JSON.parse(raw) as unknown
    if (!parsed || typeof parsed !== "object") return undefined
    const out: RawValues = {}
    for (const f of fields) {
      const v = (parsed as Record<string, unknown>)[f.name]
      if (typeof v === "string" || typeof v === "boolean") out[f.name] = v
    }
    return out
  } catch {
    return undefined // storage disabled or corrupt: fall back to defaults
  }
}

/** `initial`: the values the server rendered with (the defaults, or a link's options). */
export function useStarterOptions(mechanism: string, fields: readonly FieldSpec[], initial: RawValues = defaultValues(fields)) {
  const [state, setState] = useState<{ values: RawValues; origin: Origin; ready: boolean }>(() => ({
    values: initial,
    origin: "defaults",
    ready: false,
  }))
  const { values, origin, ready } = state

  // Runs after hydration (the server rendered `initial`): link > stored > defaults.
  useEffect(() => {
    const fromLink = valuesFromQuery(fields, window.location.search)
    const stored = fromLink ? undefined : readStored(mechanism, fields)
    const values = { ...defaultValues(fields), ...(fromLink ?? stored) }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time read of browser-only state (URL, localStorage)
    setState((s) => ({
      // Unchanged options keep their object, so nothing is generated again.
      values: sameValues(values, s.values) ? s.values : values,
      origin: fromLink ? "link" : stored ? "stored" : "defaults",
      ready: true,
    }))
  }, [mechanism, fields])

  useEffect(() => {
    if (!ready) return
    try {
      window.localStorage.setItem(storageKey(mechanism), JSON.stringify(values))
    } catch {
      // Private mode or quota: remembering is best-effort.
    }
  }, [mechanism, values, ready])

  const setValue = useCallback((name: string, value: string | boolean) => {
    setState((s) => ({ ...s, values: { ...s.values, [name]: value } }))
  }, [])

  const reset = useCallback(() => {
    try {
      window.localStorage.removeItem(storageKey(mechanism))
    } catch {
      // ignore
    }
    setState({ values: defaultValues(fields), origin: "defaults", ready: true })
  }, [mechanism, fields])

  return { values, setValue, reset, origin, ready }
}
