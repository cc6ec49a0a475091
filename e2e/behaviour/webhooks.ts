// Shared by the validating and mutating webhook behaviour tests: each webhook starter (Go and
// TypeScript, self-signed certificates: there is no cert-manager here) is built and deployed the way
// its README says, its server runs as a local process behind the README's Service, and the test
// checks what the README promises — including that the server keeps serving after its certificate
// files are replaced while it runs, and that removing one webhook starter leaves the other working.
import { mkdirSync } from "node:fs"
import path from "node:path"
import { expect } from "vitest"
import { hostIP, type ControlPlane } from "@/e2e/cluster/control-plane"
import { unpackStarter, type UnpackedStarter } from "./starter"
import { freePort, kjson, ok, routeServiceToHost, runReadme, startProcess, until, type LocalProcess } from "./readme"

export type Mode = "validating" | "mutating"
export const STARTER_ID: Record<Mode, string> = { validating: "validating-admission-webhook", mutating: "mutating-admission-webhook" }
const NAME: Record<Mode, string> = { validating: "deployment-policy", mutating: "deployment-defaults" }

export interface DeployedWebhook {
  mode: Mode
  language: "go" | "typescript"
  starter: UnpackedStarter
  namespace: string
  server: LocalProcess
}

/** Unpacks, builds (README Build), deploys (README Deploy) and starts one webhook starter. */
export async function deployWebhook(cp: ControlPlane, mode: Mode, language: "go" | "typescript"): Promise<DeployedWebhook> {
  const starter = unpackStarter(STARTER_ID[mode], { language, certificates: "self-signed" })
  const namespace = `${NAME[mode]}-system`
  await runReadme(cp, starter.dir, "Build", {}, { timeoutMs: 1_500_000 })
  const port = await freePort()
  let server: LocalProcess | undefined
  const startServer = async () => {
    // Stands for the Deployment's Pods: the binary built by "## Build", with the Secret's files
    // (hack/gen-certs.sh wrote them to certs/ and into the Secret) as the /tls volume.
    const logDir = path.join(path.dirname(starter.dir), "logs")
    mkdirSync(logDir, { recursive: true })
    server =
      language === "go"
        ? startProcess("bin/app", [`--addr=:${port}`, "--tls-cert-file=certs/tls.crt", "--tls-private-key-file=certs/tls.key"], {
            cwd: starter.dir,
            env: {},
            logFile: path.join(logDir, "server.log"),
          })
        : startProcess("node", ["dist/src/main.js"], {
            cwd: starter.dir,
            env: { PORT: String(port), TLS_CERT_FILE: "certs/tls.crt", TLS_KEY_FILE: "certs/tls.key" },
            logFile: path.join(logDir, "server.log"),
          })
    await routeServiceToHost(cp, { namespace, service: NAME[mode], servicePort: 443, hostIP: hostIP(), hostPort: port })
  }
  await runReadme(cp, starter.dir, "Deploy", {
    "make docker-build docker-push IMG=*": {
      because: "no container runtime here: the binary from ## Build runs as a local process instead of the image",
    },
    "make deploy": {
      because: "the Deployment's Pods never run here (no kubelet): after make deploy, the local server is started and the Service routed to it",
      run: async () => {
        ok(await cp.run("make", ["deploy"], { cwd: starter.dir }), "make deploy")
        await startServer()
      },
    },
  })
  return { mode, language, starter, namespace, server: server! }
}

const unlabelled = (name: string, ns = "default") =>
  JSON.stringify({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "registry.k8s.io/pause:3.10" }] } } },
  })

/** Does the webhook act on a new Deployment in `ns`? Validating: denied; mutating: labelled. */
export async function webhookActs(cp: ControlPlane, mode: Mode, ns = "default"): Promise<boolean> {
  const name = `probe-${Math.random().toString(36).slice(2, 8)}`
  const r = await cp.kubectl(["create", "--dry-run=server", "-o", "json", "-f", "-"], { input: unlabelled(name, ns) })
  if (mode === "validating") {
    if (r.code === 0) return false
    if (r.stderr.includes(`deployment "${name}" must have the label "team"`)) return true
    throw new Error(`rejected for another reason: ${r.stderr}`)
  }
  if (r.code !== 0) throw new Error(r.stderr)
  return (JSON.parse(r.stdout) as { metadata: { labels?: Record<string, string> } }).metadata.labels?.team === "unassigned"
}

/** The README's Try section, with the behaviour it documents. */
export async function tryWebhook(cp: ControlPlane, w: DeployedWebhook) {
  await until("webhook answering", async () => webhookActs(cp, w.mode), 60_000)
  const tried = await runReadme(cp, w.starter.dir, "Try", {}, { expectFailure: w.mode === "validating" ? ["kubectl apply -f test/deployment-without-label.yaml"] : [] })
  if (w.mode === "validating") {
    expect(tried["kubectl apply -f test/deployment-without-label.yaml"]!.stderr).toContain('admission webhook "deployment-policy.example.com" denied the request: deployment "unlabelled" must have the label "team"')
  } else {
    const d = await kjson<{ metadata: { labels: Record<string, string> } }>(cp, ["-n", "default", "get", "deployment", "unlabelled"])
    expect(d.metadata.labels.team).toBe("unassigned")
  }
  // Its own namespace is excluded: the Deployment created there is left alone.
  const excluded = await kjson<{ metadata: { labels?: Record<string, string> } }>(cp, ["-n", w.namespace, "get", "deployment", "excluded"])
  expect(excluded.metadata.labels?.team).toBeUndefined()
  expect(await webhookActs(cp, w.mode, "kube-system")).toBe(false)
}

/**
 * Replaces the certificate files while the server runs (what cert-manager's renewal and the
 * kubelet's Secret volume update do): hack/gen-certs.sh --apply makes a new CA and serving
 * certificate and patches the new caBundle into the webhook configuration. The same process must
 * answer with the new certificate, or kube-apiserver (failurePolicy Fail) rejects every request.
 */
export async function rotateCertificates(cp: ControlPlane, w: DeployedWebhook) {
  const pid = w.server.child.pid
  ok(await cp.run("hack/gen-certs.sh", ["--apply"], { cwd: w.starter.dir }), "gen-certs.sh --apply (new CA and certificate)")
  await until("webhook answering with the new certificate", async () => webhookActs(cp, w.mode), 90_000)
  expect(w.server.child.pid).toBe(pid)
  expect(w.server.child.exitCode).toBeNull()
}
