// The inspector's entry point with real kubeconfig files and real plugin processes. The clusters
// here are closed ports (the cluster tier, inspector.cluster.test.ts, runs the same scenarios
// against the real kube-apiserver); what is tested is credentials, deadlines and caching.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { stringify } from "yaml"
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest"
import { getReport, listContexts } from "./index"
import { running, waitFor, writeScript } from "./testing/process"

vi.mock("server-only", () => ({}))

const dir = mkdtempSync(path.join(os.tmpdir(), "inspector-index-"))
const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

let closed = ""
beforeAll(async () => {
  const srv = net.createServer()
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()))
  closed = `https://127.0.0.1:${(srv.address() as net.AddressInfo).port}`
  await new Promise((r) => srv.close(r))
})

const script = (name: string, body: string) => writeScript(dir, name, body)

type Ctx = { name: string; server?: string; user: Record<string, unknown> }

function kubeconfig(file: string, contexts: Ctx[]): string {
  const p = path.join(dir, file)
  writeFileSync(
    p,
    stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: contexts.map((c) => ({ name: c.name, cluster: { server: c.server ?? closed } })),
      users: contexts.map((c) => ({ name: c.name, user: c.user })),
      contexts: contexts.map((c) => ({ name: c.name, context: { cluster: c.name, user: c.name } })),
      "current-context": contexts[0]!.name,
    }),
  )
  return p
}

const exec = (command: string) => ({ exec: { apiVersion: "client.authentication.k8s.io/v1", command, interactiveMode: "Never" } })
const counter = (name: string) => {
  const file = path.join(dir, `${name}.count`)
  writeFileSync(file, "")
  return { file, runs: () => readFileSync(file, "utf8").split("\n").filter(Boolean).length }
}
const tokenPlugin = (name: string, countFile: string) =>
  script(name, `echo run >> ${countFile}\necho '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t"}}'`)

describe("getReport: credential plugins", () => {
  it("a stalled exec plugin fails its context with a timeout within the budget, is killed, and blocks nothing else", async () => {
    const pidFile = path.join(dir, "stalled.pid")
    const stalled = script("stalled-plugin.sh", `echo $$ > ${pidFile}\nexec sleep 1000`)
    process.env.KUBECONFIG = kubeconfig("stalled.yaml", [
      { name: "stalled", user: exec(stalled) },
      { name: "other", user: { token: "t" } },
    ])
    process.env.INSPECTOR_CREDENTIAL_TIMEOUT_MS = "1000"
    process.env.INSPECTOR_REPORT_TIMEOUT_MS = "3000"
    const t0 = Date.now()
    const stuck = getReport("stalled")
    const other = await getReport("other")
    expect(Date.now() - t0).toBeLessThan(900) // answered while the plugin still hangs
    expect(other).toMatchObject({ ok: false, kind: "cluster", error: { code: "unreachable" } })
    const r = await stuck
    expect(Date.now() - t0).toBeLessThan(2000)
    expect(r).toMatchObject({ ok: false, kind: "cluster", error: { code: "timeout", message: 'credential plugin "stalled-plugin.sh" did not finish within 1000 ms and was stopped' } })
    expect(await waitFor(() => !running(Number(readFileSync(pidFile, "utf8"))))).toBe(true)
    // A later request (refresh included) does not join the dead attempt: it gets the cached failure at once.
    const t1 = Date.now()
    const again = await getReport("stalled", { refresh: true })
    expect(Date.now() - t1).toBeLessThan(100)
    expect(again).toMatchObject({ ok: false, error: { code: "timeout" }, cached: true })
  })

  it("a gcp cmd-path provider never blocks the server while it runs", async () => {
    const gcloud = script("gcloud", `sleep 1\necho '{"credential":{"access_token":"ya29.x","token_expiry":"2999-01-01T00:00:00Z"}}'`)
    process.env.KUBECONFIG = kubeconfig("gcp.yaml", [
      { name: "gke", user: { "auth-provider": { name: "gcp", config: { "cmd-path": gcloud, "cmd-args": "config config-helper --format=json", "token-key": "{.credential.access_token}", "expiry-key": "{.credential.token_expiry}" } } } },
    ])
    let ticks = 0
    const timer = setInterval(() => ticks++, 10)
    const r = await getReport("gke")
    clearInterval(timer)
    expect(r).toMatchObject({ ok: false, error: { code: "unreachable" } }) // the token was obtained; the (closed) cluster was tried
    expect(ticks).toBeGreaterThan(40)
  })

  it("plugin output never reaches the error", async () => {
    const leaky = script("leaky-plugin", `echo 'client_secret: s3cr3t-Pa55' >&2\necho 'token=Zx81kq2mPq7Lw0 password: hunter2'`)
    process.env.KUBECONFIG = kubeconfig("leaky.yaml", [{ name: "leaky", user: exec(leaky) }])
    const r = await getReport("leaky")
    expect(r).toMatchObject({ ok: false, error: { code: "error", message: 'credential plugin "leaky-plugin" printed no valid ExecCredential JSON' } })
    expect(JSON.stringify(r)).not.toMatch(/Zx81|hunter2|s3cr3t|\/tmp\//)
  })
})

describe("getReport: one connection per context, caching", () => {
  it("keeps each context's credentials between reports and caches failures briefly", async () => {
    const a = counter("a")
    process.env.KUBECONFIG = kubeconfig("cache.yaml", [{ name: "a", user: exec(tokenPlugin("a-plugin", a.file)) }])
    process.env.INSPECTOR_FAILURE_CACHE_SECONDS = "30"
    const first = await getReport("a")
    expect(first).toMatchObject({ ok: false, cached: false, error: { code: "unreachable" } })
    const second = await getReport("a")
    expect(second).toMatchObject({ ok: false, cached: true, error: { code: "unreachable" } })
    // kept 30 s, but refresh=1 may try again after the 10 s refresh interval
    expect(second.ok === false && second.kind === "cluster" && second.retryAfterMs).toBeGreaterThan(9000)
    expect(second.ok === false && second.kind === "cluster" && second.retryAfterMs).toBeLessThanOrEqual(10_000)
    // refresh=1 within the refresh interval: still the cached failure
    expect(await getReport("a", { refresh: true })).toMatchObject({ cached: true })
    expect(a.runs()).toBe(1)

    process.env.INSPECTOR_FAILURE_CACHE_SECONDS = "0" // new settings: failures are retried every time
    await getReport("a")
    await getReport("a")
    expect(a.runs()).toBe(2) // once for the new settings' connection, then the token was kept
  })

  it("reloads the kubeconfig when the file changes", async () => {
    const b = counter("b")
    const file = kubeconfig("reload.yaml", [{ name: "before", user: exec(tokenPlugin("b-plugin", b.file)) }])
    process.env.KUBECONFIG = file
    process.env.INSPECTOR_FAILURE_CACHE_SECONDS = "0"
    expect(listContexts()).toMatchObject({ state: "ready", contexts: ["before"] })
    await getReport("before")
    await getReport("before")
    expect(b.runs()).toBe(1)
    kubeconfig("reload.yaml", [
      { name: "before", user: exec(tokenPlugin("b-plugin", b.file)) },
      { name: "after", user: { token: "t" } },
    ])
    expect(listContexts()).toMatchObject({ state: "ready", contexts: ["before", "after"] })
    await getReport("before")
    expect(b.runs()).toBe(2) // a changed file means fresh credentials too
  })
})
