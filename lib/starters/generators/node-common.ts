// Shared by the client, node, network, storage, device and scheduler starters (issue 7):
// their Go module pins, go.mod with optional replace lines, and the kube-scheduler pieces that
// the scheduler-configuration, multiple-schedulers, scheduler-plugin and scheduler-extender
// starters have in common.
import type { KubernetesMinor } from "@/lib/catalog"
import { GO_VERSION } from "../go-versions"
import { token } from "../code"
import type { StarterFile } from "../types"
import { appLabels } from "./common"

// source: kubernetes-1.34-1.37-changes.md §0 (k8s.io/* v0.37.2); the other pins are the versions
// `go get …@latest` resolved on the Go module proxy on 2026-11-25 (CSI spec v1.13.0, CNI v1.3.1,
// gRPC v1.85.0) or the versions k8s.io/kubernetes v1.37.2 itself requires (cobra, pflag, klog).
export const NODE_GO_DEPS = {
  "k8s.io/api": "v0.37.2",
  "k8s.io/apimachinery": "v0.37.2",
  "k8s.io/client-go": "v0.37.2",
  "k8s.io/cli-runtime": "v0.37.2",
  "k8s.io/component-base": "v0.37.2",
  "k8s.io/kubelet": "v0.37.2",
  "k8s.io/kube-scheduler": "v0.37.2",
  "k8s.io/kubernetes": "v1.37.2",
  "k8s.io/dynamic-resource-allocation": "v0.37.2",
  "k8s.io/klog/v2": "v2.140.0",
  "k8s.io/utils": "v0.0.0-20260626114624-be93311217bd",
  "github.com/spf13/cobra": "v1.10.2",
  "github.com/spf13/pflag": "v1.1.0",
  "google.golang.org/grpc": "v1.85.0",
  "google.golang.org/protobuf": "v1.36.12",
  "github.com/container-storage-interface/spec": "v1.13.0",
  "github.com/containernetworking/cni": "v1.3.1",
} as const

export type NodeGoDep = keyof typeof NODE_GO_DEPS

/**
 * k8s.io/kubernetes pins its staging modules at v0.0.0 and resolves them through replace
 * directives in its own repository; a module that imports it must repeat those replaces
 * (same list as e2e/cluster/go.mod, derived by scripts/cluster/sync-gomod.mjs).
 */
const STAGING_MODULES = [
  "api", "apiextensions-apiserver", "apimachinery", "apiserver", "cli-runtime", "client-go", "cloud-provider",
  "cluster-bootstrap", "code-generator", "component-base", "component-helpers", "controller-manager", "cri-api",
  "cri-client", "cri-streaming", "csi-translation-lib", "dynamic-resource-allocation", "endpointslice", "externaljwt",
  "kms", "kube-aggregator", "kube-controller-manager", "kube-proxy", "kube-scheduler", "kubectl", "kubelet", "metrics",
  "mount-utils", "pod-security-admission", "sample-apiserver", "sample-cli-plugin", "sample-controller", "streaming",
] as const

/** go.mod with direct requirements (`go mod tidy` adds the rest and go.sum). */
export function nodeGoMod(module: string, deps: readonly NodeGoDep[], opts: { stagingReplaces?: boolean } = {}): StarterFile {
  token(module) // validated by the goModule option; throws if anything else slipped through
  const requires = [...new Set(deps)].sort().map((d) => `\t${d} ${NODE_GO_DEPS[d]}`)
  let content = `module ${module}\n\ngo ${GO_VERSION}\n\nrequire (\n${requires.join("\n")}\n)\n`
  if (opts.stagingReplaces) {
    const v = NODE_GO_DEPS["k8s.io/api"]
    content += `\n// k8s.io/kubernetes requires its staging modules at v0.0.0; pin them to the release.\nreplace (\n${STAGING_MODULES.map((m) => `\tk8s.io/${m} => k8s.io/${m} ${v}`).join("\n")}\n)\n`
  }
  return { path: "go.mod", content }
}

/**
 * kube-scheduler image for a target minor. Patch levels are the newest we have a source for
 * (kubernetes-1.34-1.37-changes.md §0); for older minors the .0 release, which certainly
 * exists: match it to your control plane's patch version.
 */
const SCHEDULER_PATCH: Partial<Record<KubernetesMinor, string>> = { "1.37": "2", "1.36": "6", "1.35": "9", "1.34": "9" }
export function kubeSchedulerImage(k8s: KubernetesMinor): string {
  return `registry.k8s.io/kube-scheduler:v${k8s}.${SCHEDULER_PATCH[k8s] ?? "0"}`
}

export const BIN_PACKING_STRATEGIES = ["MostAllocated", "LeastAllocated", "RequestedToCapacityRatio"] as const
export type ScoringStrategy = (typeof BIN_PACKING_STRATEGIES)[number]

/** NodeResourcesFit args for a scoring strategy (kubescheduler.config.k8s.io/v1 NodeResourcesFitArgs). */
export function nodeResourcesFitArgs(strategy: ScoringStrategy): Record<string, unknown> {
  const resources = [
    { name: "cpu", weight: 1 },
    { name: "memory", weight: 1 },
  ]
  if (strategy === "RequestedToCapacityRatio") {
    return {
      scoringStrategy: {
        type: strategy,
        resources,
        // Score rises with utilisation: an empty node scores 0, a full one 10 (bin packing).
        requestedToCapacityRatio: { shape: [{ utilization: 0, score: 0 }, { utilization: 100, score: 10 }] },
      },
    }
  }
  return { scoringStrategy: { type: strategy, resources } }
}

