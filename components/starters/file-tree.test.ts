import { describe, expect, it } from "vitest"
import { buildTree, defaultFile } from "./file-tree"

describe("buildTree", () => {
  it("nests directories first and keeps full paths", () => {
    const tree = buildTree(["README.md", "deploy/crd.yaml", "deploy/samples/a.yaml", "Makefile"])
    expect(tree.map((n) => n.name)).toEqual(["deploy", "Makefile", "README.md"])
    expect(tree[0]?.children?.map((n) => n.path)).toEqual(["deploy/samples", "deploy/crd.yaml"])
    expect(tree[0]?.children?.[0]?.children?.[0]?.path).toBe("deploy/samples/a.yaml")
  })

  it("prefers README.md as the first file", () => {
    expect(defaultFile(["a.go", "README.md"])).toBe("README.md")
    expect(defaultFile(["a.go"])).toBe("a.go")
    expect(defaultFile([])).toBeUndefined()
  })
})
