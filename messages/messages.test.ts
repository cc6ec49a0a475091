import compile from "icu-minify/compile"
import { describe, expect, it } from "vitest"

import { MESSAGES } from "./index"

function leafPaths(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, prefix ? `${prefix}.${key}` : key)
    )
  }
  return [prefix]
}

function leafValues(value: unknown): string[] {
  if (value && typeof value === "object") return Object.values(value).flatMap(leafValues)
  return [String(value)]
}

describe("UI messages", () => {
  it("have the same keys in en and zh-CN", () => {
    expect(leafPaths(MESSAGES["zh-CN"]).sort()).toEqual(leafPaths(MESSAGES.en).sort())
  })

  it("have no empty strings", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      expect(leafValues(MESSAGES[locale]).filter((v) => v.trim() === "")).toEqual([])
    }
  })

  it("compile with the build's message compiler (a literal < or > is quoted: '<name>')", () => {
    // next.config.js precompiles messages with icu-minify; a message it rejects fails the build.
    const failures: string[] = []
    for (const locale of ["en", "zh-CN"] as const) {
      const paths = leafPaths(MESSAGES[locale])
      leafValues(MESSAGES[locale]).forEach((message, i) => {
        try {
          compile(message)
        } catch (err) {
          failures.push(`${locale} ${paths[i]}: ${(err as Error).message}`)
        }
      })
    }
    expect(failures).toEqual([])
  })

  it("count with # (Intl.NumberFormat) only where the count can reach 1,000", () => {
    // A plural's # formats its count with Intl.NumberFormat, and the first one built in a page
    // costs 9-15 ms of ICU start-up in Chromium: it ran in the hydration of the map, advisor and
    // starter pages. A small count names its argument ({count}): the same digits in en and zh-CN
    // below 1,000, without the formatter. Where a count can pass 1,000, # groups its digits.
    const GROUPED = ["cluster.filters.results", "policyLab.live.adviceWarnAudit", "policyLab.live.adviceSafe"]
    for (const locale of ["en", "zh-CN"] as const) {
      const messages = leafValues(MESSAGES[locale])
      const withPound = leafPaths(MESSAGES[locale]).filter((path, i) => /[{}\s]#|#[\s}]/.test(messages[i] ?? ""))
      expect(withPound.filter((path) => !GROUPED.includes(path))).toEqual([])
    }
  })

  it("are translated into Chinese, not copied from English", () => {
    const en = leafValues(MESSAGES.en)
    const zh = leafValues(MESSAGES["zh-CN"])
    const untranslated = zh.filter((value, i) => value === en[i] && /[a-z]{4,}/i.test(value) && !/[\u4e00-\u9fff]/.test(value))
    // Product names and code words may stay in English; whole sentences may not.
    expect(untranslated.filter((v) => v.split(" ").length > 3)).toEqual([])
  })
})
