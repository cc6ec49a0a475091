// Ranking for the header search: pure, so it is unit-tested and runs in the browser without
// the catalog (the entries are loaded on demand by search-data.ts).
import type { Locale, Localized, LocalizedList, Mechanism, MechanismId, PointId } from "@/lib/catalog/types"

export type SearchEntry = {
  id: MechanismId
  point: PointId
  name: Localized
  summary: Localized
  aliases: LocalizedList
}

export type SearchResult = { entry: SearchEntry; score: number }

export function toSearchEntry(m: Mechanism): SearchEntry {
  return { id: m.id, point: m.point, name: m.name, summary: m.summary, aliases: m.aliases }
}

export function normalizeText(text: string): string {
  // NFKC folds full-width letters and CJK compatibility forms ("ＣＥＬ" → "cel").
  return text.normalize("NFKC").toLowerCase().trim()
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff]/
const WORD_CHAR = /[\p{L}\p{N}]/u

/** How well one token matches one text: exact 1, prefix 0.8, start of a word 0.6, inside a word 0.35. */
export function matchStrength(text: string, token: string): number {
  const t = normalizeText(text)
  if (!token || !t) return 0
  if (t === token) return 1
  if (t.startsWith(token)) return 0.8
  let inside = false
  for (let i = t.indexOf(token); i >= 0; i = t.indexOf(token, i + 1)) {
    const before = t[i - 1] ?? " "
    // Chinese has no spaces between words, so any position counts as a word start there.
    if (!WORD_CHAR.test(before) || CJK.test(before) || CJK.test(token[0] ?? "")) return 0.6
    inside = true
  }
  // Substrings inside Latin words only from 3 letters on, so "ca" does not match "scale".
  return inside && token.length >= 3 ? 0.35 : 0
}

const WEIGHTS = { name: 100, alias: 60, id: 30, summary: 15 } as const
// Matches in the page's language count a little more than those in the other language.
const OTHER_LOCALE = 0.9

function best(values: readonly string[], token: string): number {
  let out = 0
  for (const v of values) out = Math.max(out, matchStrength(v, token))
  return out
}

function tokenScore(entry: SearchEntry, token: string, locale: Locale): number {
  const other: Locale = locale === "en" ? "zh-CN" : "en"
  const both = (own: number, foreign: number) => Math.max(own, foreign * OTHER_LOCALE)
  const name = both(matchStrength(entry.name[locale], token), matchStrength(entry.name[other], token))
  const alias = both(best(entry.aliases[locale], token), best(entry.aliases[other], token))
  const id = matchStrength(entry.id.replaceAll("-", " "), token)
  const summary = both(matchStrength(entry.summary[locale], token), matchStrength(entry.summary[other], token))
  // Evidence adds up: "CEL" in both the name and the aliases beats "CEL" in the aliases only.
  return name * WEIGHTS.name + alias * WEIGHTS.alias + id * WEIGHTS.id + summary * WEIGHTS.summary
}

/**
 * Mechanisms matching every word of the query (in either language), best first; ties keep the
 * catalog order. An empty query returns nothing: the UI decides what to show then.
 */
export function rankMechanisms(
  entries: readonly SearchEntry[],
  query: string,
  locale: Locale,
  limit = 12,
): SearchResult[] {
  const tokens = normalizeText(query).split(/\s+/).filter(Boolean)
  if (tokens.length === 0) return []
  const results: (SearchResult & { index: number })[] = []
  entries.forEach((entry, index) => {
    let score = 0
    for (const token of tokens) {
      const s = tokenScore(entry, token, locale)
      if (s === 0) return
      score += s
    }
    results.push({ entry, score, index })
  })
  return results
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ entry, score }) => ({ entry, score }))
}
