// All starter generators and the one entry point the UI, the API and the verifier use.
import { z } from "zod"
import { getMechanism, type MechanismId } from "@/lib/catalog"
import { withGenerateContext, type GenerateContext } from "./context"
import { withLocks } from "./locks"
import { starterNotice } from "./notices"
import { toFieldErrors } from "./options"
import type { AnyStarterGenerator, FieldError, Result, StarterOutput } from "./types"
import { mutatingWebhookStarter, validatingWebhookStarter } from "./generators/admission-webhook"
import { mapStarter, vapStarter } from "./generators/admission-policy"
import { controllerStarter } from "./generators/controller"
import { authnWebhookStarter, authzWebhookStarter, imagePolicyStarter, structuredAuthnStarter } from "./generators/apiserver-webhooks"
import { crdStarter } from "./generators/crd"
import { policyApisStarter } from "./generators/policy-apis"
import { operatorStarter } from "./generators/operator"
import { NODE_STARTERS } from "./generators/node-starters"
import { apiAggregationStarter } from "./generators/api-aggregation"

// Order = display order in the UI and in GET /api/starters.
export const STARTERS: readonly AnyStarterGenerator[] = [
  crdStarter,
  controllerStarter,
  operatorStarter,
  apiAggregationStarter,
  validatingWebhookStarter,
  mutatingWebhookStarter,
  vapStarter,
  mapStarter,
  imagePolicyStarter,
  authnWebhookStarter,
  structuredAuthnStarter,
  authzWebhookStarter,
  policyApisStarter,
  // Client, node, network, storage, device and scheduler starters (generators/node-starters.ts).
  ...NODE_STARTERS,
]

const byId = new Map<string, AnyStarterGenerator>(STARTERS.map((g) => [g.id, g]))

export function hasStarter(id: string): boolean {
  return byId.has(id)
}

export function getStarter(id: string): AnyStarterGenerator | undefined {
  return byId.get(id)
}

export function starterIds(): MechanismId[] {
  return STARTERS.map((g) => g.id)
}

/** The default option set of a starter (every schema field has a default). */
export function defaultOptions(id: MechanismId): Record<string, unknown> {
  const g = byId.get(id)
  if (!g) throw new Error(`no starter for ${id}`)
  return g.schema.parse({}) as Record<string, unknown>
}

function sortFiles(out: StarterOutput): StarterOutput {
  const files = [...out.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.path === files[i - 1]!.path) throw new Error(`duplicate file ${files[i]!.path}`)
  }
  return { root: out.root, files }
}

function unknownMechanism(mechanism: string): { ok: false; errors: FieldError[] } {
  const notice = starterNotice(mechanism)
  if (notice) {
    return { ok: false, errors: [{ field: "mechanism", key: notice.key, message: notice.message, params: { alternative: notice.alternative } }] }
  }
  return {
    ok: false,
    errors: [{ field: "mechanism", key: "unknownMechanism", message: `No starter for "${mechanism}".`, params: { name: mechanism } }],
  }
}

/** Validates raw options without generating (the normalized options with defaults filled in). */
export function parseOptions(mechanism: string, rawOptions: unknown = {}): Result<Record<string, unknown>, FieldError[]> {
  const g = byId.get(mechanism)
  if (!g) return unknownMechanism(mechanism)
  const parsed = g.schema.safeParse(rawOptions ?? {})
  return parsed.success ? { ok: true, value: parsed.data as Record<string, unknown> } : { ok: false, errors: toFieldErrors(parsed.error.issues) }
}

/**
 * What generate() answers: the files, field errors for options the schema refuses, or (a bug:
 * the schema accepted options its generator cannot handle) one whole-form error with the
 * exception in `failure`, so the UI can show it inline and the API can answer 500 and log it.
 */
export type GenerateResult =
  | { ok: true; value: StarterOutput }
  | { ok: false; errors: FieldError[]; failure?: Error }

