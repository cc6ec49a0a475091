import type { Localized } from "@/lib/catalog"

export function l(en: string, zhCN: string): Localized {
  return { en, "zh-CN": zhCN }
}

const HAN = /[\u3400-\u9fff]/
const LATIN = /[A-Za-z0-9`(/-]/

/**
 * Chinese text with interpolated values: writes the template without spaces around `${…}` and puts a
 * space only where a value meets the text at a Chinese/Latin boundary ("在 1.37 中", but "为正式发布（GA）").
 */
export function zh(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  let out = strings[0] ?? ""
  values.forEach((value, i) => {
    const v = String(value)
    const next = strings[i + 1] ?? ""
    out += gap(out.at(-1), v.at(0)) + v
    out += gap(v.at(-1), next.at(0)) + next
  })
  return out
}

function gap(before: string | undefined, after: string | undefined): string {
  if (!before || !after) return ""
  const mixed = (HAN.test(before) && LATIN.test(after)) || (LATIN.test(before) && HAN.test(after))
  return mixed ? " " : ""
}
