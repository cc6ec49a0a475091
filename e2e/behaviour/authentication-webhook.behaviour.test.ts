// authentication-webhook on a real control plane, installed as its README says: a tokens.txt,
// `make build`, `make certs`, `sudo make install` (key and token file 0400, UID 65532, in
// /etc/kubernetes/token-authn-webhook), `hack/kube-apiserver-manifest.sh add` (its flags become
// the test kube-apiserver's), and the server run as its static Pod would (UID/GID 65532, its args:
// --tokens-file=/etc/kubernetes/token-authn-webhook/tokens).
// Proves: kube-apiserver sends unknown bearer tokens to the webhook and a SelfSubjectReview
// (`kubectl auth whoami`) shows the user and groups it mapped; unknown tokens get 401; a line
// added to the installed token file works without a restart; make uninstall cleans the node.
// Cannot prove here: the kubelet running the static Pod.
import { appendFileSync, existsSync, writeFileSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { addToManifest, runStaticPodServer, tokenArgs, until } from "./control-plane-node"
import { GO_ENV, isRoot, mustRun, writeStarter } from "./starter-project"

const DEST = "/etc/kubernetes/token-authn-webhook"

describe("authentication-webhook", () => {
  let cp: ControlPlane
  let dir: string
  let server: Awaited<ReturnType<typeof runStaticPodServer>> | undefined

  beforeAll(async () => {
    if (!isRoot) throw new Error("installing into /etc/kubernetes and running the static Pod's UID need root")
    dir = writeStarter("authentication-webhook")
    writeFileSync(path.join(dir, "tokens.txt"), "tok-alice-0123456789:alice:dev-team,ops\n")
    mustRun("make", ["build"], { cwd: dir, env: GO_ENV, timeoutMs: 30 * 60_000 })
    mustRun("make", ["certs"], { cwd: dir })
    mustRun("make", ["install", `MANIFESTS=${dir}/node-manifests`], { cwd: dir })
    server = await runStaticPodServer(dir)
    const change = addToManifest(dir, "kube-apiserver", {})
    expect(change.added).toContain(`--authentication-token-webhook-config-file=${DEST}/token-authn-webhook.kubeconfig`)
    cp = await startControlPlane({ apiserverArgs: change.added, omitApiserverArgs: change.removed })
  }, 45 * 60_000)

  afterAll(async () => {
    await cp?.stop()
    await server?.stop()
    if (dir) mustRun("make", ["uninstall", `MANIFESTS=${dir}/node-manifests`], { cwd: dir })
  })

  const whoami = (token: string) => cp.run("kubectl", [...tokenArgs(cp.server, cp.caFile, token), "auth", "whoami", "-o", "json"])

  it("a token from the file authenticates with the mapped user and groups", async () => {
    const r = await until("alice authenticated", async () => {
      const w = await whoami("tok-alice-0123456789")
      return w.code === 0 && w
    })
    const status = JSON.parse(r.stdout).status.userInfo
    expect(status.username).toBe("alice")
    expect(status.groups).toEqual(["example:admins", "dev-team", "ops", "system:authenticated"])
  })

  it("an unknown token gets 401", async () => {
    const r = await whoami("not-a-token")
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/Unauthorized|must be logged in/)
  })

  it("a line added to the installed file works without a restart", async () => {
    appendFileSync(`${DEST}/tokens`, "tok-dave-0123456789:dave\n")
    const r = await whoami("tok-dave-0123456789")
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).status.userInfo.username).toBe("dave")
  })

  it("make uninstall removes the node's files", () => {
    mustRun("make", ["uninstall", `MANIFESTS=${dir}/node-manifests`], { cwd: dir })
    expect(existsSync(DEST)).toBe(false)
  })
})
