import "server-only"
// Credentials of one kubeconfig user, resolved without ever blocking the event loop.
//
// client-node 1.4 runs exec plugins with spawn but without any timeout, and the gcp/azure
// auth providers' cmd-path with execSync (a shell string that blocks the whole server until it
// returns). Here every plugin runs asynchronously, in its own process group, with a deadline
// inside the report deadline; on timeout or abort the whole group is killed. Results are cached
// per context (until expirationTimestamp, or until the cluster answers 401).
// Nothing a plugin prints reaches a client: errors are fixed phrases naming the command only.
import { spawn } from "node:child_process"
import { readFile } from "node:fs/promises"
import path from "node:path"
import { KubeConfig, type Cluster, type User } from "@kubernetes/client-node"
import { sanitizeMessage } from "./sanitize"

export type Credentials = {
  /** Bearer token for the Authorization header. */
  token?: string
  /** PEM client certificate and key returned by an exec plugin. */
  cert?: string
  key?: string
}

export class CredentialError extends Error {
  constructor(
    message: string,
    readonly code: "timeout" | "error",
  ) {
    super(message)
  }
}

const MAX_PLUGIN_OUTPUT = 1024 * 1024
/** Re-run a plugin this long before its credential expires, so a report never starts with a token about to lapse. */
const EXPIRY_MARGIN_MS = 30_000
/** client-node and client-go re-read token files every minute (projected ServiceAccount tokens rotate). */
const TOKEN_FILE_TTL_MS = 60_000

export type PluginRun = {
  command: string
  args: readonly string[]
  env?: NodeJS.ProcessEnv
  timeoutMs: number
  signal?: AbortSignal
}

const pluginName = (command: string) => path.basename(command) || "plugin"

/** Kills the plugin's whole process group (a shell script's children included). */
function killGroup(pid: number | undefined) {
  if (!pid) return
  try {
    process.kill(-pid, "SIGKILL")
  } catch {
    // already gone
  }
}

/**
 * Runs a credential plugin and resolves with its stdout. Never uses a shell; stdin is closed
 * (the inspector is never interactive). Rejects with a CredentialError that quotes no output.
 */
export function runCredentialPlugin(run: PluginRun): Promise<string> {
  const name = pluginName(run.command)
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) return reject(new CredentialError(`credential plugin "${name}" was not started: the report was cancelled`, "timeout"))
    const child = spawn(run.command, [...run.args], { env: run.env ?? process.env, stdio: ["ignore", "pipe", "pipe"], detached: true })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (err: CredentialError | undefined, out?: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      run.signal?.removeEventListener("abort", onAbort)
      if (err) {
        killGroup(child.pid)
        child.stdout?.destroy()
        child.stderr?.destroy()
        reject(err)
      } else resolve(out ?? "")
    }
    const timer = setTimeout(() => finish(new CredentialError(`credential plugin "${name}" did not finish within ${run.timeoutMs} ms and was stopped`, "timeout")), run.timeoutMs)
    const onAbort = () => finish(new CredentialError(`credential plugin "${name}" was stopped: the report ran out of time`, "timeout"))
    run.signal?.addEventListener("abort", onAbort, { once: true })
    child.stdout?.on("data", (c: Buffer) => {
      size += c.length
      if (size > MAX_PLUGIN_OUTPUT) finish(new CredentialError(`credential plugin "${name}" printed more than ${MAX_PLUGIN_OUTPUT} bytes`, "error"))
      else stdout.push(c)
    })
    child.stderr?.on("data", (c: Buffer) => {
      if (stderr.reduce((n, b) => n + b.length, 0) < 64 * 1024) stderr.push(c)
    })
    child.on("error", (err: NodeJS.ErrnoException) => {
      const why = err.code === "ENOENT" ? "was not found" : err.code === "EACCES" ? "is not executable" : "could not be started"
      finish(new CredentialError(`credential plugin "${name}" ${why}`, "error"))
    })
    child.on("close", (code, signal) => {
      if (settled) return
      if (code === 0) return finish(undefined, Buffer.concat(stdout).toString("utf8"))
      // stderr stays in the server log (sanitised), never in a response.
      const detail = sanitizeMessage(Buffer.concat(stderr).toString("utf8"), 500)
      if (detail) console.warn(`[inspector] credential plugin "${name}" failed: ${detail}`)
      finish(new CredentialError(`credential plugin "${name}" ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`, "error"))
    })
  })
}

type ExecConfig = {
  command?: string
  args?: string[]
  env?: { name?: string; value?: string }[] | null
  apiVersion?: string
  provideClusterInfo?: boolean
  interactiveMode?: string
}

