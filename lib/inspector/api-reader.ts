// The one place where the inspector talks to the API: every GET goes through here, so the
// per-request timeout, the whole-report deadline, the concurrency limit and the classification
// of failures (forbidden / not served / error / timeout) are decided once for all sections.
import { servedVersion, type Discovery } from "./discovery"
import { createLimiter } from "./report-cache"
import { INSPECTED_RESOURCES, type InspectedResource, type ResourceKey } from "./resources"
import { networkReason, statusReason } from "./sanitize"
import type { InspectError, ResourceRead, SectionStatus } from "./types"

export type HttpResponse = { status: number; body: string }
/** GET a path on the apiserver. Rejects on network errors (with .code) and on timeout (code INSPECTOR_TIMEOUT). */
export type Transport = (path: string, opts: { accept: string; timeoutMs: number }) => Promise<HttpResponse>

export const JSON_ACCEPT = "application/json"

export class RequestFailure extends Error {
  constructor(
    readonly status: SectionStatus,
    readonly reason: string,
  ) {
    super(reason)
  }
}

function classifyHttp(res: HttpResponse): RequestFailure | undefined {
  if (res.status >= 200 && res.status < 300) return undefined
  const reason = statusReason(res.status, res.body)
  if (res.status === 403) return new RequestFailure("forbidden", reason)
  if (res.status === 404) return new RequestFailure("unavailable", "not served by this cluster (404)")
  if (res.status === 503) return new RequestFailure("unavailable", reason)
  return new RequestFailure("error", reason)
}

export function classifyThrown(err: unknown, timeoutMs: number): RequestFailure {
  if (err instanceof RequestFailure) return err
  if ((err as { code?: string })?.code === "INSPECTOR_TIMEOUT") return new RequestFailure("error", `timed out after ${timeoutMs} ms`)
  return new RequestFailure("error", networkReason(err))
}

/** Failure of the first request (/version): ends the report with one clear error instead of 17 identical section errors. */
export function probeError(err: unknown, timeoutMs: number): InspectError {
  const f = classifyThrown(err, timeoutMs)
  if (f.reason.startsWith("HTTP 401") || f.reason.startsWith("401")) return { code: "unauthorized", message: "the cluster rejected the configured credentials (401)" }
  if (f.reason.startsWith("timed out") || f.reason === REPORT_BUDGET_EXCEEDED) return { code: "timeout", message: `cluster did not answer: ${f.reason}` }
  if (f.status === "error" && !/^\d{3}|HTTP/.test(f.reason)) return { code: "unreachable", message: `cluster unreachable: ${f.reason}` }
  return { code: "error", message: f.reason }
}

const REPORT_BUDGET_EXCEEDED = "report time budget exceeded"

export type ApiReaderOptions = {
  /** Per-request timeout. */
  requestTimeoutMs: number
  /** Epoch ms after which no request starts and running ones are cut short. */
  deadline: number
  concurrency: number
  now: () => number
}

/** GET + JSON with the request timeout capped by what is left of the report deadline. */
export function createGet(transport: Transport, opts: ApiReaderOptions) {
  const limit = createLimiter(opts.concurrency)
  return (path: string, accept = JSON_ACCEPT): Promise<unknown> =>
    limit(async () => {
      const remaining = opts.deadline - opts.now()
      if (remaining <= 0) throw new RequestFailure("error", REPORT_BUDGET_EXCEEDED)
      const timeoutMs = Math.min(opts.requestTimeoutMs, remaining)
      let res: HttpResponse
      try {
        res = await transport(path, { accept, timeoutMs })
      } catch (err) {
        throw classifyThrown(err, timeoutMs)
      }
      const failure = classifyHttp(res)
      if (failure) throw failure
      try {
        return JSON.parse(res.body) as unknown
      } catch {
        throw new RequestFailure("error", "response was not JSON")
      }
    })
}

export type Get = ReturnType<typeof createGet>

export type ListResult = { items: unknown[]; read: ResourceRead }
export type CountResult = { total: number; read: ResourceRead }

