// Controller starter (Go on controller-runtime, TypeScript on client-node) on the real control
// plane: built as its README says, run as two local processes with leader election (standing for
// the Deployment's two replicas), and checked for what the README promises: a labelled Namespace
// gets its ResourceQuota, an edited quota is repaired, a deleted one recreated, un-labelling stops
// management and leaves the quota, one replica leads.
import { mkdirSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { unpackStarter } from "./starter"
import { BUILD_TIMEOUT_MS, kjson, ok, runReadme, startProcess, until, type LocalProcess } from "./readme"

type Quota = { metadata: { uid: string; labels?: Record<string, string> }; spec: { hard: Record<string, string> } }

describe("controller starter", () => {
  let cp: ControlPlane
  const processes: LocalProcess[] = []

  beforeAll(async () => {
    cp = await startControlPlane({ controllerManager: true })
  })
  afterAll(async () => {
    for (const p of processes) await p.stop()
    await cp?.stop()
  })

  for (const language of ["go", "typescript"] as const) {
    it(`${language}: README Build, Deploy, Try and Remove; two replicas, one leader`, { timeout: BUILD_TIMEOUT_MS }, async () => {
      const starter = unpackStarter("controller", { language })
      await runReadme(cp, starter.dir, "Build", {}, { timeoutMs: 1_500_000 })
      const logDir = path.join(path.dirname(starter.dir), "logs")
      mkdirSync(logDir, { recursive: true })
      const replicas: LocalProcess[] = []
      const start = async (i: number) => {
        // Stands for one replica of deploy/manager.yaml: the built binary with the manifest's args
        // (Go: --leader-elect; the Lease namespace is the Pod's own in a cluster, given here) and,
        // for TypeScript, the downward-API env of the manifest. Health ports differ per process.
        const env = cp.env()
        const p =
          language === "go"
            ? startProcess("bin/app", ["--leader-elect", "--leader-election-namespace=quota-system", `--health-probe-bind-address=127.0.0.1:0`], {
                cwd: starter.dir,
                env,
                logFile: path.join(logDir, `replica-${i}.log`),
              })
            : startProcess("node", ["dist/src/main.js"], {
                cwd: starter.dir,
                env: { ...env, POD_NAME: `replica-${i}`, POD_NAMESPACE: "quota-system", HEALTH_PORT: "0", RESYNC_SECONDS: "10" },
                logFile: path.join(logDir, `replica-${i}.log`),
              })
        processes.push(p)
        replicas.push(p)
      }
      await runReadme(cp, starter.dir, "Deploy", {
        "make docker-build docker-push IMG=*": { because: "no container runtime: the binary from ## Build runs as local processes instead of the image" },
        "make deploy": {
          because: "the Deployment's Pods never run here: after make deploy (RBAC, namespace, Deployment) two local replicas start",
          run: async () => {
            ok(await cp.run("make", ["deploy"], { cwd: starter.dir }), "make deploy")
            await start(1)
            await start(2)
          },
        },
        "kubectl -n quota-system rollout status deployment/namespace-quota-controller": {
          because: "the Deployment's Pods never become ready without a kubelet; the local replicas stand for them",
        },
      })

      const leaseName = language === "go" ? "namespace-quota-controller.quota-system" : "namespace-quota-controller"
      const holder = await until("a leader", async () => (await kjson<{ spec: { holderIdentity?: string } }>(cp, ["-n", "quota-system", "get", "lease", leaseName])).spec.holderIdentity)
      expect(holder).toBeTruthy()

      // README Try, checked step by step.
      const quota = () => kjson<Quota>(cp, ["-n", "team-a", "get", "resourcequota", "default-quota"])
      await runReadme(cp, starter.dir, "Try", {
        "kubectl get resourcequota default-quota -n team-a": {
          because: "the quota appears asynchronously: the test waits for it",
          run: async () => {
            const q = await until("quota created", () => quota())
            expect(q.spec.hard).toEqual({ "requests.cpu": "4", "requests.memory": "8Gi", pods: "50" })
          },
        },
        "kubectl patch resourcequota default-quota -n team-a --type=merge -p '{\"spec\":{\"hard\":{\"pods\":\"1000\"}}}'": {
          because: "run, then the repair is awaited",
          run: async () => {
            ok(await cp.kubectl(["patch", "resourcequota", "default-quota", "-n", "team-a", "--type=merge", "-p", '{"spec":{"hard":{"pods":"1000"}}}']), "edit quota")
            await until("quota repaired", async () => (await quota()).spec.hard.pods === "50")
          },
        },
        "kubectl delete resourcequota default-quota -n team-a": {
          because: "run, then the re-creation is awaited",
          run: async () => {
            const before = (await quota()).metadata.uid
            ok(await cp.kubectl(["delete", "resourcequota", "default-quota", "-n", "team-a"]), "delete quota")
            await until("quota recreated", async () => (await quota()).metadata.uid !== before)
          },
        },
      })

      // Exactly one replica acts: the other logs no reconcile.
      const leaderLogs = replicas.map((r) => r.log())
      const acting = leaderLogs.filter((l) => /reconciled ResourceQuota|quota (created|updated)/.test(l))
      expect(acting, leaderLogs.join("\n-----\n")).toHaveLength(1)

      // Un-labelling: management stops, the quota stays (README: "Removing the label stops management").
      ok(await cp.kubectl(["label", "namespace", "team-a", "example.com/default-quota-"]), "unlabel")
      ok(await cp.kubectl(["patch", "resourcequota", "default-quota", "-n", "team-a", "--type=merge", "-p", '{"spec":{"hard":{"pods":"7"}}}']), "edit after unlabel")
      await new Promise((r) => setTimeout(r, 5_000))
      expect((await quota()).spec.hard.pods).toBe("7")

      // The leader stops: the other replica takes over the Lease.
      const leaderIndex = replicas.findIndex((r) => /reconciled ResourceQuota|quota (created|updated)/.test(r.log()))
      await replicas[leaderIndex]!.stop()
      await until("new leader", async () => {
        const h = (await kjson<{ spec: { holderIdentity?: string } }>(cp, ["-n", "quota-system", "get", "lease", leaseName])).spec.holderIdentity
        return h && h !== holder
      }, 90_000)

      await runReadme(cp, starter.dir, "Remove", {}, { timeoutMs: 180_000 })
      for (const r of replicas) await r.stop()
      expect((await cp.kubectl(["get", "namespace", "team-a"])).code).not.toBe(0)
      expect((await cp.kubectl(["get", "namespace", "quota-system"])).code).not.toBe(0)
    })
  }
})
