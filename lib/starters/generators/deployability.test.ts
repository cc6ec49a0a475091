// What the apiserver-configured, scheduler, client and node starters need to work once deployed
// (issue 12's findings): each test here failed on the generators before their fix. The Go-level
// behaviour (decisions, caches, matching, ACLs, netns) is tested by the starters' own Go tests,
// which `node scripts/verify-starters.mjs` runs.
import { spawnSync } from "node:child_process"
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"
import type { StarterOutput } from "../types"
import { parseYamlDocs } from "../yaml"
import { file, files } from "./generated-output"
import { kubeadmStaticPod } from "./control-plane"

type Obj = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

function docs(out: StarterOutput, path: string): Obj[] {
  return parseYamlDocs(file(out, path)) as Obj[]
}

function writeOut(out: StarterOutput): string {
  const dir = mkdtempSync(join(tmpdir(), `dep-${out.root}-`))
  for (const f of out.files) {
    const p = join(dir, f.path)
    mkdirSync(dirname(p), { recursive: true })
    writeFileSync(p, f.content)
    if (f.executable) chmodSync(p, 0o755)
  }
  return dir
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0
const run = (cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } })

const hasKubectl = run("kubectl", ["version", "--client"], tmpdir()).status === 0

/** Runs hack/<component>-manifest.sh add, returns the patched Pod, then checks that remove restores the original. */
function patchedManifest(out: StarterOutput, component: "kube-apiserver" | "kube-scheduler"): Obj {
  if (!hasKubectl) throw new Error("kubectl is not on PATH (the manifest scripts use `kubectl patch --local`)")
  const dir = writeOut(out)
  try {
    const manifests = join(dir, "etc", "manifests")
    mkdirSync(manifests, { recursive: true })
    const manifest = join(manifests, `${component}.yaml`)
    const original = kubeadmStaticPod(component)
    writeFileSync(manifest, original)
    const add = run("bash", [`hack/${component}-manifest.sh`, "add", manifest], dir)
    expect(add.status, add.stderr).toBe(0)
    const pod = parse(readFileSync(manifest, "utf8")) as Obj
    expect(statSync(manifest).mode & 0o777).toBe(0o600)
    const again = run("bash", [`hack/${component}-manifest.sh`, "add", manifest], dir)
    expect(again.stdout, "add twice changes nothing").toContain("nothing to change")
    const remove = run("bash", [`hack/${component}-manifest.sh`, "remove", manifest], dir)
    expect(remove.status, remove.stderr).toBe(0)
    expect(parse(readFileSync(manifest, "utf8"))).toEqual(parse(original))
    return pod
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function mountsOf(pod: Obj): { flags: string[]; mounts: Obj[]; volumes: Obj[] } {
  const c = pod.spec.containers[0]
  return { flags: c.command as string[], mounts: c.volumeMounts as Obj[], volumes: pod.spec.volumes as Obj[] }
}

describe("authorization webhook leaves Kubernetes alone", () => {
  const out = files("authorization-webhook")
  it("never answers Allowed (that would skip RBAC)", () => {
    const code = file(out, "internal/authz/authz.go")
    expect(code).not.toMatch(/Status\.Allowed\s*=\s*true/)
    expect(code).toContain("func SystemComponent(")
  })
  it("matchConditions keep system components away from the webhook", () => {
    const [cfg] = docs(out, "config/authorization-config.yaml")
    const conditions = (cfg!.authorizers[1].webhook.matchConditions as Obj[]).map((c) => c.expression as string)
    expect(conditions.some((c) => c.includes("request.user.startsWith('system:')"))).toBe(true)
  })
  it("replaces --authorization-mode with --authorization-config and mounts its directory", () => {
    const { flags, mounts, volumes } = mountsOf(patchedManifest(out, "kube-apiserver"))
    expect(flags.some((f) => f.startsWith("--authorization-mode="))).toBe(false)
    expect(flags).toContain("--authorization-config=/etc/kubernetes/namespace-guard-authz/authorization-config.yaml")
    expect(mounts).toContainEqual({ name: "namespace-guard-authz", mountPath: "/etc/kubernetes/namespace-guard-authz", readOnly: true })
    expect(volumes).toContainEqual({ name: "namespace-guard-authz", hostPath: { path: "/etc/kubernetes/namespace-guard-authz", type: "Directory" } })
  }, 30_000)
})

describe("scheduler-configuration keeps the default scheduler working", () => {
  const out = files("scheduler-configuration")
  it("names kubeadm's scheduler kubeconfig (kube-scheduler ignores --kubeconfig with --config)", () => {
    const [cfg] = docs(out, "config/kube-scheduler-config.yaml")
    expect(cfg!.clientConnection).toEqual({ kubeconfig: "/etc/kubernetes/scheduler.conf" })
    expect((cfg!.profiles as Obj[]).map((p) => p.schedulerName)).toContain("default-scheduler")
  })
  it("switches off the cluster-default spreading in the bin-packing profile (found by the behaviour tier: it outweighed MostAllocated)", () => {
    for (const id of ["scheduler-configuration", "multiple-schedulers"]) {
      const [cfg] = docs(files(id), "config/kube-scheduler-config.yaml")
      const profile = (cfg!.profiles as Obj[]).find((p) => p.schedulerName === "bin-packing-scheduler")!
      expect((profile.pluginConfig as Obj[]).find((c) => c.name === "PodTopologySpread")?.args, id).toEqual({ defaultingType: "List", defaultConstraints: [] })
    }
  })
  it("adds --config and mounts the configuration directory into kube-scheduler", () => {
    const { flags, mounts } = mountsOf(patchedManifest(out, "kube-scheduler"))
    expect(flags).toContain("--config=/etc/kubernetes/scheduler-config/kube-scheduler-config.yaml")
    expect(mounts.map((m) => m.mountPath)).toContain("/etc/kubernetes/scheduler-config")
  }, 30_000)
})

describe("static-pod webhooks can read their key", () => {
  for (const id of ["authentication-webhook", "authorization-webhook", "image-policy-webhook"]) {
    it(`${id}: make install gives the container's UID the key (mode 0400)`, () => {
      const out = files(id)
      const [pod] = docs(out, "deploy/static-pod.yaml")
      const sc = pod!.spec.containers[0].securityContext
      expect(sc.runAsUser).toBe(65532)
      expect(sc.runAsGroup).toBe(65532)
      const makefile = file(out, "Makefile")
      expect(makefile).toContain("RUN_AS ?= 65532")
      expect(makefile).toMatch(/install -m 0400 -o \$\(RUN_AS\) -g \$\(RUN_AS\) certs\/tls\.key \$\(DESTDIR\)\/tls\.key/)
      if (!isRoot) return // chown needs root; CI runs as root and does the real check below
      const dir = writeOut(out)
      try {
        if (id === "authentication-webhook") writeFileSync(join(dir, "tokens.txt"), "t0k3n:alice:dev\n")
        expect(run("bash", ["hack/gen-certs.sh"], dir).status).toBe(0)
        const dest = join(dir, "node", "etc")
        const manifests = join(dir, "node", "manifests")
        const install = run("make", ["install", `DESTDIR=${dest}`, `MANIFESTS=${manifests}`], dir)
        expect(install.status, install.stderr).toBe(0)
        const key = statSync(join(dest, "tls.key"))
        expect([key.uid, key.gid, key.mode & 0o777]).toEqual([65532, 65532, 0o400])
        chmodSync(dir, 0o755)
        chmodSync(join(dir, "node"), 0o755)
        // Read it as the container would (same UID, no supplementary groups).
        const read = run("setpriv", ["--reuid=65532", "--regid=65532", "--clear-groups", "cat", join(dest, "tls.key")], dir)
        expect(read.status, read.stderr).toBe(0)
        expect(read.stdout).toContain("PRIVATE KEY")
        if (id === "authentication-webhook") expect(statSync(join(dest, "tokens")).mode & 0o777).toBe(0o400)
        const uninstall = run("make", ["uninstall", `DESTDIR=${dest}`, `MANIFESTS=${manifests}`], dir)
        expect(uninstall.status).toBe(0)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }, 30_000)
  }
})

describe("authentication webhook reads its token file where it is installed", () => {
  it("static Pod and make run pass --tokens-file", () => {
    const out = files("authentication-webhook")
    const [pod] = docs(out, "deploy/static-pod.yaml")
    expect(pod!.spec.containers[0].args).toContain("--tokens-file=/etc/kubernetes/token-authn-webhook/tokens")
    expect(file(out, "Makefile")).toMatch(/go run \.\/cmd\/server .*--tokens-file=\$\(TOKENS\)/)
    expect(file(out, "cmd/server/main.go")).toContain("authn.TokensFile = *tokens")
    expect(file(out, "internal/authn/authn.go")).not.toContain("TOKENS_FILE")
  })
})

describe("structured authentication is mounted into kube-apiserver", () => {
  const out = files("structured-authentication")
  it("adds --authentication-config and a hostPath volume kubeadm does not have", () => {
    const { flags, mounts, volumes } = mountsOf(patchedManifest(out, "kube-apiserver"))
    expect(flags).toContain("--authentication-config=/etc/kubernetes/authentication/authentication-config.yaml")
    expect(mounts).toContainEqual({ name: "structured-authn", mountPath: "/etc/kubernetes/authentication", readOnly: true })
    expect(volumes).toContainEqual({ name: "structured-authn", hostPath: { path: "/etc/kubernetes/authentication", type: "Directory" } })
  }, 30_000)
  it("refuses to run next to --oidc-* flags", () => {
    if (!hasKubectl) throw new Error("kubectl is not on PATH")
    const dir = writeOut(out)
    try {
      const manifest = join(dir, "manifests", "kube-apiserver.yaml")
      mkdirSync(dirname(manifest))
      writeFileSync(manifest, kubeadmStaticPod("kube-apiserver").replace("    - --secure-port=6443", "    - --oidc-issuer-url=https://old.example.com\n    - --secure-port=6443"))
      const add = run("bash", ["hack/kube-apiserver-manifest.sh", "add", manifest], dir)
      expect(add.status).not.toBe(0)
      expect(add.stderr).toContain("--oidc-")
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  it("maps groups in a form kube-apiserver compiles (found by the behaviour tier: a CEL map over the untyped groups claim stops kube-apiserver)", () => {
    const [cfg] = docs(out, "config/authentication-config.yaml")
    expect(cfg!.jwt[0].claimMappings.groups).toEqual({ claim: "groups", prefix: "oidc:" })
  })
  it("does not bind cluster-admin by default", () => {
    expect(file(out, "deploy/rbac.yaml")).not.toContain("cluster-admin")
  })
})

describe("CNI plugin chains into the node's network instead of replacing it", () => {
  const out = files("cni-plugin")
  it("ships no conflist of its own to install, and an installer that chains and unchains", () => {
    const [, ds] = docs(out, "deploy/install-daemonset.yaml")
    const c = ds!.spec.template.spec.containers[0]
    expect(c.command[0]).toBe("/install")
    expect(ds!.spec.template.spec.initContainers).toBeUndefined()
    expect(out.files.some((f) => f.path === "install.sh")).toBe(false)
    expect(file(out, "Dockerfile")).not.toMatch(/COPY config\/.*conflist/)
    expect(file(out, "internal/chain/chain.go")).toContain("func Remove(")
    expect(file(out, "Makefile")).toMatch(/^undeploy:/m)
    // The example chain is ptp+host-local followed by the plugin, never a bridge over the pod CIDR.
    const example = JSON.parse(file(out, "config/example-chain.conflist")) as Obj
    expect((example.plugins as Obj[]).map((p) => p.type)).toEqual(["ptp", "subnet-guard"])
  })
})

describe("client and node starters", () => {
  it("exec-credential-plugin caches per token URL, client ID and scope", () => {
    const code = file(files("exec-credential-plugin"), "main.go")
    expect(code).toMatch(/sha256\.Sum256\(\[\]byte\(o\.TokenURL \+ "\\x00" \+ o\.ClientID \+ "\\x00" \+ o\.Scope\)\)/)
    expect(code).not.toContain('"token.json"')
  })
  it("image-credential-provider has credentials for every matchImages pattern and matches globs", () => {
    for (const opts of [{}, { serviceAccountToken: true }]) {
      const out = files("image-credential-provider", opts)
      const [cfg] = docs(out, "config/credential-provider-config.yaml")
      const hosts = (JSON.parse(file(out, "config/registry-credentials.example.json")) as { registries: Obj[] }).registries.map((r) => r.host)
      expect(hosts).toEqual(cfg!.providers[0].matchImages)
      expect(file(out, "main.go")).toContain("func matches(glob, image string) bool")
    }
  })
  it("device-plugin runs non-root with seccomp RuntimeDefault and probes", () => {
    const [, ds] = docs(files("device-plugin"), "deploy/daemonset.yaml")
    const spec = ds!.spec.template.spec
    const c = spec.containers[0]
    expect(c.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } })
    expect(spec.securityContext.seccompProfile).toEqual({ type: "RuntimeDefault" })
    expect(c.readinessProbe.httpGet.path).toBe("/healthz")
    expect(c.livenessProbe.httpGet.path).toBe("/healthz")
    // A native sidecar (restartPolicy Always) keeps granting access when the kubelet recreates its socket.
    const sidecar = spec.initContainers[0]
    expect(sidecar.securityContext.capabilities).toEqual({ drop: ["ALL"] })
    expect(sidecar.restartPolicy).toBe("Always")
    expect(sidecar.args).toEqual(["--grant-access-to-uid=65532", "--watch"])
  })
  it("dra-driver ships a policy: a node writes only its own ResourceSlices", () => {
    const out = files("dra-driver")
    const [vap, binding] = docs(out, "deploy/resourceslice-policy.yaml")
    expect(vap!.kind).toBe("ValidatingAdmissionPolicy")
    expect(vap!.spec.matchConstraints.resourceRules[0]).toMatchObject({ apiGroups: ["resource.k8s.io"], resources: ["resourceslices"], operations: ["CREATE", "UPDATE", "DELETE"] })
    // .?extra: found by the behaviour tier, a caller without extras made the variable fail to evaluate.
    expect(vap!.spec.variables[0].expression).toBe("request.userInfo.?extra[?'authentication.kubernetes.io/node-name'][0].orValue('')")
    expect(binding).toMatchObject({ kind: "ValidatingAdmissionPolicyBinding", spec: { policyName: vap!.metadata.name, validationActions: ["Deny"] } })
    expect(file(out, "deploy/kustomization.yaml")).toContain("resourceslice-policy.yaml")
  })
  it("csi-driver sets resource requests on every container", () => {
    for (const opts of [{}, { attachRequired: true }]) {
      for (const d of docs(files("csi-driver", opts), "deploy/driver.yaml")) {
        for (const c of (d.spec?.template?.spec?.containers ?? []) as Obj[]) {
          expect(c.resources?.requests, `${d.kind}/${c.name}`).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) })
        }
      }
    }
  })
  it("scheduler-extender is node-cache capable and shuts down gracefully", () => {
    const out = files("scheduler-extender")
    const [cfg] = docs(out, "config/kube-scheduler-config.yaml")
    expect(cfg!.extenders[0].nodeCacheCapable).toBe(true)
    const code = file(out, "main.go")
    expect(code).toContain("signal.NotifyContext")
    expect(code).toContain("srv.Shutdown(")
    expect(code).toContain("args.NodeNames")
  })
  it("second schedulers run 2 replicas with leader election and a PodDisruptionBudget, and can be removed", () => {
    for (const id of ["multiple-schedulers", "scheduler-plugin", "scheduler-extender"]) {
      const out = files(id)
      const objs = docs(out, "deploy/scheduler.yaml")
      const dep = objs.find((o) => o.kind === "Deployment")!
      const pdb = objs.find((o) => o.kind === "PodDisruptionBudget")
      expect(dep.spec.replicas, id).toBe(2)
      expect(pdb?.spec.selector.matchLabels, id).toEqual(dep.spec.selector.matchLabels)
      const [cfg] = docs(out, "config/kube-scheduler-config.yaml")
      expect(cfg!.leaderElection.leaderElect, id).toBe(true)
      expect(file(out, "README.md"), id).toMatch(/## Remove\n\n```sh\n[^`]*kubectl delete -k deploy\//)
    }
  })
})

describe("bash kubectl plugin stays bash 3.2 compatible (macOS /bin/bash)", () => {
  // No bash 3.2 here (Debian ships 5.x, and BASH_COMPAT does not bring back 3.2's nounset rule for
  // empty arrays), so the constructs bash < 4.4 rejects or lacks are checked in the source.
  const BASH4 = [
    { re: /(?<!\+)"\$\{[A-Za-z_][A-Za-z0-9_]*\[[@*]\]\}"/, why: 'a plain "${a[@]}" fails under set -u when a is empty (bash < 4.4); use ${a[@]+"${a[@]}"}' },
    { re: /\bdeclare\s+-A\b|\blocal\s+-A\b/, why: "associative arrays need bash 4" },
    { re: /\b(mapfile|readarray|coproc)\b/, why: "bash 4 builtin" },
    { re: /\$\{[A-Za-z_][A-Za-z0-9_]*(,,|\^\^)/, why: "case conversion needs bash 4" },
    { re: /;;&|;&|\|&/, why: "bash 4 operator" },
  ]
  it("uses no bash-4-only constructs", () => {
    const out = files("kubectl-plugin", { language: "bash" })
    for (const f of out.files.filter((x) => x.executable)) {
      f.content.split("\n").forEach((line, i) => {
        if (line.trimStart().startsWith("#")) return
        for (const { re, why } of BASH4) expect(re.test(line), `${f.path}:${i + 1}: ${why}\n${line}`).toBe(false)
      })
    }
  })
})

describe("README: build, deploy, try and remove", () => {
  const ids = [
    "authentication-webhook",
    "authorization-webhook",
    "image-policy-webhook",
    "structured-authentication",
    "scheduler-configuration",
    "multiple-schedulers",
    "scheduler-plugin",
    "scheduler-extender",
    "cni-plugin",
    "csi-driver",
    "device-plugin",
    "dra-driver",
    "exec-credential-plugin",
    "image-credential-provider",
    "kubectl-plugin",
  ]
  for (const id of ids) {
    it(id, () => {
      const readme = file(files(id), "README.md")
      for (const h of ["## Deploy", "## Test", "## Try", "## Remove"]) expect(readme, h).toContain(`${h}\n`)
    })
  }
})
