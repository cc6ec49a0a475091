// POST /api/policy-lab/live: evaluate a policy against the objects already in a cluster context.
// Reads with GET/LIST only (the inspector's read-only transport), never Secrets; streams NDJSON
// events (plan, compiled, rows, progress, resource, done | error) so the first table shows early.
// GET: the server engine's state, started in the background.
import { z } from "zod"

import { guarded, parseQuery } from "@/app/api/cluster/responses"
import { listContexts, readerFor } from "@/lib/inspector"
import { nodeEngine, warmNodeEngine } from "@/lib/policy-lab/engine-node"
import { runLive, type LiveEngine, type LiveEvent } from "@/lib/policy-lab/live"
import { KUBERNETES_MINORS, type CaseResult, type CompileResult, type K8sObject } from "@/lib/policy-lab/protocol"

export const runtime = "nodejs"
export const dynamic = "force-dynamic"

const MAX_TOTAL = 20_000
const LIVE_TIMEOUT_MS = 120_000

const k8sObject = z.looseObject({ apiVersion: z.string().min(1), kind: z.string().min(1) })
const Body = z.object({
  context: z.string().min(1).max(253).regex(/^[^\p{Cc}]+$/u, "must not contain control characters").optional(),
  minor: z.enum(KUBERNETES_MINORS),
  policy: k8sObject,
  bindings: z.array(k8sObject).max(50).default([]),
  params: z.array(k8sObject).max(1000).default([]),
  crds: z.array(k8sObject).max(50).default([]),
  operation: z.enum(["CREATE", "UPDATE"]).default("CREATE"),
  userInfo: z.object({ username: z.string().max(253), uid: z.string().max(253).optional(), groups: z.array(z.string().max(253)).max(50).optional() }).default({ username: "jane@example.com", groups: ["system:authenticated"] }),
  authorizer: z.object({ default: z.enum(["allow", "deny", ""]).optional() }).optional(),
  maxPerResource: z.number().int().min(1).max(MAX_TOTAL).default(5000),
  maxTotal: z.number().int().min(1).max(MAX_TOTAL).default(MAX_TOTAL),
})

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } })

// GET /api/policy-lab/live: whether live mode's engine is ready, starting it when this server has
// a cluster to read (the lab calls it when it opens, so the first run does not wait for the start).
export function GET(request: Request): Promise<Response> {
  return guarded(() => {
    const q = parseQuery(request, z.strictObject({}))
    if (!q.ok) return q.response
    return json({ engine: listContexts().state === "ready" ? warmNodeEngine() : "off" }, 200)
  })
}

export async function POST(request: Request): Promise<Response> {
  let raw: unknown
  try {
    raw = await request.json()
  } catch {
    return json({ errors: [{ field: "body", message: "must be JSON" }] }, 400)
  }
  const parsed = Body.safeParse(raw)
  if (!parsed.success) return json({ errors: parsed.error.issues.map((i) => ({ field: i.path.join(".") || "body", message: i.message })) }, 400)
  const b = parsed.data
  if (!/^(Validating|Mutating)AdmissionPolicy$|^CustomResourceDefinition$/.test(b.policy.kind)) {
    return json({ errors: [{ field: "policy.kind", message: "must be ValidatingAdmissionPolicy, MutatingAdmissionPolicy or CustomResourceDefinition" }] }, 400)
  }
  const deadline = Date.now() + LIVE_TIMEOUT_MS
  const reader = await readerFor(b.context, { deadline, signal: request.signal })
  if (!reader.ok) {
    const status = reader.kind === "unknown-context" ? 400 : reader.kind === "cluster" ? 502 : 503
    return json({ error: { code: reader.kind, message: reader.message } }, status)
  }
  // Not awaited here: a cold engine starts while discovery and the first reads run.
  const live: Promise<LiveEngine> = nodeEngine().then((engine) => ({
    compile: (req) => engine.callSync<CompileResult>("compile", req),
    evaluate: (handle, cases) => engine.callSync<{ results: CaseResult[] }>("evaluate", { handle, cases, summary: true }).results,
    release: (handle) => void engine.callSync("release", { handle }),
  }))
  live.catch(() => undefined) // reported by runLive as an error event when it needs the engine
  const events = runLive(reader.get, live, {
    minor: b.minor,
    parts: { policy: b.policy as K8sObject, bindings: b.bindings as K8sObject[], params: b.params as K8sObject[], crds: b.crds as K8sObject[], namespaces: [], others: [] },
    operation: b.operation,
    userInfo: b.userInfo,
    ...(b.authorizer ? { authorizer: b.authorizer } : {}),
    maxPerResource: b.maxPerResource,
    maxTotal: b.maxTotal,
    pageSize: 500,
    firstPageSize: 100,
  })
  const encoder = new TextEncoder()
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (request.signal.aborted) {
        controller.close()
        return
      }
      let next: IteratorResult<LiveEvent>
      try {
        next = await events.next()
      } catch (err) {
        controller.enqueue(encoder.encode(JSON.stringify({ type: "error", message: (err as Error).message }) + "\n"))
        controller.close()
        return
      }
      if (next.done) {
        controller.close()
        return
      }
      controller.enqueue(encoder.encode(JSON.stringify(next.value) + "\n"))
    },
    cancel() {
      void events.return(undefined)
    },
  })
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } })
}
