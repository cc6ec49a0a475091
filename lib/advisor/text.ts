import type { Localized } from "@/lib/catalog"

export function l(en: string, zhCN: string): Localized {
  return { en, "zh-CN": zhCN }
}
