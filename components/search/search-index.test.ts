import { describe, expect, it } from "vitest"

import { MECHANISMS } from "@/lib/catalog"

import { matchStrength, normalizeText, rankMechanisms, toSearchEntry } from "./search-index"

const entries = MECHANISMS.map(toSearchEntry)
const ids = (query: string, locale: "en" | "zh-CN" = "en", limit?: number) =>
  rankMechanisms(entries, query, locale, limit).map((r) => r.entry.id)

describe("matchStrength", () => {
  it("prefers exact, then prefix, then word start, then inside a word", () => {
    expect(matchStrength("GPU", "gpu")).toBe(1)
    expect(matchStrength("Scheduler extender", "sched")).toBe(0.8)
    expect(matchStrength("ValidatingAdmissionPolicy (CEL)", "cel")).toBe(0.6)
    expect(matchStrength("ImagePolicyWebhook", "webhook")).toBe(0.35)
    expect(matchStrength("scale", "ca")).toBe(0)
    expect(matchStrength("parcel", "cel")).toBe(0.35)
  })

  it("matches Chinese anywhere in a phrase", () => {
    expect(matchStrength("验证准入 Webhook", "准入")).toBe(0.6)
    expect(matchStrength("准入", "准入")).toBe(1)
  })

  it("folds case and full-width letters", () => {
    expect(normalizeText("  ＣＥＬ ")).toBe("cel")
    expect(matchStrength("CEL", normalizeText("ＣＥＬ"))).toBe(1)
  })
})

describe("rankMechanisms", () => {
  it("GPU finds the device plugin and DRA first", () => {
    expect(ids("GPU").slice(0, 2).sort()).toEqual(["device-plugin", "dra-driver"])
    expect(ids("gpu", "zh-CN").slice(0, 2).sort()).toEqual(["device-plugin", "dra-driver"])
  })

  it("准入 finds the admission mechanisms, in both UI languages", () => {
    const admission = [
      "validating-admission-policy",
      "mutating-admission-policy",
      "validating-admission-webhook",
      "mutating-admission-webhook",
      "image-policy-webhook",
      "pod-security-admission",
      "always-pull-images",
    ]
    for (const locale of ["en", "zh-CN"] as const) {
      expect(ids("准入", locale).slice(0, admission.length).sort()).toEqual([...admission].sort())
    }
  })

  it("CEL ranks ValidatingAdmissionPolicy and MutatingAdmissionPolicy first", () => {
    expect(ids("CEL").slice(0, 2).sort()).toEqual(["mutating-admission-policy", "validating-admission-policy"])
    // Other CEL users still show up after them.
    expect(ids("CEL")).toContain("custom-resource-definition")
  })

  it("webhook finds every webhook mechanism", () => {
    const found = ids("webhook", "en", 30)
    for (const id of [
      "authentication-webhook",
      "authorization-webhook",
      "validating-admission-webhook",
      "mutating-admission-webhook",
      "image-policy-webhook",
      "scheduler-extender",
    ])
      expect(found, id).toContain(id)
    expect(found).not.toContain("csi-driver")
  })

  it("requires every word of the query to match", () => {
    expect(ids("admission webhook").slice(0, 2).sort()).toEqual(["mutating-admission-webhook", "validating-admission-webhook"])
    expect(ids("webhook fpga")).toEqual([])
  })

  it("finds Chinese names by their Chinese words", () => {
    expect(ids("设备插件", "zh-CN")[0]).toBe("device-plugin")
    expect(ids("调度", "zh-CN")).toEqual(expect.arrayContaining(["scheduler-plugin", "scheduler-extender", "multiple-schedulers"]))
  })

  it("ranks a name prefix above a summary mention", () => {
    expect(ids("csi")[0]).toBe("csi-driver")
    expect(ids("operator")[0]).toBe("operator")
  })

  it("returns nothing for empty or unmatched queries and respects the limit", () => {
    expect(ids("   ")).toEqual([])
    expect(ids("zzzz-no-such-thing")).toEqual([])
    expect(ids("a", "en", 3).length).toBeLessThanOrEqual(3)
  })

  it("does not treat regex characters specially", () => {
    expect(() => ids("(.*[")).not.toThrow()
    expect(ids("(.*[")).toEqual([])
  })
})
