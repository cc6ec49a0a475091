// scheduler-extender on a real control plane. `make build` builds the extender; `make deploy`
// creates the second scheduler's namespace, RBAC and ConfigMap; the Pod (kube-scheduler + the
// extender sidecar, both as the starter's ServiceAccount) is replaced by two local processes with
// a token of that ServiceAccount: the extender on 127.0.0.1:8888 (its --listen, the config's
// urlPrefix) and kube-scheduler of the test release with the ConfigMap's configuration.
// Proves: nodeCacheCapable works (the extender answers from its own Node informer with the
// starter's RBAC), its preference decides between otherwise equal Nodes, the maintenance label
// filters, and SIGTERM stops it cleanly. Cannot prove here: the sidecar in a real Pod.
import { spawn } from "node:child_process"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { boundNodes, runScheduler, serviceAccountKubeconfig, until } from "./control-plane-node"
import { GO_ENV, mustRun, writeStarter } from "./starter-project"

const NS = "scheduler-extender"
const NAME = "extended-scheduler"

describe("scheduler-extender", () => {
  let cp: ControlPlane
  let kubelet: { stop(): void } | undefined
  let dir: string
  let scheduler: Awaited<ReturnType<typeof runScheduler>> | undefined
  let extender: ReturnType<typeof spawn> | undefined
  let extenderLog = ""

  beforeAll(async () => {
    dir = writeStarter("scheduler-extender")
    mustRun("make", ["build"], { cwd: dir, env: GO_ENV, timeoutMs: 40 * 60_000 })
    cp = await startControlPlane({ controllerManager: true, scheduler: true })
    await cp.addNode("node-a", { cpu: "4", memory: "8Gi", labels: { "example.com/preference": "9" } })
    await cp.addNode("node-b", { cpu: "4", memory: "8Gi", labels: { "example.com/preference": "1" } })
    // Finishes Pod deletions (namespace removal) as a kubelet would; Pods never run.
    kubelet = await cp.fakeKubelet(["node-a", "node-b"])
    const r = await cp.run("make", ["deploy"], { cwd: dir })
    if (r.code !== 0) throw new Error(r.stderr)
    const kubeconfig = await serviceAccountKubeconfig(cp, NS, NAME)
    extender = spawn(path.join(dir, "bin", "app"), ["--listen=127.0.0.1:8888", `--kubeconfig=${kubeconfig}`], { stdio: ["ignore", "pipe", "pipe"] })
    extender.stdout!.on("data", (d) => (extenderLog += d))
    extender.stderr!.on("data", (d) => (extenderLog += d))
    await until("extender serving", async () => (await fetch("http://127.0.0.1:8888/healthz").catch(() => undefined))?.ok)
    const cm = await cp.kubectl(["-n", NS, "get", "configmap", `${NAME}-config`, "-o", "jsonpath={.data.scheduler-config\\.yaml}"])
    expect(cm.stdout).toContain("nodeCacheCapable: true")
    scheduler = await runScheduler(path.join(cp.binDir, "kube-scheduler"), cm.stdout, kubeconfig, NAME, cp.runDir)
  }, 45 * 60_000)

  afterAll(async () => {
    kubelet?.stop()
    await scheduler?.stop()
    if (extender && extender.exitCode === null) extender.kill("SIGKILL")
    await cp?.stop()
  })

  it("the preference label decides between equal Nodes", async () => {
    await cp.defaultServiceAccount(NS) // `make deploy` created the namespace a moment ago
    const r = await cp.kubectl(["apply", "-f", path.join(dir, "deploy", "sample-pod.yaml")])
    expect(r.code, r.stderr).toBe(0)
    const [node] = await until("preferred bound", async () => {
      const n = await boundNodes(cp, NS, "app.kubernetes.io/name=preferred")
      return n[0] && n
    })
    expect(node).toBe("node-a")
  })

  it("nodes under maintenance are filtered out", async () => {
    expect((await cp.kubectl(["label", "node", "node-a", "example.com/maintenance=true"])).code).toBe(0)
    await new Promise((r) => setTimeout(r, 2000)) // the extender's informer sees the label
    const p = await cp.kubectl(["-n", NS, "run", "during-maintenance", "--image=registry.k8s.io/pause:3.10", "--overrides", JSON.stringify({ spec: { schedulerName: NAME } })])
    expect(p.code, p.stderr).toBe(0)
    const [node] = await until("during-maintenance bound", async () => {
      const n = await boundNodes(cp, NS, "run=during-maintenance")
      return n[0] && n
    })
    expect(node).toBe("node-b")
  })

  it("stops cleanly on SIGTERM", async () => {
    extender!.kill("SIGTERM")
    const code = await new Promise((r) => extender!.once("exit", r))
    expect(code, extenderLog).toBe(0)
  })

  it("removal: make undeploy-equivalent steps from the README", async () => {
    const r = await cp.kubectl(["delete", "-k", path.join(dir, "deploy"), "--ignore-not-found", "--wait=false"])
    expect(r.code, r.stderr).toBe(0)
    expect((await cp.kubectl(["label", "nodes", "--all", "example.com/preference-", "example.com/maintenance-"])).code).toBe(0)
    await until("namespace gone", async () => (await cp.kubectl(["get", "namespace", NS])).code !== 0, 120_000)
  })
})
