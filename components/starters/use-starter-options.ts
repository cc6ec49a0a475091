"use client"

// Option state of one starter: raw form values (never dropped, even when invalid), initialised
// from the share link, else the last options saved for this mechanism, else the defaults.
import { useCallback, useEffect, useState } from "react"
import type { FieldSpec } from "@/lib/starters"

export type RawValues = Record<string, string | boolean>
export type Origin = "defaults" | "link" | "stored"

const storageKey = (mechanism: string) => `starters:options:${mechanism}`

export function defaultValues(fields: readonly FieldSpec[]): RawValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.kind === "boolean" ? Boolean(f.default) : String(f.default)]))
}

/** Values from a query string; only known option names, booleans parsed. */
export function valuesFromQuery(fields: readonly FieldSpec[], search: string): RawValues | undefined {
  const q = new URLSearchParams(search)
  const out: RawValues = {}
  let any = false
  for (const f of fields) {
    const v = q.get(f.name)
    if (v === null) continue
    any = true
    out[f.name] = f.kind === "boolean" ? v === "true" : v
  }
  return any ? out : undefined
}

/** Query string with every option, so a share link reproduces the files even if defaults change. */
export function queryFromValues(fields: readonly FieldSpec[], values: RawValues): string {
  const q = new URLSearchParams()
  for (const f of fields) {
    const v = values[f.name]
    if (v !== undefined) q.set(f.name, String(v))
  }
  return q.toString()
}

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

export function useStarterOptions(mechanism: string, fields: readonly FieldSpec[]) {
  const [state, setState] = useState<{ values: RawValues; origin: Origin; ready: boolean }>(() => ({
    values: defaultValues(fields),
    origin: "defaults",
    ready: false,
  }))
  const { values, origin, ready } = state

  // Runs after hydration (the server renders the defaults): link > stored > defaults.
  useEffect(() => {
    const fromLink = valuesFromQuery(fields, window.location.search)
    const stored = fromLink ? undefined : readStored(mechanism, fields)
    const initial = fromLink ?? stored
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time read of browser-only state (URL, localStorage)
    setState({
      values: { ...defaultValues(fields), ...initial },
      origin: fromLink ? "link" : stored ? "stored" : "defaults",
      ready: true,
    })
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
