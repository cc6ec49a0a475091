// Start/stop logic for the real test control plane (kube-apiserver + embedded etcd, and on request
// kube-controller-manager and kube-scheduler; 127.0.0.1 only). Used by up.mjs/down.mjs/env.mjs, the
// Vitest global setup (e2e/cluster/global-setup.ts) and e2e/cluster/control-plane.ts.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import { stringify } from "yaml";
import { ensureBuilt } from "./build.mjs";
import { binaryPath } from "./paths.mjs";

export const CONTROLLER_MANAGER_USER = "system:kube-controller-manager";
export const SCHEDULER_USER = "system:kube-scheduler";

const HOST = "127.0.0.1";
export const ADMIN_USER = "test-admin";
export const LIMITED_USER = "test-limited";
export const LIMITED_GROUP = "test:limited";
export const LIMITED_CLUSTER_ROLE = "test-cluster:limited-reader";

/**
 * Alpha/beta APIs and gates are all switched on so other engineers can dry-run against every
 * API version Kubernetes 1.37 can serve (MutatingAdmissionPolicy, resource.k8s.io, …), except
 * StorageVersionAPI: with it kube-apiserver refuses writes to built-in resources until it has
 * recorded every resource's storage version, and on a loaded machine its own bootstrap (the
 * system PriorityClasses) then timed out after 30 s and it exited (two of the behaviour tier's
 * control planes at once in a full `npm test`). The gate adds no API: `internal.apiserver.k8s.io`
 * is served through runtime-config either way.
 */
export const FEATURE_GATES = "--feature-gates=AllAlpha=true,AllBeta=true,StorageVersionAPI=false";
export const APISERVER_FEATURE_FLAGS = ["--runtime-config=api/all=true", FEATURE_GATES];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `n` distinct free ports. All are held open until every one is known: a port closed before the
 * next is picked can be handed out again (the apiserver and etcd were once given the same one).
 */
async function freePorts(n) {
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      const srv = net.createServer();
      srv.unref();
      servers.push(srv);
      await new Promise((resolve, reject) => {
        srv.on("error", reject);
        srv.listen(0, HOST, resolve);
      });
    }
    return servers.map((srv) => srv.address().port);
  } finally {
    await Promise.all(servers.map((srv) => new Promise((resolve) => srv.close(() => resolve()))));
  }
}

async function freePort() {
  return (await freePorts(1))[0];
}

function openssl(args, cwd) {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

// EC P-256 keys: fast to generate, accepted for serving certs, client CAs and SA signing (ES256).
function genKey(dir, name) {
  openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", `${name}.key`], dir);
}

function genCA(dir, name, cn) {
  genKey(dir, name);
  openssl(["req", "-x509", "-new", "-key", `${name}.key`, "-subj", `/CN=${cn}`, "-days", "30", "-out", `${name}.crt`,
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], dir);
}

export function genSigned(dir, name, ca, subj, extensions) {
  genKey(dir, name);
  openssl(["req", "-new", "-key", `${name}.key`, "-subj", subj, "-out", `${name}.csr`], dir);
  writeFileSync(path.join(dir, `${name}.ext`), extensions.join("\n") + "\n");
  openssl(["x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.crt`, "-CAkey", `${ca}.key`, "-CAcreateserial",
    "-days", "30", "-extfile", `${name}.ext`, "-out", `${name}.crt`], dir);
}

function generatePki(pkiDir) {
  mkdirSync(pkiDir, { recursive: true });
  genCA(pkiDir, "ca", "kube-test-cluster-ca");
  genSigned(pkiDir, "apiserver", "ca", "/CN=kube-apiserver", [
    "basicConstraints=CA:FALSE",
    "keyUsage=critical,digitalSignature,keyEncipherment",
    "extendedKeyUsage=serverAuth",
    "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc",
  ]);
  // Front-proxy pair so the aggregation layer is configured as in a real cluster.
  genCA(pkiDir, "front-proxy-ca", "kube-test-cluster-front-proxy-ca");
  genSigned(pkiDir, "front-proxy-client", "front-proxy-ca", "/CN=front-proxy-client", [
    "basicConstraints=CA:FALSE",
    "keyUsage=critical,digitalSignature,keyEncipherment",
    "extendedKeyUsage=clientAuth",
  ]);
  // ServiceAccount token signing key; the apiserver verifies with the public half.
  genKey(pkiDir, "sa");
  openssl(["pkey", "-in", "sa.key", "-pubout", "-out", "sa.pub"], pkiDir);
}

function csvField(s) {
  return `"${s.replaceAll('"', '""')}"`;
}

function kubeconfig({ server, caFile, user, token }) {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "kube-test-cluster", cluster: { server, "certificate-authority": caFile } }],
    users: [{ name: user, user: { token } }],
    contexts: [{ name: user, context: { cluster: "kube-test-cluster", user } }],
    "current-context": user,
  });
}

