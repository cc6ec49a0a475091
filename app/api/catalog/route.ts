// GET /api/catalog: the versioned extension catalog as JSON (see lib/catalog catalogDocument()).
import { fieldErrors, json, repeatedParams, withApiErrors } from "@/lib/http/api"
import { catalogDocument } from "@/lib/catalog"

// Route files may only export Next route fields, so the header value stays module-private.
// Left dynamic on purpose: a prerendered (force-static) handler gets Next's own Cache-Control,
// and the document is built once per process anyway, so each request is only a serialisation.
const CATALOG_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=86400"

export const GET = withApiErrors((req: Request): Response => {
  const repeated = repeatedParams(new URL(req.url).searchParams)
  if (repeated.length) return fieldErrors(400, repeated)
  return json(catalogDocument(), { cacheControl: CATALOG_CACHE_CONTROL })
})
