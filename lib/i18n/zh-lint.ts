// Checks Chinese UI text for the two problems reviewers keep finding: terms that differ from the
// glossary, and mixed-width punctuation (ASCII , . : ; ? ! or parentheses inside Chinese sentences,
// stray spaces next to full-width punctuation or between Chinese characters). Code, URLs and
// version numbers are removed before checking. Pure: used by tests, usable by scripts.
import { GLOSSARY, type GlossaryEntry } from "./glossary"

export type ZhIssueRule =
  | "banned-term"
  | "ascii-punctuation"
  | "ascii-parenthesis"
  | "space-next-to-full-width"
  | "space-between-han"

export type ZhIssue = { rule: ZhIssueRule; match: string; context: string; term?: string }

const HAN = "\\u3400-\\u9fff"
// Full-width punctuation and brackets, and the curly quotes Chinese text uses.
const FULL = "\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u201c\\u201d\\u2018\\u2019\\u2014\\u2026"
const CJK = `${HAN}${FULL}`

/** Removes what is not Chinese prose: fenced and inline code, URLs and link targets. */
export function stripNonProse(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`\n]*`/g, "\u2060")
    .replace(/\]\([^)\s]*\)/g, "]")
    .replace(/https?:\/\/[^\s)）"'`]+/g, "\u2060")
    // A character named in quotes (“-”, “.”) is the character itself, not punctuation.
    .replace(/“[^”\s\u3400-\u9fff]{1,3}”/g, "\u2060")
}

function context(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 12), index + length + 12).replace(/\s+/g, " ")
}

function collect(text: string, re: RegExp, rule: ZhIssueRule, out: ZhIssue[], term?: string) {
  const global = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`)
  for (const m of text.matchAll(global)) {
    out.push({ rule, match: m[0], context: context(text, m.index ?? 0, m[0].length), ...(term ? { term } : {}) })
  }
}

const RULES: ReadonlyArray<[ZhIssueRule, RegExp]> = [
  // , ; : ! ? touching Chinese on either side (spaces in between count as touching).
  ["ascii-punctuation", new RegExp(`[${CJK}] *[,;:!?]|[,;:!?] *[${CJK}]`)],
  // A sentence-ending ASCII period after Chinese (not a decimal point or a domain name).
  ["ascii-punctuation", new RegExp(`[${CJK}] *\\.(?![\\w/])`)],
  // ASCII parentheses opening or closing around Chinese.
  ["ascii-parenthesis", new RegExp(`[${CJK}] *[()]|[()] *[${HAN}]`)],
  // Spaces next to full-width punctuation: "（GA ）", " ，", "语言 ："
  ["space-next-to-full-width", /[ \t]+[（）【】「」『』，。、；：！？]|[（【「『，。、；：！？][ \t]+/],
  // "为 正式发布": a space between two Chinese characters is a gluing artefact.
  ["space-between-han", new RegExp(`[${HAN}][ \\t]+[${HAN}]`)],
]

/** Issues in one piece of Chinese text (already free of markup other than Markdown emphasis). */
export function lintZh(raw: string, glossary: readonly GlossaryEntry[] = GLOSSARY): ZhIssue[] {
  const text = stripNonProse(raw)
  const out: ZhIssue[] = []
  for (const entry of glossary) for (const re of entry.banned) collect(text, re, "banned-term", out, entry.term)
  for (const [rule, re] of RULES) collect(text, re, rule, out)
  return out
}

/**
 * The literal text of an ICU message ("{count, plural, =0 {…} other {# 个}}"): placeholders become
 * a neutral marker, plural/select branches are kept, so punctuation around them can be checked.
 */
export function icuLiterals(message: string): string {
  let out = ""
  let i = 0
  while (i < message.length) {
    const ch = message[i]
    if (ch !== "{") {
      out += ch === "#" ? "\u2060" : ch
      i++
      continue
    }
    // Find the matching brace.
    let depth = 0
    let j = i
    for (; j < message.length; j++) {
      if (message[j] === "{") depth++
      else if (message[j] === "}" && --depth === 0) break
    }
    const inner = message.slice(i + 1, j)
    const complex = /^\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/.exec(inner)
    if (complex) {
      // Keep each branch's text: "=0 {…} one {…} other {…}".
      const branches = inner.slice(complex[0].length)
      let k = 0
      while (k < branches.length) {
        const open = branches.indexOf("{", k)
        if (open < 0) break
        let d = 0
        let e = open
        for (; e < branches.length; e++) {
          if (branches[e] === "{") d++
          else if (branches[e] === "}" && --d === 0) break
        }
        // Branches are alternatives, not one sentence: separate them by a line break.
        out += `\n${icuLiterals(branches.slice(open + 1, e))}\n`
        k = e + 1
      }
    } else out += "\u2060"
    i = j + 1
  }
  return out
}

/**
 * Chinese prose of an MDX guide: code blocks removed, JSX components replaced by nothing, and the
 * string literals inside them (Flow steps, link titles) returned as extra pieces of text.
 */
export function mdxProse(source: string): string[] {
  const withoutCode = source.replace(/```[\s\S]*?```/g, " ")
  const pieces: string[] = []
  const prose = withoutCode.replace(/<[A-Z][\s\S]*?\/>|<\/?[A-Z][A-Za-z]*[^>]*>/g, (tag) => {
    for (const m of tag.matchAll(/"((?:[^"\\]|\\.)*)"/g)) pieces.push(m[1] ?? "")
    return "\n"
  })
  return [prose, ...pieces]
}
