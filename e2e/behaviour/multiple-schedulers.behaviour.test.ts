// multiple-schedulers on a real control plane. `kubectl apply -k deploy/` (README) creates the
// namespace, ServiceAccount, RBAC, ConfigMap, Deployment and PodDisruptionBudget; the default
// kube-scheduler binds the Deployment's two Pods to Nodes, but no kubelet runs them, so two
// kube-scheduler processes of the test release stand in for those Pods: the ConfigMap's
// configuration and a token of the starter's ServiceAccount (TokenRequest, what the Pod would
// mount), so the starter's own RBAC is what they run with.
// Proves: the RBAC suffices (leader election on its Lease, binding, events); Pods naming the
// second scheduler are bound by it and only by it (they stay Pending without it, while the default
// scheduler binds other Pods); a standby replica takes over when the leader stops; removal
// deletes everything. Cannot prove here: the Deployment's containers and the PDB during a real drain.
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parse } from "yaml"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { boundNodes, runScheduler, serviceAccountKubeconfig, until } from "./control-plane-node"
import { writeStarter } from "./starter-project"

const NS = "second-scheduler"
const NAME = "bin-packing-scheduler"

describe("multiple-schedulers", () => {
  let cp: ControlPlane
  let kubelet: { stop(): void } | undefined
  let dir: string
  const replicas: Awaited<ReturnType<typeof runScheduler>>[] = []

  beforeAll(async () => {
    dir = writeStarter("multiple-schedulers")
    cp = await startControlPlane({ controllerManager: true, scheduler: true })
    await cp.addNode("node-a", { cpu: "4", memory: "8Gi" })
    await cp.addNode("node-b", { cpu: "4", memory: "8Gi" })
    // Finishes Pod deletions (namespace removal) as a kubelet would; Pods never run.
    kubelet = await cp.fakeKubelet(["node-a", "node-b"])
  }, 15 * 60_000)

  afterAll(async () => {
    kubelet?.stop()
    for (const r of replicas) await r.stop()
    await cp?.stop()
  })

  it("deploys with kubectl apply -k deploy/", async () => {
    const r = await cp.kubectl(["apply", "-k", path.join(dir, "deploy")])
    expect(r.code, r.stderr).toBe(0)
    const pdb = await cp.kubectl(["-n", NS, "get", "pdb", NAME, "-o", "jsonpath={.spec.maxUnavailable}"])
    expect(pdb.stdout).toBe("1")
    const cm = await cp.kubectl(["-n", NS, "get", "configmap", `${NAME}-config`, "-o", "json"])
    const config = (JSON.parse(cm.stdout) as { data: Record<string, string> }).data["scheduler-config.yaml"]!
    expect((parse(config) as { leaderElection: { leaderElect: boolean } }).leaderElection.leaderElect).toBe(true)
    const kubeconfig = await serviceAccountKubeconfig(cp, NS, NAME)
    for (const i of [1, 2]) replicas.push(await runScheduler(path.join(cp.binDir, "kube-scheduler"), config, kubeconfig, `${NAME}-${i}`, cp.runDir))
    await until("a leader on the starter's Lease", async () => (await cp.kubectl(["-n", NS, "get", "lease", NAME, "-o", "jsonpath={.spec.holderIdentity}"])).stdout)
  })

  it("binds the sample Pod with the second scheduler", async () => {
    expect((await cp.kubectl(["apply", "-f", path.join(dir, "deploy", "sample-pod.yaml")])).code).toBe(0)
    await until("packed bound", async () => (await boundNodes(cp, NS, "app.kubernetes.io/name=packed"))[0])
    const events = await cp.kubectl(["-n", NS, "get", "events", "--field-selector", "involvedObject.name=packed,reason=Scheduled", "-o", "jsonpath={.items[*].reportingComponent}"])
    expect(events.stdout).toBe(NAME)
  })

  it("fails over to the standby replica", async () => {
    const acquired = (r: (typeof replicas)[number]) => /successfully acquired lease/i.test(r.log())
    const leader = await until("one replica leads", () => replicas.find(acquired))
    const standby = replicas.find((r) => r !== leader)!
    expect(acquired(standby)).toBe(false)
    await leader.stop()
    await until("the standby takes the Lease", () => acquired(standby), 120_000)
    const pod = await cp.kubectl(["-n", NS, "run", "after-failover", "--image=registry.k8s.io/pause:3.10", "--overrides", JSON.stringify({ spec: { schedulerName: NAME } })])
    expect(pod.code, pod.stderr).toBe(0)
    await until("after-failover bound", async () => (await boundNodes(cp, NS, "run=after-failover"))[0], 120_000)
  })

  it("default-scheduler leaves the second scheduler's Pods alone", async () => {
    for (const r of replicas) await r.stop()
    await cp.kubectl(["-n", NS, "run", "waits", "--image=registry.k8s.io/pause:3.10", "--overrides", JSON.stringify({ spec: { schedulerName: NAME } })])
    await cp.kubectl(["-n", NS, "run", "default", "--image=registry.k8s.io/pause:3.10"])
    await until("default bound", async () => (await boundNodes(cp, NS, "run=default"))[0])
    await new Promise((r) => setTimeout(r, 5000))
    expect(await boundNodes(cp, NS, "run=waits")).toEqual([""])
  })

  it("removes everything with kubectl delete -k deploy/", async () => {
    const r = await cp.kubectl(["delete", "-k", path.join(dir, "deploy"), "--ignore-not-found", "--wait=false"])
    expect(r.code, r.stderr).toBe(0)
    await until("namespace gone", async () => (await cp.kubectl(["get", "namespace", NS])).code !== 0, 120_000)
    const left = await cp.kubectl(["get", "clusterrolebindings", "-l", `app.kubernetes.io/name=${NAME}`, "-o", "name"])
    expect(left.stdout.trim()).toBe("")
  })
})
