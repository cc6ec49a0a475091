import createMiddleware from "next-intl/middleware"

import { routing } from "@/i18n/routing"

// Negotiates the locale (Accept-Language, cookie) and redirects `/` to `/en` or `/zh-CN`.
export default createMiddleware(routing)

export const config = {
  // API routes, Next internals and files with an extension stay outside locale handling.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
}
