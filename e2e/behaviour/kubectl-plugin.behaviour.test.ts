// kubectl-plugin (Go, TypeScript, bash) through the real kubectl of the test release. Each variant
// is installed as its README says (`make install` into ~/.local/bin, or `npm install -g .`), with
// HOME and the npm prefix in a temp dir and that bin dir on PATH, then run as `kubectl pod-health`
// against a control plane where a Deployment is Ready (fakeKubelet) and a Pod bound to a Node
// without a kubelet stays Pending.
// Proves: kubectl finds each plugin on PATH (`kubectl plugin list`), passes flags through, the
// plugin reads the same kubeconfig and reports the unhealthy Pod only; uninstalling removes it.
// The bash variant's bash 3.2 safety is checked statically in lib/starters (no bash 3.2 here).
import { linkSync, mkdirSync, mkdtempSync, realpathSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { until } from "./control-plane-node"
import { GO_ENV, mustRun, writeStarter } from "./starter-project"

describe("kubectl-plugin through kubectl", () => {
  let cp: ControlPlane
  let kubelet: { stop(): void } | undefined
  let kubectlDir: string

  beforeAll(async () => {
    cp = await startControlPlane({ controllerManager: true, scheduler: true })
    // kubectl sets KUBECTL_PATH (os.Executable, symlinks resolved) for plugins, and the bash
    // plugin calls it. The test release's kubectl is a symlink to the multi-call binary, which
    // picks its component by name: a hard link named kubectl resolves to itself, like a real
    // kubectl install.
    kubectlDir = path.join(cp.runDir, "kubectl-bin")
    mkdirSync(kubectlDir)
    linkSync(realpathSync(path.join(cp.binDir, "kubectl")), path.join(kubectlDir, "kubectl"))
    await cp.addNode("node-a")
    await cp.addNode("node-without-kubelet")
    // Only the Pod placed there by hand (spec.nodeName) lands on it.
    await cp.kubectl(["cordon", "node-without-kubelet"])
    kubelet = await cp.fakeKubelet(["node-a"])
    const ok = (r: { code: number; stderr: string }, what: string) => {
      if (r.code !== 0) throw new Error(`${what}: ${r.stderr}`)
    }
    ok(await cp.kubectl(["create", "namespace", "demo"]), "namespace demo")
    await cp.defaultServiceAccount("demo")
    ok(await cp.kubectl(["-n", "demo", "create", "deployment", "healthy", "--image=registry.k8s.io/pause:3.10", "--replicas=2"]), "deployment healthy")
    const stuck = { apiVersion: "v1", kind: "Pod", metadata: { name: "stuck", namespace: "demo" }, spec: { nodeName: "node-without-kubelet", containers: [{ name: "c", image: "registry.k8s.io/pause:3.10" }] } }
    ok(await cp.kubectl(["create", "-f", "-"], { input: JSON.stringify(stuck) }), "Pod stuck")
    await until("healthy available", async () => (await cp.kubectl(["-n", "demo", "get", "deploy", "healthy", "-o", "jsonpath={.status.availableReplicas}"])).stdout === "2")
  }, 15 * 60_000)

  afterAll(async () => {
    kubelet?.stop()
    await cp?.stop()
  })

  for (const language of ["go", "typescript", "bash"] as const) {
    it(`${language}: installed as the README says and run as kubectl pod-health`, async () => {
      const dir = writeStarter("kubectl-plugin", { language })
      const home = mkdtempSync(path.join(tmpdir(), `kp-${language}-`))
      const prefix = path.join(home, ".npm-global")
      const env = { ...GO_ENV, HOME: home, npm_config_prefix: prefix, PATH: `${path.join(home, ".local", "bin")}:${path.join(prefix, "bin")}:${kubectlDir}:${process.env.PATH}` }
      if (language === "typescript") {
        mustRun("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, env })
        mustRun("npm", ["run", "build"], { cwd: dir, env })
        mustRun("npm", ["install", "-g", "."], { cwd: dir, env })
      } else {
        mustRun("make", ["install"], { cwd: dir, env, timeoutMs: 30 * 60_000 })
      }
      const kubectl = (args: string[]) => cp.run("kubectl", args, { env })
      const list = await kubectl(["plugin", "list"])
      expect(list.stdout).toContain("kubectl-pod_health")
      const report = await kubectl(["pod-health", "-n", "demo"])
      expect(report.code, report.stderr).toBe(0)
      expect(report.stdout).toMatch(/^NAMESPACE\s+NAME\s+PHASE\s+REASON\s+RESTARTS/m)
      expect(report.stdout).toMatch(/demo\s+stuck\s+Pending\s+NotReady\s+0/)
      expect(report.stdout).not.toContain("healthy-")
      const all = await kubectl(["pod-health", "-A", "--min-restarts", "1"])
      expect(all.code, all.stderr).toBe(0)
      expect(all.stdout).toContain("stuck")
      const help = await kubectl(["pod-health", "--help"])
      expect(help.stdout).toContain("kubectl pod-health")
      if (language === "typescript") mustRun("npm", ["uninstall", "-g", "kubectl-pod-health"], { cwd: dir, env })
      else mustRun("make", ["uninstall"], { cwd: dir, env })
      expect((await kubectl(["plugin", "list"])).stdout).not.toContain("kubectl-pod_health")
    }, 40 * 60_000)
  }
})
