import { describe, expect, it } from "vitest"

import { STARTER_LOADERS, loadStarter, loadStarterRunner } from "./loaders"
import { STARTERS, generate } from "./registry"
import { zipStarter } from "./zip"

describe("STARTER_LOADERS", () => {
  it("loads exactly the registry's generators", async () => {
    expect(Object.keys(STARTER_LOADERS).sort()).toEqual(STARTERS.map((g) => g.id).sort())
    for (const g of STARTERS) expect(await loadStarter(g.id)).toBe(g)
  })

  it("generates the same bytes as the registry (what the API zips)", async () => {
    for (const g of STARTERS) {
      const viaLoader = (await loadStarterRunner(g.id))({}, { locale: "zh-CN" })
      const viaRegistry = generate(g.id, {}, { locale: "zh-CN" })
      expect(viaLoader.ok && viaRegistry.ok).toBe(true)
      if (viaLoader.ok && viaRegistry.ok) expect(Buffer.from(zipStarter(viaLoader.value))).toEqual(Buffer.from(zipStarter(viaRegistry.value)))
    }
  })

  it("reports the same field errors as the registry", async () => {
    const run = await loadStarterRunner("custom-resource-definition")
    expect(run({ group: "NoDot" })).toEqual(generate("custom-resource-definition", { group: "NoDot" }))
  })

  it("rejects an id without a starter", async () => {
    await expect(loadStarter("flex-volume")).rejects.toThrow(/No starter/)
  })
})
