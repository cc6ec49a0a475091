// The contract every guide in content/<locale>/<id>.mdx follows (see content/README.md);
// content/guides.test.ts enforces it.
import type { Locale } from "@/lib/catalog"

/** Level-2 headings every guide has, in this order. */
export const REQUIRED_SECTIONS: Record<Locale, readonly string[]> = {
  en: [
    "What it is",
    "When to use it and when not",
    "How it hooks in",
    "What can go wrong",
    "Managed clusters",
    "Feature state",
    "Example",
    "Official documentation",
  ],
  "zh-CN": [
    "它是什么",
    "适用与不适用的场景",
    "如何接入",
    "可能出现的问题",
    "托管集群上的可用性",
    "各版本特性状态",
    "示例",
    "官方文档",
  ],
}

/** Components every guide uses, and the section each one belongs in (index into REQUIRED_SECTIONS). */
export const REQUIRED_COMPONENTS = [
  { tag: "<Flow", section: 2 },
  { tag: "<FeatureStates />", section: 5 },
  { tag: "<ExampleObject", section: 6 },
  { tag: "<OfficialDocs", section: 7 },
] as const

/** Components a guide may use (all bound to the page's mechanism and locale). */
export const ALLOWED_COMPONENTS = ["Flow", "FeatureStates", "ExampleObject", "OfficialDocs", "Callout"] as const
