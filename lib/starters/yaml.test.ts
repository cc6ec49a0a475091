import { describe, expect, it } from "vitest"
import { parseYamlDocs, yamlDoc } from "./yaml"

describe("yamlDoc", () => {
  it("writes CEL with double quotes in single quotes, not escaped double quotes", () => {
    const expression = `"team" in variables.labels && variables.labels["team"] != ''`
    const out = yamlDoc({ validations: [{ expression }] })
    expect(out).toContain(`- expression: '"team" in variables.labels && variables.labels["team"] != '''''`)
    expect(out).not.toContain('\\"')
    expect(parseYamlDocs(out)[0]).toEqual({ validations: [{ expression }] })
  })

  it("keeps multi-line CEL as a literal block and plain expressions plain", () => {
    const rule = "self.color != 'red' ||\n  self.size <= 5"
    const out = yamlDoc({ rule, plain: "self.size <= 5" })
    expect(out).toContain("rule: |-\n  self.color != 'red' ||\n    self.size <= 5\n")
    expect(out).toContain("plain: self.size <= 5\n")
    expect(parseYamlDocs(out)[0]).toEqual({ rule, plain: "self.size <= 5" })
  })
})