export type ResourceReader = {
  /** Every object of a resource (paged, capped at maxItems); shared by all sections that read it. */
  list: (key: ResourceKey) => Promise<ListResult>
  /** The number of objects, without transferring them when the server reports remainingItemCount. */
  count: (key: ResourceKey) => Promise<CountResult>
  servedVersion: (key: ResourceKey) => string | undefined
}

const resourcePath = (r: InspectedResource, v: string) => (r.group ? `/apis/${r.group}/${v}/${r.resource}` : `/api/${v}/${r.resource}`)
const resourceLabel = (r: InspectedResource, v?: string) => [r.group || "core", v, r.resource].filter(Boolean).join("/")

/** Reads resources of the inspected-resources table only (the same table as the deploy ClusterRole). */
export function createResourceReader(
  get: Get,
  discovery: Discovery | undefined,
  opts: { requestTimeoutMs: number; pageSize: number; maxItems: number },
): ResourceReader {
  const version = (key: ResourceKey) => servedVersion(discovery, INSPECTED_RESOURCES[key])
  const notServed = (key: ResourceKey): ResourceRead => {
    const r: InspectedResource = INSPECTED_RESOURCES[key]
    const stale = discovery?.stale.some((gv) => gv.startsWith(`${r.group}/`))
    return { resource: resourceLabel(r), status: "unavailable", reason: stale ? "API group is stale (APIService unavailable)" : "not served by this cluster" }
  }
  const failed = (key: ResourceKey, v: string, err: unknown): ResourceRead => {
    const f = classifyThrown(err, opts.requestTimeoutMs)
    return { resource: resourceLabel(INSPECTED_RESOURCES[key], v), status: f.status, reason: f.reason }
  }

  const lists = new Map<ResourceKey, Promise<ListResult>>()
  const list = (key: ResourceKey): Promise<ListResult> => {
    let p = lists.get(key)
    if (!p) {
      p = (async (): Promise<ListResult> => {
        const v = version(key)
        if (!v) return { items: [], read: notServed(key) }
        const r: InspectedResource = INSPECTED_RESOURCES[key]
        const items: unknown[] = []
        let cont: string | undefined
        let restarted = false
        try {
          do {
            const q = new URLSearchParams({ limit: String(opts.pageSize) })
            if (cont) q.set("continue", cont)
            let page: { items?: unknown[]; metadata?: { continue?: string } }
            try {
              page = (await get(`${resourcePath(r, v)}?${q}`)) as typeof page
            } catch (err) {
              // 410 Gone: the continue token expired; restart the list once from the beginning.
              if (err instanceof RequestFailure && /^410/.test(err.reason) && !restarted) {
                restarted = true
                items.length = 0
                cont = undefined
                continue
              }
              throw err
            }
            items.push(...(page.items ?? []))
            cont = page.metadata?.continue || undefined
          } while (cont && items.length < opts.maxItems)
          return { items, read: { resource: resourceLabel(r, v), status: "ok", count: items.length, ...(cont ? { truncated: true } : {}) } }
        } catch (err) {
          return { items: [], read: failed(key, v, err) }
        }
      })()
      lists.set(key, p)
    }
    return p
  }

  const counts = new Map<ResourceKey, Promise<CountResult>>()
  const count = (key: ResourceKey): Promise<CountResult> => {
    let p = counts.get(key)
    if (!p) {
      p = (async (): Promise<CountResult> => {
        const v = version(key)
        if (!v) return { total: 0, read: notServed(key) }
        const r: InspectedResource = INSPECTED_RESOURCES[key]
        try {
          // limit=1 + remainingItemCount: a count without transferring every object.
          const page = (await get(`${resourcePath(r, v)}?limit=1`)) as { items?: unknown[]; metadata?: { continue?: string; remainingItemCount?: number } }
          let total = (page.items?.length ?? 0) + (page.metadata?.remainingItemCount ?? 0)
          if (page.metadata?.continue && page.metadata.remainingItemCount === undefined) {
            const full = await list(key)
            if (full.read.status !== "ok") return { total: 0, read: full.read }
            total = full.items.length
          }
          return { total, read: { resource: resourceLabel(r, v), status: "ok", count: total } }
        } catch (err) {
          return { total: 0, read: failed(key, v, err) }
        }
      })()
      counts.set(key, p)
    }
    return p
  }

  return { list, count, servedVersion: version }
}
