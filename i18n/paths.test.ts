import { describe, expect, it } from "vitest"

import { localizedHref, splitLocale } from "./paths"

describe("localizedHref", () => {
  it("prefixes paths with the locale", () => {
    expect(localizedHref("en", "/")).toBe("/en")
    expect(localizedHref("zh-CN", "/mechanisms/crd")).toBe("/zh-CN/mechanisms/crd")
    expect(localizedHref("en", "/advisor?a=x:y&v=1.37")).toBe("/en/advisor?a=x:y&v=1.37")
    expect(localizedHref("en", "/?point=4")).toBe("/en?point=4")
    expect(localizedHref("en", "/#map")).toBe("/en#map")
  })
  it("leaves fragments and absolute URLs alone", () => {
    expect(localizedHref("en", "#map")).toBe("#map")
    expect(localizedHref("en", "https://kubernetes.io/")).toBe("https://kubernetes.io/")
  })
})

describe("splitLocale", () => {
  it("splits the locale segment off", () => {
    expect(splitLocale("/zh-CN/advisor")).toEqual({ locale: "zh-CN", path: "/advisor" })
    expect(splitLocale("/en")).toEqual({ locale: "en", path: "/" })
    expect(splitLocale("/en/starters/controller")).toEqual({ locale: "en", path: "/starters/controller" })
    expect(splitLocale("/fr/x")).toEqual({ locale: undefined, path: "/fr/x" })
  })
})
