import "server-only"
// The only module that turns kubeconfig credentials into HTTP requests. Credentials stay in this
// process: nothing from KubeConfig is ever copied into a report or an error message.
import http from "node:http"
import https from "node:https"
import zlib from "node:zlib"
import type { KubeConfig } from "@kubernetes/client-node"
import type { Transport } from "./inspect"

const MAX_BODY_BYTES = 256 * 1024 * 1024

class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}

export async function createTransport(kc: KubeConfig, opts: { maxSockets?: number } = {}): Promise<Transport> {
  const cluster = kc.getCurrentCluster()
  if (!cluster?.server) throw new TransportError("context has no cluster server", "NO_SERVER")
  const base = new URL(cluster.server)
  const reqOpts: https.RequestOptions = {}
  // Resolves exec/token-file credentials and TLS material exactly as client-node does.
  await kc.applyToHTTPSOptions(reqOpts)
  if (!cluster.proxyUrl) {
    // client-node's agent has no keep-alive; reuse connections for the many paged lists.
    const agentOpts = {
      ca: reqOpts.ca,
      cert: reqOpts.cert,
      key: reqOpts.key,
      pfx: reqOpts.pfx,
      passphrase: reqOpts.passphrase,
      ...(reqOpts.rejectUnauthorized !== undefined ? { rejectUnauthorized: reqOpts.rejectUnauthorized } : {}),
      ...(cluster.tlsServerName ? { servername: cluster.tlsServerName } : {}),
      keepAlive: true,
      maxSockets: opts.maxSockets ?? 8,
    }
    reqOpts.agent = base.protocol === "http:" ? new http.Agent({ keepAlive: true, maxSockets: agentOpts.maxSockets }) : new https.Agent(agentOpts)
  }
  const headers = { ...(reqOpts.headers as Record<string, string> | undefined) }
  const basePath = base.pathname.replace(/\/+$/, "")
  const mod = base.protocol === "http:" ? http : https

  return (path, { accept, timeoutMs }) =>
    new Promise((resolve, reject) => {
      const url = new URL(base.origin + basePath + path)
      const req = mod.request(url, {
        ...reqOpts,
        method: "GET",
        headers: { ...headers, Accept: accept, "Accept-Encoding": "gzip", "User-Agent": "k8s-extension-advisor-inspector" },
      })
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
