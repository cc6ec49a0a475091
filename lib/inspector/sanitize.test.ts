import { describe, expect, it } from "vitest"
import { networkReason, sanitizeMessage, statusReason } from "./sanitize"

describe("sanitizeMessage", () => {
  it("removes PEM blocks, JWTs, bearer tokens, URL credentials and long opaque strings", () => {
    const pem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----"
    const jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJl"
    const hex = "a".repeat(48)
    const out = sanitizeMessage(`bad ${pem} token ${jwt} Authorization: Bearer abc.def-123 https://user:pw@host:6443/x?token=xyz caBundle=${hex}`)
    expect(out).not.toContain("MIIB")
    expect(out).not.toContain("eyJ")
    expect(out).not.toContain("abc.def-123")
    expect(out).not.toContain("user:pw")
    expect(out).not.toContain("xyz")
    expect(out).not.toContain(hex)
    expect(out).toContain("[redacted certificate]")
  })

  // Each leak found by probing the inspector from outside (issue 14), and the secret that must go.
  const leaks: [name: string, message: string, secret: string][] = [
    ["token=value", "exec plugin failed: token=Zx81kq2mPq7Lw0", "Zx81kq2mPq7Lw0"],
    ["client_secret: value", "oidc refresh failed (client_secret: s3cr3t-Pa55)", "s3cr3t-Pa55"],
    ["password: value", "basic auth: password: hunter2", "hunter2"],
    ["JSON key", '{"kind":"ExecCredential","status":{"token":"abc def"}}', "abc def"],
    ["Authorization header", "Authorization: Bearer Zx81kq2mPq7Lw0", "Zx81kq2mPq7Lw0"],
    ["access-token key", "access-token=ya29.A0ARrdaM", "ya29.A0ARrdaM"],
    ["refresh query", "GET /x?refresh_token=r3fr3sh&a=1", "r3fr3sh"],
    ["id-token key", "id-token: eyJhbGciOi", "eyJhbGciOi"],
    ["key file path", "ENOENT: no such file or directory, open '/home/ops/.kube/keys/admin-key.pem'", "/home/ops/.kube"],
    ["home path", "cannot read ~/.kube/prod.key", "~/.kube"],
    ["file URL", "failed to load file:///etc/kubernetes/admin.conf", "/etc/kubernetes"],
    ["windows path", "open C:\\Users\\ops\\.kube\\key.pem failed", "Users"],
    ["plugin binary path", "spawn /usr/local/bin/gke-gcloud-auth-plugin ENOENT", "/usr/local/bin"],
    ["JSON.parse quote (plugin stdout)", "Unexpected token 'o', \"token=Zx81k\"... is not valid JSON", "Zx81k"],
    ["JSON.parse quote with quotes inside", 'Unexpected token \'s\', "{"a": hunter2}" is not valid JSON', "hunter2"],
    ["JSON.parse position (Node < 20)", "Unexpected token h in JSON at position 0", "token h"],
    ["base64 run", "caData LS0tLS1CRUdJTiBDRVJU is bad", "LS0tLS1CRUdJTiBDRVJU"],
    ["hex run", "digest 9f86d081884c7d659a2feaa0c55ad015", "9f86d081884c7d659a2feaa0c55ad015"],
    ["base64 with slashes", "key Zx81kq2m/Pq7Lw0a+bcdEFG==", "Pq7Lw0a"],
    ["base64url run", `token ${"aB3_".repeat(12)}`, "aB3_aB3_"],
    ["PEM private key", "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----", "MHcCAQEEIB"],
    ["server URL", "dial https://10.0.0.5:6443/version failed", "10.0.0.5"],
  ]
  it.each(leaks)("redacts %s", (_name, message, secret) => {
    const out = sanitizeMessage(message)
    expect(out).not.toContain(secret)
    expect(out.length).toBeGreaterThan(0)
  })

  it("keeps what explains an error: resource names, kinds, groups, versions, users", () => {
    const status =
      '403 Forbidden: customresourcedefinitions.apiextensions.k8s.io is forbidden: User "system:serviceaccount:k8s-extension-advisor:inspector" cannot list resource "customresourcedefinitions" in API group "apiextensions.k8s.io" at the cluster scope'
    expect(sanitizeMessage(status)).toBe(status)
    for (const kept of ["ValidatingAdmissionPolicyBinding not found", "admissionregistration.k8s.io/v1/validatingwebhookconfigurations: timed out after 2000 ms", "secrets is forbidden"]) {
      expect(sanitizeMessage(kept)).toBe(kept)
    }
  })

  it("truncates long messages", () => {
    expect(sanitizeMessage("x ".repeat(500), 50).length).toBeLessThanOrEqual(50)
  })
})

describe("statusReason", () => {
  it("keeps reason and message of a Kubernetes Status", () => {
    const body = JSON.stringify({ kind: "Status", reason: "Forbidden", message: 'User "u" cannot list resource "crds"', code: 403 })
    expect(statusReason(403, body)).toBe('403 Forbidden: User "u" cannot list resource "crds"')
  })
  it("never echoes a non-Status body", () => {
    expect(statusReason(502, "<html>proxy error with secret</html>")).toBe("HTTP 502")
  })
})

describe("networkReason", () => {
  it("maps error codes to fixed phrases", () => {
    expect(networkReason(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }))).toBe("connection refused")
    expect(networkReason(Object.assign(new Error("x"), { code: "EWHATEVER" }))).toBe("network error (EWHATEVER)")
  })
})
