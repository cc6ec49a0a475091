// GET /api/starters: which starters exist, their languages, target minors, defaults and the
// JSON Schema of their options (from the zod schemas, so it cannot drift from validation), and
// each starter's row of the verification matrix (lib/starters/verified-matrix.json).
// Takes no parameters; a repeated one is still an error, as on every API route.
import { fieldErrors, json, repeatedParams, withApiErrors } from "@/lib/http/api"
import { startersMetadata } from "@/lib/starters"
import { VERIFIED_MATRIX, verifiedRow } from "@/lib/starters/matrix"

export const GET = withApiErrors((req: Request): Response => {
  const repeated = repeatedParams(new URL(req.url).searchParams)
  if (repeated.length) return fieldErrors(400, repeated)
  const meta = startersMetadata()
  const body = {
    ...meta,
    verifiedAgainst: VERIFIED_MATRIX.releases,
    starters: meta.starters.map((s) => ({ ...s, verified: verifiedRow(s.id) })),
  }
  return json(body, { cacheControl: "public, max-age=300" })
})
