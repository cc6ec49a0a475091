// A real control plane per test file, for the behaviour tier (e2e/behaviour/*.behaviour.test.ts):
// kube-apiserver + embedded etcd, and on request kube-controller-manager and kube-scheduler, all
// built from the release's Go modules (e2e/cluster), plus that release's kubectl.
//
// What it cannot show: there is no kubelet and no container runtime. Nodes are API objects whose
// status the test sets (addNode); Pods get scheduled (bound) but never run. Workloads that must
// serve (webhooks, aggregated APIs, controllers) run as local processes on this host; Services
// reach them through a selector-less Service + EndpointSlice to hostIP() (kube-apiserver runs with
// --enable-aggregator-routing, which resolves APIServices and webhook Services through endpoints).
import { spawn } from "node:child_process"
import { networkInterfaces } from "node:os"
import path from "node:path"
import { CoreV1Api, KubeConfig, Watch, type V1Pod } from "@kubernetes/client-node"
import { ADMIN_USER, LIMITED_USER, startCluster, startComponent, stopCluster } from "../../scripts/cluster/cluster.mjs"
import { binDir, cacheDir } from "../../scripts/cluster/paths.mjs"

export type FileSpec = string | { content: string; mode?: number }

export interface ControlPlaneOptions {
  /** Extra kube-apiserver flags; one with the name of a default flag replaces it. */
  apiserverArgs?: string[] | ((dirs: { runDir: string; pkiDir: string; filesDir: string }) => string[])
  /** Default kube-apiserver flags to drop, by name (e.g. "authorization-mode"). */
  omitApiserverArgs?: string[]
  /** Files written under `filesDir` before kube-apiserver starts (config files, webhook kubeconfigs). */
  files?: Record<string, FileSpec>
  /** Extra token users, each with its own kubeconfig (`kubeconfigFor(name)`). */
  users?: { name: string; groups: string[]; token?: string }[]
  /** Start kube-controller-manager (GC, namespaces, ServiceAccounts + tokens, workloads, CSR signing). */
  controllerManager?: boolean | { args?: string[] }
  /** Start kube-scheduler; with `config` it runs with that KubeSchedulerConfiguration file. */
  scheduler?: boolean | { config?: string; args?: string[] }
  /** Start timeout (first use builds the binary: minutes). */
  readyTimeoutMs?: number
}

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd?: string
  input?: string
  env?: Record<string, string>
  timeoutMs?: number
}

export interface Component {
  name: string
  pid: number
  port: number
  logFile: string
  stop(): Promise<void>
}

export interface NodeSpec {
  cpu?: string
  memory?: string
  pods?: string
  labels?: Record<string, string>
  /** Extended resources and more, e.g. { "example.com/gpu": "2" } */
  extra?: Record<string, string>
}

export interface ControlPlane {
  server: string
  caFile: string
  runDir: string
  pkiDir: string
  filesDir: string
  /** Directory with kubectl, kube-scheduler and kube-controller-manager of this release. */
  binDir: string
  adminKubeconfig: string
  limitedKubeconfig: string
  kubeconfigFor(user: string): string
  token(user: string): string
  kubeConfig(user?: string): KubeConfig
  /** Runs this release's kubectl as the admin (or `user`); PATH starts with binDir. */
  kubectl(args: string[], opts?: RunOptions & { user?: string }): Promise<CommandResult>
  /** Runs any command with KUBECONFIG (admin) and PATH (binDir first) set as a user of the README would have them. */
  run(cmd: string, args: string[], opts?: RunOptions): Promise<CommandResult>
  /** Env with KUBECONFIG and PATH set (for processes the test spawns itself). */
  env(user?: string): Record<string, string>
  /** Starts one more kube-scheduler or kube-controller-manager (e.g. a second scheduler). */
  startComponent(component: "kube-scheduler" | "kube-controller-manager", args: string[], name?: string): Promise<Component>
  /**
   * Waits until kube-controller-manager's ServiceAccount controller has created `namespace`'s
   * "default" ServiceAccount: until then the ServiceAccount admission plugin refuses Pods that name
   * none ("error looking up service account"), on any cluster, right after a namespace is created.
   */
  defaultServiceAccount(namespace: string, timeoutMs?: number): Promise<void>
  /** Creates a Ready Node with the given capacity (no kubelet: the test owns its status). */
  addNode(name: string, spec?: NodeSpec): Promise<void>
  /**
   * Stands in for the kubelets of the given Nodes (see fakeKubelet). Stop it before stop().
   */
  fakeKubelet(nodes: string[]): Promise<{ stop(): void }>
  stop(): Promise<{ log?: string }>
}

