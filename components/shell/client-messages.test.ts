import { describe, expect, it } from "vitest"

import { MESSAGES } from "@/messages"

import { pickMessages } from "./client-messages"

describe("pickMessages", () => {
  it("keeps only the requested namespaces and keys", () => {
    const picked = pickMessages(MESSAGES.en, ["map", "cluster.demoLabel", "shell.meta.title"])
    expect(Object.keys(picked).sort()).toEqual(["cluster", "map", "shell"])
    expect(picked.map).toEqual(MESSAGES.en.map)
    expect(picked.cluster).toEqual({ demoLabel: MESSAGES.en.cluster.demoLabel })
    expect(picked.shell).toEqual({ meta: { title: MESSAGES.en.shell.meta.title } })
  })
  it("fails loudly on a path that does not exist", () => {
    expect(() => pickMessages(MESSAGES.en, ["map.noSuchKey"])).toThrow(/map.noSuchKey/)
  })
})
