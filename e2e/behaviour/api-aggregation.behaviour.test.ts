// API aggregation starter (k8s.io/apiserver, in-memory storage) on the real control plane: built as
// its README says, the server runs as a local process behind the APIService's Service with the
// ServiceAccount's own token (so its RBAC — auth-delegator, authentication-reader, flow-control
// reader — is what is exercised), the APIService turns Available, kubectl get / -o wide / --watch
// / explain work through kube-apiserver, and the README's removal leaves no Unavailable APIService
// behind: namespaces can still be deleted.
import { spawn } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { hostIP, startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { unpackStarter } from "./starter"
import { BUILD_TIMEOUT_MS, freePort, kjson, ok, routeServiceToHost, runReadme, startProcess, until, whilePodOf, type LocalProcess } from "./readme"

const APISERVICE = "v1alpha1.aggregated.example.com"

/** Issuer and Certificate as served types (no controller): enough for kubectl to map and delete them. */
const CERT_MANAGER_KIND_STUBS = ["Issuer", "Certificate"]
  .map((kind) =>
    JSON.stringify({
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: `${kind.toLowerCase()}s.cert-manager.io` },
      spec: {
        group: "cert-manager.io",
        scope: "Namespaced",
        names: { kind, plural: `${kind.toLowerCase()}s`, singular: kind.toLowerCase(), listKind: `${kind}List` },
        versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } } }],
      },
    }),
  )
  .join("\n---\n")

