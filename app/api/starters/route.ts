// GET /api/starters: which starters exist, their languages, target minors, defaults and the
// JSON Schema of their options (from the zod schemas, so it cannot drift from validation).
// Takes no parameters; a repeated one is still an error, as on every API route.
import { fieldErrors, json, repeatedParams, withApiErrors } from "@/lib/http/api"
import { startersMetadata } from "@/lib/starters"

export const GET = withApiErrors((req: Request): Response => {
  const repeated = repeatedParams(new URL(req.url).searchParams)
  if (repeated.length) return fieldErrors(400, repeated)
  return json(startersMetadata(), { cacheControl: "public, max-age=300" })
})
