// The contract every starter generator implements. Generators are pure and deterministic
// (same options → byte-identical files) and run unchanged in the browser and in Node, so they
// import nothing from React/Next/Node built-ins.
import type { z } from "zod"
import type { KubernetesMinor, MechanismId } from "@/lib/catalog"

/** One generated file. `path` is relative to the project root, always with "/" separators. */
export type StarterFile = {
  path: string
  content: string
  /** Set for scripts (zip entries get mode 0755 instead of 0644). */
  executable?: boolean
}

export type StarterOutput = {
  /** Project folder name: the zip's single top-level directory and its file name (`<root>.zip`). */
  root: string
  /** Sorted by path (the registry sorts; generators may emit in any order). */
  files: StarterFile[]
}

/** Languages a starter's own code can be generated in. Manifest-only starters offer none. */
export const STARTER_LANGUAGES = ["go", "typescript", "bash"] as const
export type StarterLanguage = (typeof STARTER_LANGUAGES)[number]

/** A validation problem for one option (field = option name, "" for the whole object). */
export type FieldError = {
  field: string
  /** English, readable by a person. */
  message: string
  /** Stable key for translated messages (messages/<locale>/starters.json "errors.<key>"). */
  key: string
  /** Values for the translated message's placeholders. */
  params?: Record<string, string | number>
}

export type Result<T, E> = { ok: true; value: T } | { ok: false; errors: E }

/** Options that scripts/verify-starters.mjs builds, compiles and tests in CI, besides the defaults. */
export type VerifyVariant = {
  /** Folder suffix, e.g. "go", "typescript", "go-self-signed": `.cache/starters/<id>-<name>/`. */
  name: string
  options: Record<string, unknown>
}

/**
 * A starter generator. `schema` is a strict zod object whose every field has a default, so
 * `schema.parse({})` is the default option set and an empty query yields a working starter.
 */
export interface StarterGenerator<S extends z.ZodObject = z.ZodObject> {
  id: MechanismId
  schema: S
  /** Code languages offered ([] = manifests/config only). Must match the schema's `language` enum. */
  languages: readonly StarterLanguage[]
  /** Kubernetes minors the starter can target (a subset of 1.30–1.37, oldest first). */
  targets: readonly KubernetesMinor[]
  /** Option sets verified in CI (every language, every certificate mode…); defaults are always included. */
  variants: readonly VerifyVariant[]
  generate(options: z.output<S>): StarterOutput
}

/** Type-erased generator, as stored in the registry. */
export type AnyStarterGenerator = StarterGenerator<z.ZodObject>

/** Keeps a generator's option type precise while checking it against the contract. */
export function defineStarter<S extends z.ZodObject>(g: StarterGenerator<S>): AnyStarterGenerator {
  return g as unknown as AnyStarterGenerator
}