describe("api-aggregation starter", () => {
  let cp: ControlPlane
  let server: LocalProcess | undefined
  const starter = unpackStarter("api-aggregation")
  const work = path.dirname(starter.dir)

  beforeAll(async () => {
    cp = await startControlPlane({ controllerManager: true })
    // cert-manager's kinds, without cert-manager: `kubectl delete -k deploy` (make undeploy) must
    // be able to map deploy/certificate.yaml, as on a cluster with cert-manager installed.
    ok(await cp.kubectl(["apply", "-f", "-"], { input: CERT_MANAGER_KIND_STUBS }), "cert-manager kinds")
  })
  afterAll(async () => {
    await server?.stop()
    await cp?.stop()
  })

  /** What cert-manager does for deploy/certificate.yaml: a CA, a serving certificate for the Service name, caBundle injected. */
  async function certManagerStandIn(): Promise<void> {
    const dns = "widget-apiserver.widget-apiserver.svc"
    const sh = [
      "set -euo pipefail",
      "mkdir -p certs && cd certs",
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=test-ca -keyout ca.key -out ca.crt 2>/dev/null",
      `openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=${dns} -keyout tls.key -out tls.csr 2>/dev/null`,
      `printf 'subjectAltName=DNS:${dns}\\nextendedKeyUsage=serverAuth\\n' > ext.cnf`,
      "openssl x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 1 -extfile ext.cnf -out tls.crt 2>/dev/null",
    ].join("\n")
    ok(await cp.run("bash", ["-c", sh], { cwd: work }), "serving certificate")
    const ca = (await import("node:fs")).readFileSync(path.join(work, "certs/ca.crt")).toString("base64")
    ok(await cp.kubectl(["patch", "apiservice", APISERVICE, "--type=merge", "-p", JSON.stringify({ spec: { caBundle: ca } })]), "caBundle")
  }

  it("README Build and Deploy: the APIService turns Available", { timeout: BUILD_TIMEOUT_MS }, async () => {
    await runReadme(cp, starter.dir, "Build", {
      "make docker-build docker-push": { because: "no container runtime: the binary from make build runs as a local process instead" },
    }, { timeoutMs: 1_800_000 })
    await runReadme(cp, starter.dir, "Deploy", {
      "make deploy": {
        because:
          "no cert-manager here: everything in deploy/ but certificate.yaml is applied, a CA and serving certificate are made with openssl and " +
          "the caBundle set (what cainjector does); the Deployment's Pods never run, so the binary runs locally with the ServiceAccount's token",
        run: async () => {
          ok(await cp.run("bash", ["-c", "for f in namespace rbac server apiservice; do kubectl apply -f deploy/$f.yaml; done"], { cwd: starter.dir }), "apply deploy/ without cert-manager")
          await certManagerStandIn()
          const token = ok(await cp.kubectl(["-n", "widget-apiserver", "create", "token", "widget-apiserver", "--duration=1h"]), "ServiceAccount token").stdout.trim()
          const kubeconfig = path.join(work, "in-cluster.kubeconfig")
          writeFileSync(
            kubeconfig,
            JSON.stringify({
              apiVersion: "v1",
              kind: "Config",
              clusters: [{ name: "c", cluster: { server: cp.server, "certificate-authority": cp.caFile } }],
              users: [{ name: "sa", user: { token } }],
              contexts: [{ name: "c", context: { cluster: "c", user: "sa" } }],
              "current-context": "c",
            }),
          )
          const port = await freePort()
          const logDir = path.join(work, "logs")
          mkdirSync(logDir, { recursive: true })
          server = startProcess(
            "bin/app",
            [
              `--secure-port=${port}`,
              `--tls-cert-file=${path.join(work, "certs/tls.crt")}`,
              `--tls-private-key-file=${path.join(work, "certs/tls.key")}`,
              // In a Pod these come from the in-cluster config of the same ServiceAccount.
              `--kubeconfig=${kubeconfig}`,
              `--authentication-kubeconfig=${kubeconfig}`,
              `--authorization-kubeconfig=${kubeconfig}`,
            ],
            { cwd: starter.dir, env: {}, logFile: path.join(logDir, "server.log") },
          )
          await routeServiceToHost(cp, { namespace: "widget-apiserver", service: "widget-apiserver", servicePort: 443, hostIP: hostIP(), hostPort: port })
        },
      },
    }, { timeoutMs: 180_000 })
    const svc = await kjson<{ status: { conditions: { type: string; status: string }[] } }>(cp, ["get", "apiservice", APISERVICE])
    expect(svc.status.conditions.find((c) => c.type === "Available")?.status).toBe("True")
  })

  it("README Try: create, get, -o wide, --watch and explain through kube-apiserver", async () => {
    const tried = await runReadme(cp, starter.dir, "Try", {
      "kubectl get widgets -n default --watch": {
        because: "--watch runs until interrupted: the test watches, creates a second Widget and stops the watch",
        run: async () => {
          const child = spawn(path.join(cp.binDir, "kubectl"), ["get", "widgets", "-n", "default", "--watch", "--output-watch-events"], { env: { ...process.env, ...cp.env() } })
          let out = ""
          child.stdout.on("data", (d) => (out += d))
          await until("watch lists the sample", async () => out.includes("example"))
          ok(await cp.kubectl(["-n", "default", "create", "-f", "-"], { input: JSON.stringify({ apiVersion: "aggregated.example.com/v1alpha1", kind: "Widget", metadata: { name: "watched" }, spec: { size: 2 } }) }), "second widget")
          await until("watch event for the new Widget", async () => /ADDED\s+watched\s+2/.test(out))
          child.kill()
        },
      },
    })
    const get = (prefix: string) => Object.entries(tried).find(([l]) => l.startsWith(prefix))![1].stdout
    expect(get("kubectl get widgets -A")).toMatch(/^NAMESPACE\s+NAME\s+SIZE\s+COLOR\s+AGE\ndefault\s+example\s+3\s+green\s+/)
    expect(get("kubectl get widgets -n default -o wide").split("\n")[0]).toMatch(/^NAME\s+SIZE\s+COLOR\s+AGE\s+UID$/)
    expect(get("kubectl explain widgets.spec")).toContain("Size is how many units the widget has")
    expect(JSON.parse(get("kubectl get --raw")).resources.map((r: { name: string }) => r.name)).toContain("widgets")
    // A user without RBAC on the group is refused (kube-apiserver authorizes before it proxies; the
    // admin's requests above passed the aggregated server's own delegated SubjectAccessReview).
    const limited = await cp.kubectl(["get", "widgets", "-n", "default"], { user: "limited" })
    expect(limited.code).not.toBe(0)
    expect(limited.stderr).toMatch(/forbidden/i)
  })

  it("README Remove: no Unavailable APIService is left, and a namespace can still be deleted", async () => {
    // The Makefile removes the APIService before the server it points at.
    const recipe = ok(await cp.run("make", ["-n", "undeploy"], { cwd: starter.dir }), "make -n undeploy").stdout.trim().split("\n")
    expect(recipe[0]).toContain("delete apiservice v1alpha1.aggregated.example.com")
    // make undeploy runs as written. The local server stands for the Deployment's Pod: it stops
    // as soon as the Deployment is gone, as the Pod would.
    await whilePodOf(cp, { namespace: "widget-apiserver", name: "widget-apiserver" }, server!, () => runReadme(cp, starter.dir, "Remove", {}, { timeoutMs: 300_000 }))
    expect((await cp.kubectl(["get", "apiservice", APISERVICE])).code).not.toBe(0)
    expect((await cp.kubectl(["get", "namespace", "widget-apiserver"])).code).not.toBe(0)
    ok(await cp.kubectl(["create", "namespace", "after-removal"]), "create")
    ok(await cp.kubectl(["delete", "namespace", "after-removal", "--timeout=90s"]), "namespace deletion is not blocked")
  })
})
