// The CRD starter's validation on the real test cluster, for the rules that a server-side dry-run
// of a new object cannot show: transition rules (oldSelf) on update.
import { KubernetesObjectApi, type KubernetesObject } from "@kubernetes/client-node"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { adminKubeConfig, uniqueName } from "@/e2e/cluster/test-cluster"
import { crdObject } from "./crd"

const group = `${uniqueName("immut")}.example.com`
const crd = crdObject({ group, version: "v1alpha1", kind: "Widget", scope: "Cluster", k8s: "1.37" }) as unknown as KubernetesObject
const api = KubernetesObjectApi.makeApiClient(adminKubeConfig())
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

type Widget = KubernetesObject & { spec: { size: number; owner?: string } }

async function update(name: string, change: (w: Widget) => void): Promise<string | undefined> {
  const w = (await api.read({ apiVersion: `${group}/v1alpha1`, kind: "Widget", metadata: { name } })) as Widget
  change(w)
  try {
    await api.replace(w)
    return undefined
  } catch (err) {
    return String((err as { body?: string }).body ?? err)
  }
}

describe("CRD starter: owner is immutable once set", () => {
  beforeAll(async () => {
    await api.create(crd)
    for (let i = 0; i < 50; i++) {
      try {
        await api.list(`${group}/v1alpha1`, "Widget")
        return
      } catch {
        await sleep(200)
      }
    }
  })
  afterAll(async () => {
    await api.delete(crd).catch(() => undefined)
  })

  it("cannot be changed, cleared, or cleared and set again; can be set once when absent", async () => {
    await api.create({ apiVersion: `${group}/v1alpha1`, kind: "Widget", metadata: { name: "owned" }, spec: { size: 1, owner: "team-a" } } as Widget)
    expect(await update("owned", (w) => (w.spec.owner = "team-b"))).toContain("owner is immutable once set")
    // The bypass of a field-level `self == oldSelf`: clear it first, then set another value.
    expect(await update("owned", (w) => delete w.spec.owner)).toContain("owner is immutable once set")
    expect(await update("owned", (w) => (w.spec.size = 2))).toBeUndefined()

    await api.create({ apiVersion: `${group}/v1alpha1`, kind: "Widget", metadata: { name: "unowned" }, spec: { size: 1 } } as Widget)
    expect(await update("unowned", (w) => (w.spec.owner = "team-a"))).toBeUndefined()
    expect(await update("unowned", (w) => (w.spec.owner = "team-c"))).toContain("owner is immutable once set")
  })
})
