import createMDX from "@next/mdx"
import createNextIntlPlugin from "next-intl/plugin"

const isDev = process.env.NODE_ENV !== "production"

// Only our own origin. 'unsafe-inline' for scripts is needed because Next streams the RSC
// payload in inline <script> tags and statically rendered pages cannot carry a per-request
// nonce; 'unsafe-eval' is allowed only in development (React's dev tooling needs it).
// 'wasm-unsafe-eval' lets the policy lab compile its WebAssembly engine (it allows WebAssembly
// compilation only, not eval of JavaScript).
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${isDev ? " 'unsafe-eval'" : ""}`,
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${isDev ? " ws: http://localhost:* http://127.0.0.1:*" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ")

export const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
]

const withNextIntl = createNextIntlPlugin("./i18n/request.ts")
const withMDX = createMDX({
  options: {
    remarkPlugins: ["remark-gfm"],
    // Fenced code blocks in guides are highlighted at build time. Turbopack needs plugins named by
    // string with JSON-serialisable options; the themes match components/guide/highlight.ts.
    rehypePlugins: [["@shikijs/rehype", { themes: { light: "github-light", dark: "github-dark" }, defaultColor: "light" }]],
  },
})

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The container image (deploy/Dockerfile) builds with NEXT_OUTPUT=standalone.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}),
  pageExtensions: ["js", "jsx", "md", "mdx", "ts", "tsx"],
  poweredByHeader: false,
  // Lets parallel builds (e.g. several Playwright runs) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["@kubernetes/client-node"],
  // Live mode runs the policy lab's engine on the server, read from public/engine/.
  outputFileTracingIncludes: {
    "/api/policy-lab/live": ["./public/engine/policy-lab-engine.wasm.br"],
  },
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` runs tsc separately
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
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
}

export default withNextIntl(withMDX(nextConfig))