type ExecCredential = {
  apiVersion?: string
  kind?: string
  status?: { token?: string; clientCertificateData?: string; clientKeyData?: string; expirationTimestamp?: string }
}

type ProviderConfig = Record<string, string | undefined>

/** The subset of kubectl JSONPath used by token-key/expiry-key: {.a.b.c}. */
export function jsonPathValue(doc: unknown, template: string): unknown {
  const m = /^\{\.([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\}$/.exec(template.trim())
  if (!m) throw new CredentialError(`unsupported key template ${JSON.stringify(sanitizeMessage(template, 60))} (use {.field.field})`, "error")
  return m[1]!.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), doc)
}

type Cached = { value: Credentials; expiresAt: number }

/** How a user authenticates, in client-node's order of authenticators. */
export type AuthKind = "exec" | "gcp" | "azure" | "oidc" | "token-file" | "static"

export function authKind(user: User | undefined | null): AuthKind {
  if (!user) return "static"
  if (user.token) return "static"
  const provider = user.authProvider as { name?: string; config?: Record<string, unknown> } | undefined
  if (user.exec || provider?.config?.exec) return "exec"
  if (provider?.name === "gcp") return "gcp"
  if (provider?.name === "azure") return "azure"
  if (provider?.config?.tokenFile) return "token-file"
  if (provider?.name === "oidc") return "oidc"
  return "static"
}

/**
 * Credentials of one context for the process lifetime: the plugin result (and client-node's OIDC
 * state) is kept between reports until it expires or the cluster rejects it.
 */
export class ContextCredentials {
  private cached: Cached | undefined
  private oidc: KubeConfig | undefined
  readonly kind: AuthKind

  constructor(
    private readonly user: User | null | undefined,
    private readonly cluster: Cluster | null | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.kind = authKind(user)
  }

  /** Drops the cached credential (the cluster answered 401): the next report runs the plugin again. */
  invalidate(): void {
    this.cached = undefined
  }

  async resolve(opts: { timeoutMs: number; signal?: AbortSignal }): Promise<Credentials> {
    if (this.cached && this.now() < this.cached.expiresAt) return this.cached.value
    this.cached = undefined
    const fresh = await this.obtain(opts)
    this.cached = fresh
    return fresh.value
  }

  private async obtain(opts: { timeoutMs: number; signal?: AbortSignal }): Promise<Cached> {
    const user = this.user
    const provider = (user?.authProvider ?? {}) as { name?: string; config?: ProviderConfig & { exec?: ExecConfig } }
    switch (this.kind) {
      case "static":
        return { value: user?.token ? { token: user.token } : {}, expiresAt: Infinity }
      case "exec":
        return this.exec((user?.exec ?? provider.config?.exec) as ExecConfig, opts)
      case "gcp":
      case "azure":
        return this.cmdPath(provider.config ?? {}, opts)
      case "token-file": {
        let token: string
        try {
          token = (await readFile(String(provider.config?.tokenFile))).toString("utf8").trim()
        } catch (err) {
          throw new CredentialError(`the token file could not be read (${(err as NodeJS.ErrnoException).code ?? "error"})`, "error")
        }
        return { value: { token }, expiresAt: this.now() + TOKEN_FILE_TTL_MS }
      }
      case "oidc":
        return this.openIdConnect(opts)
    }
  }

