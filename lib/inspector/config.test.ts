import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { stringify } from "yaml"
import { describe, expect, it, vi } from "vitest"
import { fileSignature, inspectorEnabled, inspectorSettings, loadInspectorConfig } from "./config"

vi.mock("server-only", () => ({}))

const dir = mkdtempSync(path.join(os.tmpdir(), "inspector-config-"))
const emptyHome = mkdtempSync(path.join(os.tmpdir(), "inspector-home-"))

function kubeconfig(name: string, contexts: { name: string; server?: string }[], current: string): string {
  const file = path.join(dir, name)
  writeFileSync(
    file,
    stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: contexts.map((c) => ({ name: c.name, cluster: c.server ? { server: c.server } : {} })),
      users: contexts.map((c) => ({ name: c.name, user: { token: "t" } })),
      contexts: contexts.map((c) => ({ name: c.name, context: { cluster: c.name, user: c.name } })),
      "current-context": current,
    }),
  )
  return file
}

describe("loadInspectorConfig", () => {
  it("is disabled by INSPECTOR_ENABLED=false/0/off", () => {
    for (const v of ["false", "0", "off", "FALSE"]) expect(loadInspectorConfig({ INSPECTOR_ENABLED: v }, emptyHome).state).toBe("disabled")
    expect(inspectorEnabled({})).toBe(true)
  })

  it("reports 'unconfigured' instead of falling back to localhost:8080", () => {
    expect(loadInspectorConfig({}, emptyHome)).toEqual({
      state: "unconfigured",
      reason: "no kubeconfig and no in-cluster ServiceAccount found",
      watch: [path.join(emptyHome, ".kube", "config")], // picked up once it appears
    })
    expect(loadInspectorConfig({ KUBECONFIG: path.join(dir, "missing") }, emptyHome).state).toBe("unconfigured")
  })

  it("lists only contexts with a server, filtered by the allow-list", () => {
    const file = kubeconfig("two.yaml", [{ name: "prod", server: "https://prod.example.com" }, { name: "dev", server: "https://dev.example.com" }, { name: "broken" }], "prod")
    const all = loadInspectorConfig({ KUBECONFIG: file }, emptyHome)
    expect(all.state === "ready" && all.contexts).toEqual(["prod", "dev"])
    const allowed = loadInspectorConfig({ KUBECONFIG: file, INSPECTOR_CONTEXTS: "dev, other" }, emptyHome)
    expect(allowed.state === "ready" && [allowed.contexts, allowed.defaultContext]).toEqual([["dev"], "dev"])
    expect(loadInspectorConfig({ KUBECONFIG: file, INSPECTOR_CONTEXTS: "nope" }, emptyHome).state).toBe("unconfigured")
  })

  it("gives each context its own KubeConfig so requests never share a current context", () => {
    const file = kubeconfig("pick.yaml", [{ name: "a", server: "https://a.example.com" }, { name: "b", server: "https://b.example.com" }], "a")
    const cfg = loadInspectorConfig({ KUBECONFIG: file }, emptyHome)
    if (cfg.state !== "ready") throw new Error("expected ready")
    expect(cfg.kubeConfigFor("b").getCurrentCluster()?.server).toBe("https://b.example.com")
    expect(cfg.kubeConfigFor("a").getCurrentCluster()?.server).toBe("https://a.example.com")
  })

  it("watches the kubeconfig files and the certificate files they name", () => {
    const file = path.join(dir, "files.yaml")
    writeFileSync(
      file,
      stringify({
        clusters: [{ name: "c", cluster: { server: "https://c.example.com", "certificate-authority": "ca.crt" } }],
        users: [{ name: "u", user: { "client-certificate": "/etc/k/u.crt", "client-key": "/etc/k/u.key" } }],
        contexts: [{ name: "c", context: { cluster: "c", user: "u" } }],
      }),
    )
    const cfg = loadInspectorConfig({ KUBECONFIG: file }, emptyHome)
    expect(cfg.state === "ready" && cfg.watch).toEqual([file, path.join(dir, "ca.crt"), "/etc/k/u.crt", "/etc/k/u.key"])
    const before = fileSignature([file])
    writeFileSync(file, readFileSync(file, "utf8") + "\n")
    expect(fileSignature([file])).not.toBe(before)
    expect(fileSignature([path.join(dir, "nope")])).toBe(`${path.join(dir, "nope")}:-`)
  })

  it("clamps numeric settings", () => {
    expect(inspectorSettings({ INSPECTOR_REQUEST_TIMEOUT_MS: "1", INSPECTOR_CONCURRENCY: "999" })).toMatchObject({ requestTimeoutMs: 500, concurrency: 32 })
    expect(inspectorSettings({})).toEqual({
      cacheTtlMs: 60_000,
      failureCacheTtlMs: 10_000,
      refreshIntervalMs: 10_000,
      requestTimeoutMs: 10_000,
      reportTimeoutMs: 45_000,
      credentialTimeoutMs: 10_000,
      concurrency: 8,
    })
  })
})
