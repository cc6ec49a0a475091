// dra-driver's ResourceSlice policy on a real kube-apiserver. `make deploy` (kubectl apply -k
// deploy/) installs the namespace, RBAC, DeviceClass, DaemonSet and the ValidatingAdmissionPolicy;
// the kubelet plugin's requests are made as its ServiceAccount with the node name its token would
// carry (user extra authentication.kubernetes.io/node-name, set by kube-apiserver for tokens bound
// to a Pod, here set by impersonation as the admin).
// Proves: a node's plugin may create, update and delete its own node's ResourceSlices and none of
// another node's, nor cluster-wide ones; a caller without a node name is refused; RBAC alone would
// have allowed all of it. Cannot prove here: the plugin's Pod and its bound token (no kubelet).
import https from "node:https"
import { readFileSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { until } from "./control-plane-node"
import { writeStarter } from "./starter-project"

const SA = "system:serviceaccount:dra-driver:gpu-dra-driver"
const DRIVER = "gpu.example.com"

describe("dra-driver ResourceSlice admission policy", () => {
  let cp: ControlPlane
  let dir: string

  /** A request as the driver's ServiceAccount running on `node` (no node: a token not bound to a Pod). */
  function asPlugin(node: string | undefined, method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: string }> {
    const url = new URL(urlPath, cp.server)
    const headers: Record<string, string> = { Authorization: `Bearer ${cp.token("admin")}`, "Impersonate-User": SA, "Impersonate-Group": "system:serviceaccounts", "Content-Type": "application/json" }
    if (node) headers["Impersonate-Extra-authentication.kubernetes.io%2fnode-name"] = node
    return new Promise((resolve, reject) => {
      const req = https.request({ host: url.hostname, port: url.port, path: url.pathname, method, headers, ca: readFileSync(cp.caFile) }, (res) => {
        let data = ""
        res.on("data", (d) => (data += d))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }))
      })
      req.on("error", reject)
      req.end(body ? JSON.stringify(body) : undefined)
    })
  }
  const slice = (name: string, node?: string) => ({
    apiVersion: "resource.k8s.io/v1",
    kind: "ResourceSlice",
    metadata: { name },
    spec: { driver: DRIVER, pool: { name: node ?? "shared", generation: 1, resourceSliceCount: 1 }, ...(node ? { nodeName: node } : { allNodes: true }), devices: [{ name: "gpu-0" }] },
  })
  const SLICES = "/apis/resource.k8s.io/v1/resourceslices"

  beforeAll(async () => {
    dir = writeStarter("dra-driver")
    cp = await startControlPlane({})
    for (const n of ["node-a", "node-b"]) await cp.addNode(n)
    const r = await cp.kubectl(["apply", "-k", path.join(dir, "deploy")])
    if (r.code !== 0) throw new Error(r.stderr)
  }, 15 * 60_000)

  afterAll(async () => {
    await cp?.stop()
  })

  it("lets the plugin on node-a write node-a's slices", async () => {
    // The policy is enforced once its binding is in the apiserver's informer.
    const created = await until("node-a slice admitted", async () => {
      const r = await asPlugin("node-a", "POST", SLICES, slice("node-a-gpu", "node-a"))
      return r.status === 201 && r
    })
    expect(created.status).toBe(201)
    const got = JSON.parse((await asPlugin("node-a", "GET", `${SLICES}/node-a-gpu`)).body)
    got.spec.pool.generation = 2
    expect((await asPlugin("node-a", "PUT", `${SLICES}/node-a-gpu`, got)).status).toBe(200)
  })

  it("refuses node-b's and cluster-wide slices, and callers without a node", async () => {
    await until("policy active", async () => (await asPlugin("node-a", "POST", SLICES, slice("probe-b", "node-b"))).status === 422)
    const other = await asPlugin("node-a", "POST", SLICES, slice("forged", "node-b"))
    expect(other.status).toBe(422)
    expect(other.body).toContain("the plugin on node node-a may not change ResourceSlices of node node-b")
    const shared = await asPlugin("node-a", "POST", SLICES, slice("forged-shared"))
    expect(shared.body).toContain("may not change ResourceSlices without a node")
    const noNode = await asPlugin(undefined, "POST", SLICES, slice("no-node", "node-a"))
    expect(noNode.status).toBe(422)
    expect(noNode.body).toContain("no node name in the caller's token")
  })

  it("refuses deleting another node's slice; the admin is not affected", async () => {
    const made = await cp.kubectl(["create", "-f", "-"], { input: JSON.stringify(slice("node-b-gpu", "node-b")) })
    expect(made.code, made.stderr).toBe(0)
    expect((await asPlugin("node-a", "DELETE", `${SLICES}/node-b-gpu`)).status).toBe(422)
    expect((await asPlugin("node-b", "DELETE", `${SLICES}/node-b-gpu`)).status).toBe(200)
  })

  it("RBAC alone would allow it (the policy is what stops it)", async () => {
    const can = await cp.kubectl(["auth", "can-i", "create", "resourceslices.resource.k8s.io", `--as=${SA}`])
    expect(can.stdout.trim()).toBe("yes")
  })

  it("removal deletes the policy with the rest", async () => {
    const r = await cp.kubectl(["delete", "-k", path.join(dir, "deploy"), "--wait=false"])
    expect(r.code, r.stderr).toBe(0)
    expect((await cp.kubectl(["get", "validatingadmissionpolicy", "gpu-dra-driver-resourceslices"])).code).not.toBe(0)
  })
})
