import { afterEach, describe, expect, it, vi } from "vitest"
import { generate, getStarter, unzipStarter } from "@/lib/starters"
import { clearStarterZips } from "@/lib/starters/zip-cache"
import { GET } from "./route"

const call = (file: string, query = "") =>
  GET(new Request(`http://localhost/api/starters/${file}${query ? `?${query}` : ""}`), { params: Promise.resolve({ file }) })

afterEach(() => {
  vi.restoreAllMocks()
})

describe("GET /api/starters/<mechanism>.(zip|json)", () => {
  it("returns a zip for the defaults with the project root as file name", async () => {
    const res = await call("custom-resource-definition.zip")
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("application/zip")
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="widgets-crd.zip"')
    expect(res.headers.get("cache-control")).toBe("no-store")
    expect(res.headers.get("x-server-cache")).toBe("max-age=3600") // the server's own cache only
    const files = unzipStarter(new Uint8Array(await res.arrayBuffer()))
    expect(files.map((f) => f.path)).toContain("widgets-crd/deploy/crd.yaml")
  })

  it("applies query options and returns the same files as the library", async () => {
    const res = await call("custom-resource-definition.json", "kind=Gadget&group=acme.io&k8s=1.31")
    expect(res.status).toBe(200)
    expect(res.headers.get("cache-control")).toBe("no-store")
    const body = (await res.json()) as { options: Record<string, unknown>; root: string; files: { path: string; content: string }[] }
    expect(body.options).toMatchObject({ kind: "Gadget", group: "acme.io", k8s: "1.31", version: "v1alpha1" })
    const lib = generate("custom-resource-definition", { kind: "Gadget", group: "acme.io", k8s: "1.31" })
    expect(lib.ok && body.files).toEqual(lib.ok && lib.value.files)
    expect(body.root).toBe("gadgets-crd")
  })

  it("rejects bad options with field errors", async () => {
    const res = await call("validating-admission-webhook.zip", "namespace=kube-system&timeoutSeconds=99&bogus=1")
    expect(res.status).toBe(400)
    expect(res.headers.get("cache-control")).toBe("no-store")
    expect(res.headers.get("x-server-cache")).toBeNull()
    const body = (await res.json()) as { errors: { field: string; message: string }[] }
    expect(body.errors.map((e) => e.field).sort()).toEqual(["bogus", "namespace", "timeoutSeconds"])
    for (const e of body.errors) expect(e.message.length).toBeGreaterThan(5)
  })

  it("links the README to the guide in the requested locale, and rejects unknown locales", async () => {
    const readme = async (query: string) => {
      const res = await call("custom-resource-definition.json", query)
      expect(res.status).toBe(200)
      const body = (await res.json()) as { options: Record<string, unknown>; files: { path: string; content: string }[] }
      expect(body.options).not.toHaveProperty("locale")
      return body.files.find((f) => f.path === "README.md")?.content ?? ""
    }
    expect(await readme("")).toContain("/en/mechanisms/custom-resource-definition")
    expect(await readme("locale=zh-CN&kind=Gadget")).toContain("/zh-CN/mechanisms/custom-resource-definition")
    const bad = await call("custom-resource-definition.zip", "locale=fr")
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("locale")
  })

  it("rejects repeated parameters", async () => {
    const res = await call("custom-resource-definition.json", "kind=A&kind=B")
    expect(res.status).toBe(400)
  })

  it("answers 410 for FlexVolume, naming the CSI starter instead", async () => {
    const res = await call("flexvolume.zip")
    expect(res.status).toBe(410)
    expect(res.headers.get("cache-control")).toBe("no-store")
    const body = await res.json()
    expect(body.alternative).toBe("csi-driver")
    expect(body.errors[0].message).toContain("/api/starters/csi-driver.zip")
  })

  it("404s unknown mechanisms and formats, prototype names included", async () => {
    expect((await call("nope.zip")).status).toBe(404)
    for (const id of ["__proto__", "constructor", "toString", "hasOwnProperty", "__defineGetter__", "valueOf"]) {
      for (const ext of ["zip", "json"]) {
        const res = await call(`${id}.${ext}`)
        expect(res.status, `${id}.${ext}`).toBe(404)
        expect(res.headers.get("cache-control")).toBe("no-store")
      }
    }
    expect((await call("custom-resource-definition.tar")).status).toBe(404)
    const body = (await (await call("nope.json")).json()) as { errors: { field: string }[] }
    expect(body.errors[0]?.field).toBe("mechanism")
  })

  it("reports unknown option names, __proto__ included, as field errors", async () => {
    for (const name of ["__proto__", "constructor", "bogus"]) {
      const res = await call("custom-resource-definition.json", `${name}=x`)
      expect(res.status, name).toBe(400)
      expect(await res.json()).toMatchObject({ errors: [{ field: name, key: "unknownOption" }] })
    }
  })

  it("generates for the inputs that used to give an empty 500 (module with '~', operator group 1.5)", async () => {
    for (const id of ["controller", "operator", "api-aggregation", "scheduler-plugin", "csi-driver"]) {
      const res = await call(`${id}.zip`, "module=example.com/a~b")
      expect(res.status, id).toBe(200)
    }
    expect((await call("operator.zip", "group=1.5")).status).toBe(200)
  })

  it("turns a generator exception into 500 JSON with a request id, logged with the same id", async () => {
    const g = getStarter("custom-resource-definition")!
    vi.spyOn(g, "generate").mockImplementation(() => {
      throw new Error("boom")
    })
    clearStarterZips() // zips made by earlier tests would answer without generating
    const log = vi.spyOn(console, "error").mockImplementation(() => {})
    const res = await call("custom-resource-definition.zip")
    expect(res.status).toBe(500)
    expect(res.headers.get("cache-control")).toBe("no-store")
    const body = (await res.json()) as { error: string; requestId: string }
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers.get("x-request-id")).toBe(body.requestId)
    expect(body.error).not.toContain("boom")
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`requestId=${body.requestId}`), expect.objectContaining({ message: "boom" }))
  })

  it("turns any other exception in the route into the same 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {})
    const res = await GET(new Request("http://localhost/api/starters/x.zip"), { params: Promise.reject(new Error("params broke")) })
    expect(res.status).toBe(500)
    expect((await res.json()) as { requestId: string }).toHaveProperty("requestId")
    expect(log).toHaveBeenCalled()
  })
})
