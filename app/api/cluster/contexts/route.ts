// GET /api/cluster/contexts: names of the contexts this server may inspect (never servers or credentials).
import { z } from "zod"
import { listContexts } from "@/lib/inspector"
import { guarded, json, parseQuery } from "../responses"

export const dynamic = "force-dynamic"
export const runtime = "nodejs"

const Query = z.strictObject({})

// "Switched off" and "no cluster configured" are normal answers to "which contexts?", not
// failures: 200 with the state and no contexts, so browsers log no error on every page load.
// The report route still answers 503 for them (a report was asked for and cannot be made).
export function GET(request: Request): Promise<Response> {
  return guarded(() => {
    const q = parseQuery(request, Query)
    if (!q.ok) return q.response
    const r = listContexts()
    if (r.state === "disabled") return json({ state: "disabled", contexts: [], error: { code: "disabled", message: "the cluster inspector is switched off (INSPECTOR_ENABLED=false)" } })
    if (r.state === "unconfigured") return json({ state: "unconfigured", contexts: [], error: { code: "unconfigured", message: `no cluster configured: ${r.reason}` } })
    return json({ state: "ready", contexts: r.contexts, defaultContext: r.defaultContext, source: r.source })
  })
}
