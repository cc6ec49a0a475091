// GET /api/starters: which starters exist, their languages, target minors, defaults and the
// JSON Schema of their options (from the zod schemas, so it cannot drift from validation).
import { startersMetadata } from "@/lib/starters"

export function GET(): Response {
  return Response.json(startersMetadata(), { headers: { "Cache-Control": "public, max-age=300" } })
}
