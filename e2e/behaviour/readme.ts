// Running a starter the way its README says. Every shell line of a README section is either run
// as written (bash, in the project directory, with this control plane's kubectl on PATH) or
// replaced by a step the test names, with the reason (no container runtime, no cert-manager, a
// local process instead of a Pod, …). A README line the test neither runs nor replaces fails the
// test, so README and test cannot drift apart.
import { spawn, type ChildProcess } from "node:child_process"
import { createWriteStream, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { Watch } from "@kubernetes/client-node"
import { expect } from "vitest"
import type { CommandResult, ControlPlane } from "@/e2e/cluster/control-plane"

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Timeout of a test that builds a Go or TypeScript project from scratch: on a cold Go build cache
 * and a loaded 2-core machine, a controller-runtime or k8s.io/apiserver build alone takes minutes.
 */
export const BUILD_TIMEOUT_MS = 1_800_000

/** Polls fn until it returns something truthy. */
export async function until<T>(what: string, fn: () => Promise<T | undefined | false | null> | T | undefined | false | null, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const v = await fn()
      if (v) return v
    } catch (err) {
      last = err
    }
    await sleep(500)
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last ? `: ${String(last)}` : ""}`)
}

/** kubectl … -o json, parsed; throws on a non-zero exit. */
export async function kjson<T = Record<string, unknown>>(cp: ControlPlane, args: string[]): Promise<T> {
  const r = await cp.kubectl([...args, "-o", "json"])
  if (r.code !== 0) throw new Error(`kubectl ${args.join(" ")}: ${r.stderr}`)
  return JSON.parse(r.stdout) as T
}

/** Fails with the command's output when it did not exit 0. */
export function ok(r: CommandResult, what: string): CommandResult {
  expect(r.code, `${what}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`).toBe(0)
  return r
}

/** The shell lines of the first ```sh block under "## <heading>" (comments and blank lines dropped). */
export function readmeSection(dir: string, heading: string): string[] {
  const readme = readFileSync(path.join(dir, "README.md"), "utf8")
  const start = readme.indexOf(`\n## ${heading}\n`)
  if (start < 0) throw new Error(`README has no "## ${heading}" section`)
  const rest = readme.slice(start + heading.length + 5)
  const end = rest.search(/\n## /)
  const body = end < 0 ? rest : rest.slice(0, end)
  const block = /```sh\n([\s\S]*?)```/.exec(body)
  if (!block) throw new Error(`"## ${heading}" has no sh block`)
  return block[1]!
    .split("\n")
    .map((l) => l.replace(/\s+#.*$/, "").trim())
    .filter((l) => l && !l.startsWith("#"))
}

export type Replacement = {
  /** Why the README line cannot run as written here. */
  because: string
  /** What the test does instead (nothing when the line has no effect here). */
  run?: () => Promise<void>
}

/**
 * Runs one README section: each line as written, except those matched by `replace` (exact line, or
 * a prefix ending in "*"). Returns the results of the lines that ran.
 */
export async function runReadme(
  cp: ControlPlane,
  dir: string,
  heading: string,
  replace: Record<string, Replacement> = {},
  opts: { env?: Record<string, string>; expectFailure?: string[]; timeoutMs?: number } = {},
): Promise<Record<string, CommandResult>> {
  const results: Record<string, CommandResult> = {}
  for (const line of readmeSection(dir, heading)) {
    const key = Object.keys(replace).find((k) => (k.endsWith("*") ? line.startsWith(k.slice(0, -1)) : line === k))
    if (key) {
      await replace[key]!.run?.()
      continue
    }
    const r = await cp.run("bash", ["-euo", "pipefail", "-c", line], { cwd: dir, env: opts.env, timeoutMs: opts.timeoutMs ?? 600_000 })
    results[line] = r
    if (opts.expectFailure?.some((f) => line.startsWith(f))) expect(r.code, `README ${heading}: "${line}" should fail`).not.toBe(0)
    else ok(r, `README ${heading}: ${line}`)
  }
  return results
}

/** A process the test runs the way a Pod would run the image's entrypoint, with its output in a log file. */
export interface LocalProcess {
  child: ChildProcess
  logFile: string
  log(): string
  stop(): Promise<void>
}

export function startProcess(cmd: string, args: string[], opts: { cwd: string; env: Record<string, string>; logFile: string }): LocalProcess {
  const out = createWriteStream(opts.logFile)
  const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] })
  child.stdout!.pipe(out, { end: false })
  child.stderr!.pipe(out, { end: false })
  let exited = false
  child.on("exit", () => (exited = true))
  return {
    child,
    logFile: opts.logFile,
    log: () => readFileSync(opts.logFile, "utf8"),
    async stop() {
      if (exited) return
      child.kill("SIGTERM")
      for (let i = 0; i < 100 && !exited; i++) await sleep(100)
      if (!exited) child.kill("SIGKILL")
      for (let i = 0; i < 50 && !exited; i++) await sleep(100)
    },
  }
}

