import { describe, expect, it } from "vitest"
import { alternateLinksHeader, siteOrigin } from "./site"

describe("siteOrigin", () => {
  it("reads SITE_URL as an origin", () => {
    expect(siteOrigin({ SITE_URL: "https://advisor.example.com/some/path?q=1" })?.href).toBe("https://advisor.example.com/")
    expect(siteOrigin({ SITE_URL: "http://localhost:3000" })?.href).toBe("http://localhost:3000/")
  })

  it("ignores unset, malformed and non-http values", () => {
    for (const SITE_URL of [undefined, "", "advisor.example.com", "ftp://x.example.com", "javascript:alert(1)", "https://u:p@x.example.com"]) {
      expect(siteOrigin({ SITE_URL }), String(SITE_URL)).toBeUndefined()
    }
  })
})

describe("alternateLinksHeader", () => {
  const origin = new URL("https://advisor.example.com")

  it("links every locale and x-default from the configured origin", () => {
    expect(alternateLinksHeader("/zh-CN/cluster", origin)).toBe(
      '<https://advisor.example.com/en/cluster>; rel="alternate"; hreflang="en", ' +
        '<https://advisor.example.com/zh-CN/cluster>; rel="alternate"; hreflang="zh-CN", ' +
        '<https://advisor.example.com/cluster>; rel="alternate"; hreflang="x-default"',
    )
    expect(alternateLinksHeader("/en", origin)).toContain('<https://advisor.example.com/>; rel="alternate"; hreflang="x-default"')
  })

  it("sends nothing without a configured origin or outside the locales", () => {
    expect(alternateLinksHeader("/en/cluster", undefined)).toBeUndefined()
    expect(alternateLinksHeader("/fr/cluster", origin)).toBeUndefined()
    expect(alternateLinksHeader("/", origin)).toBeUndefined()
  })

  it("cannot be pointed at another host by the path", () => {
    const header = alternateLinksHeader("/en//evil.example/x", origin) ?? ""
    for (const m of header.matchAll(/<([^>]+)>/g)) expect(new URL(m[1]!).host).toBe("advisor.example.com")
  })
})
