// structured-authentication on a real control plane. A test OIDC issuer (HTTPS on 127.0.0.1, its
// own CA) serves /.well-known/openid-configuration and its JWKS and signs RS256 JWTs. The starter
// is generated for that issuer URL, installed as its README says (`sudo make install` into
// /etc/kubernetes/authentication, `hack/kube-apiserver-manifest.sh add`: --authentication-config
// and the mount kubeadm lacks), plus the README's next step for a private CA: the issuer's CA as
// jwt[0].issuer.certificateAuthority in the installed file. `make deploy` binds the group to view.
// Proves: kube-apiserver discovers the issuer and accepts its tokens, the CEL claim mappings give
// `oidc:<email>` and `oidc:<group>` (SelfSubjectReview), the claim and user validation rules and
// the audience are enforced (401), RBAC view applies to the mapped group; removal works.
// Cannot prove here: a real identity provider's login flow.
import { execFileSync } from "node:child_process"
import { createSign, generateKeyPairSync, type KeyObject } from "node:crypto"
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import https from "node:https"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parse, stringify } from "yaml"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { addToManifest, freePort, tokenArgs, until } from "./control-plane-node"
import { isRoot, mustRun, writeStarter } from "./starter-project"

const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url")

function sign(key: KeyObject, claims: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: "RS256", kid: "test-key", typ: "JWT" }))
  const body = b64url(JSON.stringify(claims))
  const s = createSign("RSA-SHA256").update(`${head}.${body}`).sign(key)
  return `${head}.${body}.${b64url(s)}`
}

describe("structured-authentication with a test issuer", () => {
  let cp: ControlPlane
  let dir: string
  let issuerUrl: string
  let issuer: https.Server
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  const now = () => Math.floor(Date.now() / 1000)
  const token = (over: Record<string, unknown> = {}) =>
    sign(privateKey, { iss: issuerUrl, aud: "kubernetes", sub: "u-1", email: "alice@example.com", email_verified: true, groups: ["platform-admins"], iat: now(), exp: now() + 3600, ...over })

  beforeAll(async () => {
    if (!isRoot) throw new Error("make install writes /etc/kubernetes/authentication: run as root")
    const port = await freePort()
    issuerUrl = `https://127.0.0.1:${port}`
    const pki = mkdtempSync(path.join(tmpdir(), "issuer-"))
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=test-issuer", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", `${pki}/key.pem`, "-out", `${pki}/cert.pem`], { stdio: "ignore" })
    const jwk = { ...(publicKey.export({ format: "jwk" }) as Record<string, string>), kid: "test-key", alg: "RS256", use: "sig" }
    issuer = https.createServer({ key: readFileSync(`${pki}/key.pem`), cert: readFileSync(`${pki}/cert.pem`) }, (req, res) => {
      res.setHeader("Content-Type", "application/json")
      if (req.url === "/.well-known/openid-configuration") res.end(JSON.stringify({ issuer: issuerUrl, jwks_uri: `${issuerUrl}/jwks`, id_token_signing_alg_values_supported: ["RS256"] }))
      else if (req.url === "/jwks") res.end(JSON.stringify({ keys: [jwk] }))
      else res.writeHead(404).end("{}")
    })
    await new Promise<void>((r) => issuer.listen(port, "127.0.0.1", r))

    dir = writeStarter("structured-authentication", { issuer: issuerUrl })
    mustRun("make", ["install"], { cwd: dir })
    // README next step for an issuer with a private CA.
    const installed = "/etc/kubernetes/authentication/authentication-config.yaml"
    const cfg = parse(readFileSync(installed, "utf8"))
    cfg.jwt[0].issuer.certificateAuthority = readFileSync(`${pki}/cert.pem`, "utf8")
    writeFileSync(installed, stringify(cfg))
    const change = addToManifest(dir, "kube-apiserver", {})
    expect(change.added).toEqual(["--authentication-config=/etc/kubernetes/authentication/authentication-config.yaml"])
    cp = await startControlPlane({ controllerManager: true, apiserverArgs: change.added })
    const deployed = await cp.run("make", ["deploy"], { cwd: dir })
    if (deployed.code !== 0) throw new Error(deployed.stderr)
  }, 15 * 60_000)

  afterAll(async () => {
    await cp?.stop()
    issuer?.close()
    if (dir) mustRun("make", ["uninstall"], { cwd: dir })
  })

  const as = (jwt: string, args: string[]) => cp.run("kubectl", [...tokenArgs(cp.server, cp.caFile, jwt), ...args])

  it("maps the issuer's token to oidc:<email> with oidc: groups", async () => {
    const r = await until("JWT accepted (issuer discovered)", async () => {
      const w = await as(token(), ["auth", "whoami", "-o", "json"])
      return w.code === 0 && w
    }, 120_000)
    const user = JSON.parse(r.stdout).status.userInfo
    expect(user.username).toBe("oidc:alice@example.com")
    expect(user.uid).toBe("u-1")
    expect(user.groups).toEqual(["oidc:platform-admins", "system:authenticated"])
  })

  it("refuses a wrong audience, an unverified email, a too long lifetime, a foreign key", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey
    for (const [what, jwt] of [
      ["wrong audience", token({ aud: "someone-else" })],
      ["email_verified false", token({ email_verified: false })],
      ["lifetime over 24 h", token({ exp: now() + 2 * 86400 })],
      ["signed by another key", sign(other, { iss: issuerUrl, aud: "kubernetes", sub: "u-1", email: "alice@example.com", email_verified: true, iat: now(), exp: now() + 3600 })],
    ] as const) {
      const r = await as(jwt, ["auth", "whoami"])
      expect(r.code, what).not.toBe(0)
      expect(r.stderr, what).toMatch(/Unauthorized|must be logged in/)
    }
  })

  it("the mapped group gets view, not more", async () => {
    // RBAC (the view ClusterRole's aggregated rules, the new binding) settles within seconds.
    const read = await until("view applies to the mapped group", async () => {
      const r = await as(token(), ["get", "pods", "-A"])
      return r.code === 0 ? r : undefined
    }, 60_000).catch(async (err) => {
      const r = await as(token(), ["get", "pods", "-A"])
      throw new Error(`${err}\n${r.stderr}`)
    })
    expect(read.code).toBe(0)
    const write = await as(token(), ["-n", "default", "create", "configmap", "x", "--from-literal=a=b"])
    expect(write.code).not.toBe(0)
    expect(write.stderr).toMatch(/forbidden/i)
  })

  it("removal: make undeploy and make uninstall", async () => {
    expect((await cp.run("make", ["undeploy"], { cwd: dir })).code).toBe(0)
    mustRun("make", ["uninstall"], { cwd: dir })
    expect(existsSync("/etc/kubernetes/authentication")).toBe(false)
  })
})
