import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import type { User } from "@kubernetes/client-node"
import { describe, expect, it, vi } from "vitest"
import { ContextCredentials, CredentialError, authKind, jsonPathValue, runCredentialPlugin } from "./credentials"
import { running, waitFor, writeScript } from "./testing/process"

vi.mock("server-only", () => ({}))

const dir = mkdtempSync(path.join(os.tmpdir(), "inspector-credentials-"))
const cluster = { name: "c", server: "https://127.0.0.1:6443", skipTLSVerify: false, caData: "Q0E=" }

const script = (name: string, body: string) => writeScript(dir, name, body)

/** Counts event-loop turns while `work` runs: a synchronous spawn would leave this near zero. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ ticks: number; result: PromiseSettledResult<T> }> {
  let ticks = 0
  const timer = setInterval(() => ticks++, 10)
  const [result] = await Promise.allSettled([work])
  clearInterval(timer)
  return { ticks, result: result! }
}

const execUser = (command: string, extra: Record<string, unknown> = {}): User =>
  ({ name: "u", exec: { apiVersion: "client.authentication.k8s.io/v1", command, args: [], ...extra } }) as unknown as User

const credential = (status: Record<string, unknown>) => JSON.stringify({ apiVersion: "client.authentication.k8s.io/v1", kind: "ExecCredential", status })

describe("runCredentialPlugin", () => {
  it("kills a stalled plugin and its children (process group) at the deadline", async () => {
    const pids = path.join(dir, "stalled.pids")
    const cmd = script("stalled.sh", `sleep 1000 &\necho "$$ $!" > ${pids}\nwait`)
    const t0 = Date.now()
    const err = await runCredentialPlugin({ command: cmd, args: [], timeoutMs: 400 }).catch((e: unknown) => e)
    expect(Date.now() - t0).toBeLessThan(1500)
    expect(err).toBeInstanceOf(CredentialError)
    expect((err as CredentialError).code).toBe("timeout")
    expect((err as Error).message).toBe('credential plugin "stalled.sh" did not finish within 400 ms and was stopped')
    const [shell, child] = readFileSync(pids, "utf8").trim().split(" ").map(Number)
    expect(await waitFor(() => !running(shell!) && !running(child!))).toBe(true)
  })

  it("stops the plugin when the report is cancelled", async () => {
    const controller = new AbortController()
    const run = runCredentialPlugin({ command: script("forever.sh", "exec sleep 1000"), args: [], timeoutMs: 60_000, signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    await expect(run).rejects.toMatchObject({ code: "timeout" })
  })

  it("never blocks the event loop while the plugin runs", async () => {
    const { ticks, result } = await ticksDuring(runCredentialPlugin({ command: script("slow.sh", "sleep 0.5; echo ok"), args: [], timeoutMs: 5000 }))
    expect(result).toEqual({ status: "fulfilled", value: "ok\n" })
    expect(ticks).toBeGreaterThan(20)
  })

  it("reports failures as fixed phrases: no stdout, no stderr, no path", async () => {
    const leaky = script("leaky.sh", 'echo "token=Zx81kq2mPq7Lw0" >&2; echo "password: hunter2"; exit 3')
    await expect(runCredentialPlugin({ command: leaky, args: [], timeoutMs: 5000 })).rejects.toThrow(/^credential plugin "leaky.sh" exited with code 3$/)
    await expect(runCredentialPlugin({ command: path.join(dir, "missing-plugin"), args: [], timeoutMs: 5000 })).rejects.toThrow(/^credential plugin "missing-plugin" was not found$/)
  })
})

describe("ContextCredentials (exec)", () => {
  it("passes args, env and KUBERNETES_EXEC_INFO (non-interactive, cluster info when asked) and reads the token", async () => {
    const seen = path.join(dir, "seen.json")
    const cmd = script("env.sh", `printf '%s|%s|%s' "$1" "$PLUGIN_REGION" "$KUBERNETES_EXEC_INFO" > ${seen}\necho '${credential({ token: "t0k" })}'`)
    const creds = new ContextCredentials(execUser(cmd, { args: ["--flag"], env: [{ name: "PLUGIN_REGION", value: "eu" }], provideClusterInfo: true }), cluster)
    expect(await creds.resolve({ timeoutMs: 5000 })).toEqual({ token: "t0k" })
    const [arg, region, info] = readFileSync(seen, "utf8").split("|")
    expect([arg, region]).toEqual(["--flag", "eu"])
    expect(JSON.parse(info!)).toEqual({
      apiVersion: "client.authentication.k8s.io/v1",
      kind: "ExecCredential",
      spec: { interactive: false, cluster: { server: cluster.server, "certificate-authority-data": "Q0E=" } },
    })
  })

  it("caches the credential until shortly before expirationTimestamp, and again after invalidate (401)", async () => {
    const count = path.join(dir, "count")
    writeFileSync(count, "")
    let t = Date.parse("2030-01-01T00:00:00Z")
    const cmd = script("count.sh", `echo x >> ${count}\necho '${credential({ token: "t", expirationTimestamp: "2030-01-01T00:10:00Z" })}'`)
    const creds = new ContextCredentials(execUser(cmd), cluster, () => t)
    const runs = () => readFileSync(count, "utf8").split("\n").filter(Boolean).length
    await creds.resolve({ timeoutMs: 5000 })
    await creds.resolve({ timeoutMs: 5000 })
    expect(runs()).toBe(1)
    t += 9 * 60_000 + 45_000 // within 30 s of expiry
    await creds.resolve({ timeoutMs: 5000 })
    expect(runs()).toBe(2)
    creds.invalidate()
    await creds.resolve({ timeoutMs: 5000 })
    expect(runs()).toBe(3)
  })

  it("returns client certificates, and rejects output that is not an ExecCredential without quoting it", async () => {
    const cert = script("cert.sh", `echo '${credential({ clientCertificateData: "CERT", clientKeyData: "KEY" })}'`)
    expect(await new ContextCredentials(execUser(cert), cluster).resolve({ timeoutMs: 5000 })).toEqual({ cert: "CERT", key: "KEY" })
    const garbage = script("garbage.sh", "echo 'token=Zx81kq2mPq7Lw0 not json'")
    const err = await new ContextCredentials(execUser(garbage), cluster).resolve({ timeoutMs: 5000 }).catch((e: Error) => e)
    expect((err as Error).message).toBe('credential plugin "garbage.sh" printed no valid ExecCredential JSON')
    const wrongVersion = script("v1beta1.sh", `echo '${credential({ token: "t" }).replace("/v1", "/v1beta1")}'`)
    await expect(new ContextCredentials(execUser(wrongVersion), cluster).resolve({ timeoutMs: 5000 })).rejects.toThrow(/no ExecCredential of client.authentication.k8s.io\/v1/)
  })

  it("refuses plugins that need a terminal", async () => {
    await expect(new ContextCredentials(execUser("/bin/true", { interactiveMode: "Always" }), cluster).resolve({ timeoutMs: 5000 })).rejects.toThrow(/interactive terminal/)
  })
})

describe("ContextCredentials (gcp/azure cmd-path, token file, static)", () => {
  it("runs cmd-path asynchronously, splits cmd-args and reads token-key/expiry-key", async () => {
    const cmd = script("gcloud.sh", `sleep 0.3\n[ "$1 $2" = "config config-helper" ] && echo '{"credential":{"access_token":"ya29.tok","token_expiry":"2999-01-01T00:00:00Z"}}'`)
    const user = {
      name: "g",
      authProvider: { name: "gcp", config: { "cmd-path": cmd, "cmd-args": "config config-helper --format=json", "token-key": "{.credential.access_token}", "expiry-key": "{.credential.token_expiry}" } },
    } as unknown as User
    const creds = new ContextCredentials(user, cluster)
    expect(creds.kind).toBe("gcp")
    const { ticks, result } = await ticksDuring(creds.resolve({ timeoutMs: 5000 }))
    expect(result).toEqual({ status: "fulfilled", value: { token: "ya29.tok" } })
    expect(ticks).toBeGreaterThan(10)
  })

  it("uses a still-valid access-token without running anything", async () => {
    const user = { name: "a", authProvider: { name: "azure", config: { "access-token": "az", "expires-on": "32503680000", "cmd-path": "/nonexistent" } } } as unknown as User
    expect(await new ContextCredentials(user, cluster).resolve({ timeoutMs: 5000 })).toEqual({ token: "az" })
  })

  it("reads token files asynchronously and says so when they are missing", async () => {
    const file = path.join(dir, "sa-token")
    writeFileSync(file, "sa-token-value\n")
    const user = (tokenFile: string) => ({ name: "f", authProvider: { name: "tokenFile", config: { tokenFile } } }) as unknown as User
    expect(await new ContextCredentials(user(file), cluster).resolve({ timeoutMs: 5000 })).toEqual({ token: "sa-token-value" })
    await expect(new ContextCredentials(user(path.join(dir, "none")), cluster).resolve({ timeoutMs: 5000 })).rejects.toThrow(/^the token file could not be read \(ENOENT\)$/)
  })

  it("classifies users as client-node does", () => {
    expect(authKind({ name: "s", token: "x" } as User)).toBe("static")
    expect(authKind({ name: "o", authProvider: { name: "oidc", config: {} } } as unknown as User)).toBe("oidc")
    expect(authKind(execUser("x"))).toBe("exec")
  })

  it("jsonPathValue reads {.a.b} and refuses anything else", () => {
    expect(jsonPathValue({ a: { b: 1 } }, "{.a.b}")).toBe(1)
    expect(() => jsonPathValue({}, "{.a[0]}")).toThrow(/unsupported key template/)
  })
})
