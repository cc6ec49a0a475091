// The control plane the behaviour tier stands on: kube-controller-manager and kube-scheduler
// really run (ServiceAccounts, Deployments → ReplicaSets → Pods, binding to Nodes, namespace
// deletion, garbage collection), kubectl is this release's, and kube-apiserver takes extra flags
// and config files. Pods never run (no kubelet): fakeKubelet marks them Running and finishes
// their deletion.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { until } from "./readme"

async function json(cp: ControlPlane, args: string[]) {
  const r = await cp.kubectl([...args, "-o", "json"])
  if (r.code !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout)
}

describe("test control plane (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl)", () => {
  let cp: ControlPlane
  let kubelet: { stop(): void } | undefined

  beforeAll(async () => {
    cp = await startControlPlane({
      controllerManager: true,
      scheduler: true,
      // Extra flags and files: an audit policy read from filesDir, as a static pod would mount it.
      files: { "audit-policy.yaml": "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n" },
      apiserverArgs: ({ filesDir, runDir }) => [`--audit-policy-file=${filesDir}/audit-policy.yaml`, `--audit-log-path=${runDir}/audit.log`],
    })
  })

  afterAll(async () => {
    kubelet?.stop()
    await cp?.stop()
  })

  it("serves this release's kubectl and kube-apiserver", async () => {
    const v = JSON.parse((await cp.kubectl(["version", "-o", "json"])).stdout)
    expect(v.clientVersion.gitVersion).toBe(v.serverVersion.gitVersion)
    expect(v.serverVersion.gitVersion).toMatch(/^v1\.37\.\d+$/)
  })

  it("applies extra kube-apiserver flags and files (audit log written)", async () => {
    const { readFileSync } = await import("node:fs")
    await until("audit events", async () => readFileSync(`${cp.runDir}/audit.log`, "utf8").includes('"kind":"Event"'))
  })

  it("creates the default ServiceAccount in a new namespace (controller-manager)", async () => {
    await cp.kubectl(["create", "namespace", "smoke"])
    await until("default ServiceAccount", async () => (await cp.kubectl(["-n", "smoke", "get", "serviceaccount", "default"])).code === 0)
  })

  it("runs a Deployment through ReplicaSet and scheduler onto Nodes, and fakeKubelet makes it Available", async () => {
    await cp.addNode("node-a", { cpu: "2", memory: "4Gi" })
    await cp.addNode("node-b", { cpu: "2", memory: "4Gi" })
    kubelet = await cp.fakeKubelet(["node-a", "node-b"])
    const created = await cp.kubectl(["-n", "smoke", "create", "deployment", "web", "--image=registry.k8s.io/pause:3.10", "--replicas=3"])
    expect(created.code, created.stderr).toBe(0)
    const pods = await until("3 bound pods", async () => {
      const list = await json(cp, ["-n", "smoke", "get", "pods", "-l", "app=web"])
      return list.items.length === 3 && list.items.every((p: { spec: { nodeName?: string } }) => p.spec.nodeName) && list.items
    })
    const nodes = new Set(pods.map((p: { spec: { nodeName: string } }) => p.spec.nodeName))
    expect([...nodes].every((n) => n === "node-a" || n === "node-b")).toBe(true)
    await until("Deployment available", async () => {
      const d = await json(cp, ["-n", "smoke", "get", "deployment", "web"])
      return d.status?.availableReplicas === 3
    })
  })

  it("garbage-collects owned objects and deletes a namespace with bound pods", async () => {
    expect((await cp.kubectl(["-n", "smoke", "delete", "deployment", "web", "--wait=false"])).code).toBe(0)
    await until("ReplicaSet collected", async () => (await json(cp, ["-n", "smoke", "get", "replicasets"])).items.length === 0)
    await cp.kubectl(["-n", "smoke", "create", "deployment", "again", "--image=registry.k8s.io/pause:3.10"])
    await until("pod bound", async () => (await json(cp, ["-n", "smoke", "get", "pods"])).items.some((p: { spec: { nodeName?: string } }) => p.spec.nodeName))
    const del = await cp.kubectl(["delete", "namespace", "smoke", "--timeout=90s"])
    expect(del.code, del.stderr).toBe(0)
    expect((await cp.kubectl(["get", "namespace", "smoke"])).code).not.toBe(0)
  })
})
