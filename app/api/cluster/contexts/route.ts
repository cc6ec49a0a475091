// GET /api/cluster/contexts: names of the contexts this server may inspect (never servers or credentials).
import { z } from "zod"
import { listContexts } from "@/lib/inspector"
import { guarded, json, parseQuery, unavailable } from "../responses"

export const dynamic = "force-dynamic"
export const runtime = "nodejs"

const Query = z.strictObject({})

export function GET(request: Request): Promise<Response> {
  return guarded(() => {
    const q = parseQuery(request, Query)
    if (!q.ok) return q.response
    const r = listContexts()
    if (r.state === "disabled") return unavailable("disabled", "the cluster inspector is switched off (INSPECTOR_ENABLED=false)")
    if (r.state === "unconfigured") return unavailable("unconfigured", `no cluster configured: ${r.reason}`)
    return json({ state: "ready", contexts: r.contexts, defaultContext: r.defaultContext, source: r.source })
  })
}
