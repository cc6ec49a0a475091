// What a platform engineer does on a kubeadm control-plane node with a starter that configures
// kube-apiserver or kube-scheduler, done for real here as root: `make install` into the README's
// /etc/kubernetes/<name> (modes and owners as installed), `hack/<component>-manifest.sh add` on a
// kubeadm static Pod manifest, and the webhook's static Pod run as the UID/GID and with the args
// its manifest gives it. The flags the script added become the test control plane's flags.
import { spawn, type ChildProcess } from "node:child_process"
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import https from "node:https"
import { tmpdir } from "node:os"
import path from "node:path"
import { parse } from "yaml"
import { kubeadmStaticPod, type Component } from "@/lib/starters/generators/control-plane"
import { until as pollUntil } from "./readme"
import { isRoot, mustRun } from "./starter-project"

type Obj = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export type ManifestChange = {
  /** Flags the script added or changed (`--name=value`). */
  added: string[]
  /** Names of kubeadm flags the script removed (the control plane must not keep its default). */
  removed: string[]
  pod: Obj
}

const flagName = (f: string) => f.replace(/^--/, "").split("=")[0]!

/**
 * README: `sudo hack/<component>-manifest.sh add` on a kubeadm manifest (a copy, not the real
 * /etc/kubernetes/manifests). Checks that every absolute path in an added flag is inside a
 * hostPath volume mounted into the container, as the kubelet would have to provide it.
 */
