import { readFileSync } from "node:fs"
import path from "node:path"
import { parse } from "yaml"
import { describe, expect, it } from "vitest"
import { INSPECTED_RESOURCES, clusterRoleRules, expandRules, type PolicyRule } from "./resources"
import { SECTION_READERS } from "./sections"
import { SECTION_IDS } from "./types"

const deployDir = path.resolve(__dirname, "../../deploy")

describe("inspected resources ↔ deploy/cluster-role.yaml", () => {
  it("the ClusterRole grants exactly the rules derived from INSPECTED_RESOURCES", () => {
    const role = parse(readFileSync(path.join(deployDir, "cluster-role.yaml"), "utf8")) as { kind: string; rules: PolicyRule[] }
    expect(role.kind).toBe("ClusterRole")
    expect(expandRules(role.rules)).toEqual(expandRules(clusterRoleRules()))
  })

  it("is read-only: only get/list, never secrets or proxy subresources", () => {
    const expanded = expandRules(clusterRoleRules())
    for (const e of expanded) expect(e).toMatch(/:(get|list)$/)
    expect(expanded.some((e) => /secrets|proxy|configmaps|serviceaccounts\/token/.test(e))).toBe(false)
  })

  it("groups rules per API group only when verbs agree", () => {
    const byGroup = new Map<string, string>()
    for (const r of Object.values(INSPECTED_RESOURCES)) {
      const verbs = [...r.verbs].sort().join(",")
      expect(byGroup.get(r.group) ?? verbs).toBe(verbs)
      byGroup.set(r.group, verbs)
    }
  })
})

describe("section readers ↔ inspected resources", () => {
  it("every resource the ClusterRole grants is read by some section, and sections read nothing else", () => {
    const read = new Set(Object.values(SECTION_READERS).flatMap((s) => Object.keys(s.reads)))
    expect([...read].sort()).toEqual(Object.keys(INSPECTED_RESOURCES).sort())
  })

  it("every section of the report has exactly one reader", () => {
    expect(Object.keys(SECTION_READERS)).toEqual([...SECTION_IDS])
  })
})
