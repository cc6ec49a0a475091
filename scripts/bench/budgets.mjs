// The pages the performance benches measure and their budgets (issue 17), as ratios to the
// hello-world floor page measured in the same run.

/** JavaScript transferred ÷ the floor's: interactive pages and reading pages. */
export const JS_BUDGET = { app: 1.5, reading: 1.15 }
export const TBT_BUDGET = 1.5
export const LCP_BUDGET = 1.5
export const CLS_BUDGET = 0.1
export const A11Y_BUDGET = 100
/** Requests per second ÷ the floor page's, 16 concurrent clients (bench:throughput). */
export const THROUGHPUT_BUDGET = 0.8

/** kind "app": map, advisor, starter, cluster; "reading": guides and the index pages. */
export const DEFAULT_PAGES = [
  { label: "map", path: "/en", kind: "app" },
  { label: "advisor", path: "/en/advisor", kind: "app" },
  { label: "starter", path: "/en/starters/controller", kind: "app" },
  { label: "guide", path: "/en/mechanisms/validating-admission-policy", kind: "reading" },
  { label: "cluster", path: "/en/cluster", kind: "app" },
  { label: "starters index", path: "/en/starters", kind: "reading" },
  { label: "guides index", path: "/en/mechanisms", kind: "reading" },
  { label: "map zh-CN", path: "/zh-CN", kind: "app" },
]

/** Pages named on the command line keep their budget class when they match a known pattern. */
export function pagesFromArgs(args) {
  if (args.length === 0) return DEFAULT_PAGES
  return args.map((p) => {
    const known = DEFAULT_PAGES.find((d) => d.path === p)
    if (known) return known
    const reading = /^\/[^/]+\/(mechanisms(\/[^/]+)?|starters)\/?$/.test(p.split("?")[0])
    return { label: p, path: p, kind: reading ? "reading" : "app" }
  })
}

export const ratio = (value, floor) => (Number.isFinite(value) && Number.isFinite(floor) && floor > 0 ? value / floor : NaN)
export const fmtRatio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "-")
export const kB = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(0)} kB` : "-")

/** A Markdown table (pasteable into an issue) with right-aligned numeric columns. */
export function markdownTable(columns, rows, { left = 1 } = {}) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? "").length)))
  const line = (cells) => `| ${cells.map((cell, i) => (i < left ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ")} |`
  return [
    line(columns),
    `|${widths.map((w, i) => (i < left ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
    ...rows.map((r) => line(columns.map((c) => String(r[c] ?? "")))),
  ].join("\n")
}
