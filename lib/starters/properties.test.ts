// Property tests: arbitrary valid options always give parseable YAML/JSON and code whose
// interpolated identifiers are valid; arbitrary invalid options give field errors and no files.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { STARTERS, generate } from "./registry"
import { parseYamlDocs } from "./yaml"

const lower = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789".split(""))
const label = fc
  .array(fc.oneof(lower, fc.constant("-")), { minLength: 1, maxLength: 20 })
  .map((a) => `x${a.join("")}`.replace(/-+$/, "") || "x")
const kind = fc
  .tuple(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("")), fc.array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".split("")), { maxLength: 15 }))
  .map(([h, t]) => `${h}${t.join("")}`)
  .filter((k) => !["GroupVersion", "SchemeBuilder", "AddToScheme"].includes(k) && !k.endsWith("List"))
const group = fc.tuple(label, label).map(([a, b]) => `${a}.${b}`)
const version = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom("", "alpha", "beta"), fc.integer({ min: 1, max: 9 })).map(([v, s, n]) => (s ? `v${v}${s}${n}` : `v${v}`))
const module = fc.tuple(label, label, label).map(([a, b, c]) => `${a}.io/${b}/${c}`)
const image = fc.tuple(label, label, fc.integer({ min: 0, max: 20 })).map(([r, n, t]) => `${r}.example.com/${n}:v0.${t}.0`)

/** Valid values for the option names starters share; other options keep their defaults. */
const VALID: Record<string, fc.Arbitrary<unknown>> = {
  name: label,
  namespace: label.filter((n) => !n.startsWith("kube-")),
  sampleNamespace: label.filter((n) => !n.startsWith("kube-")),
  group: group.filter((g) => !/(k8s|kubernetes)\.io$/.test(g)),
  version,
  kind,
  paramKind: kind,
  module,
  image,
  workloadImage: image,
  label: fc.tuple(fc.option(group), label).map(([p, n]) => (p ? `${p}/${n}` : n)),
}

const INVALID: Record<string, fc.Arbitrary<string>> = {
  name: fc.constantFrom("Bad_Name", "-x", "a b", "x".repeat(64), "", "a\"; rm -rf /"),
  namespace: fc.constantFrom("kube-system", "UPPER", "a.b"),
  group: fc.constantFrom("nodot", "Example.com", "x.k8s.io", "a..b"),
  version: fc.constantFrom("1", "v0", "vbeta1", "v1Beta1"),
  kind: fc.constantFrom("widget", "Wid-get", "1Widget", "Wid get"),
  module: fc.constantFrom("Example.com/x", "/x", "a b/c", "x/../y"),
  image: fc.constantFrom("Upper/Case", "a b", "x:", "reg/x@sha256:short"),
  k8s: fc.constantFrom("1.29", "1.38", "latest"),
  bogusOption: fc.constantFrom("1"),
}

function checkFiles(files: { path: string; content: string }[]) {
  // Every option set builds from the zip as-is: the dependency set is one the locks pin.
  const paths = new Set(files.map((f) => f.path))
  if (paths.has("go.mod")) expect(paths.has("go.sum"), "go.sum next to go.mod (npm run starters:lock)").toBe(true)
  if (paths.has("package.json")) expect(paths.has("package-lock.json"), "package-lock.json next to package.json").toBe(true)
  for (const f of files) {
    if (/\.ya?ml$/.test(f.path)) expect(() => parseYamlDocs(f.content), f.path).not.toThrow()
    if (f.path.endsWith(".json")) expect(() => JSON.parse(f.content) as unknown, f.path).not.toThrow()
    if (f.path.endsWith(".go")) {
      // Every declared type/func name is a Go identifier; no template placeholder leaked.
      for (const m of f.content.matchAll(/^(?:type|func) (?:\([^)]*\) )?([^\s([{]+)/gm)) expect(m[1], f.path).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/)
      expect(f.content, f.path).not.toMatch(/\$\{|\[object Object\]|undefined/)
    }
    if (f.path.endsWith(".ts")) expect(f.content, f.path).not.toMatch(/\[object Object\]/)
  }
}

describe("starter options (property-based)", () => {
  for (const g of STARTERS) {
    const shape = g.schema.shape as Record<string, unknown>
    const names = Object.keys(shape).filter((n) => n in VALID)

    it(`${g.id}: valid options give parseable files with valid identifiers`, { timeout: 120_000 }, () => {
      const arb = fc.record(Object.fromEntries(names.map((n) => [n, VALID[n]!])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] })
      fc.assert(
        fc.property(arb, fc.constantFrom(...g.targets), fc.constantFrom(...(g.languages.length ? g.languages : [undefined])), (opts, k8s, language) => {
          const r = generate(g.id, { ...opts, k8s, ...(language ? { language } : {}) })
          if (!r.ok) throw new Error(JSON.stringify(r.errors))
          checkFiles(r.value.files)
        }),
        { numRuns: 25 },
      )
    })

    it(`${g.id}: invalid options give field errors and no files`, { timeout: 60_000 }, () => {
      const invalidNames = Object.keys(INVALID).filter((n) => n in shape || n === "bogusOption")
      fc.assert(
        fc.property(fc.constantFrom(...invalidNames), (field) => {
          const value = fc.sample(INVALID[field]!, 1)[0]
          const r = generate(g.id, { [field]: value })
          expect(r.ok).toBe(false)
          if (!r.ok) {
            expect(r.errors.some((e) => e.field === field)).toBe(true)
            expect("value" in r).toBe(false)
          }
        }),
        { numRuns: 20 },
      )
    })
  }
})
