import createMiddleware from "next-intl/middleware"
import type { NextRequest } from "next/server"

import { routing } from "@/i18n/routing"
import { alternateLinksHeader, siteOrigin } from "@/lib/http/site"

// Negotiates the locale (Accept-Language, cookie) and redirects `/` to `/en` or `/zh-CN`.
// next-intl's own alternate links are off: it builds them from the request's Host and
// X-Forwarded-Host, and pages are cached for a year. They come from SITE_URL instead (or not at all).
const intl = createMiddleware({ ...routing, alternateLinks: false })
const origin = siteOrigin()

export default function proxy(request: NextRequest) {
  const response = intl(request)
  const link = response.headers.has("location") ? undefined : alternateLinksHeader(request.nextUrl.pathname, origin)
  if (link) response.headers.set("Link", link)
  return response
}

export const config = {
  // API routes, Next internals and files with an extension stay outside locale handling.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
}
