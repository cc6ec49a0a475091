// image-credential-provider: the provider run by the kubelet's own code. e2e/kubelet-check links
// k8s.io/kubernetes v1.37.2's pkg/credentialprovider/plugin (what the kubelet calls before a
// pull): it validates the starter's CredentialProviderConfig, selects the provider with the
// config's matchImages (wildcards included), execs the binary built with `make build` with a
// CredentialProviderRequest, decodes the response strictly with the kubelet's codecs, and matches
// the returned auth keys against the image. Installed as the README says (binary in the bin dir,
// config, credentials file), except that the credentials file lives in a temp dir instead of
// /etc/kubernetes (the config's --credentials-file argument is rewritten to it).
// Proves: which images get which credentials on a node, service-account-token mode included (a
// fake TokenRequest stands in for the API server). Cannot prove here: the container runtime
// pulling with them (no kubelet, no runtime, no registry).
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { GO_ENV, kubeletCheck, mustRun, writeStarter } from "./starter-project"

type Check = { results: { image: string; found: boolean; credentials: { username: string; password: string }[] }[]; tokenRequests: number }

function install(dir: string): { config: string; binDir: string } {
  const node = path.join(dir, "node")
  const binDir = path.join(node, "credential-providers")
  mkdirSync(binDir, { recursive: true })
  copyFileSync(path.join(dir, "bin", "registry-credential-provider"), path.join(binDir, "registry-credential-provider"))
  const config = path.join(node, "credential-provider-config.yaml")
  const credentials = path.join(node, "registry-credentials.json")
  copyFileSync(path.join(dir, "config", "registry-credentials.example.json"), credentials)
  writeFileSync(config, readFileSync(path.join(dir, "config", "credential-provider-config.yaml"), "utf8").replace("/etc/kubernetes/registry-credentials.json", credentials))
  return { config, binDir }
}

describe("image-credential-provider through the kubelet's credential-provider code", () => {
  const images = ["registry.example.com/app:v1", "eu.registry.example.com/team/app:v2", "a.b.registry.example.com/app", "docker.io/library/nginx:1.27"]
  it("static credentials: exact host and one-level wildcard, nothing else", () => {
    const dir = writeStarter("image-credential-provider", {})
    mustRun("make", ["build"], { cwd: dir, env: GO_ENV })
    const { config, binDir } = install(dir)
    const out = JSON.parse(mustRun(kubeletCheck(), ["--config", config, "--bin-dir", binDir, ...images], { cwd: dir }).stdout) as Check
    const found = Object.fromEntries(out.results.map((r) => [r.image, r.found ? r.credentials.map((c) => `${c.username}:${c.password}`) : []]))
    expect(found).toEqual({
      "registry.example.com/app:v1": ["puller:change-me"],
      "eu.registry.example.com/team/app:v2": ["puller:change-me"],
      "a.b.registry.example.com/app": [],
      "docker.io/library/nginx:1.27": [],
    })
    expect(out.tokenRequests).toBe(0)
  }, 30 * 60_000)
  it("service-account-token mode: the pod's token is the password", () => {
    const dir = writeStarter("image-credential-provider", { serviceAccountToken: true })
    mustRun("make", ["build"], { cwd: dir, env: GO_ENV })
    const { config, binDir } = install(dir)
    const out = JSON.parse(mustRun(kubeletCheck(), ["--config", config, "--bin-dir", binDir, "--sa-token", "jwt-of-the-pod", ...images.slice(0, 2)], { cwd: dir }).stdout) as Check
    for (const r of out.results) expect(r.credentials, r.image).toEqual([{ username: "kubernetes", password: "jwt-of-the-pod" }])
    expect(out.tokenRequests).toBeGreaterThan(0)
  }, 30 * 60_000)
})