export function addToManifest(dir: string, component: Component, env: Record<string, string>): ManifestChange {
  const work = mkdtempSync(path.join(tmpdir(), "kubeadm-"))
  try {
    const manifest = path.join(work, "manifests", `${component}.yaml`)
    mustRun("mkdir", ["-p", path.dirname(manifest)], { cwd: work })
    const original = kubeadmStaticPod(component)
    writeFileSync(manifest, original)
    mustRun("bash", [`hack/${component}-manifest.sh`, "add", manifest], { cwd: dir, env })
    const pod = parse(readFileSync(manifest, "utf8")) as Obj
    const before = (parse(original) as Obj).spec.containers[0].command as string[]
    const after = pod.spec.containers[0].command as string[]
    const added = after.filter((f) => f.startsWith("--") && !before.includes(f))
    const removed = before.filter((f) => f.startsWith("--") && !after.some((a) => flagName(a) === flagName(f))).map(flagName)
    const mounts = (pod.spec.containers[0].volumeMounts as Obj[]).map((m) => m.mountPath as string)
    for (const f of added) {
      const value = f.split("=").slice(1).join("=")
      if (value.startsWith("/") && !mounts.some((m) => value === m || value.startsWith(`${m}/`))) {
        throw new Error(`${component} flag ${f} names a file no volume mounts into the static Pod`)
      }
    }
    return { added, removed, pod }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** The static Pod's server, run as its UID/GID with its args (the key must be readable by that UID). */
export async function runStaticPodServer(dir: string, binary = "bin/app"): Promise<{ stop(): Promise<void>; proc: ChildProcess; log: () => string }> {
  if (!isRoot) throw new Error("running the server as the static Pod's UID needs root")
  const [pod] = [parse(readFileSync(path.join(dir, "deploy", "static-pod.yaml"), "utf8")) as Obj]
  const c = pod!.spec.containers[0]
  const uid = String(c.securityContext.runAsUser)
  const gid = String(c.securityContext.runAsGroup ?? c.securityContext.runAsUser)
  // The image's /app: a copy the UID can execute (the unpacked project dir is private to root).
  const binDir = mkdtempSync(path.join(tmpdir(), "static-pod-"))
  chmodSync(binDir, 0o755)
  const app = path.join(binDir, "app")
  copyFileSync(path.join(dir, binary), app)
  chmodSync(app, 0o755)
  let log = ""
  const proc = spawn("setpriv", [`--reuid=${uid}`, `--regid=${gid}`, "--clear-groups", "--no-new-privs", app, ...(c.args as string[])], { stdio: ["ignore", "pipe", "pipe"] })
  proc.stdout!.on("data", (d) => (log += d))
  proc.stderr!.on("data", (d) => (log += d))
  const probe = c.livenessProbe.httpGet
  const ca = readFileSync(path.join(String(c.volumeMounts[0].mountPath), "ca.crt"))
  const deadline = Date.now() + 30_000
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = https.get({ host: probe.host, port: probe.port, path: probe.path, ca, timeout: 2000 }, (res) => {
        res.resume()
        resolve(res.statusCode === 200)
      })
      req.on("error", () => resolve(false))
    })
    if (ok) break
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`static Pod server did not become healthy (exit ${proc.exitCode}):\n${log}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    proc,
    log: () => log,
    stop: async () => {
      if (proc.exitCode === null) {
        proc.kill("SIGTERM")
        await new Promise((r) => proc.once("exit", r))
      }
      rmSync(binDir, { recursive: true, force: true })
    },
  }
}

/** kubectl with only a bearer token (no client certificate, no kubeconfig user). */
export function tokenArgs(server: string, caFile: string, token: string): string[] {
  return ["--kubeconfig=/dev/null", `--server=${server}`, `--certificate-authority=${caFile}`, `--token=${token}`]
}

/** readme.ts's until with 90 s by default (static Pods and restarted components take longer). */
export function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 90_000): Promise<T> {
  return pollUntil(what, fn, timeoutMs)
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net")
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once("error", reject)
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/**
 * A kubeconfig for a ServiceAccount (a TokenRequest token): what a Pod running as that account
 * gets from its projected token, for processes that stand in for the starter's Pods.
 */
export async function serviceAccountKubeconfig(cp: { kubectl: (a: string[]) => Promise<{ code: number; stdout: string; stderr: string }>; server: string; caFile: string; runDir: string }, namespace: string, name: string): Promise<string> {
  const t = await cp.kubectl(["-n", namespace, "create", "token", name, "--duration=2h"])
  if (t.code !== 0) throw new Error(`token for ${namespace}/${name}: ${t.stderr}`)
  const file = path.join(cp.runDir, `sa-${namespace}-${name}.kubeconfig`)
  const kc = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "test", cluster: { server: cp.server, "certificate-authority": cp.caFile } }],
    users: [{ name, user: { token: t.stdout.trim() } }],
    contexts: [{ name: "sa", context: { cluster: "test", user: name, namespace } }],
    "current-context": "sa",
  }
  writeFileSync(file, JSON.stringify(kc), { mode: 0o600 })
  return file
}

const children = new Set<ChildProcess>()
process.once("exit", () => {
  for (const c of children) c.kill("SIGKILL")
})

/**
 * Runs a scheduler binary (kube-scheduler of the test release, or a starter's own) with a
 * KubeSchedulerConfiguration whose clientConnection.kubeconfig is `kubeconfig`, as its Pod would
 * with its ServiceAccount; waits for /readyz.
 */
export async function runScheduler(binary: string, configYaml: string, kubeconfig: string, name: string, runDir: string): Promise<{ stop(): Promise<void>; log: () => string }> {
  const cfg = parse(configYaml) as Obj
  cfg.clientConnection = { ...(cfg.clientConnection ?? {}), kubeconfig }
  const file = path.join(runDir, `${name}-config.yaml`)
  writeFileSync(file, JSON.stringify(cfg))
  const port = await freePort()
  let log = ""
  const proc = spawn(binary, [`--config=${file}`, `--authentication-kubeconfig=${kubeconfig}`, `--authorization-kubeconfig=${kubeconfig}`, "--bind-address=127.0.0.1", `--secure-port=${port}`, "--v=2"], {
    stdio: ["ignore", "pipe", "pipe"],
  })
  children.add(proc)
  proc.stdout!.on("data", (d) => (log += d))
  proc.stderr!.on("data", (d) => (log += d))
  await until(`${name} /readyz`, async () => {
    if (proc.exitCode !== null) throw new Error(`${name} exited ${proc.exitCode}:\n${log.slice(-3000)}`)
    return new Promise<boolean>((resolve) => {
      const req = https.get({ host: "127.0.0.1", port, path: "/healthz", rejectUnauthorized: false, timeout: 2000 }, (res) => {
        res.resume()
        resolve(res.statusCode === 200)
      })
      req.on("error", () => resolve(false))
    })
  }, 120_000)
  return {
    log: () => log,
    stop: async () => {
      if (proc.exitCode === null) {
        proc.kill("SIGTERM")
        await new Promise((r) => proc.once("exit", r))
      }
      children.delete(proc)
    },
  }
}

/** Node names the Pods matching `selector` in `namespace` are bound to ("" for unbound). */
export async function boundNodes(cp: { kubectl: (a: string[]) => Promise<{ stdout: string }> }, namespace: string, selector: string): Promise<string[]> {
  const r = await cp.kubectl(["-n", namespace, "get", "pods", "-l", selector, "-o", "json"])
  const list = JSON.parse(r.stdout) as { items: { spec: { nodeName?: string } }[] }
  return list.items.map((p) => p.spec.nodeName ?? "")
}
