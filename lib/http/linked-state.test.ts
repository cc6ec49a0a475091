import { readFileSync } from "node:fs"

import { describe, expect, it } from "vitest"

import { LINKED_STATE_HEADER, linkedStatePath } from "./linked-state"

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

describe("next.config.js", () => {
  it("rewrites on the header proxy.ts sets", () => {
    expect(readFileSync(new URL("../../next.config.js", import.meta.url), "utf8")).toContain(`key: "${LINKED_STATE_HEADER}"`)
  })
})