/**
 * The Service of the README's manifests, but routed to a local process: the Service without a
 * selector and an EndpointSlice to this host's non-loopback address (kube-apiserver runs with
 * --enable-aggregator-routing, so webhook and APIService calls go to the endpoint and are verified
 * against <service>.<namespace>.svc, as in a cluster). Stands for the Deployment's Pods behind it.
 */
export async function routeServiceToHost(cp: ControlPlane, o: { namespace: string; service: string; servicePort: number; hostIP: string; hostPort: number }) {
  const manifest = [
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: o.service, namespace: o.namespace },
      spec: { ports: [{ name: "https", port: o.servicePort, targetPort: o.hostPort, protocol: "TCP" }] },
    },
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: `${o.service}-local`, namespace: o.namespace, labels: { "kubernetes.io/service-name": o.service } },
      addressType: "IPv4",
      ports: [{ name: "https", port: o.hostPort, protocol: "TCP" }],
      endpoints: [{ addresses: [o.hostIP], conditions: { ready: true } }],
    },
  ]
  // Replace whatever Service the manifests created (it selects Pods that never run here).
  await cp.kubectl(["-n", o.namespace, "delete", "service", o.service, "--ignore-not-found"])
  ok(await cp.kubectl(["apply", "-f", "-"], { input: JSON.stringify({ apiVersion: "v1", kind: "List", items: manifest }) }), "selector-less Service + EndpointSlice")
}

/** A free TCP port on all interfaces (for a local server the apiserver reaches through hostIP). */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net")
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, "0.0.0.0", () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => resolve(port))
    })
    srv.on("error", reject)
  })
}

/** A kubeconfig whose server nothing listens on: "the cluster is unreachable". */
export function unreachableKubeconfig(dir: string): string {
  const file = path.join(dir, "unreachable.kubeconfig")
  writeFileSync(
    file,
    [
      "apiVersion: v1",
      "kind: Config",
      "clusters: [{name: gone, cluster: {server: 'https://127.0.0.1:9', insecure-skip-tls-verify: true}}]",
      "users: [{name: u, user: {token: x}}]",
      "contexts: [{name: gone, context: {cluster: gone, user: u}}]",
      "current-context: gone",
      "",
    ].join("\n"),
  )
  return file
}

/**
 * Runs `during` while `process` stands for the Pod of Deployment `namespace/name`: the process is
 * stopped as soon as the Deployment is deleted, as the kubelet would stop the Pod, and `onGone` then
 * looks at what the API still holds. A watch, not polling: the process is stopped within
 * milliseconds of the deletion, before a README's next command can start, so it cannot finish work
 * (a finalizer, say) after its Deployment is gone and what `onGone` sees does not depend on timing.
 */
export async function whilePodOf<T>(
  cp: ControlPlane,
  deployment: { namespace: string; name: string },
  process: LocalProcess,
  during: () => Promise<T>,
  onGone: () => Promise<void> = async () => {},
): Promise<T> {
  let seenDeleted = false
  let markGone!: () => void
  const deleted = new Promise<void>((resolve) => (markGone = resolve))
  const sawDeletion = () => {
    seenDeleted = true
    markGone()
  }
  const watch = new Watch(cp.kubeConfig())
  let finished = false
  let controller: AbortController | undefined
  const startWatch = async () => {
    if (finished) return
    controller = await watch.watch(
      `/apis/apps/v1/namespaces/${deployment.namespace}/deployments`,
      { fieldSelector: `metadata.name=${deployment.name}` },
      (type: string, obj: { metadata?: { deletionTimestamp?: string } }) => {
        if (type === "DELETED" || obj.metadata?.deletionTimestamp) sawDeletion()
      },
      // The server ends watches after a while: start again (a new watch lists the Deployment
      // first, and a Deployment deleted in between is seen by the check below).
      () => {
        if (finished) return
        void cp.kubectl(["-n", deployment.namespace, "get", "deployment", deployment.name, "-o", "name"]).then((r) => (r.code !== 0 ? sawDeletion() : startWatch()))
      },
    )
  }
  await startWatch()
  const podStops = deleted.then(async () => {
    await process.stop()
    if (seenDeleted) await onGone()
  })
  try {
    return await during()
  } finally {
    finished = true
    controller?.abort()
    markGone()
    await podStops
  }
}