export type SchedulerProfile = {
  schedulerName: string
  /** plugins section of the profile */
  plugins?: Record<string, unknown>
  pluginConfig?: { name: string; args: Record<string, unknown> }[]
}

/** KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1 on every supported minor). */
export function schedulerConfig(input: {
  profiles: SchedulerProfile[]
  leaderElection?: { resourceName: string; resourceNamespace: string }
  extenders?: Record<string, unknown>[]
  /**
   * clientConnection.kubeconfig. With --config, kube-scheduler ignores --kubeconfig, so a config
   * for the control plane's own scheduler must name its kubeconfig (kubeadm:
   * /etc/kubernetes/scheduler.conf); in a Pod, leave it out to use the service account.
   */
  kubeconfig?: string
}): Record<string, unknown> {
  const cfg: Record<string, unknown> = {
    apiVersion: "kubescheduler.config.k8s.io/v1",
    kind: "KubeSchedulerConfiguration",
  }
  if (input.kubeconfig) cfg.clientConnection = { kubeconfig: input.kubeconfig }
  if (input.leaderElection) {
    cfg.leaderElection = {
      leaderElect: true,
      resourceName: input.leaderElection.resourceName,
      resourceNamespace: input.leaderElection.resourceNamespace,
    }
  }
  cfg.profiles = input.profiles.map((p) => {
    const out: Record<string, unknown> = { schedulerName: p.schedulerName }
    if (p.plugins) out.plugins = p.plugins
    if (p.pluginConfig) out.pluginConfig = p.pluginConfig
    return out
  })
  if (input.extenders?.length) cfg.extenders = input.extenders
  return cfg
}

type Obj = Record<string, unknown>

/**
 * A second scheduler running in its own namespace: ServiceAccount, the built-in scheduler
 * ClusterRoles bound to it, leader election on its own Lease, the authentication reader role,
 * its configuration in a ConfigMap, and the Deployment. Pods opt in with spec.schedulerName.
 */
export function secondSchedulerObjects(input: {
  name: string
  namespace: string
  image: string
  config: Obj
  configYaml: string
  k8s: KubernetesMinor
  /** Extra containers (an extender sidecar) in the scheduler pod. */
  sidecars?: Obj[]
  replicas?: number
}): Obj[] {
  const { name, namespace } = input
  const labels = appLabels(name, "scheduler")
  const sa = { kind: "ServiceAccount", name, namespace }
  const objs: Obj[] = [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace, labels } },
    // The roles kube-scheduler itself runs with (bootstrap RBAC, present in every cluster).
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: `${name}-as-kube-scheduler`, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "system:kube-scheduler" },
      subjects: [sa],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: `${name}-as-volume-scheduler`, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "system:volume-scheduler" },
      subjects: [sa],
    },
    // system:kube-scheduler only covers the "kube-scheduler" Lease; this one is ours.
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: { name: `${name}-leader-election`, namespace, labels },
      rules: [
        { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["create"] },
        { apiGroups: ["coordination.k8s.io"], resources: ["leases"], resourceNames: [name], verbs: ["get", "update"] },
      ],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: `${name}-leader-election`, namespace, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: `${name}-leader-election` },
      subjects: [sa],
    },
    // Read the client-CA ConfigMap for delegated authentication of /metrics and /healthz callers.
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: `${name}-authentication-reader`, namespace: "kube-system", labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "extension-apiserver-authentication-reader" },
      subjects: [sa],
    },
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: `${name}-config`, namespace, labels },
      data: { "scheduler-config.yaml": input.configYaml },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name, namespace, labels },
      spec: {
        // Two replicas: leader election keeps one active, the other takes over within the lease
        // duration (15 s) when its node fails or is drained.
        replicas: input.replicas ?? 2,
        selector: { matchLabels: { "app.kubernetes.io/name": name } },
        template: {
          metadata: { labels: { "app.kubernetes.io/name": name, "app.kubernetes.io/component": "scheduler" } },
          spec: {
            serviceAccountName: name,
            priorityClassName: "system-cluster-critical",
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  { weight: 100, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { "app.kubernetes.io/name": name } } } },
                ],
              },
            },
            securityContext: { runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: "RuntimeDefault" } },
            containers: [
              {
                name: "kube-scheduler",
                image: input.image,
                command: ["kube-scheduler", "--config=/etc/kubernetes/scheduler/scheduler-config.yaml", "--v=2"],
                livenessProbe: { httpGet: { path: "/livez", port: 10259, scheme: "HTTPS" }, initialDelaySeconds: 15 },
                readinessProbe: { httpGet: { path: "/readyz", port: 10259, scheme: "HTTPS" } },
                resources: { requests: { cpu: "100m", memory: "128Mi" } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ["ALL"] },
                },
                volumeMounts: [{ name: "config", mountPath: "/etc/kubernetes/scheduler", readOnly: true }],
              },
              ...(input.sidecars ?? []),
            ],
            volumes: [{ name: "config", configMap: { name: `${name}-config` } }],
          },
        },
      },
    },
    // A drain never evicts both replicas at once.
    {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name, namespace, labels },
      spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": name } } },
    },
  ]
  return objs
}

/** A sample Pod scheduled by the given scheduler (restricted Pod Security). */
export function samplePod(name: string, namespace: string, schedulerName: string, app = name): Obj {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, labels: { "app.kubernetes.io/name": app } },
    spec: {
      schedulerName,
      securityContext: { runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: "RuntimeDefault" } },
      containers: [
        {
          name: "pause",
          image: "registry.k8s.io/pause:3.10",
          resources: { requests: { cpu: "50m", memory: "32Mi" }, limits: { memory: "32Mi" } },
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
        },
      ],
    },
  }
}
