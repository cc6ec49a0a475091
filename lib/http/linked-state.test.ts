import { describe, expect, it } from "vitest"

import { isLinkedStatePath, linkedStatePath } from "./linked-state"

describe("linkedStatePath", () => {
  it("sends stateful pages with a query to their twin", () => {
    expect(linkedStatePath("/en", "?point=4")).toBe("/en/linked")
    expect(linkedStatePath("/zh-CN/advisor", "?a=new-types:no&v=1.37")).toBe("/zh-CN/linked/advisor")
    expect(linkedStatePath("/en/starters/controller", "?kind=Gadget")).toBe("/en/linked/starters/controller")
  })
  it("leaves plain requests and other pages alone", () => {
    expect(linkedStatePath("/en", "")).toBeUndefined()
    expect(linkedStatePath("/en/advisor", "?")).toBeUndefined()
    expect(linkedStatePath("/en/mechanisms/crd", "?x=1")).toBeUndefined()
    expect(linkedStatePath("/en/starters", "?x=1")).toBeUndefined()
    expect(linkedStatePath("/en/starters/a/b", "?x=1")).toBeUndefined()
    expect(linkedStatePath("/fr/advisor", "?a=x:y")).toBeUndefined()
    expect(linkedStatePath("/", "?a=1")).toBeUndefined()
  })
})

describe("isLinkedStatePath", () => {
  it("recognises the twins' own paths", () => {
    expect(isLinkedStatePath("/en/linked")).toBe(true)
    expect(isLinkedStatePath("/en/linked/advisor")).toBe(true)
    expect(isLinkedStatePath("/en/linkedin")).toBe(false)
    expect(isLinkedStatePath("/en/advisor")).toBe(false)
  })
})
