import { describe, expect, it } from "vitest"

import { MECHANISM_IDS } from "@/lib/catalog/types"
import { starterIds } from "@/lib/starters"

import { indexedPaths, robotsRules, sitemapEntries } from "./crawlers"

const origin = new URL("https://advisor.example.com")

describe("sitemapEntries", () => {
  it("lists every guide, starter and tool page in both locales, each with its other-language versions", () => {
    const entries = sitemapEntries(origin)
    const urls = entries.map((e) => e.url)
    expect(urls).toHaveLength(indexedPaths().length * 2)
    expect(new Set(urls).size).toBe(urls.length)
    for (const id of MECHANISM_IDS) expect(urls).toContain(`https://advisor.example.com/zh-CN/mechanisms/${id}`)
    for (const id of starterIds()) expect(urls).toContain(`https://advisor.example.com/en/starters/${id}`)
    for (const page of ["/en", "/zh-CN", "/en/advisor", "/zh-CN/policy-lab", "/en/mechanisms", "/zh-CN/starters"]) expect(urls).toContain(`https://advisor.example.com${page}`)
    const guide = entries.find((e) => e.url === "https://advisor.example.com/zh-CN/mechanisms/validating-admission-policy")
    expect(guide?.alternates?.languages).toEqual({
      en: "https://advisor.example.com/en/mechanisms/validating-admission-policy",
      "zh-CN": "https://advisor.example.com/zh-CN/mechanisms/validating-admission-policy",
      "x-default": "https://advisor.example.com/mechanisms/validating-admission-policy",
    })
    expect(entries.find((e) => e.url === "https://advisor.example.com/en")?.alternates?.languages?.["x-default"]).toBe("https://advisor.example.com/")
  })

  it("leaves out the cluster report and the API", () => {
    expect(sitemapEntries(origin).filter((e) => /\/cluster|\/api\//.test(e.url))).toEqual([])
  })

  it("is empty without a public origin (a sitemap's URLs are absolute)", () => {
    expect(sitemapEntries(undefined)).toEqual([])
  })
})

describe("robotsRules", () => {
  it("keeps crawlers out of the API and the cluster report and names the sitemap", () => {
    expect(robotsRules(origin)).toEqual({
      rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/en/cluster", "/zh-CN/cluster"] },
      sitemap: "https://advisor.example.com/sitemap.xml",
    })
  })

  it("names no sitemap without a public origin", () => {
    expect(robotsRules(undefined)).not.toHaveProperty("sitemap")
  })
})
