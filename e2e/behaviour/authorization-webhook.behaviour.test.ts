// authorization-webhook on a real control plane, installed as its README says: `make build`,
// `make certs`, `sudo make install` into /etc/kubernetes/namespace-guard-authz (key 0400, UID
// 65532), `hack/kube-apiserver-manifest.sh add` on a kubeadm manifest (its flags become the test
// kube-apiserver's: --authorization-config replaces --authorization-mode), the server run as its
// static Pod would (UID/GID 65532, its args), kube-controller-manager and kube-scheduler running.
// Proves: outsiders' writes in the namespace are denied; admins still need RBAC (the webhook never
// says "allowed"); the scheduler binds Pods, the ReplicaSet controller creates them and the
// namespace can be deleted (the namespace controller empties it); with the server down,
// failurePolicy NoOpinion leaves decisions to RBAC; removal restores kube-apiserver's flags.
// Cannot prove here: the kubelet running the static Pod and kube-apiserver restarting from the
// edited manifest (the test starts kube-apiserver with the flags the manifest now has).
import { existsSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { unpackStarter } from "./starter"
import { addToManifest, runStaticPodServer, until } from "./control-plane-node"
import { GO_ENV, isRoot, mustRun } from "./starter-project"

const NS = "payments"

describe("authorization-webhook", () => {
  let cp: ControlPlane
  let dir: string
  let server: Awaited<ReturnType<typeof runStaticPodServer>> | undefined
  let kubelet: { stop(): void } | undefined
  let change: ReturnType<typeof addToManifest>

  beforeAll(async () => {
    if (!isRoot) throw new Error("installing into /etc/kubernetes and running the static Pod's UID need root")
    dir = unpackStarter("authorization-webhook").dir
    mustRun("make", ["build"], { cwd: dir, env: GO_ENV, timeoutMs: 30 * 60_000 })
    mustRun("make", ["certs"], { cwd: dir })
    mustRun("make", ["install", `MANIFESTS=${dir}/node-manifests`], { cwd: dir })
    server = await runStaticPodServer(dir)
    change = addToManifest(dir, "kube-apiserver", {})
    cp = await startControlPlane({
      controllerManager: true,
      scheduler: true,
      apiserverArgs: change.added,
      omitApiserverArgs: change.removed,
      users: [
        { name: "bob", groups: ["devs"] },
        { name: "carol", groups: ["payments:admins"] },
      ],
    })
    await cp.addNode("node-a", { cpu: "4", memory: "8Gi" })
    kubelet = await cp.fakeKubelet(["node-a"])
  }, 45 * 60_000)

  afterAll(async () => {
    kubelet?.stop()
    await cp?.stop()
    await server?.stop()
    if (dir) mustRun("make", ["uninstall", `MANIFESTS=${dir}/node-manifests`], { cwd: dir })
  })

  it("replaced --authorization-mode with the starter's --authorization-config", () => {
    expect(change.removed).toEqual(["authorization-mode"])
    expect(change.added).toEqual(["--authorization-config=/etc/kubernetes/namespace-guard-authz/authorization-config.yaml"])
  })

  it("denies an outsider's write even where RBAC allows it; admins still need RBAC", async () => {
    expect((await cp.kubectl(["create", "namespace", NS])).code).toBe(0)
    for (const user of ["bob", "carol"]) {
      const rb = await cp.kubectl(["-n", NS, "create", "rolebinding", `${user}-edit`, "--clusterrole=edit", `--user=${user}`])
      expect(rb.code, rb.stderr).toBe(0)
    }
    // RBAC authorizes from an informer cache: a binding counts once the cache has it (usually
    // milliseconds; seconds on a loaded machine). A user of the README meets the same delay.
    for (const user of ["bob", "carol"]) {
      await until(`RBAC sees ${user}-edit`, async () => (await cp.kubectl(["-n", NS, "auth", "can-i", "list", "configmaps"], { user })).stdout.trim() === "yes")
    }
    const bob = await cp.kubectl(["-n", NS, "create", "configmap", "by-bob", "--from-literal=a=b"], { user: "bob" })
    expect(bob.code).not.toBe(0)
    expect(bob.stderr).toContain("only payments:admins may change objects in payments")
    const bobReads = await cp.kubectl(["-n", NS, "get", "configmaps"], { user: "bob" })
    expect(bobReads.code, bobReads.stderr).toBe(0)
    const carol = await cp.kubectl(["-n", NS, "create", "configmap", "by-carol", "--from-literal=a=b"], { user: "carol" })
    expect(carol.code, carol.stderr).toBe(0)
    // carol has no RBAC in default: the webhook's "no opinion" leaves her to RBAC, which denies.
    const carolElsewhere = await cp.kubectl(["-n", "default", "create", "configmap", "by-carol", "--from-literal=a=b"], { user: "carol" })
    expect(carolElsewhere.code).not.toBe(0)
    expect(carolElsewhere.stderr).toMatch(/forbidden/i)
  })

  it("lets Kubernetes work in the namespace: ReplicaSet controller, scheduler, namespace deletion", async () => {
    const created = await cp.kubectl(["-n", NS, "create", "deployment", "web", "--image=registry.k8s.io/pause:3.10", "--replicas=2"])
    expect(created.code, created.stderr).toBe(0)
    await until("2 Pods bound to node-a and Ready", async () => {
      const r = await cp.kubectl(["-n", NS, "get", "deployment", "web", "-o", "jsonpath={.status.availableReplicas}"])
      return r.stdout === "2"
    })
    const nodes = await cp.kubectl(["-n", NS, "get", "pods", "-o", "jsonpath={.items[*].spec.nodeName}"])
    expect(nodes.stdout.split(" ")).toEqual(["node-a", "node-a"])
    expect((await cp.kubectl(["delete", "namespace", NS, "--wait=false"])).code).toBe(0)
    await until("namespace payments gone", async () => (await cp.kubectl(["get", "namespace", NS])).code !== 0, 120_000)
  })

  it("with the server down, failurePolicy NoOpinion leaves the decision to RBAC", async () => {
    await server!.stop()
    server = undefined
    expect((await cp.kubectl(["create", "namespace", NS])).code).toBe(0)
    expect((await cp.kubectl(["-n", NS, "create", "rolebinding", "bob-edit", "--clusterrole=edit", "--user=bob"])).code).toBe(0)
    const bob = await until("bob's write decided by RBAC", async () => {
      const r = await cp.kubectl(["-n", NS, "create", "configmap", `down-${Date.now()}`, "--from-literal=a=b"], { user: "bob" })
      return r.code === 0 && r
    })
    expect(bob.code).toBe(0)
  })

  it("make uninstall removes what make install put on the node", () => {
    expect(existsSync("/etc/kubernetes/namespace-guard-authz/tls.key")).toBe(true)
    mustRun("make", ["uninstall", `MANIFESTS=${dir}/node-manifests`], { cwd: dir })
    expect(existsSync("/etc/kubernetes/namespace-guard-authz")).toBe(false)
    expect(existsSync(`${dir}/node-manifests/namespace-guard-authz.yaml`)).toBe(false)
  })
})
