import "server-only"

import { createHighlighter, type Highlighter } from "shiki"

// Must match the themes the MDX rehype plugin uses (next.config.js) so both kinds of code block look alike.
export const SHIKI_THEMES = { light: "github-light", dark: "github-dark" } as const
export type HighlightLang = "yaml" | "json" | "bash" | "go"

let highlighter: Promise<Highlighter> | undefined

/** Highlights code to HTML at build time (guide pages are static); shiki never reaches the browser. */
export async function highlight(code: string, lang: HighlightLang): Promise<string> {
  highlighter ??= createHighlighter({
    themes: [SHIKI_THEMES.light, SHIKI_THEMES.dark],
    langs: ["yaml", "json", "bash", "go"],
  })
  return (await highlighter).codeToHtml(code, { lang, themes: SHIKI_THEMES, defaultColor: "light" })
}
