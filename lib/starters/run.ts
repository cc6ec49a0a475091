// Running one generator: validate raw options with its schema, generate inside the context, sort.
// Shared by the registry's generate() (API, server, verifier) and the browser, which loads only
// the chosen starter's generator (loaders.ts): the same function, so the same bytes.
import { withGenerateContext, type GenerateContext } from "./context"
import { withLocks } from "./locks"
import { toFieldErrors } from "./options"
import type { AnyStarterGenerator, FieldError, StarterOutput } from "./types"

/**
 * What generate() answers: the files, field errors for options the schema refuses, or (a bug:
 * the schema accepted options its generator cannot handle) one whole-form error with the
 * exception in `failure`, so the UI can show it inline and the API can answer 500 and log it.
 */
export type GenerateResult =
  | { ok: true; value: StarterOutput }
  | { ok: false; errors: FieldError[]; failure?: Error }

function sortFiles(out: StarterOutput): StarterOutput {
  const files = [...out.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.path === files[i - 1]!.path) throw new Error(`duplicate file ${files[i]!.path}`)
  }
  return { root: out.root, files }
}

/** Validates raw options (form, query string or JSON) against `g`'s schema and generates its files. Never throws. */
export function runGenerator(g: AnyStarterGenerator, rawOptions: unknown = {}, context: GenerateContext = {}): GenerateResult {
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
          message: `Generating the ${g.id} starter failed on these options. They are valid, so this is a bug in the generator; please report it with the share link.`,
          params: { mechanism: g.id },
        },
      ],
      failure,
    }
  }
}