/** Minimal HTTPS JSON request with the cluster CA and a bearer token (no client library needed). */
export function request({ server, ca, token }, method, urlPath, body) {
  return new Promise((resolve, reject) => {
    const url = new URL(urlPath, server);
    const req = https.request(url, {
      method,
      ca,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(body ? { "Content-Type": "application/json" } : {}),
      },
      timeout: 5000,
    }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

// Errors first (klog E/F lines, panics), then the end of the log: the tail alone is usually
// etcd/grpc shutdown noise that hides the cause.
function tail(file, lines = 15) {
  try {
    const all = readFileSync(file, "utf8").trimEnd().split("\n");
    const errors = all.filter((l) => /^[EF]\d{4} |command failed|^panic:/.test(l)).slice(-10);
    const end = all.filter((l) => !l.includes("grpc: addrConn")).slice(-lines);
    return [...errors, "--- last lines ---", ...end].map((l) => l.slice(0, 600)).join("\n");
  } catch {
    return "(no log)";
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A pid file can outlive its process and the pid can be reused: only trust it if the process is
// still our binary.
function isOurProcess(pid) {
  if (!isAlive(pid)) return false;
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return cmd[0] === binaryPath;
  } catch {
    return true; // no /proc (not Linux): fall back to liveness
  }
}

/**
 * Why kube-apiserver exited during startup, when it is worth starting again: a port taken between
 * picking it and binding it (the three ports are free when picked, but nothing holds them until
 * kube-apiserver and etcd bind them, and a parallel test's server or an outgoing connection's
 * ephemeral port can take one), or a bootstrap step that timed out on a loaded machine (a
 * post-start hook failing is fatal). Anything else (a bad flag, a config file it rejects) would
 * fail again: undefined.
 */
export function retryableExit(log) {
  if (log.includes("address already in use")) return "a port was taken";
  const hook = /PostStartHook "([^"]+)" failed: .*(?:timed out|context deadline exceeded)/.exec(log);
  if (hook) return `post-start hook ${hook[1]} timed out`;
  return undefined;
}

/** Starts of one process, the first included, before its start-up exit is reported. */
const MAX_STARTS = 3;

/**
 * After a process exited during start-up: why another start is worth it (retryableExit, and
 * starts left), with its log kept as <name>.attempt-<n>.log beside the next one; else undefined.
 */
function keepForAnotherStart(logFile, attempt) {
  const why = attempt < MAX_STARTS ? retryableExit(readFileSync(logFile, "utf8")) : undefined;
  if (why) renameSync(logFile, logFile.replace(/\.log$/, `.attempt-${attempt}.log`));
  return why;
}

async function waitReady(conn, pid, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    if (!isAlive(pid)) throw new Error(`kube-apiserver exited during startup. Log tail:\n${tail(logFile)}`);
    try {
      const ready = await request(conn, "GET", "/readyz");
      if (ready.status === 200) {
        // The bootstrap controller creates these shortly after /readyz turns green.
        const ns = await Promise.all(["default", "kube-system", "kube-public"].map((n) => request(conn, "GET", `/api/v1/namespaces/${n}`)));
        if (ns.every((r) => r.status === 200)) return;
        last = "waiting for system namespaces";
      } else {
        last = `/readyz ${ready.status}: ${ready.body.slice(0, 500)}`;
      }
    } catch (err) {
      last = String(err?.message ?? err);
    }
    await sleep(250);
  }
  throw new Error(`kube-apiserver not ready after ${timeoutMs / 1000}s (${last}). Log tail:\n${tail(logFile)}`);
}

async function applyLimitedRbac(conn) {
  const role = {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: { name: LIMITED_CLUSTER_ROLE },
    rules: [
      { apiGroups: [""], resources: ["namespaces", "nodes"], verbs: ["get", "list", "watch"] },
      { apiGroups: ["storage.k8s.io"], resources: ["storageclasses", "csidrivers"], verbs: ["get", "list", "watch"] },
      { apiGroups: ["node.k8s.io"], resources: ["runtimeclasses"], verbs: ["get", "list", "watch"] },
      { apiGroups: ["apiregistration.k8s.io"], resources: ["apiservices"], verbs: ["get", "list", "watch"] },
    ],
  };
  const binding = {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name: LIMITED_CLUSTER_ROLE },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: LIMITED_CLUSTER_ROLE },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: LIMITED_GROUP }],
  };
  for (const [p, obj] of [["/apis/rbac.authorization.k8s.io/v1/clusterroles", role], ["/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", binding]]) {
    const res = await request(conn, "POST", p, obj);
    if (res.status !== 201 && res.status !== 409) throw new Error(`creating ${obj.kind} failed: ${res.status} ${res.body}`);
  }
}

