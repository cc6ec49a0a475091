// fast-check arbitraries derived from a starter's zod option schema itself, so the property tests
// (and the HTTP probe) draw from exactly the inputs the schema accepts: every regex through
// fc.stringMatching, strings at their length limits, every enum value, booleans and numbers at
// their bounds, in the typed form (JSON) and the string form (query strings). A schema construct
// this walker does not know fails loudly, so a new kind of option cannot go untested.
import fc from "fast-check"
import type { z } from "zod"

type Def = { type: string; [key: string]: unknown }
type CheckDef = { check: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; tx?: (s: string) => string }

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def
const checksOf = (def: Def): CheckDef[] => ((def.checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((c) => c._zod.def)

/** Longest prefix of `s` (at most `max` characters) that every pattern accepts, if any. */
function longestMatchingPrefix(s: string, max: number, patterns: readonly RegExp[]): string | undefined {
  for (let n = Math.min(s.length, max); n > 0; n--) {
    const p = s.slice(0, n)
    if (patterns.every((re) => re.test(p))) return p
  }
  return undefined
}

export type StringBounds = { patterns: RegExp[]; min: number; max: number; trims: boolean }

export function stringBounds(def: Def): StringBounds {
  const checks = checksOf(def)
  const patterns = checks.filter((c) => c.check === "string_format" && c.format === "regex" && c.pattern).map((c) => c.pattern!)
  const min = Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum ?? 0))
  const max = Math.min(1_000, ...checks.filter((c) => c.check === "max_length").map((c) => c.maximum ?? 1_000))
  const trims = checks.some((c) => c.check === "overwrite" && c.tx?.("  x\t") === "x")
  return { patterns, min, max, trims }
}

/**
 * Strings for a zod string schema: typical matches of its pattern; the longest match that still
 * fits its length limit (a boundary); one just over the limit; the same values padded with
 * whitespace when the schema trims.
 */
export function stringArbitrary({ patterns, min, max, trims }: StringBounds): fc.Arbitrary<string> {
  const [first, ...rest] = patterns
  // Nested quantifiers (image references, module paths) make fc.stringMatching's strings grow
  // fast with its size; a match longer than the limit is cut back to its longest matching prefix.
  const fit = (s: string, fallback: string) => longestMatchingPrefix(s, max, patterns) ?? fallback
  const matching = first
    ? fc
        .stringMatching(first, { size: "xsmall" })
        .filter((s) => rest.every((re) => re.test(s)))
        .map((s) => (s.length > max ? fit(s, s) : s))
    : fc.string({ minLength: min, maxLength: max })
  // Concatenated matches cut back to the longest prefix that still matches: lengths at the limit.
  const long = first
    ? fc
        .tuple(matching, fc.array(fc.stringMatching(first, { size: "small" }), { minLength: 1, maxLength: 12 }))
        .map(([head, parts]) => fit(head + parts.join(""), head))
    : fc.string({ minLength: max, maxLength: max })
  const overLimit = long.map((s) => s + "x".repeat(Math.max(1, max + 1 - s.length)))
  const base = fc.oneof({ arbitrary: matching, weight: 6 }, { arbitrary: long, weight: 3 }, { arbitrary: overLimit, weight: 1 })
  if (!trims) return base
  return fc.oneof(
    { arbitrary: base, weight: 9 },
    { arbitrary: fc.tuple(fc.constantFrom(" ", "\t", "  "), base, fc.constantFrom(" ", "\n", "")).map(([a, s, b]) => a + s + b), weight: 1 },
  )
}

function numberArbitrary(def: Def, coerce: boolean): fc.Arbitrary<unknown> {
  const checks = checksOf(def)
  const isInt = checks.some((c) => c.check === "number_format" && /int/.test(c.format ?? ""))
  const lower = checks.find((c) => c.check === "greater_than")
  const upper = checks.find((c) => c.check === "less_than")
  const min = lower ? (lower.value ?? 0) + (lower.inclusive ? 0 : 1) : -1_000
  const max = upper ? (upper.value ?? 0) - (upper.inclusive ? 0 : 1) : 1_000
  const inRange = isInt ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true })
  const n = fc.oneof({ arbitrary: inRange, weight: 6 }, { arbitrary: fc.constantFrom(min, max), weight: 3 }, { arbitrary: fc.constantFrom(min - 1, max + 1), weight: 1 })
  // A coercing schema also reads "5" (query strings).
  return coerce ? fc.oneof(n, n.map(String)) : n
}

/** Values for one option schema. `undefined` stands for "option left out". */
export function schemaArbitrary(schema: z.core.$ZodType, where: string): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  switch (def.type) {
    case "default":
    case "prefault":
      return fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: schemaArbitrary(def.innerType as z.core.$ZodType, where), weight: 4 })
    case "optional":
      return fc.option(schemaArbitrary(def.innerType as z.core.$ZodType, where), { nil: undefined })
    case "string":
      return stringArbitrary(stringBounds(def))
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>))
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]))
    case "boolean":
      return fc.boolean()
    case "number":
      return numberArbitrary(def, def.coerce === true)
    case "union":
      return fc.oneof(...(def.options as z.core.$ZodType[]).map((o, i) => schemaArbitrary(o, `${where}|${i}`)))
    case "pipe":
      // Inputs are what the first schema of the pipe reads (e.g. "true"/"false" before the transform).
      return schemaArbitrary(def.in as z.core.$ZodType, where)
    default:
      throw new Error(`option-arbitraries: no arbitrary for zod type "${def.type}" at ${where}; teach schemaArbitrary() this option kind`)
  }
}

/** The option shape of a strict starter schema (object checks such as superRefine live on the object). */
export function optionShape(schema: z.ZodObject): Record<string, z.core.$ZodType> {
  return schema.shape as Record<string, z.core.$ZodType>
}

/**
 * Option sets for a starter schema: any subset of its options, each drawn from its own schema,
 * half of them as a query string would carry them (every value a string).
 */
export function optionsArbitrary(schema: z.ZodObject, where = "options"): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(optionShape(schema)).map(([name, s]) => [name, schemaArbitrary(s, `${where}.${name}`)]))
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), fc.boolean()).map(([record, asQuery]) => {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = asQuery ? String(v) : v
    return out
  })
}
