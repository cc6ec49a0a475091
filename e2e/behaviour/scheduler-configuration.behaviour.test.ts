// scheduler-configuration on a real control plane: `sudo make install` puts the
// KubeSchedulerConfiguration into /etc/kubernetes/scheduler-config, `hack/kube-scheduler-manifest.sh
// add` adds --config and the mount to kubeadm's kube-scheduler manifest, and kube-scheduler of the
// test release runs with that file. kubeadm's /etc/kubernetes/scheduler.conf does not exist here:
// the config's clientConnection.kubeconfig is pointed at the test control plane's scheduler
// kubeconfig (the only change to the installed file).
// Proves: with --config the default scheduler still works (clientConnection.kubeconfig is set, so
// it connects and binds default Pods), and the profile packs: MostAllocated puts all replicas of
// the sample Deployment on one of three equal Nodes while default-scheduler spreads.
// Cannot prove here: the kubelet restarting kube-scheduler from the edited manifest.
import { readFileSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { addToManifest, boundNodes, runScheduler, until } from "./control-plane-node"
import { isRoot, mustRun, writeStarter } from "./starter-project"

describe("scheduler-configuration", () => {
  let cp: ControlPlane
  let dir: string
  let scheduler: Awaited<ReturnType<typeof runScheduler>> | undefined

  beforeAll(async () => {
    if (!isRoot) throw new Error("make install writes /etc/kubernetes/scheduler-config: run as root")
    dir = writeStarter("scheduler-configuration")
    mustRun("make", ["install"], { cwd: dir })
    cp = await startControlPlane({ controllerManager: true })
    for (const n of ["node-a", "node-b", "node-c"]) await cp.addNode(n, { cpu: "4", memory: "8Gi" })
  }, 15 * 60_000)

  afterAll(async () => {
    await scheduler?.stop()
    await cp?.stop()
    if (dir) mustRun("make", ["uninstall"], { cwd: dir })
  })

  it("kube-scheduler runs with the installed --config", async () => {
    const change = addToManifest(dir, "kube-scheduler", {})
    expect(change.added).toEqual(["--config=/etc/kubernetes/scheduler-config/kube-scheduler-config.yaml"])
    const installed = readFileSync("/etc/kubernetes/scheduler-config/kube-scheduler-config.yaml", "utf8")
    expect(installed).toContain("kubeconfig: /etc/kubernetes/scheduler.conf")
    scheduler = await runScheduler(path.join(cp.binDir, "kube-scheduler"), installed, cp.kubeconfigFor("system:kube-scheduler"), "kube-scheduler", cp.runDir)
  })

  it("binds Pods without schedulerName (default-scheduler) and spreads them", async () => {
    expect((await cp.kubectl(["apply", "-f", path.join(dir, "deploy", "sample-pod.yaml")])).code).toBe(0)
    const r = await cp.kubectl(["-n", "scheduling-demo", "create", "deployment", "spread", "--image=registry.k8s.io/pause:3.10", "--replicas=3"])
    expect(r.code, r.stderr).toBe(0)
    const nodes = await until("3 default Pods bound", async () => {
      const n = await boundNodes(cp, "scheduling-demo", "app=spread")
      return n.length === 3 && n.every(Boolean) && n
    })
    expect(new Set(nodes).size).toBeGreaterThan(1)
  })

  it("packs the profile's Pods onto the fewest Nodes (MostAllocated)", async () => {
    expect((await cp.kubectl(["apply", "-f", path.join(dir, "deploy", "sample-deployment.yaml")])).code).toBe(0)
    const nodes = await until("4 packed Pods bound", async () => {
      const n = await boundNodes(cp, "scheduling-demo", "app.kubernetes.io/name=packed-web")
      return n.length === 4 && n.every(Boolean) && n
    })
    expect(new Set(nodes).size, nodes.join(",")).toBe(1)
    const events = await cp.kubectl(["-n", "scheduling-demo", "get", "events", "--field-selector", "reason=Scheduled", "-o", "jsonpath={.items[*].reportingComponent}"])
    expect(events.stdout).toContain("bin-packing-scheduler")
  })
})
