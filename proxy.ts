import createMiddleware from "next-intl/middleware"
import { NextRequest } from "next/server"

import { routing } from "@/i18n/routing"
import { LINKED_STATE_HEADER, linkedStatePath } from "@/lib/http/linked-state"
import { alternateLinksHeader, siteOrigin } from "@/lib/http/site"

// Negotiates the locale (Accept-Language, cookie) and redirects `/` to `/en` or `/zh-CN`.
// next-intl's own alternate links are off: it builds them from the request's Host and
// X-Forwarded-Host, and pages are cached for a year. They come from SITE_URL instead (or not at all).
const intl = createMiddleware({ ...routing, alternateLinks: false })
const origin = siteOrigin()

export default function proxy(request: NextRequest) {
  // Stateful pages are prerendered in their default state; a request that carries state is marked
  // for next.config.js's rewrite to the page's twin (lib/http/linked-state.ts). The mark travels
  // as a request header that only this function sets (a client's own is dropped). A rewrite
  // returned from here would be proxied as a new request when the server listens on 127.0.0.1
  // (vercel/next.js#94745); next.config.js rewrites are routed in place.
  const headers = new Headers(request.headers)
  headers.delete(LINKED_STATE_HEADER)
  if (linkedStatePath(request.nextUrl.pathname, request.nextUrl.search)) headers.set(LINKED_STATE_HEADER, "1")
  // next-intl passes the request's headers on to the route (NextResponse.next({ request })).
  const response = intl(new NextRequest(request, { headers }))
  if (response.headers.has("location")) return response
  // A page's answer is the same for every visitor, so shared caches (and the server's own,
  // scripts/response-cache.mjs) may keep it: next-intl's cookie sync on page answers (set when
  // the page's locale differs from the browser's) is dropped. The cookie still records the
  // user's choice: the locale switcher sets it (i18n/paths.ts rememberLocale), and `/` reads it.
  response.headers.delete("set-cookie")
  const link = alternateLinksHeader(request.nextUrl.pathname, origin)
  if (link) response.headers.set("Link", link)
  return response
}

export const config = {
  // API routes, Next internals and files with an extension stay outside locale handling.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
}
