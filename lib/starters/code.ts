// Code templates. Interpolated values must be `Safe`, and the only ways to make one are the
// validating constructors below, so an option value can never break out of a string literal or
// inject a statement: identifiers are checked, strings are escaped as literals.

const SAFE: unique symbol = Symbol("safe")
export type Safe = { readonly [SAFE]: string }

function safe(s: string): Safe {
  return { [SAFE]: s }
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/
/**
 * Characters allowed for bare tokens in Makefiles, shell, Dockerfiles and Markdown code. '~'
 * (Go module paths allow it) only where no shell expands it: never first, never after '=' or ':'.
 */
const TOKEN = /^(?:[A-Za-z0-9._/:@+=,-]|(?<=[A-Za-z0-9._/@+,~-])~)*$/

/** A Go/TypeScript identifier; throws on anything else (options are validated before this). */
export function ident(s: string): Safe {
  if (!IDENT.test(s)) throw new Error(`not an identifier: ${JSON.stringify(s)}`)
  return safe(s)
}

/** A bare token (image, module path, group, version, name) for shell/Makefile/Dockerfile text. */
export function token(s: string): Safe {
  if (!TOKEN.test(s)) throw new Error(`unsafe token: ${JSON.stringify(s)}`)
  return safe(s)
}

/**
 * A double-quoted string literal valid in Go and TypeScript: JSON escaping covers quotes,
 * backslashes and control characters, and both languages read \uXXXX escapes.
 */
export function str(s: string): Safe {
  return safe(JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029"))
}

/** A number literal. */
export function num(n: number): Safe {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`)
  return safe(String(n))
}

/** Joins fragments with a separator (default: newline). */
export function join(parts: readonly Safe[], sep = "\n"): Safe {
  return safe(parts.map((p) => p[SAFE]).join(sep))
}

/** Reads a Safe's text (for builders that assemble fragments themselves). */
export function safeText(s: Safe): string {
  return s[SAFE]
}

/** Internal: wraps text assembled only from other Safe values and constants. */
export function unsafeFragment(s: string): Safe {
  return safe(s)
}

/** An empty fragment, for optional blocks. */
export const EMPTY: Safe = safe("")

export type Interpolation = Safe | readonly Safe[]

function unsafeText(v: Interpolation): string {
  return Array.isArray(v) ? (v as readonly Safe[]).map((x) => x[SAFE]).join("") : (v as Safe)[SAFE]
}

/**
 * Dedents the template (common leading whitespace of non-blank lines), drops the first and last
 * line when blank, and ends with exactly one newline. With `tabs`, every two leading spaces after
 * dedenting become one tab (gofmt style); Go raw strings must not rely on leading spaces.
 */
function render(strings: TemplateStringsArray, values: readonly Interpolation[], tabs: boolean): string {
  let text = strings[0] ?? ""
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v === undefined || (typeof v === "object" && !Array.isArray(v) && !(SAFE in v)))
      throw new Error("template value is not Safe")
    // Multi-line fragments continue at the indentation of the line they were placed on.
    const currentLine = text.slice(text.lastIndexOf("\n") + 1)
    const lead = currentLine.slice(0, currentLine.length - currentLine.trimStart().length)
    const value = unsafeText(v as Interpolation).replace(/\n(?=.)/g, `\n${lead}`)
    text += value + (strings[i + 1] ?? "")
  }
  const lines = text.split("\n")
  if (lines.length > 0 && lines[0]!.trim() === "") lines.shift()
  if (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop()
  let indent = Infinity
  for (const l of lines) if (l.trim() !== "") indent = Math.min(indent, l.length - l.trimStart().length)
  if (!Number.isFinite(indent)) indent = 0
  const out = lines.map((l) => {
    const d = l.trim() === "" ? "" : l.slice(indent).trimEnd()
    if (!tabs) return d
    const lead = d.length - d.trimStart().length
    return "\t".repeat(Math.floor(lead / 2)) + " ".repeat(lead % 2) + d.trimStart()
  })
  return `${out.join("\n")}\n`
}

/** Go source (indent with two spaces per level in the template; rendered with tabs). */
export function go(strings: TemplateStringsArray, ...values: Interpolation[]): string {
  // gofmt never keeps two blank lines in a row (empty optional fragments can leave them).
  return render(strings, values, true).replace(/\n{3,}/g, "\n\n")
}

/** TypeScript, shell, Dockerfile or Markdown text (spaces kept). */
export function text(strings: TemplateStringsArray, ...values: Interpolation[]): string {
  return render(strings, values, false)
}

/**
 * A Safe fragment for nesting into another template (`go` or `text`); kept space-indented so
 * the outer `go` template converts the indentation once.
 */
export function fragment(strings: TemplateStringsArray, ...values: Interpolation[]): Safe {
  return safe(render(strings, values, false).replace(/\n$/, ""))
}

/** Lower-camel/Pascal helpers for identifiers derived from validated names. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join("")
}

export function camel(name: string): string {
  const p = pascal(name)
  return p ? p[0]!.toLowerCase() + p.slice(1) : p
}

/** English plural of a lower-cased kind, the way kubebuilder derives resource names. */
export function pluralize(lowerKind: string): string {
  if (/(s|x|z|ch|sh)$/.test(lowerKind)) return `${lowerKind}es`
  if (/[^aeiou]y$/.test(lowerKind)) return `${lowerKind.slice(0, -1)}ies`
  return `${lowerKind}s`
}
