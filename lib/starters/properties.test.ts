// Property tests. Option sets are drawn from each starter's zod schema itself (every pattern
// through fc.stringMatching, lengths at the limit, every enum value, numbers at their bounds, typed
// and query-string forms): generate() must answer files or field errors, never a generator
// failure. 10,000 runs in total (STARTER_PROPERTY_RUNS overrides), the outputs' YAML, JSON and Go
// identifiers checked for every fourth; invalid options give field errors and no files.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { token } from "./code"
import { GO_MODULE, goModulePathProblem } from "./options"
import { STARTERS, generate } from "./registry"
import { optionsArbitrary } from "./testing/option-arbitraries"
import { parseYamlDocs } from "./yaml"

const TOTAL_RUNS = Number(process.env.STARTER_PROPERTY_RUNS ?? 10_000)
const RUNS_PER_STARTER = Math.ceil(TOTAL_RUNS / STARTERS.length)

const INVALID: Record<string, fc.Arbitrary<string>> = {
  name: fc.constantFrom("Bad_Name", "-x", "a b", "x".repeat(64), "", "a\"; rm -rf /"),
  namespace: fc.constantFrom("kube-system", "UPPER", "a.b"),
  group: fc.constantFrom("nodot", "Example.com", "x.k8s.io", "a..b"),
  version: fc.constantFrom("1", "v0", "vbeta1", "v1Beta1"),
  kind: fc.constantFrom("widget", "Wid-get", "1Widget", "Wid get"),
  module: fc.constantFrom("Example.com/x", "/x", "a b/c", "x/../y", "example.com/a~1", "example.com/con", "example.com/x/v1", "nodot/x", "example.com/" + "x".repeat(200)),
  image: fc.constantFrom("Upper/Case", "a b", "x:", "reg/x@sha256:short", "registry.example.com:99999/x", "registry.example.com:0/x"),
  baseDir: fc.constantFrom("/var/lib/../etc", "/./x", "/a/..", "relative", "/", "/var/lib/kubelet/x", "/var", "/etc", `/${"x".repeat(255)}`),
  allowedRegistry: fc.constantFrom("a/../b", "registry.example.com:65536", "registry.example.com:0", "a//b", "A.example.com"),
  issuer: fc.constantFrom("https://a.example.com/../x", "https://a.example.com:99999", "http://a.example.com", "https://a.example.com/x?q=1", "https://a..b"),
  tokenUrl: fc.constantFrom("https://login.example.com/./token", "https://login.example.com:100000/token"),
  server: fc.constantFrom("https://k.example.com:0", "https://k.example.com:65536"),
  k8s: fc.constantFrom("1.29", "1.38", "latest"),
  bogusOption: fc.constantFrom("1"),
  ["__proto__"]: fc.constantFrom("x"), // computed key: an own property, not the prototype
  constructor: fc.constantFrom("x"),
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
    it(`${g.id}: options drawn from its schema give files or field errors, never a generator failure`, { timeout: 300_000 }, () => {
      const names = new Set(Object.keys(shape))
      let generated = 0
      fc.assert(
        fc.property(optionsArbitrary(g.schema, g.id), (opts) => {
          const r = generate(g.id, opts)
          if (r.ok) {
            // Parsing every YAML file costs more than generating; every fourth output is enough
            // to catch broken YAML or identifiers (each run still checks that nothing throws).
            if (generated++ % 4 === 0) checkFiles(r.value.files)
            return
          }
          // The exception itself, so fast-check prints it next to the shrunk counterexample.
          if (r.failure) throw r.failure
          for (const e of r.errors) {
            expect(e.key).not.toBe("generatorFailed")
            expect(e.field === "" || names.has(e.field), `error on unknown field ${e.field}`).toBe(true)
          }
        }),
        { numRuns: RUNS_PER_STARTER },
      )
      // Most draws are valid option sets: the property is about generating, not about rejecting.
      expect(generated, "share of option sets that generated").toBeGreaterThan(RUNS_PER_STARTER / 4)
    })

    it(`${g.id}: invalid options give field errors and no files`, { timeout: 60_000 }, () => {
      const invalidNames = Object.keys(INVALID).filter((n) => Object.hasOwn(shape, n) || ["bogusOption", "__proto__", "constructor"].includes(n))
      fc.assert(
        fc.property(fc.constantFrom(...invalidNames), (field) => {
          const value = fc.sample(INVALID[field]!, 1)[0]
          // fromEntries: "__proto__" as an own option name, the way a query string or JSON delivers it.
          const r = generate(g.id, Object.fromEntries([[field, value]]))
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

describe("the module option and the code that uses it share one rule", () => {
  it("every module path the schema accepts is a token the templates accept", () => {
    fc.assert(
      fc.property(fc.stringMatching(GO_MODULE), (path) => {
        if (goModulePathProblem(path) === undefined && path.length <= 200) expect(() => token(path)).not.toThrow()
      }),
      { numRuns: 2_000 },
    )
  })
})
