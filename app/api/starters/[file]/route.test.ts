import { describe, expect, it } from "vitest"
import { generate, unzipStarter } from "@/lib/starters"
import { GET } from "./route"

const call = (file: string, query = "") =>
  GET(new Request(`http://localhost/api/starters/${file}${query ? `?${query}` : ""}`), { params: Promise.resolve({ file }) })

describe("GET /api/starters/<mechanism>.(zip|json)", () => {
  it("returns a zip for the defaults with the project root as file name", async () => {
    const res = await call("custom-resource-definition.zip")
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("application/zip")
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="widgets-crd.zip"')
    const files = unzipStarter(new Uint8Array(await res.arrayBuffer()))
    expect(files.map((f) => f.path)).toContain("widgets-crd/deploy/crd.yaml")
  })

  it("applies query options and returns the same files as the library", async () => {
    const res = await call("custom-resource-definition.json", "kind=Gadget&group=acme.io&k8s=1.31")
    expect(res.status).toBe(200)
    const body = (await res.json()) as { options: Record<string, unknown>; root: string; files: { path: string; content: string }[] }
    expect(body.options).toMatchObject({ kind: "Gadget", group: "acme.io", k8s: "1.31", version: "v1alpha1" })
    const lib = generate("custom-resource-definition", { kind: "Gadget", group: "acme.io", k8s: "1.31" })
    expect(lib.ok && body.files).toEqual(lib.ok && lib.value.files)
    expect(body.root).toBe("gadgets-crd")
  })

  it("rejects bad options with field errors", async () => {
    const res = await call("validating-admission-webhook.zip", "namespace=kube-system&timeoutSeconds=99&bogus=1")
    expect(res.status).toBe(400)
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
    const body = await res.json()
    expect(body.alternative).toBe("csi-driver")
    expect(body.errors[0].message).toContain("/api/starters/csi-driver.zip")
  })

  it("404s unknown mechanisms and formats", async () => {
    expect((await call("nope.zip")).status).toBe(404)
    expect((await call("custom-resource-definition.tar")).status).toBe(404)
    const body = (await (await call("nope.json")).json()) as { errors: { field: string }[] }
    expect(body.errors[0]?.field).toBe("mechanism")
  })
})