/** Reads the state of a running cluster in runDir, or undefined if none is running. */
export function readState(runDir) {
  const stateFile = path.join(runDir, "state.json");
  if (!existsSync(stateFile)) return undefined;
  try {
    const state = JSON.parse(readFileSync(stateFile, "utf8"));
    return isOurProcess(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes files under dir. files: { "relative/path": "content" | { content, mode } }.
 * Paths may not leave dir.
 */
function writeFiles(dir, files) {
  for (const [rel, spec] of Object.entries(files)) {
    const full = path.resolve(dir, rel);
    if (!full.startsWith(dir + path.sep)) throw new Error(`file path escapes the run dir: ${rel}`);
    mkdirSync(path.dirname(full), { recursive: true });
    const { content, mode } = typeof spec === "string" ? { content: spec, mode: 0o644 } : spec;
    writeFileSync(full, content, { mode: mode ?? 0o644 });
    if (mode !== undefined) chmodSync(full, mode);
  }
}

const flagName = (arg) => /^--([^=]+)/.exec(arg)?.[1];

/**
 * Default flags, minus `omit` (flag names with or without "--"), with every extra flag replacing a
 * default of the same name (kube-apiserver rejects some combinations, e.g. --authorization-mode
 * with --authorization-config, so "append" is not enough).
 */
export function mergeFlags(defaults, extra, omit = []) {
  const omitted = new Set(omit.map((f) => f.replace(/^--/, "")));
  const replaced = new Set(extra.map(flagName).filter(Boolean));
  return [...defaults.filter((a) => !omitted.has(flagName(a)) && !replaced.has(flagName(a))), ...extra];
}

/** GET https://127.0.0.1:port/healthz of a component with a self-signed serving certificate. */
function healthz(port) {
  return new Promise((resolve) => {
    const req = https.get({ host: HOST, port, path: "/healthz", rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
  });
}

/**
 * Starts one more control-plane process from the multi-call binary (kube-scheduler,
 * kube-controller-manager) with its own log and pid file in runDir, and waits for /healthz on its
 * --secure-port. Several of the same kind get numbered names. `stopCluster` stops them all.
 * Without a --secure-port in args it picks a free one, and starts again on another (twice at
 * most) when the process exits because that port was taken between picking and binding it (as
 * startCluster does for kube-apiserver; the failed attempt's log is kept beside the new one).
 */
/**
 * @param {string} runDir
 * @param {string} component
 * @param {string[]} args
 * @param {{ attached?: boolean, name?: string, readyTimeoutMs?: number }} [options]
 */
export async function startComponent(runDir, component, args, { attached = true, name, readyTimeoutMs = 60_000 } = {}) {
  let base = name ?? component;
  for (let i = 2; existsSync(path.join(runDir, `${base}.pid`)); i++) base = `${name ?? component}-${i}`;
  const logFile = path.join(runDir, `${base}.log`);
  const pidFile = path.join(runDir, `${base}.pid`);
  const givenPort = Number(args.map((a) => /^--secure-port=(\d+)$/.exec(a)?.[1]).find(Boolean) ?? 0);
  const hasPortFlag = args.some((a) => a.startsWith("--secure-port="));
  for (let attempt = 1; ; attempt++) {
    const port = hasPortFlag ? givenPort : await freePort();
    const out = openSync(logFile, "a");
    const env = { ...process.env, ...(attached ? { KUBE_TEST_EXIT_WITH_PARENT: "1" } : {}) };
    const child = spawn(binaryPath, [component, ...args, ...(hasPortFlag ? [] : [`--secure-port=${port}`])], { cwd: runDir, detached: !attached, stdio: ["ignore", out, out], env });
    closeSync(out);
    child.unref();
    if (!child.pid) throw new Error(`failed to spawn ${component}`);
    writeFileSync(pidFile, `${child.pid}\n`);
    const deadline = Date.now() + readyTimeoutMs;
    let exited = false;
    while (port) {
      if (!isAlive(child.pid)) {
        exited = true;
        break;
      }
      if (await healthz(port)) break;
      if (Date.now() > deadline) throw new Error(`${component} not healthy after ${readyTimeoutMs / 1000}s. Log tail:\n${tail(logFile)}`);
      await sleep(250);
    }
    if (exited) {
      rmSync(pidFile, { force: true });
      if (!hasPortFlag && keepForAnotherStart(logFile, attempt)) continue;
      throw new Error(`${component} exited during startup. Log tail:\n${tail(logFile)}`);
    }
    return {
      name: base,
      pid: child.pid,
      port,
      logFile,
      stop: async () => {
        await stopPid(child.pid);
        rmSync(pidFile, { force: true });
      },
    };
  }
}

/**
 * Builds (if needed) and starts a fresh cluster whose files live in runDir.
 * `attached: true` keeps the child tied to this process (it exits if we die): for test runners.
 * Options for behaviour tests (see e2e/cluster/control-plane.ts):
 *  - apiserverArgs: extra kube-apiserver flags, or ({ runDir, pkiDir, filesDir }) => flags; a flag
 *    replaces the default of the same name; omitApiserverArgs drops defaults by name
 *  - files: written under runDir/files before the apiserver starts ({ path: content | { content, mode } })
 *  - users: extra token users [{ name, groups, token? }], each with <name>.kubeconfig
 *  - controllerManager / scheduler: true or { args } / { config, args }
 * Resolves to the state object (also written to runDir/state.json).
 *
 * @param {{
 *   runDir: string,
 *   attached?: boolean,
 *   readyTimeoutMs?: number,
 *   log?: (message: string) => void,
 *   apiserverArgs?: string[] | ((dirs: { runDir: string, pkiDir: string, filesDir: string }) => string[]),
 *   omitApiserverArgs?: string[],
 *   files?: Record<string, string | { content: string, mode?: number }>,
 *   users?: { name: string, groups: string[], token?: string }[],
 *   controllerManager?: boolean | { args?: string[] },
 *   scheduler?: boolean | { config?: string, args?: string[] },
 * }} options
 */
export async function startCluster({
  runDir,
  attached = false,
  readyTimeoutMs = 60_000,
  log = (m) => process.stderr.write(m + "\n"),
  apiserverArgs: extraApiserverArgs = [],
  omitApiserverArgs = [],
  files = {},
  users = [],
  controllerManager = false,
  scheduler = false,
}) {
  await ensureBuilt({ log });
  const t0 = Date.now();
  rmSync(runDir, { recursive: true, force: true });
  const pkiDir = path.join(runDir, "pki");
  const etcdDir = path.join(runDir, "etcd");
  mkdirSync(runDir, { recursive: true });
  generatePki(pkiDir);
  const filesDir = path.join(runDir, "files");
  writeFiles(filesDir, files);

  // Token users: the two test users, the control-plane components (their bootstrap RBAC roles
  // exist in every cluster) and any the caller asks for. token,user,uid,"group1,group2"
  const tokenUsers = [
    { name: ADMIN_USER, groups: ["system:masters"] },
    { name: LIMITED_USER, groups: [LIMITED_GROUP] },
    { name: CONTROLLER_MANAGER_USER, groups: [] },
    { name: SCHEDULER_USER, groups: [] },
    ...users,
  ].map((u) => ({ ...u, token: u.token ?? randomBytes(24).toString("hex") }));
  const tokenOf = (name) => tokenUsers.find((u) => u.name === name).token;
  const adminToken = tokenOf(ADMIN_USER);
  const tokenFile = path.join(pkiDir, "tokens.csv");
  writeFileSync(tokenFile, tokenUsers.map((u) => `${u.token},${u.name},uid-${u.name},${csvField(u.groups.join(","))}`).join("\n") + "\n", { mode: 0o600 });

  const pki = (f) => path.join(pkiDir, f);
  const logFile = path.join(runDir, "kube-apiserver.log");
  const ca = readFileSync(pki("ca.crt"));
  // A start that failed for a reason outside this cluster's configuration is tried again (new
  // ports, fresh etcd data): see retryableExit.
  let securePort, etcdClientPort, etcdPeerPort, server, admin, pid;
  for (let attempt = 1; ; attempt++) {
    [securePort, etcdClientPort, etcdPeerPort] = await freePorts(3);
    server = `https://${HOST}:${securePort}`;
    const defaultApiserverArgs = [
      `--bind-address=${HOST}`,
      // Published in the `kubernetes` Service endpoints only (never bound). The endpoint
      // reconciler rejects loopback addresses, so use TEST-NET-1 (RFC 5737), which never routes.
      "--advertise-address=192.0.2.1",
      `--secure-port=${securePort}`,
      `--tls-cert-file=${pki("apiserver.crt")}`,
      `--tls-private-key-file=${pki("apiserver.key")}`,
      `--client-ca-file=${pki("ca.crt")}`,
      `--token-auth-file=${tokenFile}`,
      "--authorization-mode=Node,RBAC",
      "--anonymous-auth=false",
      "--service-account-issuer=https://kubernetes.default.svc",
      `--service-account-key-file=${pki("sa.pub")}`,
      `--service-account-signing-key-file=${pki("sa.key")}`,
      "--service-cluster-ip-range=10.0.0.0/24",
      "--allow-privileged=true",
      // Without kube-controller-manager nobody creates the `default` ServiceAccount, and the
      // ServiceAccount admission plugin would reject every pod.
      ...(controllerManager ? [] : ["--disable-admission-plugins=ServiceAccount"]),
      `--requestheader-client-ca-file=${pki("front-proxy-ca.crt")}`,
      "--requestheader-allowed-names=front-proxy-client",
      "--requestheader-extra-headers-prefix=X-Remote-Extra-",
      "--requestheader-group-headers=X-Remote-Group",
      "--requestheader-username-headers=X-Remote-User",
      `--proxy-client-cert-file=${pki("front-proxy-client.crt")}`,
      `--proxy-client-key-file=${pki("front-proxy-client.key")}`,
      // Aggregated APIs are reached through Service endpoints; there is no kube-proxy here.
      "--enable-aggregator-routing=true",
      "--profiling=false",
      "--v=1",
      ...APISERVER_FEATURE_FLAGS,
    ];
    const dirs = { runDir, pkiDir, filesDir };
    const extra = typeof extraApiserverArgs === "function" ? extraApiserverArgs(dirs) : extraApiserverArgs;
    const apiserverArgs = mergeFlags(defaultApiserverArgs, extra, omitApiserverArgs);
    const wrapperArgs = [
      `--etcd-data-dir=${etcdDir}`,
      `--etcd-client-port=${etcdClientPort}`,
      `--etcd-peer-port=${etcdPeerPort}`,
      ...(attached ? ["--exit-with-parent"] : []),
      "--",
      ...apiserverArgs,
    ];

    const out = openSync(logFile, "a");
    const child = spawn(binaryPath, wrapperArgs, { cwd: runDir, detached: !attached, stdio: ["ignore", out, out] });
    closeSync(out);
    child.unref();
    pid = child.pid;
    if (!pid) throw new Error("failed to spawn kube-test-cluster");
    writeFileSync(path.join(runDir, "kube-test-cluster.pid"), `${pid}\n`);

    admin = { server, ca, token: adminToken };
    try {
      await waitReady(admin, pid, logFile, readyTimeoutMs);
      await applyLimitedRbac(admin);
      break;
    } catch (err) {
      const why = isAlive(pid) ? undefined : keepForAnotherStart(logFile, attempt);
      if (why) {
        log(`kube-apiserver exited during startup (${why}, attempt ${attempt}); starting it again`);
        rmSync(etcdDir, { recursive: true, force: true });
        continue;
      }
      const { log: kept } = await stopCluster(runDir);
      throw new Error(`${err.message}\n(full log: ${kept ?? "none"})`);
    }
  }

  // One kubeconfig per token user: admin.kubeconfig, limited.kubeconfig, <name>.kubeconfig.
  /** @type {Record<string, string>} */
  const kubeconfigs = {};
  for (const u of tokenUsers) {
    const file = path.join(runDir, `${u.name === ADMIN_USER ? "admin" : u.name === LIMITED_USER ? "limited" : u.name.replaceAll(":", "-")}.kubeconfig`);
    writeFileSync(file, kubeconfig({ server, caFile: pki("ca.crt"), user: u.name, token: u.token }), { mode: 0o600 });
    kubeconfigs[u.name] = file;
  }
  const adminKubeconfig = /** @type {string} */ (kubeconfigs[ADMIN_USER]);
  const limitedKubeconfig = /** @type {string} */ (kubeconfigs[LIMITED_USER]);

  const components = {};
  try {
    if (controllerManager) {
      const opts = controllerManager === true ? {} : controllerManager;
      components["kube-controller-manager"] = await startComponent(runDir, "kube-controller-manager", [
        `--kubeconfig=${kubeconfigs[CONTROLLER_MANAGER_USER]}`,
        `--authentication-kubeconfig=${kubeconfigs[CONTROLLER_MANAGER_USER]}`,
        `--authorization-kubeconfig=${kubeconfigs[CONTROLLER_MANAGER_USER]}`,
        `--bind-address=${HOST}`,
        "--leader-elect=false",
        // Each controller runs with its own ServiceAccount, as kubeadm configures it.
        "--use-service-account-credentials=true",
        `--service-account-private-key-file=${pki("sa.key")}`,
        `--root-ca-file=${pki("ca.crt")}`,
        `--cluster-signing-cert-file=${pki("ca.crt")}`,
        `--cluster-signing-key-file=${pki("ca.key")}`,
        // No kubelet posts node status here: the node lifecycle controller would mark every
        // test Node unreachable and taint it, so nothing could be scheduled.
        "--controllers=*,-node-lifecycle-controller",
        FEATURE_GATES,
        "--v=1",
        ...(opts.args ?? []),
      ], { attached });
    }
    if (scheduler) {
      const opts = scheduler === true ? {} : scheduler;
      components["kube-scheduler"] = await startComponent(runDir, "kube-scheduler", [
        // With --config, kube-scheduler takes its kubeconfig from clientConnection.kubeconfig.
        ...(opts.config ? [`--config=${opts.config}`] : [`--kubeconfig=${kubeconfigs[SCHEDULER_USER]}`, "--leader-elect=false"]),
        `--authentication-kubeconfig=${kubeconfigs[SCHEDULER_USER]}`,
        `--authorization-kubeconfig=${kubeconfigs[SCHEDULER_USER]}`,
        `--bind-address=${HOST}`,
        "--v=1",
        ...(opts.args ?? []),
      ], { attached });
    }
  } catch (err) {
    const { log: kept } = await stopCluster(runDir);
    throw new Error(`${err.message}\n(apiserver log: ${kept ?? "none"})`);
  }

  const state = {
    pid,
    server,
    adminKubeconfig,
    limitedKubeconfig,
    kubeconfigs,
    tokens: Object.fromEntries(tokenUsers.map((u) => [u.name, u.token])),
    caFile: pki("ca.crt"),
    pkiDir,
    filesDir,
    logFile,
    components: Object.fromEntries(Object.entries(components).map(([k, c]) => [k, { pid: c.pid, logFile: c.logFile, port: c.port }])),
    ports: { apiserver: securePort, etcdClient: etcdClientPort, etcdPeer: etcdPeerPort },
    startSeconds: Math.round((Date.now() - t0) / 100) / 10,
    startedAt: new Date().toISOString(),
  };
  writeFileSync(path.join(runDir, "state.json"), JSON.stringify(state, null, 2));
  return state;
}

async function stopPid(pid, timeoutMs = 20_000) {
  if (!isAlive(pid)) return;
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await sleep(100);
  }
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

function peakRssMiB(pid) {
  try {
    const kb = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+) kB/m)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

// Logs of stopped clusters are kept for debugging in .cache/cluster/logs (newest 30 files):
// <run>.log for kube-apiserver, <run>.<component>.log for the others.
function keepLog(runDir) {
  const logFile = path.join(runDir, "kube-apiserver.log");
  if (!existsSync(logFile)) return undefined;
  const logsDir = path.join(path.dirname(runDir), "logs");
  mkdirSync(logsDir, { recursive: true });
  const kept = path.join(logsDir, `${path.basename(runDir)}.log`);
  copyFileSync(logFile, kept);
  for (const f of readdirSync(runDir).filter((f) => f.endsWith(".log") && f !== "kube-apiserver.log")) {
    copyFileSync(path.join(runDir, f), path.join(logsDir, `${path.basename(runDir)}.${f}`));
  }
  const old = readdirSync(logsDir)
    .map((f) => ({ f, t: statSync(path.join(logsDir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t)
    .slice(30);
  for (const { f } of old) rmSync(path.join(logsDir, f), { force: true });
  return kept;
}

/**
 * Stops the cluster recorded in runDir's pid file (only that process) and removes its data,
 * keeping the log in .cache/cluster/logs/. Resolves to { stopped, peakRssMiB, log }.
 */
export async function stopCluster(runDir) {
  const pidFile = path.join(runDir, "kube-test-cluster.pid");
  let stopped = false;
  let peak;
  // Components first (they would otherwise log connection errors while the apiserver goes away).
  const componentPids = existsSync(runDir)
    ? readdirSync(runDir).filter((f) => f.endsWith(".pid") && f !== "kube-test-cluster.pid").map((f) => Number.parseInt(readFileSync(path.join(runDir, f), "utf8"), 10))
    : [];
  await Promise.all(componentPids.filter((pid) => Number.isInteger(pid) && pid > 0 && isOurProcess(pid)).map((pid) => stopPid(pid)));
  if (existsSync(pidFile)) {
    const pid = Number.parseInt(readFileSync(pidFile, "utf8"), 10);
    if (Number.isInteger(pid) && pid > 0 && isOurProcess(pid)) {
      peak = peakRssMiB(pid);
      await stopPid(pid);
      stopped = true;
    }
  }
  const log = keepLog(runDir);
  rmSync(runDir, { recursive: true, force: true });
  return { stopped, peakRssMiB: peak, log };
}

/**
 * Removes run dirs named <prefix><pid> whose owning test-runner pid is gone (e.g. a Vitest run
 * killed with SIGKILL; its apiserver already exited via --exit-with-parent).
 */
export async function pruneStaleRunDirs(parentDir, prefix) {
  if (!existsSync(parentDir)) return;
  for (const name of readdirSync(parentDir)) {
    const m = name.match(new RegExp(`^${prefix}(\\d+)(?:-\\d+)?$`));
    if (m && !isAlive(Number(m[1]))) await stopCluster(path.join(parentDir, name));
  }
}
