// Inputs that shape a generation but are not starter options: today the locale the user generated
// from, which decides the language of the guide the README links to. Generators are synchronous
// and pure, so the context is set for the duration of one generate() call instead of being threaded
// through every generator's signature.
import { LOCALES, type Locale } from "@/lib/catalog"

export type GenerateContext = {
  /** Locale of the page (or API request) the starter was generated from; default "en". */
  locale?: Locale
}

const DEFAULT_LOCALE: Locale = "en"
let current: Required<GenerateContext> = { locale: DEFAULT_LOCALE }

export function isLocale(x: string): x is Locale {
  return (LOCALES as readonly string[]).includes(x)
}

/** Runs `fn` (one synchronous generation) with the given context, restoring the previous one after. */
export function withGenerateContext<T>(context: GenerateContext, fn: () => T): T {
  const previous = current
  current = { locale: context.locale ?? DEFAULT_LOCALE }
  try {
    return fn()
  } finally {
    current = previous
  }
}

/** The locale of the generation in progress. */
export function generationLocale(): Locale {
  return current.locale
}
