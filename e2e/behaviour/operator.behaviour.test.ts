// Operator starter on the real control plane (kube-controller-manager, kube-scheduler, Nodes whose
// kubelet is faked so Pods turn Ready): a Widget gets its Deployment and a Ready condition;
// deleting the Widget runs the finalizer; the README's removal order (Widgets while the operator
// runs, then the CRD, then the operator) leaves nothing stuck in Terminating.
import { mkdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { generate } from "@/lib/starters"
import { unpackStarter } from "./starter"
import { BUILD_TIMEOUT_MS, kjson, ok, runReadme, startProcess, until, whilePodOf, type LocalProcess } from "./readme"

type Widget = { metadata: { finalizers?: string[] }; status?: { observedGeneration?: number; conditions?: { type: string; status: string }[] } }

describe("operator starter", () => {
  let cp: ControlPlane
  let kubelet: { stop(): void } | undefined
  let operator: LocalProcess | undefined
  const starter = unpackStarter("operator")

  beforeAll(async () => {
    cp = await startControlPlane({ controllerManager: true, scheduler: true })
    await cp.addNode("node-a", { cpu: "8", memory: "16Gi" })
    kubelet = await cp.fakeKubelet(["node-a"])
  })
  afterAll(async () => {
    await operator?.stop()
    kubelet?.stop()
    await cp?.stop()
  })

  it("README Build (make generate reproduces the shipped CRD and deep-copy code), Deploy and Try", { timeout: BUILD_TIMEOUT_MS }, async () => {
    await runReadme(cp, starter.dir, "Build", {}, { timeoutMs: 1_500_000 })
    // make generate (controller-gen from go.mod's tool directive) rewrote exactly what was shipped.
    const shipped = generate("operator")
    if (!shipped.ok) throw new Error("generate")
    for (const f of ["deploy/crd.yaml", "api/v1alpha1/zz_generated.deepcopy.go"]) {
      expect(readFileSync(path.join(starter.dir, f), "utf8"), f).toBe(shipped.value.files.find((x) => x.path === f)!.content)
    }
    const logDir = path.join(path.dirname(starter.dir), "logs")
    mkdirSync(logDir, { recursive: true })
    await runReadme(cp, starter.dir, "Deploy", {
      "make docker-build docker-push IMG=*": { because: "no container runtime: the binary from ## Build runs as a local process instead" },
      "make deploy": {
        because: "the Deployment's Pods never run here: after make deploy (CRD, RBAC, namespace, Deployment) the operator runs locally with the manifest's args",
        run: async () => {
          ok(await cp.run("make", ["deploy"], { cwd: starter.dir }), "make deploy")
          operator = startProcess("bin/app", ["--leader-elect", "--leader-election-namespace=widget-system", "--health-probe-bind-address=127.0.0.1:0"], {
            cwd: starter.dir,
            env: cp.env(),
            logFile: path.join(logDir, "operator.log"),
          })
        },
      },
      "kubectl -n widget-system rollout status deployment/widget-operator": { because: "its Pods stand for the local process above" },
    })

    const widget = () => kjson<Widget>(cp, ["-n", "demo", "get", "widget", "widget-sample"])
    await runReadme(cp, starter.dir, "Try", {
      "kubectl get widgets -n demo": {
        because: "the status is written asynchronously: the test waits for Ready, then runs the line",
        run: async () => {
          await until("Ready=True", async () => (await widget()).status?.conditions?.find((c) => c.type === "Ready")?.status === "True", 120_000)
          const r = ok(await cp.kubectl(["get", "widgets", "-n", "demo"]), "get widgets")
          expect(r.stdout).toMatch(/^NAME\s+SIZE\s+COLOR\s+READY\s+AGE\nwidget-sample\s+2\s+green\s+True\s+/)
          expect((await widget()).metadata.finalizers).toContain("example.com/finalizer")
        },
      },
      "kubectl get deployment widget-sample -n demo": {
        because: "run, and its replicas checked",
        run: async () => {
          const d = await kjson<{ spec: { replicas: number }; metadata: { ownerReferences: { kind: string }[] } }>(cp, ["-n", "demo", "get", "deployment", "widget-sample"])
          expect(d.spec.replicas).toBe(2)
          expect(d.metadata.ownerReferences[0]!.kind).toBe("Widget")
        },
      },
      "kubectl delete widget widget-sample -n demo": {
        because: "run with a timeout, then the cleanup is checked",
        run: async () => {
          ok(await cp.kubectl(["delete", "widget", "widget-sample", "-n", "demo", "--timeout=60s"]), "delete widget (finalizer)")
          expect(operator!.log()).toContain("cleaned up")
          await until("workload gone", async () => (await cp.kubectl(["-n", "demo", "get", "deployment", "widget-sample"])).code !== 0)
        },
      },
    })
  })

  it("README Remove: Widgets are finalized while the operator runs, then the CRD and the operator go; nothing stuck", async () => {
    ok(await cp.kubectl(["apply", "-f", path.join(starter.dir, "deploy/samples/widget.yaml")]), "a Widget to remove")
    await until("finalizer added", async () => (await kjson<Widget>(cp, ["-n", "demo", "get", "widget", "widget-sample"])).metadata.finalizers?.length)
    // The operator runs here as a local process standing for its Pod: it stops as soon as its
    // Deployment is gone, as the Pod would. What is left of the API at that moment is what the
    // README's order promises: no Widget and no CRD still waiting for the operator's finalizer.
    let leftAtOperatorRemoval: string | undefined
    await whilePodOf(cp, { namespace: "widget-system", name: "widget-operator" }, operator!, () => runReadme(cp, starter.dir, "Remove", {}, { timeoutMs: 180_000 }), async () => {
      const crd = await cp.kubectl(["get", "crd", "widgets.example.com", "-o", "name"])
      leftAtOperatorRemoval = crd.code === 0 ? crd.stdout.trim() : ""
    })
    expect(leftAtOperatorRemoval, "the CRD (and its Widgets) still existed when the operator's Deployment was gone").toBe("")
    expect((await cp.kubectl(["get", "crd", "widgets.example.com"])).code).not.toBe(0)
    for (const ns of ["demo", "widget-system"]) expect((await cp.kubectl(["get", "namespace", ns])).code, ns).not.toBe(0)
  })
})
