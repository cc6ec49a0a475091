import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

import { compile } from "@mdx-js/mdx"
import remarkGfm from "remark-gfm"
import { bundledLanguages, bundledLanguagesAlias } from "shiki"
import { describe, expect, it } from "vitest"

import { isMechanismId, LOCALES, MECHANISM_IDS, type Locale } from "@/lib/catalog"

import { ALLOWED_COMPONENTS, REQUIRED_COMPONENTS, REQUIRED_SECTIONS } from "./guide-format"

const CONTENT = path.dirname(new URL(import.meta.url).pathname)

function guideFiles(locale: Locale): string[] {
  return readdirSync(path.join(CONTENT, locale)).filter((f) => !f.startsWith("."))
}

function h2s(source: string): string[] {
  return [...source.matchAll(/^## (.+)$/gm)].map((m) => (m[1] ?? "").trim())
}

function sectionOf(source: string, heading: string): string {
  const start = source.indexOf(`## ${heading}\n`)
  if (start < 0) return ""
  const rest = source.slice(start + heading.length + 4)
  const next = rest.search(/^## /m)
  return next < 0 ? rest : rest.slice(0, next)
}

/** Prose only: drops code blocks, JSX tags and inline code before counting words. */
function prose(source: string): string {
  return source
    .replace(/```[\s\S]*?```/g, "")
    .replace(/<[A-Z][\s\S]*?\/>/g, "")
    .replace(/`[^`]*`/g, "")
}

describe("guide coverage", () => {
  for (const locale of LOCALES) {
    it(`every catalog id has exactly one guide in content/${locale}`, () => {
      const files = guideFiles(locale)
      const missing = MECHANISM_IDS.filter((id) => !files.includes(`${id}.mdx`))
      expect(missing, `missing guides in content/${locale}`).toEqual([])
      // Exactly one: no .md twin or other file claiming the same id.
      for (const id of MECHANISM_IDS) {
        expect(files.filter((f) => f.replace(/\.[^.]+$/, "") === id)).toEqual([`${id}.mdx`])
      }
    })

    it(`every file in content/${locale} is a guide for a catalog id`, () => {
      const strays = guideFiles(locale).filter((f) => !f.endsWith(".mdx") || !isMechanismId(f.slice(0, -4)))
      expect(strays).toEqual([])
    })
  }
})

describe("guide format", () => {
  for (const locale of LOCALES) {
    for (const file of guideFiles(locale).filter((f) => f.endsWith(".mdx"))) {
      describe(`${locale}/${file}`, () => {
        const source = readFileSync(path.join(CONTENT, locale, file), "utf8")

        it("has the required sections in order and no h1", () => {
          expect(h2s(source)).toEqual(REQUIRED_SECTIONS[locale])
          expect(source).not.toMatch(/^# /m)
          expect(source.startsWith("---")).toBe(false) // no frontmatter: the page takes facts from the catalog
        })

        it("uses the required components in their sections, and no others", () => {
          for (const { tag, section } of REQUIRED_COMPONENTS) {
            const heading = REQUIRED_SECTIONS[locale][section] ?? ""
            expect(sectionOf(source, heading), `${tag} under "${heading}"`).toContain(tag)
          }
          const used = [...source.matchAll(/<([A-Z][A-Za-z]*)/g)].map((m) => m[1])
          for (const name of used) expect(ALLOWED_COMPONENTS).toContain(name)
        })

        it("gives <Flow> three to eight steps", () => {
          const steps = source.match(/<Flow steps=\{\[([\s\S]*?)\]\} \/>/)
          expect(steps).not.toBeNull()
          const count = [...(steps?.[1] ?? "").matchAll(/"(?:[^"\\]|\\.)*"/g)].length
          expect(count).toBeGreaterThanOrEqual(3)
          expect(count).toBeLessThanOrEqual(8)
        })

        it("links only to existing guides", () => {
          for (const m of source.matchAll(/\]\(\/mechanisms\/([^)#\s]+)/g)) {
            expect(isMechanismId(m[1] ?? ""), `link to /mechanisms/${m[1]}`).toBe(true)
          }
        })

        it("has roughly 300–600 words of prose", () => {
          const text = prose(source)
          const size =
            locale === "zh-CN"
              ? (text.match(/\p{Script=Han}/gu) ?? []).length
              : (text.match(/[A-Za-z][A-Za-z'-]*/g) ?? []).length
          // zh-CN is counted in Han characters (~1.6 per English word).
          const [min, max] = locale === "zh-CN" ? [420, 1500] : [280, 900]
          expect(size).toBeGreaterThanOrEqual(min)
          expect(size).toBeLessThanOrEqual(max)
        })

        it("compiles as MDX", async () => {
          await expect(compile(source, { remarkPlugins: [remarkGfm] })).resolves.toBeDefined()
        })

        it("labels fenced code with languages shiki knows (the build highlights them)", () => {
          for (const m of source.matchAll(/^```(\S*)/gm)) {
            const lang = m[1] ?? ""
            if (lang === "") continue // closing fence, or a deliberately plain block
            expect(lang in bundledLanguages || lang in bundledLanguagesAlias, `unknown language ${lang}`).toBe(true)
          }
        })
      })
    }
  }
})
