import { describe, expect, it } from "vitest"

import { generate } from "./registry"
import { zipStarter } from "./zip"
import { starterZip } from "./zip-cache"

describe("starterZip", () => {
  it("gives the bytes of generate() + zipStarter(), also from memory", () => {
    const lib = generate("custom-resource-definition", { kind: "Gadget" }, { locale: "zh-CN" })
    if (!lib.ok) throw new Error("generate failed")
    const first = starterZip("custom-resource-definition", { kind: "Gadget" }, { locale: "zh-CN" })
    const again = starterZip("custom-resource-definition", { kind: "Gadget" }, { locale: "zh-CN" })
    expect(first.ok && again.ok).toBe(true)
    if (first.ok && again.ok) {
      expect(Buffer.from(first.bytes)).toEqual(Buffer.from(zipStarter(lib.value)))
      expect(again.bytes).toBe(first.bytes)
      expect(first.fileName).toBe("gadgets-crd.zip")
    }
  })

  it("keys by the parsed options and the locale", () => {
    const defaults = starterZip("custom-resource-definition", {})
    const explicit = starterZip("custom-resource-definition", { kind: "Widget" })
    const zh = starterZip("custom-resource-definition", {}, { locale: "zh-CN" })
    expect(defaults.ok && explicit.ok && zh.ok).toBe(true)
    if (defaults.ok && explicit.ok && zh.ok) {
      expect(explicit.bytes).toBe(defaults.bytes)
      expect(zh.bytes).not.toBe(defaults.bytes)
    }
  })

  it("passes generate()'s errors through", () => {
    expect(starterZip("custom-resource-definition", { group: "NoDot" })).toEqual(generate("custom-resource-definition", { group: "NoDot" }))
    expect(starterZip("no-such-starter", {})).toEqual(generate("no-such-starter", {}))
  })
})
