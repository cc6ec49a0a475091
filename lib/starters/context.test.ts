import { describe, expect, it } from "vitest"

import { generationLocale, withGenerateContext } from "./context"
import { generate, STARTERS } from "./registry"

const readme = (id: string, locale?: "en" | "zh-CN") => {
  const r = generate(id, {}, locale ? { locale } : {})
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.value.files.find((f) => f.path === "README.md")?.content ?? ""
}

describe("generation locale", () => {
  it("links every starter's README to the guide in the locale it was generated from", () => {
    for (const g of STARTERS) {
      expect(readme(g.id), g.id).toContain(`\`/en/mechanisms/${g.id}\``)
      expect(readme(g.id, "en"), g.id).toContain(`\`/en/mechanisms/${g.id}\``)
      const zh = readme(g.id, "zh-CN")
      expect(zh, g.id).toContain(`\`/zh-CN/mechanisms/${g.id}\``)
      expect(zh, g.id).not.toContain("/en/mechanisms/")
    }
  })

  it("changes nothing but the guide link", () => {
    const en = generate("validating-admission-webhook", {})
    const zh = generate("validating-admission-webhook", {}, { locale: "zh-CN" })
    if (!en.ok || !zh.ok) throw new Error("generation failed")
    const differing = en.value.files.filter((f, i) => f.content !== zh.value.files[i]?.content).map((f) => f.path)
    expect(differing).toEqual(["README.md"])
  })

  it("restores the previous locale after a generation, even when it throws", () => {
    expect(generationLocale()).toBe("en")
    withGenerateContext({ locale: "zh-CN" }, () => expect(generationLocale()).toBe("zh-CN"))
    expect(generationLocale()).toBe("en")
    expect(() =>
      withGenerateContext({ locale: "zh-CN" }, () => {
        throw new Error("boom")
      }),
    ).toThrow("boom")
    expect(generationLocale()).toBe("en")
  })
})
