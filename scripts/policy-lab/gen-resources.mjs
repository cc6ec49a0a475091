#!/usr/bin/env node
// Writes lib/policy-lab/builtin-resources.json from the discovery of a real kube-apiserver 1.37
// (the test cluster serves every built-in API version): kind → resource, scope, verbs.
// Usage: eval "$(npm run -s cluster:env)" && node scripts/policy-lab/gen-resources.mjs
// The policy-lab test tier checks the committed file against the running test cluster.
import { writeFileSync } from "node:fs"
import https from "node:https"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { KubeConfig } from "@kubernetes/client-node"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

export async function builtinResources(kc) {
  const cluster = kc.getCurrentCluster()
  const opts = {}
  await kc.applyToHTTPSOptions(opts)
  const get = (p) =>
    new Promise((resolve, reject) => {
      const req = https.request(new URL(cluster.server + p), { ...opts, headers: { ...opts.headers, Accept: "application/json" } }, (res) => {
        let body = ""
        res.on("data", (c) => (body += c))
        res.on("end", () => (res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${p}: HTTP ${res.statusCode}`))))
      })
      req.on("error", reject)
      req.end()
    })
  const out = []
  const groups = [{ name: "", versions: [{ groupVersion: "v1" }] }, ...(await get("/apis")).groups]
  for (const g of groups) {
    for (const v of g.versions) {
      const list = await get(g.name === "" ? "/api/v1" : `/apis/${v.groupVersion}`)
      for (const r of list.resources) {
        if (r.name.includes("/")) continue
        const version = v.groupVersion.includes("/") ? v.groupVersion.split("/")[1] : v.groupVersion
        out.push({ group: g.name, version, resource: r.name, kind: r.kind, namespaced: r.namespaced, verbs: r.verbs })
      }
    }
  }
  // Only Kubernetes' own groups (no CRDs or aggregated APIs a test left behind).
  const builtin = out.filter((r) => r.group === "" || r.group.endsWith(".k8s.io") || !r.group.includes("."))
  builtin.sort((a, b) => `${a.group}/${a.version}/${a.resource}`.localeCompare(`${b.group}/${b.version}/${b.resource}`))
  return builtin
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kc = new KubeConfig()
  kc.loadFromDefault()
  const list = await builtinResources(kc)
  writeFileSync(path.join(root, "lib/policy-lab/builtin-resources.json"), JSON.stringify(list, null, 0).replace(/\},\{/g, "},\n{") + "\n")
  console.log(`${list.length} resources`)
}