  private async exec(exec: ExecConfig, opts: { timeoutMs: number; signal?: AbortSignal }): Promise<Cached> {
    if (!exec.command) throw new CredentialError("the kubeconfig's exec section names no command", "error")
    const name = pluginName(exec.command)
    // Like client-go: a plugin that insists on a terminal cannot run on a server.
    if (exec.interactiveMode === "Always") throw new CredentialError(`credential plugin "${name}" requires an interactive terminal (interactiveMode: Always)`, "error")
    const env: NodeJS.ProcessEnv = { ...process.env }
    for (const e of exec.env ?? []) if (e.name) env[e.name] = e.value ?? ""
    const spec: Record<string, unknown> = { interactive: false }
    if (exec.provideClusterInfo && this.cluster) {
      spec.cluster = {
        server: this.cluster.server,
        ...(this.cluster.tlsServerName ? { "tls-server-name": this.cluster.tlsServerName } : {}),
        ...(this.cluster.skipTLSVerify ? { "insecure-skip-tls-verify": true } : {}),
        ...(this.cluster.caData ? { "certificate-authority-data": this.cluster.caData } : {}),
      }
    }
    env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion: exec.apiVersion, kind: "ExecCredential", spec })
    const stdout = await runCredentialPlugin({ command: exec.command, args: exec.args ?? [], env, ...opts })
    let cred: ExecCredential
    try {
      cred = JSON.parse(stdout) as ExecCredential
    } catch {
      throw new CredentialError(`credential plugin "${name}" printed no valid ExecCredential JSON`, "error")
    }
    const s = cred?.status
    if (cred?.kind !== "ExecCredential" || !s || (exec.apiVersion && cred.apiVersion !== exec.apiVersion)) {
      throw new CredentialError(`credential plugin "${name}" printed no ExecCredential of ${exec.apiVersion ?? "the expected version"}`, "error")
    }
    if (!s.token && !(s.clientCertificateData && s.clientKeyData)) {
      throw new CredentialError(`credential plugin "${name}" returned neither a token nor a client certificate and key`, "error")
    }
    return {
      value: { ...(s.token ? { token: s.token } : {}), ...(s.clientCertificateData && s.clientKeyData ? { cert: s.clientCertificateData, key: s.clientKeyData } : {}) },
      expiresAt: this.expiry(s.expirationTimestamp),
    }
  }

  /** gcp/azure auth providers: a still-valid access-token, else run cmd-path (asynchronously, no shell). */
  private async cmdPath(config: ProviderConfig, opts: { timeoutMs: number; signal?: AbortSignal }): Promise<Cached> {
    const stored = config["access-token"]
    const storedExpiry = config.expiry ? Date.parse(config.expiry) : config["expires-on"] ? Number.parseInt(config["expires-on"], 10) * 1000 : Infinity
    if (stored && !(storedExpiry <= this.now())) return { value: { token: stored }, expiresAt: storedExpiry - EXPIRY_MARGIN_MS }
    const cmd = config["cmd-path"]
    if (!cmd) throw new CredentialError(`the ${this.kind} auth provider's access token has expired and no cmd-path is set to refresh it`, "error")
    // client-go: cmd-args split on whitespace; without them, cmd-path itself may carry arguments.
    const fields = config["cmd-args"] !== undefined ? [cmd, ...config["cmd-args"].split(/\s+/).filter(Boolean)] : cmd.split(/\s+/).filter(Boolean)
    const name = pluginName(fields[0]!)
    const stdout = await runCredentialPlugin({ command: fields[0]!, args: fields.slice(1), ...opts })
    let doc: unknown
    try {
      doc = JSON.parse(stdout)
    } catch {
      throw new CredentialError(`credential command "${name}" printed no valid JSON`, "error")
    }
    const token = jsonPathValue(doc, config["token-key"] || "{.access_token}")
    if (typeof token !== "string" || !token) throw new CredentialError(`credential command "${name}" printed no token at ${config["token-key"] || "{.access_token}"}`, "error")
    const expiry = jsonPathValue(doc, config["expiry-key"] || "{.token_expiry}")
    return { value: { token }, expiresAt: this.expiry(typeof expiry === "string" ? expiry : undefined) }
  }

  /** OIDC refresh is already asynchronous in client-node (HTTP to the issuer); bound it by the deadline. */
  private async openIdConnect(opts: { timeoutMs: number; signal?: AbortSignal }): Promise<Cached> {
    if (!this.oidc) {
      // Only the auth-provider: no certificate files to read, no agent that matters.
      this.oidc = new KubeConfig()
      this.oidc.loadFromOptions({
        clusters: [{ name: "oidc", server: "https://127.0.0.1", skipTLSVerify: false }],
        users: [{ name: "oidc", authProvider: this.user?.authProvider }],
        contexts: [{ name: "oidc", cluster: "oidc", user: "oidc" }],
        currentContext: "oidc",
      })
    }
    const headers: Record<string, string> = {}
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      this.oidc.applyToHTTPSOptions({ headers }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new CredentialError(`OIDC token refresh did not finish within ${opts.timeoutMs} ms`, "timeout")), opts.timeoutMs)
      }),
    ]).finally(() => clearTimeout(timer))
    const token = /^Bearer (.+)$/.exec(headers.Authorization ?? "")?.[1]
    // client-node keeps the refreshed id-token itself; ask it again on every report (cheap while valid).
    return { value: token ? { token } : {}, expiresAt: 0 }
  }

  private expiry(timestamp: string | undefined): number {
    if (!timestamp) return Infinity // valid until the cluster answers 401, as in client-go
    const t = Date.parse(timestamp)
    return Number.isFinite(t) ? t - EXPIRY_MARGIN_MS : 0
  }
}
