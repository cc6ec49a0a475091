// exec-credential-plugin with the real kubectl. A local OAuth 2.0 token endpoint (HTTPS, its own
// CA, client-credentials grant) issues a different token per client; kube-apiserver knows those
// tokens (its token file maps them to two users). The starter is generated for that endpoint and
// the control plane's server, built and installed as its README says (`make install`), and its
// config/kubeconfig.yaml is used with the cluster's CA added; a second user/context with another
// --client-id and --client-secret-env is added with `kubectl config set-credentials`.
// Proves: kubectl runs the plugin (ExecCredential v1), the apiserver accepts its token, the two
// contexts get different tokens and identities, a second call is served from the per-client cache
// (no new token request), `make uninstall` removes binary and cache.
import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs"
import https from "node:https"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { freePort } from "./control-plane-node"
import { GO_ENV, mustRun, writeStarter } from "./starter-project"

const TOKENS: Record<string, { secret: string; token: string }> = {
  dev: { secret: "s-dev", token: "tok-dev-5f1e2d3c4b5a69788796a5b4c3d2e1f0" },
  ops: { secret: "s-ops", token: "tok-ops-0f1e2d3c4b5a69788796a5b4c3d2e1f5" },
}

describe("exec-credential-plugin with kubectl", () => {
  let cp: ControlPlane
  let endpoint: https.Server
  const calls: string[] = []
  let dir: string
  let env: Record<string, string>
  let home: string

  beforeAll(async () => {
    const port = await freePort()
    const pki = mkdtempSync(path.join(tmpdir(), "token-endpoint-"))
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=token-endpoint", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", `${pki}/key.pem`, "-out", `${pki}/cert.pem`], { stdio: "ignore" })
    endpoint = https.createServer({ key: readFileSync(`${pki}/key.pem`), cert: readFileSync(`${pki}/cert.pem`) }, (req, res) => {
      let body = ""
      req.on("data", (d) => (body += d))
      req.on("end", () => {
        const [id, secret] = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString().split(":")
        const c = TOKENS[decodeURIComponent(id ?? "")]
        if (req.url !== "/oauth2/token" || !c || decodeURIComponent(secret ?? "") !== c.secret || new URLSearchParams(body).get("grant_type") !== "client_credentials") {
          res.writeHead(401).end()
          return
        }
        calls.push(id!)
        res.setHeader("Content-Type", "application/json")
        res.end(JSON.stringify({ access_token: c.token, token_type: "Bearer", expires_in: 3600 }))
      })
    })
    await new Promise<void>((r) => endpoint.listen(port, "127.0.0.1", r))
    cp = await startControlPlane({
      users: [
        { name: "dev-bot", groups: ["devs"], token: TOKENS.dev!.token },
        { name: "ops-bot", groups: ["ops"], token: TOKENS.ops!.token },
      ],
    })
    dir = writeStarter("exec-credential-plugin", { tokenUrl: `https://127.0.0.1:${port}/oauth2/token`, clientId: "dev", server: cp.server })
    home = mkdtempSync(path.join(tmpdir(), "exec-plugin-home-"))
    env = {
      ...GO_ENV,
      HOME: home,
      XDG_CACHE_HOME: path.join(home, ".cache"),
      PATH: `${path.join(home, ".local", "bin")}:${cp.binDir}:${process.env.PATH}`,
      // The token endpoint's private CA, for the plugin's HTTPS client.
      SSL_CERT_FILE: `${pki}/cert.pem`,
      OAUTH_CLIENT_SECRET: TOKENS.dev!.secret,
      OPS_CLIENT_SECRET: TOKENS.ops!.secret,
    }
    mustRun("make", ["install"], { cwd: dir, env, timeoutMs: 30 * 60_000 })
    const kc = path.join(dir, "config", "kubeconfig.yaml")
    const kubectl = (args: string[]) => mustRun(path.join(cp.binDir, "kubectl"), ["--kubeconfig", kc, ...args], { cwd: dir, env })
    kubectl(["config", "set-cluster", "example", `--certificate-authority=${cp.caFile}`])
    kubectl(["config", "set-credentials", "ops", "--exec-api-version=client.authentication.k8s.io/v1", "--exec-command=kubectl-oauth-login", "--exec-interactive-mode=Never",
      `--exec-arg=--token-url`, `--exec-arg=https://127.0.0.1:${port}/oauth2/token`, "--exec-arg=--client-id", "--exec-arg=ops", "--exec-arg=--client-secret-env", "--exec-arg=OPS_CLIENT_SECRET"])
    kubectl(["config", "set-context", "ops", "--cluster=example", "--user=ops"])
  }, 30 * 60_000)

  afterAll(async () => {
    await cp?.stop()
    endpoint?.close()
  })

  // Asynchronous: the token endpoint runs in this process and must answer while kubectl waits.
  const whoami = async (context?: string) => {
    const out = await cp.run("kubectl", ["--kubeconfig", path.join(dir, "config", "kubeconfig.yaml"), ...(context ? ["--context", context] : []), "auth", "whoami", "-o", "json"], { cwd: dir, env })
    if (out.code !== 0) throw new Error(out.stderr)
    return JSON.parse(out.stdout).status.userInfo as { username: string; groups: string[] }
  }

  it("kubectl gets a token from the endpoint and the apiserver accepts it", async () => {
    expect((await whoami()).username).toBe("dev-bot")
    expect(calls).toEqual(["dev"])
  })

  it("a second context with another client gets another token and identity", async () => {
    expect((await whoami("ops")).username).toBe("ops-bot")
    expect(calls).toEqual(["dev", "ops"])
  })

  it("repeated calls are served from the per-client cache", async () => {
    expect((await whoami()).username).toBe("dev-bot")
    expect((await whoami("ops")).username).toBe("ops-bot")
    expect(calls).toEqual(["dev", "ops"])
    expect(readdirSync(path.join(home, ".cache", "kubectl-oauth-login"))).toHaveLength(2)
  })

  it("make uninstall removes the plugin and its cache", () => {
    mustRun("make", ["uninstall"], { cwd: dir, env })
    expect(existsSync(path.join(home, ".local", "bin", "kubectl-oauth-login"))).toBe(false)
    expect(existsSync(path.join(home, ".cache", "kubectl-oauth-login"))).toBe(false)
  })
})
