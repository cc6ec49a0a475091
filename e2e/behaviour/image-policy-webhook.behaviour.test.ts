// image-policy-webhook on a real control plane, installed as its README says (`make build`,
// `make certs`, `sudo make install` into /etc/kubernetes/image-policy-webhook, key 0400 for UID
// 65532, `hack/kube-apiserver-manifest.sh add`: ImagePolicyWebhook appended to kubeadm's
// --enable-admission-plugins and --admission-control-config-file), the server run as its static
// Pod would.
// Proves: Pods with images from the allowed registry are admitted, others denied, kube-system is
// exempt; with the server down, `defaultAllow: false` denies new Pods (the documented failure
// mode). Cannot prove here: the kubelet running the static Pod, image pulls.
import { existsSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { addToManifest, runStaticPodServer, until } from "./control-plane-node"
import { GO_ENV, isRoot, mustRun, writeStarter } from "./starter-project"

describe("image-policy-webhook", () => {
  let cp: ControlPlane
  let dir: string
  let server: Awaited<ReturnType<typeof runStaticPodServer>> | undefined

  beforeAll(async () => {
    if (!isRoot) throw new Error("installing into /etc/kubernetes and running the static Pod's UID need root")
    dir = writeStarter("image-policy-webhook")
    mustRun("make", ["build"], { cwd: dir, env: GO_ENV, timeoutMs: 30 * 60_000 })
    mustRun("make", ["certs"], { cwd: dir })
    mustRun("make", ["install", `MANIFESTS=${dir}/node-manifests`], { cwd: dir })
    server = await runStaticPodServer(dir)
    const change = addToManifest(dir, "kube-apiserver", {})
    expect(change.added).toEqual([
      "--enable-admission-plugins=NodeRestriction,ImagePolicyWebhook",
      "--admission-control-config-file=/etc/kubernetes/image-policy-webhook/admission-config.yaml",
    ])
    cp = await startControlPlane({ apiserverArgs: change.added, omitApiserverArgs: change.removed })
    await cp.kubectl(["create", "namespace", "image-policy-demo"])
  }, 45 * 60_000)

  afterAll(async () => {
    await cp?.stop()
    await server?.stop()
    if (dir) mustRun("make", ["uninstall", `MANIFESTS=${dir}/node-manifests`], { cwd: dir })
  })

  const runPod = (ns: string, name: string, image: string) => cp.kubectl(["-n", ns, "run", name, `--image=${image}`, "--dry-run=server"])

  it("admits images from the allowed registry and denies others", async () => {
    const ok = await until("allowed image admitted", async () => {
      const r = await runPod("image-policy-demo", "allowed", "registry.example.com/app:v1")
      return r.code === 0 && r
    })
    expect(ok.stdout).toContain("pod/allowed created (server dry run)")
    const denied = await runPod("image-policy-demo", "denied", "docker.io/library/nginx:1.27")
    expect(denied.code).not.toBe(0)
    expect(denied.stderr).toContain("image policy webhook backend denied one or more images")
    expect(denied.stderr).toContain("is not from registry.example.com")
  })

  it("leaves kube-system's add-ons alone", async () => {
    const r = await runPod("kube-system", "coredns-like", "registry.k8s.io/coredns/coredns:v1.12.0")
    expect(r.code, r.stderr).toBe(0)
  })

  it("with the server down, defaultAllow: false denies new Pods", async () => {
    await server!.stop()
    server = undefined
    // A tag never reviewed before: no cached answer (allowTTL 50 s).
    const r = await runPod("image-policy-demo", "while-down", "registry.example.com/app:v2")
    expect(r.code).not.toBe(0)
    // defaultAllow: false turns the failed call into a denial (Forbidden), naming the backend error.
    expect(r.stderr).toMatch(/forbidden: Post "https:\/\/127\.0\.0\.1:8445\/review/)
  })

  it("make uninstall removes the node's files", () => {
    mustRun("make", ["uninstall", `MANIFESTS=${dir}/node-manifests`], { cwd: dir })
    expect(existsSync("/etc/kubernetes/image-policy-webhook")).toBe(false)
  })
})
