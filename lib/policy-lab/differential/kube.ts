// A minimal REST client for the differential harness: raw status, body, every Warning header
// and an optional impersonated user, which client-node's typed APIs hide.
import https from "node:https"
import { KubeConfig } from "@kubernetes/client-node"

export type KubeResponse = { status: number; body: unknown; warnings: string[] }

export type Kube = {
  request(method: string, path: string, body?: unknown, opts?: { impersonate?: { user: string; groups: string[] }; userAgent?: string }): Promise<KubeResponse>
}

/** Parses `299 - "text"` Warning header values (RFC 7234 quoting, as k8s.io/apiserver writes them). */
export function parseWarning(value: string): string {
  const m = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(value)
  if (!m) return value
  return m[1]!.replace(/\\(.)/g, "$1")
}

export async function kubeClient(kubeconfigFile: string): Promise<Kube> {
  const kc = new KubeConfig()
  kc.loadFromFile(kubeconfigFile)
  const opts: https.RequestOptions = {}
  await kc.applyToHTTPSOptions(opts)
  const server = kc.getCurrentCluster()!.server
  const agent = new https.Agent({ ca: opts.ca, cert: opts.cert, key: opts.key, keepAlive: true, maxSockets: 8 })
  // A new connection for every request: for sending again after a kept-alive one failed.
  const freshAgent = new https.Agent({ ca: opts.ca, cert: opts.cert, key: opts.key, keepAlive: false })
  const once = (method: string, path: string, body: unknown, o: { impersonate?: { user: string; groups: string[] }; userAgent?: string }, agent: https.Agent): Promise<KubeResponse> =>
      new Promise((resolve, reject) => {
        const headers: Record<string, string | string[]> = { ...(opts.headers as Record<string, string>), Accept: "application/json" }
        if (body !== undefined) headers["Content-Type"] = "application/json"
        if (o.impersonate) {
          headers["Impersonate-User"] = o.impersonate.user
          headers["Impersonate-Group"] = o.impersonate.groups
        }
        if (o.userAgent) headers["User-Agent"] = o.userAgent
        const req = https.request(new URL(path, server), { method, headers, agent, timeout: 120_000 }, (res) => {
          const chunks: Buffer[] = []
          res.on("data", (c: Buffer) => chunks.push(c))
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8")
            const warnings: string[] = []
            for (let i = 0; i < res.rawHeaders.length; i += 2) if (res.rawHeaders[i]!.toLowerCase() === "warning") warnings.push(parseWarning(res.rawHeaders[i + 1]!))
            let parsed: unknown = text
            try {
              parsed = JSON.parse(text)
            } catch {
              // not JSON
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, warnings })
          })
        })
        req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timeout`)))
        req.on("error", reject)
        req.end(body === undefined ? undefined : JSON.stringify(body))
      })
  return {
    // A kept-alive connection the apiserver closed in the meantime (it drops connections idle for
    // 90 s; the lab side blocks this thread for long stretches on a loaded machine, so the close
    // can be noticed only when the socket is written) fails with EPIPE/ECONNRESET before any
    // response. Such a request is sent again on a new connection, not on another pooled one that
    // may be just as stale (dry runs and GETs are safe to repeat, and a write that failed with EPIPE
    // never reached the apiserver). The error names the request.
    request: async (method, path, body, o = {}) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(method, path, body, o, attempt === 1 ? agent : freshAgent)
        } catch (err) {
          const code = (err as { code?: string }).code
          if (attempt >= 3 || (code !== "EPIPE" && code !== "ECONNRESET")) throw new Error(`${method} ${path} (attempt ${attempt}): ${String(err)}`, { cause: err })
        }
      }
    },
  }
}

/** The REST path of an object's collection or of the object itself. */
export function restPath(r: { group: string; version: string; resource: string; namespaced: boolean }, namespace?: string, name?: string): string {
  const base = r.group === "" ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`
  const ns = r.namespaced && namespace ? `/namespaces/${namespace}` : ""
  return `${base}${ns}/${r.resource}${name ? `/${name}` : ""}`
}
