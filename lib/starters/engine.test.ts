import { describe, expect, it, vi } from "vitest"
import { go, ident, str, text, token, fragment, pluralize } from "./code"
import { starterNotice } from "./notices"
import { fieldSpecs, generate, getStarter, hasStarter, optionsFromQuery, STARTERS } from "./registry"
import { parseYamlDocs, yamlDocs } from "./yaml"
import { unzipStarter, zipStarter } from "./zip"

describe("code templates", () => {
  it("renders Go with tabs and escapes string literals", () => {
    const out = go`
      package main

      func ${ident("Hello")}() string {
        return ${str('a"b\\c\n')}
      }
    `
    expect(out).toBe('package main\n\nfunc Hello() string {\n\treturn "a\\"b\\\\c\\n"\n}\n')
  })

  it("refuses unsafe identifiers, tokens and raw strings", () => {
    expect(() => ident("a;b")).toThrow()
    expect(() => ident("")).toThrow()
    expect(() => token("x$(rm -rf /)")).toThrow()
    // @ts-expect-error plain strings are not Safe
    expect(() => text`a ${"b"}`).toThrow()
  })

  it("indents nested fragments at the insertion column", () => {
    const inner = fragment`
      a
        b
    `
    expect(text`
      x:
        ${inner}
    `).toBe("x:\n  a\n    b\n")
  })

  it("pluralizes like kubebuilder", () => {
    expect(pluralize("widget")).toBe("widgets")
    expect(pluralize("policy")).toBe("policies")
    expect(pluralize("box")).toBe("boxes")
  })
})

describe("yaml", () => {
  it("keeps hostile strings as scalars", () => {
    const evil = "x\n---\nkind: Secret"
    const docs = parseYamlDocs(yamlDocs([{ a: evil, b: "true", c: "1.30" }, { d: 1 }]))
    expect(docs).toEqual([{ a: evil, b: "true", c: "1.30" }, { d: 1 }])
  })
})

describe("registry", () => {
  it("every starter generates with no options and is deterministic", { timeout: 60_000 }, () => {
    for (const g of STARTERS) {
      const a = generate(g.id, {})
      const b = generate(g.id, {})
      expect(a.ok, g.id).toBe(true)
      expect(a).toEqual(b)
      if (a.ok && b.ok) expect(zipStarter(a.value)).toEqual(zipStarter(b.value))
    }
  })

  it("every starter's languages match its language option", () => {
    for (const g of STARTERS) {
      const spec = fieldSpecs(g).find((f) => f.name === "language")
      expect(spec?.values ?? [], g.id).toEqual([...g.languages])
      expect(fieldSpecs(g).find((f) => f.name === "k8s")?.values, g.id).toEqual([...g.targets])
    }
  })

  it("every variant generates", () => {
    for (const g of STARTERS) for (const v of g.variants) expect(generate(g.id, v.options).ok, `${g.id}/${v.name}`).toBe(true)
  })

  it("reports unknown mechanisms and bad options per field, with no files", () => {
    expect(generate("nope", {})).toMatchObject({ ok: false, errors: [{ field: "mechanism", key: "unknownMechanism" }] })
    const r = generate("custom-resource-definition", { group: "Example", k8s: "1.29", extra: "1" })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors.map((e) => [e.field, e.key])).toEqual([
        ["group", "apiGroup"],
        ["k8s", "oneOf"],
        ["extra", "unknownOption"],
      ])
      expect("value" in r).toBe(false)
    }
  })

  it("reads options from a query string", () => {
    expect(optionsFromQuery(new URLSearchParams("kind=Gadget&k8s=1.33"))).toEqual({ ok: true, value: { kind: "Gadget", k8s: "1.33" } })
    expect(optionsFromQuery(new URLSearchParams("kind=A&kind=B"))).toMatchObject({ ok: false, errors: [{ field: "kind", key: "repeated" }] })
  })

  it("keeps __proto__ in a query string as an option name, so it is reported as unknown", () => {
    const q = optionsFromQuery(new URLSearchParams("__proto__=x&kind=Gadget"))
    expect(q.ok && Object.keys(q.value)).toEqual(["__proto__", "kind"])
    const r = generate("custom-resource-definition", q.ok ? q.value : {})
    expect(r).toMatchObject({ ok: false, errors: [{ field: "__proto__", key: "unknownOption" }] })
  })

  it("knows no mechanism by a prototype name", () => {
    for (const id of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(hasStarter(id), id).toBe(false)
      expect(starterNotice(id), id).toBeUndefined()
      expect(generate(id, {})).toMatchObject({ ok: false, errors: [{ field: "mechanism", key: "unknownMechanism" }] })
    }
  })

  it("never throws: a generator exception becomes one whole-form error carrying the exception", () => {
    const g = getStarter("custom-resource-definition")!
    const spy = vi.spyOn(g, "generate").mockImplementation(() => {
      throw new Error("boom")
    })
    try {
      const r = generate(g.id, {})
      expect(r).toMatchObject({ ok: false, errors: [{ field: "", key: "generatorFailed" }] })
      expect(!r.ok && r.failure?.message).toBe("boom")
    } finally {
      spy.mockRestore()
    }
  })

  it("derives form fields from the schema", () => {
    const g = getStarter("custom-resource-definition")!
    const fields = fieldSpecs(g)
    expect(fields.map((f) => f.name)).toContain("group")
    expect(fields.find((f) => f.name === "scope")).toMatchObject({ kind: "select", values: ["Namespaced", "Cluster"], default: "Namespaced" })
  })
})

describe("zip", () => {
  it("round-trips files under the root folder with unix modes", () => {
    const r = generate("custom-resource-definition", {})
    if (!r.ok) throw new Error("generate failed")
    const bytes = zipStarter(r.value)
    const files = unzipStarter(bytes)
    expect(files.map((f) => f.path)).toEqual(r.value.files.map((f) => `${r.value.root}/${f.path}`))
    expect(files.map((f) => f.content)).toEqual(r.value.files.map((f) => f.content))
  })
})