/**
 * Validates raw options (from a form, a query string or JSON) and generates the starter. Never
 * throws. `context` carries what is not an option, such as the locale whose guide the README
 * links to.
 */
export function generate(mechanism: string, rawOptions: unknown = {}, context: GenerateContext = {}): GenerateResult {
  const g = byId.get(mechanism)
  if (!g) return unknownMechanism(mechanism)
  const parsed = g.schema.safeParse(rawOptions ?? {})
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error.issues) }
  try {
    return { ok: true, value: withLocks(sortFiles(withGenerateContext(context, () => g.generate(parsed.data)))) }
  } catch (e) {
    const failure = e instanceof Error ? e : new Error(String(e))
    return {
      ok: false,
      errors: [
        {
          field: "",
          key: "generatorFailed",
          message: `Generating the ${mechanism} starter failed on these options. They are valid, so this is a bug in the generator; please report it with the share link.`,
          params: { mechanism },
        },
      ],
      failure,
    }
  }
}

/**
 * Turns URL query parameters into raw options: single values become strings (the schemas
 * coerce booleans and numbers), repeated keys are an error.
 */
export function optionsFromQuery(params: URLSearchParams): Result<Record<string, string>, FieldError[]> {
  const entries: [string, string][] = []
  const errors: FieldError[] = []
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key)
    if (values.length > 1) errors.push({ field: key, key: "repeated", message: `Give "${key}" only once.`, params: { name: key } })
    else entries.push([key, values[0] ?? ""])
  }
  // fromEntries defines own properties, so "__proto__" stays an option name (and the strict
  // schema reports it as unknown) instead of silently setting the object's prototype.
  return errors.length ? { ok: false, errors } : { ok: true, value: Object.fromEntries(entries) }
}

export type FieldSpec = {
  name: string
  kind: "text" | "select" | "boolean" | "number"
  values?: string[]
  default: string | number | boolean
  minimum?: number
  maximum?: number
  pattern?: string
  maxLength?: number
}

type JsonSchemaProp = {
  type?: string
  enum?: unknown[]
  anyOf?: JsonSchemaProp[]
  default?: unknown
  pattern?: string
  maxLength?: number
  minimum?: number
  maximum?: number
}

/** JSON Schema of a starter's options (input form, as accepted by the API). */
export function optionsJsonSchema(g: AnyStarterGenerator): Record<string, unknown> {
  return z.toJSONSchema(g.schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>
}

/** Form fields in schema order, derived from the JSON Schema (so UI and API cannot drift). */
export function fieldSpecs(g: AnyStarterGenerator): FieldSpec[] {
  const schema = optionsJsonSchema(g) as { properties?: Record<string, JsonSchemaProp> }
  const defaults = g.schema.parse({}) as Record<string, unknown>
  return Object.entries(schema.properties ?? {}).map(([name, p]): FieldSpec => {
    const def = defaults[name] as string | number | boolean
    if (typeof def === "boolean") return { name, kind: "boolean", default: def }
    if (p.enum) return { name, kind: "select", values: p.enum.map(String), default: def }
    if (p.type === "integer" || p.type === "number")
      return { name, kind: "number", default: def, minimum: p.minimum, maximum: p.maximum }
    return { name, kind: "text", default: def, pattern: p.pattern, maxLength: p.maxLength }
  })
}

/** Metadata for GET /api/starters. */
export function startersMetadata() {
  return {
    schemaVersion: 1,
    starters: STARTERS.map((g) => {
      const m = getMechanism(g.id)
      return {
        id: g.id,
        name: m.name,
        summary: m.summary,
        languages: [...g.languages],
        targets: [...g.targets],
        defaults: g.schema.parse({}) as Record<string, unknown>,
        options: optionsJsonSchema(g),
        links: { zip: `/api/starters/${g.id}.zip`, json: `/api/starters/${g.id}.json` },
      }
    }),
  }
}
