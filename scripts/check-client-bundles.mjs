// `node scripts/check-client-bundles.mjs [distDir]`: after `next build` with CLIENT_SOURCE_MAPS=1
// (next.config.js turns on productionBrowserSourceMaps), reads which source modules every client
// chunk holds (from its source map) and fails when
//   - any client chunk holds server-only code: lib/inspector (kubeconfig credentials, the
//     Kubernetes client), @kubernetes/client-node, server-only, our Node-only scripts;
//   - a page's first load (.next/diagnostics/route-bundle-stats.json) holds what that page loads
//     only on demand: the map's React Flow, the advisor's decision model and chart layout, the
//     starters' generators, zip writer and highlighter, the ICU message runtime on reading pages.
// Run by the e2e tier (playwright.config.ts) between the build and the server start.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import path from "node:path"

const root = path.resolve(import.meta.dirname, "..")
const distDir = path.resolve(root, process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next")

/** Never in the browser. */
const SERVER_ONLY = [
  /^lib\/inspector\//,
  /^node_modules\/@kubernetes\/client-node\//,
  /^node_modules\/server-only\//,
  /^lib\/starters\/matrix-hash\.ts$/,
  /^scripts\//,
  /^e2e\//,
]

// What a page must not load up front (it loads later, on demand). Keys are route patterns as in
// route-bundle-stats.json.
const ON_DEMAND = {
  everywhere: [
    [/^node_modules\/@dagrejs\/dagre\//, "the decision chart's layout engine (loads with the whole chart)"],
    [/^node_modules\/(@shikijs|shiki)\//, "the highlighter (loads when Explore opens)"],
    [/^lib\/starters\/generators\//, "starter generators (load when the options change)"],
    [/^node_modules\/fflate\//, "the zip writer (loads on download)"],
    [/^node_modules\/d3-(zoom|drag|selection|transition)\//, "React Flow's pan and zoom (loads when the user reaches for a diagram)"],
    [/^lib\/catalog\/mechanisms\//, "the catalog's data (the server renders what a page shows)"],
    [/^lib\/advisor\/graph(-questions|-outcomes)?\.ts$/, "the advisor's decision graph (loads when the answers change)"],
    [/^components\/search\/search-data\.ts$/, "the search index (loads when the search opens)"],
  ],
  "/[locale]/starters/[mechanism]": [
    [/^node_modules\/(zod|yaml)\//, "zod and yaml come with the starter's generator"],
  ],
  "/[locale]/advisor": [[/^node_modules\/zod\//, "zod comes with the decision model"]],
  // Reading pages format no messages in the browser: no NextIntlClientProvider, no ICU runtime.
  "/[locale]/mechanisms/[id]": [[/^node_modules\/(intl-messageformat|@formatjs)\//, "the ICU message runtime (the page is translated on the server)"]],
  "/[locale]/mechanisms": [[/^node_modules\/(intl-messageformat|@formatjs)\//, "the ICU message runtime (the page is translated on the server)"]],
  "/[locale]/starters": [[/^node_modules\/(intl-messageformat|@formatjs)\//, "the ICU message runtime (the page is translated on the server)"]],
}

/** Repo-relative module path of a source-map source ("turbopack:///[project]/lib/x.ts"), or undefined for runtime code. */
function modulePath(source) {
  const s = decodeURIComponent(source).replace(/^turbopack:\/\/\//, "")
  if (s.startsWith("[project]/")) return s.slice("[project]/".length)
  return undefined // [turbopack] runtime, [externals] …
}

function mapSources(file) {
  const map = JSON.parse(readFileSync(file, "utf8"))
  const sections = map.sections ? map.sections.map((s) => s.map) : [map]
  return sections.flatMap((m) => m.sources ?? []).map(modulePath).filter(Boolean)
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

const chunksDir = path.join(distDir, "static", "chunks")
if (!existsSync(chunksDir)) {
  console.error(`No client chunks in ${chunksDir}: run \`next build\` first.`)
  process.exit(2)
}
const jsFiles = walk(chunksDir).filter((f) => f.endsWith(".js"))

/** The chunk's source map, from its `//# sourceMappingURL=` comment (names differ: both are content-hashed). */
function mapOf(jsFile) {
  const tail = readFileSync(jsFile, "utf8").slice(-300)
  const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(tail)?.[1]
  if (!url || url.startsWith("data:")) return undefined
  const file = path.resolve(path.dirname(jsFile), url)
  return existsSync(file) ? file : undefined
}

/** chunk path relative to distDir (static/chunks/x.js) → modules it holds */
const modulesOf = new Map()
for (const f of jsFiles) {
  const map = mapOf(f)
  if (map) modulesOf.set(path.relative(distDir, f).split(path.sep).join("/"), mapSources(map))
}
if (modulesOf.size === 0) {
  console.error("The client chunks have no source maps: build with CLIENT_SOURCE_MAPS=1 (next.config.js productionBrowserSourceMaps).")
  process.exit(2)
}

const problems = []
for (const [chunk, modules] of modulesOf) {
  for (const m of modules) if (SERVER_ONLY.some((re) => re.test(m))) problems.push(`${chunk}: server-only module ${m} in a client chunk`)
}

const statsFile = path.join(distDir, "diagnostics", "route-bundle-stats.json")
const stats = existsSync(statsFile) ? JSON.parse(readFileSync(statsFile, "utf8")) : []
if (stats.length === 0) problems.push(`${path.relative(root, statsFile)} is missing or empty: cannot check first loads`)
let checkedRoutes = 0
for (const { route, firstLoadChunkPaths } of stats) {
  if (!route.startsWith("/[locale]")) continue
  checkedRoutes++
  const rules = [...ON_DEMAND.everywhere, ...(ON_DEMAND[route] ?? [])]
  const modules = new Set(
    firstLoadChunkPaths.flatMap((p) => modulesOf.get(path.relative(distDir, path.resolve(root, p)).split(path.sep).join("/")) ?? []),
  )
  if (process.env.CHECK_BUNDLES_VERBOSE) {
    const byPackage = new Map()
    for (const m of modules) {
      const key = /^node_modules\/((@[^/]+\/)?[^/]+)/.exec(m)?.[1] ?? m.split("/").slice(0, 2).join("/")
      byPackage.set(key, (byPackage.get(key) ?? 0) + 1)
    }
    console.log(`${route}: ${[...byPackage].map(([k, n]) => `${k} (${n})`).join(", ")}`)
  }
  for (const [re, why] of rules) {
    const hits = [...modules].filter((m) => re.test(m))
    if (hits.length) problems.push(`${route}: first load holds ${hits.slice(0, 3).join(", ")}${hits.length > 3 ? ` (+${hits.length - 3})` : ""} — ${why}`)
  }
}

if (problems.length) {
  console.error(`Client bundle check failed (${problems.length}):\n  ${problems.join("\n  ")}`)
  process.exit(1)
}
console.log(`Client bundle check: ${modulesOf.size} chunks, ${checkedRoutes} page routes; no server-only module in the browser, nothing on-demand in a first load.`)
