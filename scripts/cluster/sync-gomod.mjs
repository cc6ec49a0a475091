#!/usr/bin/env node
// Pins e2e/cluster/go.mod to one k8s.io/kubernetes release.
// k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them with ./staging/…;
// those replaces are ignored for dependencies, so we mirror every one of them as
// `replace k8s.io/<m> => k8s.io/<m> v0.<minor>.<patch>`. The staging list is read from the
// release's own go.mod in the module cache (never hand-maintained).
//
// Usage: node scripts/cluster/sync-gomod.mjs [v1.37.2]   (default: version already required)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { clusterModuleDir } from "./paths.mjs";

const go = (args, opts = {}) =>
  execFileSync("go", args, { cwd: clusterModuleDir, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], ...opts });

function currentVersion() {
  const mod = JSON.parse(go(["mod", "edit", "-json"]));
  return mod.Require?.find((r) => r.Path === "k8s.io/kubernetes")?.Version;
}

const version = process.argv[2] ?? currentVersion();
if (!version || !/^v1\.\d+\.\d+$/.test(version)) {
  console.error(`usage: sync-gomod.mjs v1.X.Y (got ${version ?? "nothing"})`);
  process.exit(2);
}
const stagingVersion = version.replace(/^v1\./, "v0.");

const info = JSON.parse(go(["mod", "download", "-json", `k8s.io/kubernetes@${version}`]));
const upstreamGoMod = readFileSync(info.GoMod, "utf8");
const staging = [...upstreamGoMod.matchAll(/^\s*(k8s\.io\/[\w.-]+)\s+=>\s+\.\/staging\/src\//gm)].map((m) => m[1]);
if (staging.length === 0) throw new Error(`no staging replaces found in ${info.GoMod}`);

// Drop replaces from an older pin (e.g. a staging module that no longer exists).
const existing = JSON.parse(go(["mod", "edit", "-json"])).Replace ?? [];
const edits = existing.filter((r) => r.Old.Path.startsWith("k8s.io/")).map((r) => `-dropreplace=${r.Old.Path}`);
edits.push(`-require=k8s.io/kubernetes@${version}`);
for (const m of staging) edits.push(`-replace=${m}=${m}@${stagingVersion}`);
go(["mod", "edit", ...edits]);

// Keep etcd at the release's own pin: embedded etcd must match the client the apiserver uses.
const etcdPin = upstreamGoMod.match(/^\s*go\.etcd\.io\/etcd\/server\/v3\s+(v\S+)/m)?.[1];
if (etcdPin) go(["mod", "edit", `-require=go.etcd.io/etcd/server/v3@${etcdPin}`]);

go(["mod", "tidy"], { stdio: ["ignore", "inherit", "inherit"] });
console.log(`e2e/cluster pinned to k8s.io/kubernetes ${version}, ${staging.length} staging modules at ${stagingVersion}, etcd ${etcdPin ?? "(unpinned)"}`);
