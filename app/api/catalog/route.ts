// GET /api/catalog: the versioned extension catalog as JSON (see lib/catalog catalogDocument()).
import { catalogDocument } from "@/lib/catalog"

const CATALOG_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=86400"

// Route files may only export Next route fields, so the header value stays module-private.
// Left dynamic on purpose: a prerendered (force-static) handler gets Next's own Cache-Control,
// and the document is built once per process anyway, so each request is only a serialisation.
export function GET(): Response {
  return Response.json(catalogDocument(), {
    headers: { "Cache-Control": CATALOG_CACHE_CONTROL },
  })
}
