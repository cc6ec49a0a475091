import { describe, expect, it } from "vitest"
import { parseDiscovery, sectionStatus } from "./inspect"

describe("parseDiscovery", () => {
  it("reads aggregated discovery (apidiscovery.k8s.io/v2) and marks Stale group-versions", () => {
    const api = { kind: "APIGroupDiscoveryList", items: [{ metadata: {}, versions: [{ version: "v1", resources: [{ resource: "pods" }] }] }] }
    const apis = {
      kind: "APIGroupDiscoveryList",
      items: [
        { metadata: { name: "apps" }, versions: [{ version: "v1", resources: [{ resource: "deployments" }], freshness: "Current" }] },
        { metadata: { name: "metrics.k8s.io" }, versions: [{ version: "v1beta1", freshness: "Stale" }] },
      ],
    }
    const d = parseDiscovery(api, apis)
    expect(d.mode).toBe("aggregated")
    expect(d.served.get("v1")?.has("pods")).toBe(true)
    expect(d.served.get("apps/v1")?.has("deployments")).toBe(true)
    expect(d.served.has("metrics.k8s.io/v1beta1")).toBe(false)
    expect(d.stale).toEqual(["metrics.k8s.io/v1beta1"])
  })

  it("falls back to legacy APIVersions/APIGroupList (group-versions without resources)", () => {
    const d = parseDiscovery(
      { kind: "APIVersions", versions: ["v1"] },
      { kind: "APIGroupList", groups: [{ name: "apps", versions: [{ groupVersion: "apps/v1", version: "v1" }], preferredVersion: { version: "v1" } }] },
    )
    expect(d.mode).toBe("legacy")
    expect(d.served.has("apps/v1")).toBe(true)
    expect(d.served.get("apps/v1")).toBeUndefined()
    expect(d.groups.map((g) => g.group)).toEqual(["", "apps"])
  })
})

describe("sectionStatus", () => {
  it("ok when required reads succeed; optional failures do not degrade", () => {
    expect(sectionStatus([{ resource: "a", status: "ok" }, { resource: "b", status: "forbidden", optional: true }])).toEqual({ status: "ok" })
  })
  it("forbidden beats ok; not-served reads are ignored unless all are", () => {
    expect(sectionStatus([{ resource: "a", status: "ok" }, { resource: "b", status: "forbidden", reason: "403" }]).status).toBe("forbidden")
    expect(sectionStatus([{ resource: "a", status: "ok" }, { resource: "map", status: "unavailable" }]).status).toBe("ok")
    expect(sectionStatus([{ resource: "a", status: "unavailable" }]).status).toBe("unavailable")
    expect(sectionStatus([{ resource: "a", status: "error", reason: "timed out" }, { resource: "b", status: "forbidden" }])).toEqual({
      status: "error",
      reason: "a: timed out",
    })
  })
})
