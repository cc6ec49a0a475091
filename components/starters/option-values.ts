// A starter form's raw option values and their query-string form. Plain functions (no React), so
// the server renders a link's options with the same rules the browser reads them with.
import type { FieldSpec } from "@/lib/starters/registry"

export type RawValues = Record<string, string | boolean>

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

/** Same options (the form's raw values), in any key order. */
export function sameValues(a: RawValues, b: RawValues): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k])
}