let counter = 0

/** This host's first non-loopback IPv4 address: what an EndpointSlice may point at. */
export function hostIP(): string {
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === "IPv4" && !a.internal) return a.address
  }
  throw new Error("no non-loopback IPv4 address on this host: Services cannot be routed to local processes")
}

function runCommand(cmd: string, args: string[], env: Record<string, string>, opts: RunOptions = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    // No input: stdin is /dev/null (EOF at once), so there is no pipe to break when the command
    // exits without reading it.
    const stdin = opts.input === undefined ? "ignore" : "pipe"
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...env, ...opts.env }, stdio: [stdin, "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 120_000)
    child.stdout!.on("data", (d) => (stdout += d))
    child.stderr!.on("data", (d) => (stderr += d))
    child.on("error", (err) => {
      clearTimeout(timer)
      resolve({ code: -1, stdout, stderr: stderr + String(err) })
    })
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, stdout, stderr })
    })
    if (child.stdin) {
      // A command that fails before reading all of its input closes the pipe (EPIPE): its exit
      // status and stderr say what happened, the write error adds nothing.
      child.stdin.on("error", () => {})
      child.stdin.end(opts.input)
    }
  })
}

export async function startControlPlane(opts: ControlPlaneOptions = {}): Promise<ControlPlane> {
  const runDir = path.join(cacheDir, `cp-${process.pid}-${++counter}`)
  const state = await startCluster({
    runDir,
    attached: true,
    readyTimeoutMs: opts.readyTimeoutMs ?? 90_000,
    log: (m: string) => process.stderr.write(`${m}\n`),
    apiserverArgs: opts.apiserverArgs ?? [],
    omitApiserverArgs: opts.omitApiserverArgs ?? [],
    files: opts.files ?? {},
    users: opts.users ?? [],
    controllerManager: opts.controllerManager ?? false,
    scheduler: opts.scheduler ?? false,
  })
  const kubeconfigFor = (user: string) => {
    const name = user === "admin" ? ADMIN_USER : user === "limited" ? LIMITED_USER : user
    const file = state.kubeconfigs[name]
    if (!file) throw new Error(`no token user ${user} in this control plane`)
    return file
  }
  const env = (user = "admin") => ({ KUBECONFIG: kubeconfigFor(user), PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}` })
  const kubectlBin = path.join(binDir, "kubectl")
  const defaultServiceAccount = async (namespace: string, timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs
    let last = ""
    while (Date.now() < deadline) {
      const r = await runCommand(kubectlBin, ["-n", namespace, "get", "serviceaccount", "default", "-o", "name"], env())
      if (r.code === 0) return
      last = r.stderr
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error(`ServiceAccount ${namespace}/default was not created within ${timeoutMs} ms: ${last}`)
  }
  // Controllers are running once the ServiceAccount controller has done the default namespace:
  // tests then start from a control plane as ready as a freshly installed cluster.
  if (opts.controllerManager) await defaultServiceAccount("default", opts.readyTimeoutMs ?? 90_000)
  return {
    server: state.server,
    caFile: state.caFile,
    runDir,
    pkiDir: state.pkiDir,
    filesDir: state.filesDir,
    binDir,
    adminKubeconfig: state.adminKubeconfig,
    limitedKubeconfig: state.limitedKubeconfig,
    kubeconfigFor,
    token: (user) => {
      const name = user === "admin" ? ADMIN_USER : user === "limited" ? LIMITED_USER : user
      const t = state.tokens[name]
      if (!t) throw new Error(`no token user ${user}`)
      return t
    },
    kubeConfig: (user = "admin") => {
      const kc = new KubeConfig()
      kc.loadFromFile(kubeconfigFor(user))
      return kc
    },
    kubectl: (args, o = {}) => runCommand(kubectlBin, args, env(o.user), o),
    run: (cmd, args, o = {}) => runCommand(cmd, args, env(), o),
    env,
    defaultServiceAccount,
    startComponent: (component, args, name) => startComponent(runDir, component, args, { attached: true, name }),
    addNode: async (name, spec = {}) => {
      const capacity = { cpu: spec.cpu ?? "4", memory: spec.memory ?? "8Gi", pods: spec.pods ?? "110", ...spec.extra }
      const node = { apiVersion: "v1", kind: "Node", metadata: { name, labels: { "kubernetes.io/hostname": name, ...spec.labels } } }
      const created = await runCommand(kubectlBin, ["create", "-f", "-"], env(), { input: JSON.stringify(node) })
      if (created.code !== 0) throw new Error(`creating Node ${name}: ${created.stderr}`)
      const now = new Date().toISOString()
      const status = {
        status: {
          capacity,
          allocatable: capacity,
          conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", message: "set by the test (no kubelet here)", lastHeartbeatTime: now, lastTransitionTime: now }],
          addresses: [{ type: "InternalIP", address: "192.0.2.10" }],
        },
      }
      const patched = await runCommand(kubectlBin, ["patch", "node", name, "--subresource=status", "--type=merge", "-p", JSON.stringify(status)], env())
      if (patched.code !== 0) throw new Error(`setting status of Node ${name}: ${patched.stderr}`)
      // The TaintNodesByCondition admission plugin gives every new Node the not-ready NoSchedule
      // taint; the node lifecycle controller (off here) lifts it once the Node is Ready.
      const untainted = await runCommand(kubectlBin, ["patch", "node", name, "--type=json", "-p", JSON.stringify([{ op: "remove", path: "/spec/taints" }])], env())
      if (untainted.code !== 0 && !/nonexistent|not exist/.test(untainted.stderr)) throw new Error(`removing the not-ready taint of Node ${name}: ${untainted.stderr}`)
    },
    fakeKubelet: (nodes) => fakeKubelet(kubeconfigFor("admin"), nodes),
    stop: () => stopCluster(runDir),
  }
}

/**
 * The two things a kubelet does that workloads and namespace deletion depend on, for Pods bound to
 * `nodes`: report them Running and Ready (phase, conditions, a podIP from TEST-NET-1), and finish a
 * graceful deletion (delete with grace period 0 once deletionTimestamp is set, as the kubelet does
 * after the containers stopped). No container runs: a Deployment becomes Available, a namespace
 * can be deleted, nothing more. It acts as the admin user, not as system:node:<name>.
 */
export async function fakeKubelet(kubeconfigFile: string, nodes: string[]): Promise<{ stop(): void }> {
  const kc = new KubeConfig()
  kc.loadFromFile(kubeconfigFile)
  const core = kc.makeApiClient(CoreV1Api)
  const ours = new Set(nodes)
  let ip = 10
  const handle = async (pod: V1Pod) => {
    const { name, namespace } = pod.metadata ?? {}
    if (!name || !namespace || !pod.spec?.nodeName || !ours.has(pod.spec.nodeName)) return
    try {
      if (pod.metadata?.deletionTimestamp) {
        await core.deleteNamespacedPod({ name, namespace, gracePeriodSeconds: 0 })
        return
      }
      if (pod.status?.phase === "Running") return
      const now = new Date()
      const conditions = ["PodScheduled", "Initialized", "ContainersReady", "Ready"].map((type) => ({ type, status: "True", lastTransitionTime: now }))
      await core.replaceNamespacedPodStatus({
        name,
        namespace,
        body: {
          ...pod,
          status: {
            ...pod.status,
            phase: "Running",
            conditions,
            hostIP: "192.0.2.10",
            podIP: `198.51.100.${(ip++ % 250) + 1}`,
            startTime: now,
            containerStatuses: (pod.spec.containers ?? []).map((c) => ({
              name: c.name,
              image: c.image ?? "",
              imageID: "",
              ready: true,
              started: true,
              restartCount: 0,
              state: { running: { startedAt: now } },
            })),
          },
        },
      })
    } catch {
      // Conflicts and races with deletion: the next event for this pod retries.
    }
  }
  const watch = new Watch(kc)
  let stopped = false
  let controller: AbortController | undefined
  const start = async () => {
    if (stopped) return
    controller = await watch.watch("/api/v1/pods", {}, (_phase, pod: V1Pod) => void handle(pod), () => {
      if (!stopped) setTimeout(() => void start(), 500)
    })
  }
  await start()
  return {
    stop: () => {
      stopped = true
      controller?.abort()
    },
  }
}
