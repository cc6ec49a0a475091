#!/usr/bin/env node
/* global Request */
// npm run bench:inspect — starts a private real test cluster, seeds 1,000 CRDs, 200 webhook
// configurations and 500 nodes (plus the demo seed), then times the inspector report cold, warm
// (refresh=1, no cache) and cached, next to the equivalent kubectl sequence (Debian's
// kubernetes-client) run against the same cluster in the same run.
// Then the HTTP route under load: `next start` (built by scripts/start.mjs when stale) with the
// cluster's kubeconfig, BENCH_HTTP_CONCURRENCY (200) simultaneous GET /api/cluster/report cold
// (single flight) and cached, against /api/cluster/contexts at the same concurrency as the
// reference. BENCH_HTTP=0 skips this part.
//
// kubectl: $KUBECTL, else the Debian package extracted to .cache/kubectl-debian (fetched with
// `apt-get download kubernetes-client`, no install: the package conflicts with other kubectl
// packages on /usr/bin/kubectl), else a kubernetes-client install at /usr/bin/kubectl.
import { execFileSync, spawn, spawnSync } from "node:child_process"
import http from "node:http"
import net from "node:net"
import { performance } from "node:perf_hooks"
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import zlib from "node:zlib"
import { startCluster, stopCluster } from "./cluster/cluster.mjs"
import { cacheDir, repoRoot } from "./cluster/paths.mjs"
import { create, loadKubeConfig, NEVER_MATCHES, seedCluster } from "../lib/inspector/testing/seed.ts"

const N_CRDS = Number(process.env.BENCH_CRDS ?? 1000)
const N_WEBHOOKS = Number(process.env.BENCH_WEBHOOKS ?? 200)
const N_NODES = Number(process.env.BENCH_NODES ?? 500)
const runDir = path.join(cacheDir, `bench-inspect-${process.pid}`)

function findKubectl() {
  if (process.env.KUBECTL) return process.env.KUBECTL
  const dir = path.join(cacheDir, "kubectl-debian")
  const extracted = path.join(dir, "root/usr/bin/kubectl")
  if (existsSync(extracted)) return extracted
  try {
    mkdirSync(dir, { recursive: true })
    execFileSync("apt-get", ["download", "kubernetes-client"], { cwd: dir, stdio: "ignore" })
    const deb = readdirSync(dir).find((f) => f.startsWith("kubernetes-client_") && f.endsWith(".deb"))
    if (deb) {
      execFileSync("dpkg-deb", ["-x", deb, "root"], { cwd: dir })
      if (existsSync(extracted)) return extracted
    }
  } catch {
    // fall through
  }
  throw new Error("kubectl from Debian's kubernetes-client not found: set KUBECTL or allow `apt-get download kubernetes-client`")
}

async function pool(items, n, fn) {
  let i = 0
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) await fn(items[i++])
    }),
  )
}

const ms = (t0) => Math.round(performance.now() - t0)

const kubectl = findKubectl()
const kubectlVersion = spawnSync(kubectl, ["version", "--client", "--short"], { encoding: "utf8" }).stdout.trim()
console.log(`[bench] kubectl: ${kubectl} (${kubectlVersion || "version unknown"})`)

