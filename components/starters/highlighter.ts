// Client-side syntax highlighting, loaded on first use: shiki's core with the JavaScript regex
// engine (no WASM) and only the grammars starters produce, so the page's initial bundle stays small.
import type { HighlighterCore } from "shiki/core"

export type CodeLang = "go" | "typescript" | "yaml" | "json" | "markdown" | "makefile" | "shellscript" | "dockerfile" | "text"

let loading: Promise<HighlighterCore> | undefined

function load(): Promise<HighlighterCore> {
  loading ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import("shiki/core"),
      import("shiki/engine/javascript"),
    ])
    return createHighlighterCore({
      themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
      langs: [
        import("shiki/langs/go.mjs"),
        import("shiki/langs/typescript.mjs"),
        import("shiki/langs/yaml.mjs"),
        import("shiki/langs/json.mjs"),
        import("shiki/langs/markdown.mjs"),
        import("shiki/langs/makefile.mjs"),
        import("shiki/langs/shellscript.mjs"),
        import("shiki/langs/dockerfile.mjs"),
      ],
      engine: createJavaScriptRegexEngine(),
    })
  })()
  return loading
}

export function langOf(path: string): CodeLang {
  const base = path.split("/").pop() ?? path
  if (base === "Makefile") return "makefile"
  if (base === "Dockerfile") return "dockerfile"
  const ext = base.includes(".") ? base.slice(base.lastIndexOf(".") + 1) : ""
  switch (ext) {
    case "go":
      return "go"
    case "ts":
      return "typescript"
    case "yaml":
    case "yml":
    case "kubeconfig":
      return "yaml"
    case "json":
      return "json"
    case "md":
      return "markdown"
    case "sh":
      return "shellscript"
    default:
      return "text"
  }
}

/** HTML for the code (shiki escapes the content), light colours inline and dark ones as variables. */
export async function highlightToHtml(code: string, lang: CodeLang): Promise<string> {
  const h = await load()
  return h.codeToHtml(code, {
    lang: lang === "text" ? "text" : lang,
    themes: { light: "github-light", dark: "github-dark" },
    defaultColor: "light",
  })
}
