// CustomResourceDefinition starter on the real control plane, run the way its README says: valid
// objects accepted, each invalid sample rejected with its OpenAPI/CEL message, the owner cannot be
// changed by clearing it first, and kubectl shows the printer columns.
import { readFileSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { unpackStarter } from "./starter"
import { kjson, ok, runReadme } from "./readme"

const REJECTION: Record<string, string> = {
  "size-too-large.yaml": "spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10",
  "red-too-large.yaml": "red widgets can be at most size 5",
  "unknown-field.yaml": 'unknown field "spec.colour"',
  "bad-color.yaml": 'spec.color: Unsupported value: "purple": supported values: "red", "green", "blue"',
}

describe("custom-resource-definition starter", () => {
  let cp: ControlPlane
  const starter = unpackStarter("custom-resource-definition")

  beforeAll(async () => {
    // kube-controller-manager: the README's removal deletes the sample namespace.
    cp = await startControlPlane({ controllerManager: true })
  })
  afterAll(async () => {
    await cp?.stop()
  })

  it("README Deploy and Test: the samples pass and every invalid object is rejected", async () => {
    await runReadme(cp, starter.dir, "Deploy")
    const test = Object.values(await runReadme(cp, starter.dir, "Test"))[0]!
    expect(test.stdout).toContain("ok    accepted deploy/samples/widget.yaml")
    for (const f of Object.keys(REJECTION)) expect(test.stdout).toContain(`ok    rejected test/invalid/${f}`)
  })

  it("each invalid sample is rejected with its own OpenAPI or CEL message", async () => {
    for (const [f, message] of Object.entries(REJECTION)) {
      const r = await cp.kubectl(["apply", "--validate=strict", "-f", path.join(starter.dir, "test/invalid", f)])
      expect(r.code, f).not.toBe(0)
      expect(r.stderr, f).toContain(message)
    }
  })

  it("README Try: printer columns in kubectl get; owner cannot be removed, changed, or cleared and set again", async () => {
    const tried = await runReadme(cp, starter.dir, "Try", {}, { expectFailure: ["kubectl apply -f test/invalid/", "kubectl patch widget widget-sample"] })
    const get = Object.entries(tried).find(([l]) => l.startsWith("kubectl get widgets"))![1].stdout
    expect(get.split("\n")[0]).toMatch(/^NAME\s+SIZE\s+COLOR\s+READY\s+AGE$/)
    expect(get.split("\n")[1]).toMatch(/^widget-sample\s+3\s+green\s+\S*\s+\d+s$/)
    expect(Object.entries(tried).find(([l]) => l.startsWith("kubectl patch"))![1].stderr).toContain("owner is immutable once set")
    expect(Object.entries(tried).find(([l]) => l.startsWith("kubectl explain"))![1].stdout).toContain("Team that owns this object")

    const change = await cp.kubectl(["-n", "demo", "patch", "widget", "widget-sample", "--type=merge", "-p", '{"spec":{"owner":"team-b"}}'])
    expect(change.stderr).toContain("owner is immutable once set")
    // A Widget created without an owner may get one once, and then it is fixed.
    ok(await cp.kubectl(["-n", "demo", "apply", "-f", "-"], { input: JSON.stringify({ apiVersion: "example.com/v1alpha1", kind: "Widget", metadata: { name: "later" }, spec: { size: 1 } }) }), "unowned")
    ok(await cp.kubectl(["-n", "demo", "patch", "widget", "later", "--type=merge", "-p", '{"spec":{"owner":"team-a"}}']), "first owner")
    expect((await cp.kubectl(["-n", "demo", "patch", "widget", "later", "--type=merge", "-p", '{"spec":{"owner":"team-c"}}'])).stderr).toContain("owner is immutable once set")
    // Field selector on spec.color (selectableFields, 1.32+).
    const green = await kjson<{ items: unknown[] }>(cp, ["-n", "demo", "get", "widgets", "--field-selector", "spec.color=green"])
    expect(green.items).toHaveLength(1)
    expect(readFileSync(path.join(starter.dir, "deploy/crd.yaml"), "utf8")).toContain("selectableFields")
  })

  it("README Remove: the CRD and its objects are gone, nothing is left Terminating", async () => {
    await runReadme(cp, starter.dir, "Remove", {}, { timeoutMs: 180_000 })
    expect((await cp.kubectl(["get", "crd", "widgets.example.com"])).code).not.toBe(0)
    expect((await cp.kubectl(["get", "clusterrole", "widgets.example.com-viewer"])).code).not.toBe(0)
  })
})
