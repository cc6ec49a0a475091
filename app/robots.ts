import type { MetadataRoute } from "next"

import { robotsRules } from "@/lib/http/crawlers"
import { siteOrigin } from "@/lib/http/site"

// Read per request, like the pages' Link headers: SITE_URL may be set at runtime only.
export const dynamic = "force-dynamic"

export default function robots(): MetadataRoute.Robots {
  return robotsRules(siteOrigin())
}
