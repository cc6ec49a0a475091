// GET /api/cluster/report?context=<name>[&refresh=1] | ?demo=1
// Thin: validate query -> lib/inspector -> JSON. Errors are already sanitised by the library.
// Reports are no-store for outside caches; the server's own cache (lib/http/response-cache.ts)
// keeps a report answer as long as the inspector would serve the same report, and is purged when
// a new one is read. Clients add the Age header to ageMs.
import { z } from "zod"
import { purgeServerCache, serverCacheFor } from "@/lib/http/response-cache"
import { getReport, listContexts } from "@/lib/inspector"
import { demoReport } from "@/lib/inspector/demo"
import { badRequest, guarded, json, parseQuery, reportJson, unavailable } from "../responses"

export const dynamic = "force-dynamic"
export const runtime = "nodejs"

const flag = z.enum(["0", "1", "true", "false"], { message: 'must be "1" or "0"' }).optional()

const Query = z.strictObject({
  // Kubeconfig context names are free-form; bound length and refuse control characters.
  context: z
    .string()
    .min(1, "must not be empty")
    .max(253, "must be at most 253 characters")
    .regex(/^[^\p{Cc}]+$/u, "must not contain control characters")
    .optional(),
  refresh: flag,
  demo: flag,
})

const truthy = (v: string | undefined) => v === "1" || v === "true"
// One object for the process, so its serialised body is prepared once.
const demo = demoReport()
const seconds = (ms: number) => Math.ceil(ms / 1000)
const REPORT_PATH = "/api/cluster/report"
// The demo report is fixed for the build; the server cache may keep it for an hour.
const DEMO_SERVER_CACHE_SECONDS = 3600

export function GET(request: Request): Promise<Response> {
  return guarded(async () => {
    const parsed = parseQuery(request, Query)
    if (!parsed.ok) return parsed.response
    const q = parsed.value
    if (truthy(q.demo)) {
      if (listContexts().state === "disabled") return unavailable("disabled", "the cluster inspector is switched off (INSPECTOR_ENABLED=false)")
      return reportJson(demo, { cached: true, ageMs: 0 }, serverCacheFor(DEMO_SERVER_CACHE_SECONDS))
    }
    const refresh = truthy(q.refresh)
    const r = await getReport(q.context, { refresh })
    if (r.ok) {
      // A new read: answers the server cache kept from the old one are stale for every context's URL.
      if (!r.cached) purgeServerCache(REPORT_PATH)
      return reportJson(r.report, {
        cached: r.cached,
        ageMs: r.ageMs,
        // refresh=1 too soon after the last read: the cached report, and when a new read is possible.
        refreshLimited: r.refreshLimited ? { retryAfterSeconds: seconds(r.refreshLimited.retryAfterMs), intervalSeconds: seconds(r.refreshLimited.intervalMs) } : undefined,
      }, refresh ? {} : serverCacheFor(r.freshForMs / 1000))
    }
    if (r.kind !== "cluster") {
      if (r.kind === "unknown-context") return badRequest([{ field: "context", message: r.message }])
      return unavailable(r.kind, r.message)
    }
    const retryAfterSeconds = seconds(r.retryAfterMs)
    return json(
      { error: r.error, cached: r.cached, ageMs: r.ageMs, retryAfterSeconds },
      r.error.code === "timeout" ? 504 : 502,
      retryAfterSeconds > 0 ? { "Retry-After": String(retryAfterSeconds) } : {},
    )
  })
}
