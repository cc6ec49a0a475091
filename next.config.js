import createMDX from "@next/mdx"
import createNextIntlPlugin from "next-intl/plugin"

import { securityHeaders } from "./scripts/http-guard.mjs"

// The same headers (and HSTS, when switched on) are set again by the HTTP guard in front of
// `next start` (scripts/http-guard.mjs), which also covers responses Next builds outside its
// routing; this list covers `next dev` and every route Next serves itself.
const isDev = process.env.NODE_ENV !== "production"

// Messages are precompiled at build time (next-intl's catalog loader runs icu-minify over
// messages/**/*.json): browsers get the compact form and a format-only runtime instead of the ICU
// parser and IntlMessageFormat, which resolved the locale and parsed each message on hydration
// (~9 kB less JavaScript per page; no message parsing in the browser). A message the compiler
// rejects fails the build; messages/messages.test.ts runs the same compiler.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
})
const withMDX = createMDX({
  options: {
    remarkPlugins: ["remark-gfm"],
    // Fenced code blocks in guides are highlighted at build time. Turbopack needs plugins named by
    // string with JSON-serialisable options; the themes match components/guide/highlight.ts.
    rehypePlugins: [["@shikijs/rehype", { themes: { light: "github-light", dark: "github-dark" }, defaultColor: "light" }]],
  },
})

// Links with state (a map point, advisor answers, starter options) go to the page's twin under
// /<locale>/linked/…, rendered per request; the pages themselves are prerendered. proxy.ts marks
// those requests with this header (lib/http/linked-state.ts LINKED_STATE_HEADER); a twin's own
// address without the mark is a 404.
const LINKED_STATE = [{ type: "header", key: "x-advisor-linked-state" }]
const linkedStateRewrites = [
  { source: "/:locale/linked/:path*", missing: LINKED_STATE, destination: "/:locale/not-an-address" },
  { source: "/:locale/linked", missing: LINKED_STATE, destination: "/:locale/not-an-address" },
  { source: "/:locale", has: LINKED_STATE, destination: "/:locale/linked" },
  { source: "/:locale/advisor", has: LINKED_STATE, destination: "/:locale/linked/advisor" },
  { source: "/:locale/starters/:mechanism", has: LINKED_STATE, destination: "/:locale/linked/starters/:mechanism" },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The container image (deploy/Dockerfile) builds with NEXT_OUTPUT=standalone.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}),
  pageExtensions: ["js", "jsx", "md", "mdx", "ts", "tsx"],
  poweredByHeader: false,
  // No ETags: Next hashes every response body to make one (FNV over the whole HTML, on each
  // request, cache hits included), which cost 15–40% of the requests per second of the map and
  // advisor pages in `npm run bench:throughput`. Pages are prerendered and cacheable for a year by
  // shared caches; nothing here sends conditional requests of its own.
  generateEtags: false,
  experimental: {
    // The stylesheet goes into each page's <head> as a <style> instead of a <link>: the first paint
    // no longer waits for a second request. Tailwind's CSS is the same ~11 kB (brotli) for every
    // page; a returning visitor downloads it again with each full page load (client-side
    // navigations fetch no HTML). Lighthouse 13 with the network and CPU really throttled
    // (BENCH_THROTTLING=devtools): LCP 1.6-1.7 s -> 0.8-1.1 s on the map, advisor, guide and
    // starters pages, against the hello-world page's 0.7 s. Experimental in Next 16.
    inlineCss: true,
  },
  // Lets parallel builds (e.g. several Playwright runs) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["@kubernetes/client-node"],
  // Client source maps only for scripts/check-client-bundles.mjs (the e2e tier builds with them):
  // the check reads which modules each browser chunk holds.
  productionBrowserSourceMaps: process.env.CLIENT_SOURCE_MAPS === "1",
  // Live mode runs the policy lab's engine on the server, read from public/engine/.
  outputFileTracingIncludes: {
    "/api/policy-lab/live": ["./public/engine/policy-lab-engine.wasm.br"],
  },
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` runs tsc separately
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders({ isDev }) },
      {
        // The policy lab's WebAssembly engine is committed brotli-compressed; the query string
        // changes with every build, so it can be cached for a year.
        source: "/engine/:file*",
        headers: [
          { key: "Content-Type", value: "application/wasm" },
          { key: "Content-Encoding", value: "br" },
          { key: "Cache-Control", value: "public, max-age=31536000, immutable" },
        ],
      },
    ]
  },
  async rewrites() {
    return { beforeFiles: linkedStateRewrites, afterFiles: [], fallback: [] }
  },
}

export default withNextIntl(withMDX(nextConfig))
