import { describe, expect, it } from "vitest"
import { z } from "zod"
import { absolutePath, goModule, httpsUrl, imageRef, pathsOverlap, registryPrefix, toFieldErrors } from "./options"

const accepts = (schema: z.ZodType, value: string) => schema.safeParse(value).success
const keysOf = (schema: z.ZodType, value: string) => {
  const r = schema.safeParse(value)
  return r.success ? [] : toFieldErrors(r.error.issues).map((e) => e.key)
}

describe("goModule: golang.org/x/mod/module.CheckPath's own table", () => {
  // checkPathTests from golang.org/x/mod@v0.37.0/module/module_test.go: [path, module path ok].
  const GO_TABLE: [string, boolean][] = [
    ["x.y/z", true], ["x.y", true], ["", false], ["/x.y/z", false], ["x./z", false], [".x/z", false], ["-x/z", false],
    ["x..y/z", true], ["x.y/z/../../w", false], ["x.y//z", false], ["x.y/z//w", false], ["x.y/z/", false],
    ["x.y/z/v0", false], ["x.y/z/v1", false], ["x.y/z/v2", true], ["x.y/z/v2.0", false], ["X.y/z", false], ["!x.y/z", false],
    ["_x.y/z", false], ["x.y!/z", false], ['x.y"/z', false], ["x.y#/z", false], ["x.y$/z", false], ["x.y%/z", false],
    ["x.y&/z", false], ["x.y'/z", false], ["x.y(/z", false], ["x.y)/z", false], ["x.y*/z", false], ["x.y+/z", false],
    ["x.y,/z", false], ["x.y-/z", true], ["x.y./zt", false], ["x.y:/z", false], ["x.y;/z", false], ["x.y</z", false],
    ["x.y=/z", false], ["x.y>/z", false], ["x.y?/z", false], ["x.y@/z", false], ["x.y[/z", false], ["x.y\\/z", false],
    ["x.y]/z", false], ["x.y^/z", false], ["x.y_/z", false], ["x.y`/z", false], ["x.y{/z", false], ["x.y}/z", false],
    ["x.y~/z", false], ["x.y/z!", false], ['x.y/z"', false], ["x.y/z#", false], ["x.y/z$", false], ["x.y/z%", false],
    ["x.y/z&", false], ["x.y/z'", false], ["x.y/z(", false], ["x.y/z)", false], ["x.y/z*", false], ["x.y/z++", false],
    ["x.y/z,", false], ["x.y/z-", true], ["x.y/z.t", true], ["x.y/z/t", true], ["x.y/z:", false], ["x.y/z;", false],
    ["x.y/z<", false], ["x.y/z=", false], ["x.y/z>", false], ["x.y/z?", false], ["x.y/z@", false], ["x.y/z[", false],
    ["x.y/z\\", false], ["x.y/z]", false], ["x.y/z^", false], ["x.y/z_", true], ["x.y/z`", false], ["x.y/z{", false],
    ["x.y/z}", false], ["x.y/z~", true], ["x.y/x.foo", true], ["x.y/aux.foo", false], ["x.y/prn", false], ["x.y/prn2", true],
    ["x.y/com", true], ["x.y/com1", false], ["x.y/com1.txt", false], ["x.y/calm1", true], ["x.y/z~0", false],
    ["x.y/z~09", false], ["x.y/z09", true], ["x.y/z09~", true], ["x.y/z09~09z", true], ["x.y/z09~09z~09", false],
    ["github.com/!123/logrus", false], ["github.com/user/unicode/испытание", false], ["../x", false], ["./y", false],
    ["x:y", false], [".gitignore", false], [".github/ISSUE_TEMPLATE", false], ["x☺y", false],
  ]

  it.each(GO_TABLE)("%j → %s", (path, ok) => {
    expect(accepts(goModule(), path)).toBe(ok)
  })

  it("accepts '~' inside elements, as Go does (example.com/a~b)", () => {
    expect(accepts(goModule(), "example.com/a~b")).toBe(true)
    expect(keysOf(goModule(), "example.com/a~1")).toEqual(["goModuleRule"])
  })

  it("checks length before the pattern, so no input length makes validation slow", () => {
    const started = performance.now()
    const huge = `a${".a".repeat(50_000)}!`
    expect(keysOf(goModule(), huge)).toEqual(["tooBig"])
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe("ports are 1–65535", () => {
  it.each([
    ["registry.example.com:1/app", true],
    ["registry.example.com:65535/app", true],
    ["registry.example.com:5000/team/app:v1", true],
    ["registry.example.com:0/app", false],
    ["registry.example.com:65536/app", false],
    ["registry.example.com:99999/app", false],
    ["registry.example.com:05000/app", false],
  ])("image %s → %s", (ref, ok) => expect(accepts(imageRef(), ref)).toBe(ok))

  it.each([
    ["https://k.example.com:6443", true],
    ["https://k.example.com:65535/x", true],
    ["https://k.example.com:0", false],
    ["https://k.example.com:65536", false],
    ["https://k.example.com:99999", false],
  ])("URL %s → %s", (url, ok) => expect(accepts(httpsUrl(), url)).toBe(ok))

  it.each([
    ["registry.example.com:443", true],
    ["registry.example.com:65536", false],
    ["registry.example.com:0/team", false],
  ])("registry %s → %s", (reg, ok) => expect(accepts(registryPrefix(), reg)).toBe(ok))
})

describe("paths never contain '.' or '..' segments", () => {
  it.each([
    ["registry.example.com/team", true],
    ["registry.example.com/team/sub_dir/x.y", true],
    ["a/../b", false],
    ["a/./b", false],
    ["a//b", false],
    ["A.example.com", false],
  ])("allowedRegistry %s → %s", (reg, ok) => expect(accepts(registryPrefix(), reg)).toBe(ok))

  it.each([
    ["https://issuer.example.com", true],
    ["https://issuer.example.com/", true],
    ["https://issuer.example.com/realms/a.b/~x", true],
    ["https://issuer.example.com/..x/...", true],
    ["https://issuer.example.com/../x", false],
    ["https://issuer.example.com/a/./x", false],
    ["https://issuer.example.com/a/..", false],
    ["https://issuer.example.com//x", false],
    ["https://a..b", false],
  ])("URL %s → %s", (url, ok) => expect(accepts(httpsUrl(), url)).toBe(ok))

  const baseDir = absolutePath(255, ["/etc", "/var/lib/kubelet"])
  it.each([
    ["/var/lib/shared-dir", true],
    ["/mnt/nfs/.hidden/x..y", true],
    ["/var/lib/../etc", false],
    ["/./x", false],
    ["/a/..", false],
    ["/a/", false],
    ["relative", false],
    ["/", false],
    [`/${"x".repeat(255)}`, false],
  ])("host path %s → %s", (p, ok) => expect(accepts(baseDir, p)).toBe(ok))

  it("refuses reserved directories, their parents and children", () => {
    expect(keysOf(baseDir, "/etc")).toEqual(["reservedPath"])
    expect(keysOf(baseDir, "/etc/shared")).toEqual(["reservedPath"])
    expect(keysOf(baseDir, "/var")).toEqual(["reservedPath"])
    expect(keysOf(baseDir, "/var/lib/kubelet/pods")).toEqual(["reservedPath"])
    expect(accepts(baseDir, "/etcetera")).toBe(true)
    expect(accepts(baseDir, "/var/lib/kubelet-data")).toBe(true)
  })

  it("compares paths segment by segment", () => {
    expect(pathsOverlap("/a/b", "/a")).toBe(true)
    expect(pathsOverlap("/a", "/a/b")).toBe(true)
    expect(pathsOverlap("/ab", "/a")).toBe(false)
    expect(pathsOverlap("/a/b/", "/a/b")).toBe(true)
  })
})
