// GET /api/cluster/contexts: names of the contexts this server may inspect (never servers or credentials).
import { listContexts } from "@/lib/inspector"
import { json, unavailable } from "../responses"

export const dynamic = "force-dynamic"
export const runtime = "nodejs"

export function GET(): Response {
  const r = listContexts()
  if (r.state === "disabled") return unavailable("disabled", "the cluster inspector is switched off (INSPECTOR_ENABLED=false)")
  if (r.state === "unconfigured") return unavailable("unconfigured", `no cluster configured: ${r.reason}`)
  return json({ state: "ready", contexts: r.contexts, defaultContext: r.defaultContext, source: r.source })
}
