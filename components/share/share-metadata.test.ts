import { describe, expect, it } from "vitest"

import { advisorPreview, shareMetadata, starterPreview } from "./share-metadata"

describe("starterPreview", () => {
  it("names the starter and the options the link sets", () => {
    const p = starterPreview("en", "controller", { language: "typescript", module: "example.com/a~b", name: "namespace-quota-controller" })
    expect(p?.title).toBe("Controller starter: Language typescript, Go module path example.com/a~b")
    expect(p?.description.length).toBeGreaterThan(20)
    // The link's state goes into og:url with the title that names it.
    expect(new URLSearchParams(p?.query).get("module")).toBe("example.com/a~b")
  })

  it("speaks Chinese with full-width punctuation", () => {
    const p = starterPreview("zh-CN", "controller", new URLSearchParams("language=typescript&module=example.com%2Fx"))
    expect(p?.title).toMatch(/^控制器 起步项目：.+，.+$/)
  })

  it("counts the options it leaves out and clips long values", () => {
    // In form order: namespace, group, version, kind.
    const p = starterPreview("en", "operator", { kind: "Gadget", group: "acme.io", version: "v2", namespace: `n${"x".repeat(60)}` })
    expect(p?.title).toBe(`Operator (CRD + controller) starter: Namespace n${"x".repeat(46)}…, API group acme.io, API version v2, 1 more option`)
    const long = starterPreview("en", "controller", { module: `example.com/${"a".repeat(150)}` })
    expect(long!.title.length).toBeLessThan(110)
    expect(long!.title.endsWith("…")).toBe(true)
  })

  it("falls back to the plain title for defaults, invalid, repeated or unknown options", () => {
    for (const search of [{}, { language: "go" }, { module: "Example.com/x" }, { kind: ["A", "B"] }, { __proto__: "x" }, { bogus: "1" }]) {
      expect(starterPreview("en", "controller", search)?.title, JSON.stringify(search)).toBe("Controller starter")
      expect(starterPreview("en", "controller", search)?.query, JSON.stringify(search)).toBeUndefined()
    }
    expect(starterPreview("en", "no-such-starter", {})).toBeUndefined()
  })
})

describe("advisorPreview", () => {
  it("names the recommendation, titled like the advisor page, when the answers reach an outcome", () => {
    const search = { a: "new-types:yes,api-storage:yes,api-rules:schema,api-behaviour:no" }
    expect(advisorPreview("en", search).title).toBe("Recommendation: CustomResourceDefinition for Kubernetes 1.37")
    expect(advisorPreview("zh-CN", search).title).toBe("推荐方案：定制资源定义（CRD）（Kubernetes 1.37）")
    expect(advisorPreview("en", { ...search, v: "1.33" }).title).toBe("Recommendation: CustomResourceDefinition for Kubernetes 1.33")
    expect(advisorPreview("en", { ...search, v: "1.33" }).query).toBe("a=new-types%3Ayes%2Capi-storage%3Ayes%2Capi-rules%3Aschema%2Capi-behaviour%3Ano&v=1.33")
  })

  it("keeps the plain title without answers, with unfinished or invalid ones", () => {
    for (const search of [{}, { a: "new-types:yes" }, { a: "nope:nope" }, { a: ["x", "y"] }]) {
      expect(advisorPreview("en", search).title, JSON.stringify(search)).toBe("Advisor")
      expect(advisorPreview("en", search).query, JSON.stringify(search)).toBeUndefined()
    }
  })
})

describe("shareMetadata", () => {
  it("gives Open Graph and Twitter cards with the locale's preview image", () => {
    const m = shareMetadata("zh-CN", { title: "T", description: "D" }, "/zh-CN/advisor", new URL("https://advisor.example.com"))
    expect(m.openGraph).toMatchObject({ title: "T", description: "D", url: "/zh-CN/advisor", locale: "zh_CN", images: [{ url: "/og-zh-CN.png", width: 1200, height: 630 }] })
    expect(m.twitter).toMatchObject({ card: "summary_large_image", title: "T", images: [{ url: "/og-zh-CN.png" }] })
    expect(m.alternates).toEqual({ canonical: "/zh-CN/advisor" })
  })

  it("keeps a result's link state in og:url, while the canonical link is the plain page", () => {
    const m = shareMetadata("en", { title: "Recommendation: …", description: "D", query: "a=new-types%3Ayes&v=1.33" }, "/en/advisor", new URL("https://advisor.example.com"))
    expect(m.openGraph).toMatchObject({ url: "/en/advisor?a=new-types%3Ayes&v=1.33" })
    expect(m.alternates).toEqual({ canonical: "/en/advisor" })
  })

  it("has no preview image and no og:url without a public origin (Next would write http://localhost:<port> or a relative URL)", () => {
    const m = shareMetadata("en", { title: "T", description: "D" }, "/en/mechanisms", undefined)
    expect(m.openGraph).toMatchObject({ title: "T" })
    expect(m.openGraph && "images" in m.openGraph).toBe(false)
    expect(m.openGraph && "url" in m.openGraph).toBe(false)
    expect(m.alternates).toBeUndefined()
    expect(m.twitter).toEqual({ card: "summary", title: "T", description: "D" })
  })
})
