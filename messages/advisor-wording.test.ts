import { createTranslator } from "next-intl"
import { describe, expect, it } from "vitest"

import { MESSAGES } from "./index"

const t = (locale: "en" | "zh-CN") => createTranslator({ locale, messages: MESSAGES[locale], namespace: "advisor" })

describe("advisor wording", () => {
  it("says when a question is the last one instead of 'Question 4, about 4 at most'", () => {
    expect(t("en")("wizard.progress", { current: 4, left: 0 })).toBe("Question 4, the last one")
    expect(t("en")("wizard.progress", { current: 2, left: 3 })).toBe("Question 2, at most 3 more after it")
    expect(t("zh-CN")("wizard.progress", { current: 4, left: 0 })).toBe("第 4 题，也是最后一题")
    expect(t("zh-CN")("wizard.progress", { current: 2, left: 3 })).toBe("第 2 题，之后最多还有 3 题")
  })

  it("joins feature state and default with the locale's punctuation", () => {
    expect(t("zh-CN")("result.stateWithDefault", { maturity: "正式发布（GA）", onOff: "默认启用" })).toBe("正式发布（GA），默认启用")
    expect(t("en")("result.stateWithDefault", { maturity: "GA (stable)", onOff: "on by default" })).toBe("GA (stable), on by default")
  })

  it("names the recommendation, not 'build this', and says what a replaced mechanism is", () => {
    expect(t("en")("result.primary")).toBe("Recommended")
    expect(t("zh-CN")("result.primary")).toBe("推荐方案")
    expect(t("en")("result.role.replaced")).toMatch(/Replaced/)
  })
})
