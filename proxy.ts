import createMiddleware from "next-intl/middleware"
import { NextResponse, type NextRequest } from "next/server"

import { routing } from "@/i18n/routing"
import { isLinkedStatePath, linkedStatePath } from "@/lib/http/linked-state"
import { alternateLinksHeader, siteOrigin } from "@/lib/http/site"

// Negotiates the locale (Accept-Language, cookie) and redirects `/` to `/en` or `/zh-CN`.
// next-intl's own alternate links are off: it builds them from the request's Host and
// X-Forwarded-Host, and pages are cached for a year. They come from SITE_URL instead (or not at all).
const intl = createMiddleware({ ...routing, alternateLinks: false })
const origin = siteOrigin()

export default function proxy(request: NextRequest) {
  let response = intl(request)
  if (response.headers.has("location")) return response
  const { pathname, search } = request.nextUrl
  // Stateful pages are prerendered in their default state; a link with state goes to the page's
  // twin, rendered per request (lib/http/linked-state.ts). The twins themselves are not addresses.
  // (next-intl has redirected any path without a valid locale prefix by now.)
  const twin = isLinkedStatePath(pathname) ? `${pathname.slice(0, pathname.indexOf("/linked"))}/not-an-address` : linkedStatePath(pathname, search)
  if (twin) {
    // Built on request.url, not nextUrl (which turns 127.0.0.1 into localhost): a rewrite to another
    // origin would be proxied as a new request instead of routed in place.
    const rewrite = NextResponse.rewrite(new URL(`${twin}${search}`, request.url))
    // Keep what next-intl set for the response (the locale cookie), not its routing headers.
    response.headers.forEach((value, key) => {
      if (!key.startsWith("x-middleware-")) rewrite.headers.append(key, value)
    })
    response = rewrite
  }
  const link = alternateLinksHeader(pathname, origin)
  if (link) response.headers.set("Link", link)
  return response
}

export const config = {
  // API routes, Next internals and files with an extension stay outside locale handling.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
}
