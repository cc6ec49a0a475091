import "server-only"
// The only module that turns kubeconfig credentials into HTTP requests. Credentials stay in this
// process: nothing from KubeConfig is ever copied into a report or an error message.
//
// One ClusterConnection per context lives as long as the kubeconfig does: its credentials
// (plugin results, token cache) and its keep-alive agent are reused by every report.
import http from "node:http"
import https from "node:https"
import zlib from "node:zlib"
import { KubeConfig, type User } from "@kubernetes/client-node"
import { connectionRisks } from "./analyze"
import type { Transport } from "./api-reader"
import { ContextCredentials, CredentialError, type Credentials } from "./credentials"
import type { RiskFlag } from "./types"

const MAX_BODY_BYTES = 256 * 1024 * 1024

class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}

export type ConnectionOptions = {
  maxSockets?: number
  /** Upper bound for running a credential plugin; the report deadline may cut it shorter. */
  credentialTimeoutMs?: number
}

type Tls = { identity: string; reqOpts: https.RequestOptions; agent?: http.Agent }

export class ClusterConnection {
  readonly risks: RiskFlag[]
  private readonly credentials: ContextCredentials
  private tls: Tls | undefined

  /** kc: a KubeConfig whose current context is the one to inspect (not shared with other contexts). */
  constructor(
    private readonly kc: KubeConfig,
    private readonly opts: ConnectionOptions = {},
  ) {
    const cluster = kc.getCurrentCluster()
    if (!cluster?.server) throw new TransportError("context has no cluster server", "NO_SERVER")
    this.credentials = new ContextCredentials(kc.getCurrentUser(), cluster)
    this.risks = connectionRisks(cluster)
  }

  get authKind() {
    return this.credentials.kind
  }

  /** The cluster rejected the credentials (401): run the plugin again next time. */
  invalidateCredentials(): void {
    this.credentials.invalidate()
  }

  /** Closes the connection's sockets once reports still using them can no longer be running. */
  close(afterMs = 0): void {
    const agent = this.tls?.agent
    this.tls = undefined
    if (agent) setTimeout(() => agent.destroy(), afterMs).unref()
  }

  /**
   * Resolves credentials (plugins get min(credentialTimeoutMs, time left before deadline)) and
   * returns a transport for one report. Rejects with a CredentialError.
   */
  async transport({ deadline, signal }: { deadline: number; signal?: AbortSignal }): Promise<Transport> {
    const timeoutMs = Math.min(this.opts.credentialTimeoutMs ?? 10_000, deadline - Date.now())
    if (timeoutMs <= 0) throw new CredentialError("no time left to obtain credentials", "timeout")
    const creds = await this.credentials.resolve({ timeoutMs, signal })
    return this.request(await this.requestOptions(creds), creds, signal)
  }

  /** TLS material, basic auth, impersonation and proxy agent exactly as client-node derives them, minus every authenticator. */
  private async requestOptions(creds: Credentials): Promise<https.RequestOptions> {
    const identity = creds.cert ? `${creds.cert}\n${creds.key}` : ""
    if (this.tls?.identity === identity) return this.tls.reqOpts
    this.close()
    const cluster = this.kc.getCurrentCluster()!
    const user = this.kc.getCurrentUser()
    const b64 = (pem: string) => Buffer.from(pem).toString("base64")
    const tlsUser: User = {
      name: "inspector",
      ...(creds.cert && creds.key
        ? { certData: b64(creds.cert), keyData: b64(creds.key) }
        : { certData: user?.certData, certFile: user?.certFile, keyData: user?.keyData, keyFile: user?.keyFile }),
      username: user?.username,
      password: user?.password,
      impersonateUser: user?.impersonateUser,
    }
    const kc = new KubeConfig()
    kc.loadFromOptions({ clusters: [cluster], users: [tlsUser], contexts: [{ name: "inspector", cluster: cluster.name, user: "inspector" }], currentContext: "inspector" })
    const reqOpts: https.RequestOptions = {}
    await kc.applyToHTTPSOptions(reqOpts)
    let agent: http.Agent | undefined
    if (!cluster.proxyUrl) {
      // client-node's agent has no keep-alive; reuse connections for the many paged lists and across reports.
      const maxSockets = this.opts.maxSockets ?? 8
      agent = cluster.server.startsWith("http:")
        ? new http.Agent({ keepAlive: true, maxSockets })
        : new https.Agent({
            ca: reqOpts.ca,
            cert: reqOpts.cert,
            key: reqOpts.key,
            pfx: reqOpts.pfx,
            passphrase: reqOpts.passphrase,
            ...(reqOpts.rejectUnauthorized !== undefined ? { rejectUnauthorized: reqOpts.rejectUnauthorized } : {}),
            ...(cluster.tlsServerName ? { servername: cluster.tlsServerName } : {}),
            keepAlive: true,
            maxSockets,
          })
      reqOpts.agent = agent
    }
    this.tls = { identity, reqOpts, agent }
    return reqOpts
  }

  private request(reqOpts: https.RequestOptions, creds: Credentials, signal: AbortSignal | undefined): Transport {
    const base = new URL(this.kc.getCurrentCluster()!.server)
    const headers: Record<string, string> = { ...(reqOpts.headers as Record<string, string> | undefined) }
    if (creds.token) headers.Authorization = `Bearer ${creds.token}`
    const basePath = base.pathname.replace(/\/+$/, "")
    const mod = base.protocol === "http:" ? http : https

    // A cancelled report (past its deadline) ends every request it still has open.
    const open = new Set<http.ClientRequest>()
    const cancelled = () => new TransportError("the report was stopped", "INSPECTOR_TIMEOUT")
    signal?.addEventListener("abort", () => open.forEach((req) => req.destroy(cancelled())), { once: true })

    return (path, { accept, timeoutMs }) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(cancelled())
        const url = new URL(base.origin + basePath + path)
        const req = mod.request(url, {
          ...reqOpts,
          method: "GET",
          headers: { ...headers, Accept: accept, "Accept-Encoding": "gzip", "User-Agent": "k8s-extension-advisor-inspector" },
        })
        open.add(req)
        req.on("close", () => open.delete(req))
        const timer = setTimeout(() => req.destroy(new TransportError(`timed out after ${timeoutMs} ms`, "INSPECTOR_TIMEOUT")), timeoutMs)
        req.on("response", (res) => {
          const stream = res.headers["content-encoding"] === "gzip" ? res.pipe(zlib.createGunzip()) : res
          const chunks: Buffer[] = []
          let size = 0
          stream.on("data", (c: Buffer) => {
            size += c.length
            if (size > MAX_BODY_BYTES) req.destroy(new TransportError("response too large", "INSPECTOR_TOO_LARGE"))
            else chunks.push(c)
          })
          stream.on("end", () => {
            clearTimeout(timer)
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") })
          })
          stream.on("error", (err) => {
            clearTimeout(timer)
            reject(err)
          })
        })
        req.on("error", (err) => {
          clearTimeout(timer)
          reject(err)
        })
        req.end()
      })
  }
}

/** One-off transport for scripts and tests (demo recording, benchmarks); the server uses ClusterConnection. */
export async function createTransport(kc: KubeConfig, opts: ConnectionOptions = {}): Promise<Transport> {
  return new ClusterConnection(kc, opts).transport({ deadline: Date.now() + (opts.credentialTimeoutMs ?? 10_000) })
}
