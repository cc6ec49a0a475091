// GET /api/cluster/report?context=<name>[&refresh=1] | ?demo=1
// Thin: validate query -> lib/inspector -> JSON. Errors are already sanitised by the library.
import { z } from "zod"
import { getReport, listContexts } from "@/lib/inspector"
import { demoReport } from "@/lib/inspector/demo"
import { badRequest, json, unavailable } from "../responses"

export const dynamic = "force-dynamic"
export const runtime = "nodejs"

const Query = z.object({
  // Kubeconfig context names are free-form; bound length and refuse control characters.
  context: z
    .string()
    .min(1, "must not be empty")
    .max(253, "must be at most 253 characters")
    .regex(/^[^\p{Cc}]+$/u, "must not contain control characters")
    .optional(),
  refresh: z.enum(["0", "1", "true", "false"], { message: 'must be "1" or "0"' }).optional(),
  demo: z.enum(["0", "1", "true", "false"], { message: 'must be "1" or "0"' }).optional(),
})

const truthy = (v: string | undefined) => v === "1" || v === "true"

export async function GET(request: Request): Promise<Response> {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = Query.safeParse(params)
  if (!parsed.success) {
    return badRequest(parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? "query"), message: i.message })))
  }
  const q = parsed.data
  if (truthy(q.demo)) {
    if (listContexts().state === "disabled") return unavailable("disabled", "the cluster inspector is switched off (INSPECTOR_ENABLED=false)")
    return json({ report: demoReport(), cached: true, ageMs: 0 })
  }
  const r = await getReport(q.context, { refresh: truthy(q.refresh) })
  if (r.ok) return json({ report: r.report, cached: r.cached, ageMs: r.ageMs })
  if (r.kind !== "cluster") {
    if (r.kind === "unknown-context") return badRequest([{ field: "context", message: r.message }])
    return unavailable(r.kind, r.message)
  }
  const status = r.error.code === "timeout" ? 504 : 502
  return json({ error: r.error }, status)
}
