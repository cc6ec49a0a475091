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
