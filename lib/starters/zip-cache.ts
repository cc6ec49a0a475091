// Server side: a starter's zip, kept for the options it was made from. Generators are pure (the
// same options give the same bytes), so a zip made once serves every request with those options:
// the API answers a popular starter from memory instead of generating and compressing it again.
// Bounded (least recently used out), keyed by the parsed options with their defaults, so
// `?kind=Widget` and no query (the default kind) share an entry.
import type { GenerateContext } from "./context"
import { generate, parseOptions, type GenerateResult } from "./registry"
import { zipFileName, zipStarter } from "./zip"

const MAX_ENTRIES = 128

type Zip = { bytes: Uint8Array; fileName: string }
const zips = new Map<string, Zip>()

function keyOf(mechanism: string, options: Record<string, unknown>, context: GenerateContext): string {
  return JSON.stringify([mechanism, context.locale ?? null, Object.entries(options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))])
}

/** generate() + zipStarter(), memoised: the zip, or generate()'s errors for the options. */
export function starterZip(mechanism: string, rawOptions: unknown, context: GenerateContext = {}): ({ ok: true } & Zip) | Extract<GenerateResult, { ok: false }> {
  const parsed = parseOptions(mechanism, rawOptions)
  const key = parsed.ok ? keyOf(mechanism, parsed.value, context) : undefined
  const hit = key === undefined ? undefined : zips.get(key)
  if (key !== undefined && hit) {
    zips.delete(key)
    zips.set(key, hit)
    return { ok: true, ...hit }
  }
  const result = generate(mechanism, rawOptions, context)
  if (!result.ok) return result
  const zip = { bytes: zipStarter(result.value), fileName: zipFileName(result.value) }
  if (key !== undefined) {
    zips.set(key, zip)
    if (zips.size > MAX_ENTRIES) zips.delete(zips.keys().next().value as string)
  }
  return { ok: true, ...zip }
}

/** Forgets every zip (tests that replace a generator). */
export function clearStarterZips() {
  zips.clear()
}
