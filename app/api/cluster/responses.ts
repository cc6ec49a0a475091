// Shared responses and query parsing of the cluster routes. Never stored by any cache, errors
// included: reports reflect live cluster state and are per server.
import { randomUUID } from "node:crypto"
import type { z } from "zod"
import type { ClusterReport } from "@/lib/inspector"
import { reportBody } from "./report-body"

const NO_STORE = { "Cache-Control": "no-store" }

export type FieldError = { field: string; message: string }

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...headers, ...NO_STORE } })
}

/** A report response (report serialised once per report, see report-body.ts), no-store like every other. */
export function reportJson(report: ClusterReport, rest: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(reportBody(report, rest) as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": "application/json", ...NO_STORE, ...headers } })
}

export function unavailable(state: "disabled" | "unconfigured", message: string): Response {
  return json({ state, error: { code: state, message } }, 503)
}

export function badRequest(errors: FieldError[]): Response {
  return json({ errors }, 400)
}

/**
 * Query parameters against a strict schema: each parameter at most once (a repeated one would
 * otherwise be silently reduced to one value), unknown names are field errors too.
 */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): { ok: true; value: z.infer<S> } | { ok: false; response: Response } {
  const params = new URL(request.url).searchParams
  const errors: FieldError[] = []
  const seen = new Set<string>()
  for (const key of params.keys()) {
    if (seen.has(key) && !errors.some((e) => e.field === key)) errors.push({ field: key, message: "must be given at most once" })
    seen.add(key)
  }
  const parsed = schema.safeParse(Object.fromEntries(params))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") for (const key of issue.keys) errors.push({ field: key, message: "unknown parameter" })
      else errors.push({ field: String(issue.path[0] ?? "query"), message: issue.message })
    }
  }
  return errors.length > 0 || !parsed.success ? { ok: false, response: badRequest(errors) } : { ok: true, value: parsed.data }
}

/** Any unexpected exception: logged with a request id, answered as JSON (still no-store). */
export async function guarded(handler: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await handler()
  } catch (err) {
    const requestId = randomUUID()
    console.error(`[cluster api] request ${requestId} failed:`, err)
    return json({ error: { code: "internal", message: "internal error", requestId } }, 500)
  }
}
