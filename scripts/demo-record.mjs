#!/usr/bin/env node
// npm run demo:record — starts a private real test cluster, seeds it with one object per thing the
// inspector reports (lib/inspector/testing/seed.ts), records a report and writes it to
// lib/inspector/demo-report.json (the "demo data" shown when no cluster is configured).
// Runs under tsx with the react-server condition so the server-only inspector modules load.
import { writeFileSync } from "node:fs"
import path from "node:path"
import { startCluster, stopCluster } from "./cluster/cluster.mjs"
import { cacheDir, repoRoot } from "./cluster/paths.mjs"
import { loadKubeConfig, seedCluster } from "../lib/inspector/testing/seed.ts"
import { inspect } from "../lib/inspector/inspect.ts"
import { createTransport } from "../lib/inspector/transport.ts"

const runDir = path.join(cacheDir, `demo-record-${process.pid}`)
const out = path.join(repoRoot, "lib/inspector/demo-report.json")

const state = await startCluster({ runDir, attached: true })
try {
  const kc = loadKubeConfig(state.adminKubeconfig)
  const versions = await seedCluster(kc)
  console.log(`[demo] seeded (MutatingAdmissionPolicy ${versions.mapVersion ?? "not served"}, DRA ${versions.draVersion ?? "not served"})`)
  const result = await inspect(await createTransport(kc), { context: "demo" })
  if (!result.ok) throw new Error(`inspection failed: ${result.error.message}`)
  const report = { ...result.report, source: "demo", context: "demo" }
  const text = JSON.stringify(report, null, 2)
  // Belt and braces: the recording must never carry credentials from the test cluster.
  const token = /token:\s*(\S+)/.exec((await import("node:fs")).readFileSync(state.adminKubeconfig, "utf8"))?.[1]
  if ((token && text.includes(token)) || text.includes("BEGIN CERTIFICATE") || text.includes(runDir)) {
    throw new Error("refusing to write a demo report containing credentials or local paths")
  }
  writeFileSync(out, text + "\n")
  console.log(`[demo] wrote ${path.relative(repoRoot, out)} (${Object.keys(report.sections).length} sections, ${report.durationMs} ms)`)
} finally {
  await stopCluster(runDir)
}
