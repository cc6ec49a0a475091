// GET /api/starters: which starters exist, their languages, target minors, defaults and the
// JSON Schema of their options (from the zod schemas, so it cannot drift from validation), and
// each starter's row of the verification matrix (lib/starters/verified-matrix.json).
import { startersMetadata } from "@/lib/starters"
import { VERIFIED_MATRIX, verifiedRow } from "@/lib/starters/matrix"

export function GET(): Response {
  const meta = startersMetadata()
  const body = {
    ...meta,
    verifiedAgainst: VERIFIED_MATRIX.releases,
    starters: meta.starters.map((s) => ({ ...s, verified: verifiedRow(s.id) })),
  }
  return Response.json(body, { headers: { "Cache-Control": "public, max-age=300" } })
}