const state = await startCluster({ runDir, attached: true })
try {
  const kc = loadKubeConfig(state.adminKubeconfig)
  await seedCluster(kc)
  let t0 = performance.now()
  const crds = Array.from({ length: N_CRDS }, (_, i) => ({
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `kind${i}s.bench${i % 40}.example.com`, labels: { "app.kubernetes.io/part-of": `bench-operator-${i % 40}` } },
    spec: {
      group: `bench${i % 40}.example.com`,
      scope: "Namespaced",
      names: { plural: `kind${i}s`, singular: `kind${i}`, kind: `Kind${i}`, listKind: `Kind${i}List` },
      versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } } }],
    },
  }))
  await pool(crds, 16, (o) => create(kc, o))
  console.log(`[bench] created ${N_CRDS} CRDs in ${ms(t0)} ms`)
  t0 = performance.now()
  const hooks = Array.from({ length: N_WEBHOOKS }, (_, i) => ({
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: i % 2 ? "MutatingWebhookConfiguration" : "ValidatingWebhookConfiguration",
    metadata: { name: `bench-webhook-${i}` },
    webhooks: [
      {
        name: `hook${i}.bench.example.com`,
        admissionReviewVersions: ["v1"],
        sideEffects: "None",
        failurePolicy: "Ignore",
        timeoutSeconds: 5 + (i % 20),
        clientConfig: { service: { namespace: "webhook-system", name: `bench-${i}` } },
        rules: [{ operations: ["CREATE"], apiGroups: [`bench${i % 40}.example.com`], apiVersions: ["v1"], resources: ["*"] }],
        objectSelector: NEVER_MATCHES,
      },
    ],
  }))
  await pool(hooks, 16, (o) => create(kc, o))
  console.log(`[bench] created ${N_WEBHOOKS} webhook configurations in ${ms(t0)} ms`)
  t0 = performance.now()
  const nodes = Array.from({ length: N_NODES }, (_, i) => ({
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: `bench-node-${i}`, labels: { "kubernetes.io/hostname": `bench-node-${i}` } },
    spec: {},
  }))
  await pool(nodes, 16, (o) => create(kc, o))
  console.log(`[bench] created ${N_NODES} nodes in ${ms(t0)} ms`)

  // Inspector through its real entry point (config loading, transport, cache), in this process.
  // refresh=1 is rate-limited per context in the server; the bench measures full re-reads.
  process.env.KUBECONFIG = state.adminKubeconfig
  process.env.INSPECTOR_REFRESH_INTERVAL_SECONDS = "0"
  const { getReport } = await import("../lib/inspector/index.ts")
  const timeReport = async (refresh) => {
    const t = performance.now()
    const r = await getReport(undefined, { refresh })
    if (!r.ok) throw new Error(`report failed: ${JSON.stringify(r)}`)
    const bad = Object.values(r.report.sections).filter((s) => s.status !== "ok")
    if (bad.length) throw new Error(`sections not ok: ${bad.map((s) => `${s.id} (${s.status}: ${s.reason})`).join("; ")}`)
    return { ms: ms(t), report: r.report, cached: r.cached }
  }
  const cold = await timeReport(false)
  const warm = await timeReport(true)
  const cached = await timeReport(false)
  const s = cold.report.sections
  console.log(`[bench] report saw ${s.crds.data.items.length} CRDs, ${s.webhooks.data.items.length} webhooks, ${s.extendedResources.data.nodes} nodes`)

  // The route handlers in this process, without Next's HTTP stack: 200 simultaneous calls for
  // the cached report, next to the trivial contexts route as the reference.
  const { GET: reportRoute } = await import("../app/api/cluster/report/route.ts")
  const { GET: contextsRoute } = await import("../app/api/cluster/contexts/route.ts")
  const inProcess = async (handler, url) => {
    const times = await Promise.all(
      Array.from({ length: Number(process.env.BENCH_HTTP_CONCURRENCY ?? 200) }, async () => {
        const t = performance.now()
        const res = await handler(new Request(url))
        if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`)
        await res.arrayBuffer()
        return performance.now() - t
      }),
    )
    return times.sort((a, b) => a - b)
  }
  await inProcess(reportRoute, "http://bench/api/cluster/report") // warm-up
  const routeCached = await inProcess(reportRoute, "http://bench/api/cluster/report")
  const routeReference = await inProcess(contextsRoute, "http://bench/api/cluster/contexts")
  const bodyBytes = (await (await reportRoute(new Request("http://bench/api/cluster/report"))).arrayBuffer()).byteLength

  // The same reads with kubectl, one invocation per resource as a shell script would do.
  const kubeconfigArgs = ["--kubeconfig", state.adminKubeconfig]
  const gets = [
    ["version", "-o", "json"],
    ["get", "customresourcedefinitions", "-o", "json"],
    ["get", "apiservices", "-o", "json"],
    ["get", "validatingwebhookconfigurations", "-o", "json"],
    ["get", "mutatingwebhookconfigurations", "-o", "json"],
    ["get", "validatingadmissionpolicies.admissionregistration.k8s.io", "-o", "json"],
    ["get", "validatingadmissionpolicybindings.admissionregistration.k8s.io", "-o", "json"],
    ["get", "mutatingadmissionpolicies.admissionregistration.k8s.io", "-o", "json"],
    ["get", "mutatingadmissionpolicybindings.admissionregistration.k8s.io", "-o", "json"],
    ["get", "csidrivers", "-o", "json"],
    ["get", "storageclasses", "-o", "json"],
    ["get", "persistentvolumes", "-o", "json"],
    ["get", "runtimeclasses", "-o", "json"],
    ["get", "nodes", "-o", "json"],
    ["get", "deviceclasses.resource.k8s.io", "-o", "json"],
    ["get", "resourceslices.resource.k8s.io", "-o", "json"],
    ["get", "pods", "-A", "-o", "json"],
    ["get", "daemonsets", "-A", "-o", "json"],
    ["get", "deployments", "-A", "-o", "json"],
    ["get", "namespaces", "-o", "json"],
    ["get", "priorityclasses", "-o", "json"],
    ["get", "resourcequotas", "-A", "-o", "json"],
    ["get", "limitranges", "-A", "-o", "json"],
    ["get", "networkpolicies", "-A", "-o", "json"],
    ["get", "roles", "-A", "-o", "json"],
    ["get", "clusterroles", "-o", "json"],
  ]
  const kubectlCache = path.join(runDir, "kubectl-cache")
  const runKubectl = () => {
    const t = performance.now()
    for (const args of gets) {
      const r = spawnSync(kubectl, [...kubeconfigArgs, "--cache-dir", kubectlCache, ...args], { encoding: "utf8", maxBuffer: 1 << 30 })
      if (r.status !== 0) throw new Error(`kubectl ${args.join(" ")} failed: ${r.stderr.slice(0, 300)}`)
    }
    return ms(t)
  }
  rmSync(kubectlCache, { recursive: true, force: true })
  const kubectlCold = runKubectl() // empty discovery cache
  const kubectlWarm = runKubectl() // discovery cache primed

  const pad = (x, n) => String(x).padStart(n)
  console.log("")
  console.log(`Cluster: ${N_CRDS} CRDs, ${N_WEBHOOKS} webhook configurations, ${N_NODES} nodes (kube-apiserver ${s.server.data.gitVersion}, 127.0.0.1)`)
  console.log(`                          cold ms   warm ms`)
  console.log(`inspector report         ${pad(cold.ms, 8)}  ${pad(warm.ms, 8)}   (warm = refresh=1, full re-read; cache hit: ${cached.ms} ms)`)
  console.log(`kubectl sequence (${gets.length}x)  ${pad(kubectlCold, 8)}  ${pad(kubectlWarm, 8)}   (${path.relative(repoRoot, kubectl)})`)
  console.log(`ratio kubectl/inspector  ${pad((kubectlCold / cold.ms).toFixed(1) + "x", 8)}  ${pad((kubectlWarm / warm.ms).toFixed(1) + "x", 8)}`)
  console.log(
    `route handler, ${routeCached.length} simultaneous cached reports (${(bodyBytes / 1024).toFixed(0)} KiB each) in process: p50 ${percentile(routeCached, 50).toFixed(1)} ms, p95 ${percentile(routeCached, 95).toFixed(1)} ms; /api/cluster/contexts p95 ${percentile(routeReference, 95).toFixed(1)} ms`,
  )

  if (process.env.BENCH_HTTP !== "0") await benchHttp(state.adminKubeconfig)
} finally {
  await stopCluster(runDir)
}

async function freePort() {
  const srv = net.createServer()
  await new Promise((r) => srv.listen(0, "127.0.0.1", r))
  const { port } = srv.address()
  await new Promise((r) => srv.close(r))
  return port
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/**
 * The clients: N kept-alive connections, opened by a warm-up burst (as browsers and an ingress keep
 * theirs), so a burst measures answering requests, not N TCP handshakes on the same 2 cores.
 */
function keepAlive() {
  keepAlive.agent ??= new http.Agent({ keepAlive: true, maxSockets: Number(process.env.BENCH_HTTP_CONCURRENCY ?? 200) })
  return keepAlive.agent
}

/**
 * One GET as a browser would send it (Accept-Encoding br, gzip); resolves at the last byte with
 * the raw body. node:http rather than fetch: fetch's own work per request (and decompressing every
 * body) on the same 2 cores is the client's cost, not the server's. `agent: false` = a new connection.
 */
function rawGet(url, agent = keepAlive()) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { "accept-encoding": "br, gzip" } }, (res) => {
        const chunks = []
        res.on("data", (c) => chunks.push(c))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, encoding: res.headers["content-encoding"], raw: Buffer.concat(chunks) }))
        res.on("error", reject)
      })
      .on("error", reject)
  })
}

function decodeBody({ encoding, raw }) {
  return JSON.parse((encoding === "br" ? zlib.brotliDecompressSync(raw) : encoding === "gzip" ? zlib.gunzipSync(raw) : raw).toString("utf8"))
}

/**
 * `rounds` bursts of N simultaneous GETs, one after the other; latency to the last byte per
 * request, pooled over the rounds (one burst of 200 is a single noisy sample on a shared machine),
 * status counts; bodies decoded after timing.
 */
async function burst(url, n, agent = keepAlive(), rounds = 1) {
  const timed = []
  const roundP95 = []
  for (let round = 0; round < rounds; round++) {
    const one = await Promise.all(
      Array.from({ length: n }, async () => {
        const t = performance.now()
        try {
          const r = await rawGet(url, agent)
          return { ...r, ms: performance.now() - t }
        } catch {
          return { status: 0, ms: performance.now() - t }
        }
      }),
    )
    roundP95.push(percentile(one.map((r) => r.ms).sort((a, b) => a - b), 95))
    timed.push(...one)
  }
  const results = timed.map((r) => {
    if (!r.raw) return r
    const body = decodeBody(r)
    return { status: r.status, ms: r.ms, cached: body.cached, generatedAt: body.report?.generatedAt, bytes: r.raw.length }
  })
  const ms = results.map((r) => r.ms).sort((a, b) => a - b)
  const statuses = {}
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1
  return {
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: ms[ms.length - 1],
    statuses,
    errors: results.filter((r) => r.status === 0 || r.status >= 500).length,
    reports: new Set(results.map((r) => r.generatedAt).filter(Boolean)).size,
    kBOnTheWire: (percentile(results.map((r) => r.bytes ?? 0).sort((a, b) => a - b), 50) ?? 0) / 1024,
    roundP95: roundP95.sort((a, b) => a - b),
  }
}

/** Serves one stored answer (headers and br body of `url`) from a bare node:http server in a child process and bursts it. */
async function bareServerBurst(url, n, rounds) {
  const answer = await new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { "accept-encoding": "br" } }, (res) => {
        const chunks = []
        res.on("data", (c) => chunks.push(c))
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on("error", reject)
  })
  const dir = path.join(runDir, "bare-server")
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, "body"), answer.body)
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !["date", "connection", "keep-alive", "transfer-encoding"].includes(k)))
  const code = `
    import http from "node:http"; import { readFileSync } from "node:fs"
    const body = readFileSync(${JSON.stringify(path.join(dir, "body"))}); const headers = ${JSON.stringify(headers)}
    const s = http.createServer((req, res) => { res.writeHead(200, headers); res.end(body) })
    s.listen(0, "127.0.0.1", () => process.stdout.write(String(s.address().port) + "\\n"))`
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] })
  try {
    const port = await new Promise((resolve, reject) => {
      child.stdout.once("data", (d) => resolve(Number(String(d).trim())))
      child.once("exit", (c) => reject(new Error(`bare server exited with ${c}`)))
    })
    const agent = new http.Agent({ keepAlive: true, maxSockets: n })
    const bare = `http://127.0.0.1:${port}/api/cluster/report`
    for (let i = 0; i < 3; i++) await burst(bare, n, agent) // connections opened, JIT warm
    const result = await burst(bare, n, agent, rounds)
    agent.destroy()
    return result
  } finally {
    child.kill()
  }
}

async function benchHttp(kubeconfig) {
  const n = Number(process.env.BENCH_HTTP_CONCURRENCY ?? 200)
  // Cached rows: BENCH_ROUNDS bursts of n, pooled (cold and refresh=1 read the cluster: one burst).
  const rounds = Number(process.env.BENCH_ROUNDS ?? 10)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  console.log(`\n[bench] next start on ${base} (scripts/start.mjs builds first when the build is stale)…`)
  const server = spawn("node", ["scripts/start.mjs"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", KUBECONFIG: kubeconfig, INSPECTOR_REFRESH_INTERVAL_SECONDS: "10", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  })
  try {
    const deadline = Date.now() + 15 * 60_000
    for (;;) {
      if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`)
      try {
        if ((await fetch(`${base}/api/cluster/contexts`)).ok) break
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error("next start did not come up within 15 minutes")
      await new Promise((r) => setTimeout(r, 1000))
    }
    const row = (name, r) =>
      console.log(
        `${name.padEnd(62)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${r.kBOnTheWire.toFixed(1).padStart(9)}   ${JSON.stringify(r.statuses)}${r.reports ? `, ${r.reports} report(s) computed` : ""}${r.roundP95.length > 1 ? `; ${r.roundP95.length} bursts, p95 per burst ${r.roundP95[0].toFixed(1)}–${r.roundP95[r.roundP95.length - 1].toFixed(1)}` : ""}`,
      )
    // JIT and route warm-up, and the N connections opened.
    for (let i = 0; i < 3; i++) await burst(`${base}/api/cluster/contexts`, n)
    const cold = await burst(`${base}/api/cluster/report`, n)
    // The server's response cache keeps an answer from the second request after a new report
    // (scripts/response-cache.mjs), as after any two visitors; then 200 at once.
    const storedAfterTwo = async (url) => {
      await rawGet(url)
      await rawGet(url)
      await new Promise((r) => setTimeout(r, 500)) // compressed off the request path
      await burst(url, n) // and the answering path warmed up (JIT), as in a server that has been up a while
    }
    await storedAfterTwo(`${base}/api/cluster/report`)
    const cached = await burst(`${base}/api/cluster/report`, n, keepAlive(), rounds)
    const refresh = await burst(`${base}/api/cluster/report?refresh=1`, n)
    const reference = await burst(`${base}/api/cluster/contexts`, n)
    // A typical cluster's report size (the bundled demo report, 22 KiB of JSON), from the same cache.
    await storedAfterTwo(`${base}/api/cluster/report?demo=1`)
    const typical = await burst(`${base}/api/cluster/report?demo=1`, n, keepAlive(), rounds)
    // The same cached report, each request on a new connection (N handshakes included).
    await storedAfterTwo(`${base}/api/cluster/report`) // the refresh burst above read a new report
    const cachedNewConnections = await burst(`${base}/api/cluster/report`, n, false, rounds)
    // The floor of this measurement on this machine: a bare node:http server in its own process
    // answering the same bytes (the cached report, br) with nothing else to do, same client.
    const floor = await bareServerBurst(`${base}/api/cluster/report`, n, rounds)
    // One client at a time: the latency of a cached report when the server is not saturated.
    const sequential = []
    for (let i = 0; i < 50; i++) {
      const t = performance.now()
      await rawGet(`${base}/api/cluster/report`)
      sequential.push(performance.now() - t)
    }
    sequential.sort((a, b) => a - b)
    console.log(`\n${n} simultaneous requests (kept-alive connections) against next start; cached rows pool ${rounds} bursts`)
    console.log(`${"".padEnd(62)}   p50 ms   p95 ms   max ms  KiB sent   statuses`)
    row("GET /api/cluster/report (cold)", cold)
    row("GET /api/cluster/report (cached)", cached)
    row("GET /api/cluster/report?refresh=1", refresh)
    row("GET /api/cluster/contexts (ref.)", reference)
    row("GET /api/cluster/report?demo=1 (cached)", typical)
    row("GET /api/cluster/report (cached, new conn.)", cachedNewConnections)
    row("bare node:http server, the cached report's bytes (floor)", floor)
    const errors = cold.errors + cached.errors + refresh.errors + reference.errors + typical.errors + cachedNewConnections.errors
    console.log(
      `5xx or failed requests: ${errors}; cached p95 ${cached.p95.toFixed(1)} ms for this cluster's report, ${typical.p95.toFixed(1)} ms for the demo report (goal ≤ 50 ms); ${(cached.p95 / floor.p95).toFixed(2)}x the bare server's p95 for the same bytes, ${(cached.p95 / reference.p95).toFixed(2)}x the reference route's`,
    )
    console.log(`cached report, 50 requests one at a time: p50 ${percentile(sequential, 50).toFixed(1)} ms, p95 ${percentile(sequential, 95).toFixed(1)} ms`)
  } finally {
    keepAlive().destroy()
    try {
      process.kill(-server.pid, "SIGTERM")
    } catch {
      // already gone
    }
  }
}
