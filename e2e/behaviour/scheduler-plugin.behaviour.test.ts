// scheduler-plugin: the starter's own scheduler binary (`make build`: kube-scheduler of
// k8s.io/kubernetes v1.37.2 with the plugin compiled in, -trimpath, so it shares the test control
// plane's compiled packages) runs with the starter's configuration as the second scheduler
// `pod-budget-scheduler`, with a token of the ServiceAccount `make deploy` creates (the Deployment's
// Pod does not run: no kubelet).
// Proves: the plugin's Filter takes effect (a Node already running maxMatchingPods=2 Pods of the app
// is rejected, with the plugin's reason in the FailedScheduling event) and Score spreads; the
// custom binary accepts the typed plugin args. Cannot prove here: the container image.
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { boundNodes, runScheduler, serviceAccountKubeconfig, until } from "./control-plane-node"
import { GO_ENV, mustRun, writeStarter } from "./starter-project"
import { readFileSync } from "node:fs"

const NS = "custom-scheduler"
const NAME = "pod-budget-scheduler"

describe("scheduler-plugin", () => {
  let cp: ControlPlane
  let kubelet: { stop(): void } | undefined
  let dir: string
  let scheduler: Awaited<ReturnType<typeof runScheduler>> | undefined
  let buildSeconds = 0

  beforeAll(async () => {
    dir = writeStarter("scheduler-plugin")
    const started = Date.now()
    mustRun("make", ["build"], { cwd: dir, env: GO_ENV, timeoutMs: 60 * 60_000 })
    buildSeconds = Math.round((Date.now() - started) / 1000)
    process.stderr.write(`[scheduler-plugin] make build took ${buildSeconds}s\n`)
    cp = await startControlPlane({ controllerManager: true, scheduler: true })
    await cp.addNode("node-a", { cpu: "8", memory: "16Gi" })
    // Finishes Pod deletions (namespace removal) as a kubelet would; Pods never run.
    kubelet = await cp.fakeKubelet(["node-a", "node-b"])
    const r = await cp.run("make", ["deploy"], { cwd: dir })
    if (r.code !== 0) throw new Error(r.stderr)
    const kubeconfig = await serviceAccountKubeconfig(cp, NS, NAME)
    scheduler = await runScheduler(path.join(dir, "bin", "app"), readFileSync(path.join(dir, "config", "kube-scheduler-config.yaml"), "utf8"), kubeconfig, NAME, cp.runDir)
  }, 90 * 60_000)

  afterAll(async () => {
    kubelet?.stop()
    await scheduler?.stop()
    await cp?.stop()
  })

  it("Filter: a Node with 2 Pods of the app takes no third", async () => {
    const r = await cp.kubectl(["apply", "-f", path.join(dir, "deploy", "sample-deployment.yaml")])
    expect(r.code, r.stderr).toBe(0)
    await until("2 of 3 bound", async () => (await boundNodes(cp, NS, "app.kubernetes.io/name=web")).filter(Boolean).length === 2)
    const events = await until("FailedScheduling with the plugin's reason", async () => {
      const e = await cp.kubectl(["-n", NS, "get", "events", "--field-selector", "reason=FailedScheduling", "-o", "jsonpath={.items[*].message}"])
      return e.stdout.includes("node already runs 2 pods of this app (max 2)") && e.stdout
    })
    expect(events).toContain("0/1 nodes are available")
  })

  it("the third replica goes to a new Node", async () => {
    await cp.addNode("node-b", { cpu: "8", memory: "16Gi" })
    const nodes = await until("3 bound", async () => {
      const n = await boundNodes(cp, NS, "app.kubernetes.io/name=web")
      return n.every(Boolean) && n.length === 3 && n
    }, 180_000)
    expect(nodes.filter((n) => n === "node-b")).toHaveLength(1)
  })

  it("removal with make undeploy", async () => {
    expect((await cp.kubectl(["delete", "-f", path.join(dir, "deploy", "sample-deployment.yaml"), "--ignore-not-found"])).code).toBe(0)
    const r = await cp.run("make", ["undeploy"], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    await until("namespace gone", async () => (await cp.kubectl(["get", "namespace", NS])).code !== 0, 120_000)
  })
})
