#!/usr/bin/env node
// Builds e2e/cluster (kube-apiserver + embedded etcd, kube-controller-manager, kube-scheduler and
// kubectl in one multi-call binary) into .cache/cluster/bin/kube-test-cluster, with symlinks
// kubectl, kube-scheduler and kube-controller-manager next to it.
// Rebuilds only when the Go sources, the Go version or the build flags change (content hash
// stored next to the binary), so CI can prebuild with `node scripts/cluster/build.mjs`.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { goEnv, GO_TOOLCHAIN } from "../go-env.mjs";
import { binDir, binaryPath, buildStampPath, clusterModuleDir, componentLinks } from "./paths.mjs";

// GO_FLAGS (-trimpath -p=2) and CGO_ENABLED come from scripts/go-env.mjs, shared by every tier.
const BUILD_FLAGS = ["-buildvcs=false"];
// go.mod declares go 1.26.0 (same as k8s.io/kubernetes v1.37); the installed go1.26.x suffices,
// so we pin local to never trigger a toolchain download. Override with GOTOOLCHAIN if needed.
const GOTOOLCHAIN = GO_TOOLCHAIN;
const LOCK_DIR = path.join(binDir, ".build-lock");

// Without these -X flags a module build reports /version as v0.0.0-master+$Format:%H$.
// Upstream sets them in hack/lib/version.sh; we derive them from the pinned k8s.io/kubernetes.
function versionLdflags() {
  const mod = JSON.parse(execFileSync("go", ["mod", "edit", "-json"], { cwd: clusterModuleDir, encoding: "utf8" }));
  const v = mod.Require?.find((r) => r.Path === "k8s.io/kubernetes")?.Version;
  const m = v?.match(/^v(\d+)\.(\d+)\.\d+$/);
  if (!v || !m) throw new Error(`e2e/cluster/go.mod does not require a k8s.io/kubernetes release (got ${v})`);
  const pkg = "k8s.io/component-base/version";
  const x = { gitVersion: v, gitMajor: m[1], gitMinor: m[2], gitTreeState: "clean", gitCommit: `module-${v}` };
  return { version: v, ldflags: Object.entries(x).map(([k, val]) => `-X ${pkg}.${k}=${val}`).join(" ") };
}

function sourceHash() {
  const h = createHash("sha256");
  const files = readdirSync(clusterModuleDir)
    .filter((f) => f === "go.mod" || f === "go.sum" || (f.endsWith(".go") && !f.endsWith("_test.go")))
    .sort();
  for (const f of files) {
    h.update(f + "\0");
    h.update(readFileSync(path.join(clusterModuleDir, f)));
  }
  const goVersion = execFileSync("go", ["env", "GOVERSION"], {
    encoding: "utf8",
    env: { ...process.env, GOTOOLCHAIN },
  }).trim();
  const { version, ldflags } = versionLdflags();
  h.update(`${goVersion}\0${JSON.stringify(goEnv())}\0${BUILD_FLAGS.join(" ")}\0${ldflags}\0${process.platform}/${process.arch}`);
  return { hash: h.digest("hex"), goVersion, files, version, ldflags };
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(buildStampPath, "utf8"));
  } catch {
    return undefined;
  }
}

function isUpToDate(hash) {
  return existsSync(binaryPath) && readStamp()?.hash === hash;
}

// kubectl, kube-scheduler, kube-controller-manager → kube-test-cluster (dispatch by argv[0]), so
// README steps that call `kubectl` run this release's kubectl once binDir is on PATH.
function linkComponents() {
  for (const link of Object.values(componentLinks)) {
    try {
      if (readlinkSync(link) === path.basename(binaryPath)) continue;
    } catch {
      // missing or not a link
    }
    rmSync(link, { force: true });
    symlinkSync(path.basename(binaryPath), link);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// mkdir is atomic: the first caller builds, concurrent callers (e.g. `up` and the Vitest setup)
// wait. A lock older than 1 h is treated as left over from a killed build.
async function withLock(fn) {
  mkdirSync(binDir, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      if (Date.now() - statSync(LOCK_DIR).mtimeMs > 3600_000) {
        rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      await sleep(2000);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/**
 * Ensures the binary exists and matches the current sources. Resolves to
 * { binaryPath, built: boolean, seconds, goVersion }. Rejects with the go output on failure.
 */
export async function ensureBuilt({ log = (m) => process.stderr.write(m + "\n"), force = false } = {}) {
  const first = sourceHash();
  if (!force && isUpToDate(first.hash)) {
    linkComponents();
    return { binaryPath, built: false, seconds: 0, goVersion: first.goVersion };
  }
  return withLock(async () => {
    const { hash, goVersion, version, ldflags } = sourceHash();
    if (!force && isUpToDate(hash)) {
      linkComponents();
      return { binaryPath, built: false, seconds: 0, goVersion };
    }
    log(`[cluster] building the ${version} control plane (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl) with ${goVersion} (first build takes several minutes)…`);
    const started = Date.now();
    const tmp = `${binaryPath}.tmp-${process.pid}`;
    const output = [];
    const code = await new Promise((resolve, reject) => {
      const child = spawn("go", ["build", ...BUILD_FLAGS, `-ldflags=${ldflags}`, "-o", tmp, "."], {
        cwd: clusterModuleDir,
        env: { ...process.env, ...goEnv() },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const collect = (d) => {
        output.push(d);
        if (process.env.CLUSTER_BUILD_VERBOSE) process.stderr.write(d);
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      child.on("error", reject);
      child.on("close", resolve);
    });
    if (code !== 0) {
      rmSync(tmp, { force: true });
      throw new Error(`go build of e2e/cluster failed (exit ${code}):\n${Buffer.concat(output).toString()}`);
    }
    renameSync(tmp, binaryPath);
    linkComponents();
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    writeFileSync(buildStampPath, JSON.stringify({ hash, kubernetes: version, goVersion, flags: BUILD_FLAGS, ldflags, builtAt: new Date().toISOString(), seconds }, null, 2));
    log(`[cluster] built ${path.relative(process.cwd(), binaryPath)} in ${seconds}s`);
    return { binaryPath, built: true, seconds, goVersion };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  ensureBuilt({ force: process.argv.includes("--force") }).then(
    (r) => console.log(r.built ? `built in ${r.seconds}s: ${r.binaryPath}` : `up to date: ${r.binaryPath}`),
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
