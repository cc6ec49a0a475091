// Pure functions: raw API objects -> report section data. No I/O, so they are unit-tested with
// recorded JSON and exercised against the real cluster by inspector.cluster.test.ts.
import type {
  RawApiService,
  RawCrd,
  RawCsiDriver,
  RawDeviceClass,
  RawNode,
  RawPod,
  RawPolicy,
  RawPolicyBinding,
  RawPriorityClass,
  RawPv,
  RawResourceSlice,
  RawRule,
  RawRuntimeClass,
  RawStorageClass,
  RawWebhookConfiguration,
  RawWorkload,
} from "./raw"
import { defaultNamespaceLabels, selectorMatches } from "./selectors"
import type {
  AdmissionPolicyItem,
  ApiServiceItem,
  CniItem,
  ControlPlaneFlag,
  CrdItem,
  CsiDriverItem,
  DeviceClassItem,
  ExtendedResourceItem,
  FlexVolumeItem,
  OperatorItem,
  PlatformHint,
  PriorityClassItem,
  ResourceSliceDriverItem,
  RiskFlag,
  RuntimeClassItem,
  SchedulerItem,
  StorageClassItem,
  WebhookItem,
  WebhookRule,
} from "./types"

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name)

function toRule(r: RawRule): WebhookRule {
  return {
    operations: r.operations ?? [],
    apiGroups: r.apiGroups ?? [],
    apiVersions: r.apiVersions ?? [],
    resources: r.resources ?? [],
    scope: r.scope ?? "*",
  }
}

/** A rule matching every group or every resource intercepts far more than one API. */
export function isBroadRule(rule: WebhookRule): boolean {
  return rule.apiGroups.includes("*") || rule.resources.some((r) => r === "*" || r === "*/*" || r.startsWith("*/"))
}

const coversNamespaced = (rule: WebhookRule) => rule.scope === "*" || rule.scope === "Namespaced"

export type NamespaceLabels = (namespace: string) => Record<string, string>

/**
 * Risk flags for one webhook. Defaults follow admissionregistration.k8s.io/v1:
 * failurePolicy Fail, timeoutSeconds 10.
 */
export function webhookRisks(w: Omit<WebhookItem, "risks">, labelsOf: NamespaceLabels): RiskFlag[] {
  const risks: RiskFlag[] = []
  const fail = w.failurePolicy === "Fail"
  const sev = fail ? "high" : "warning"
  const broad = w.rules.filter(isBroadRule)
  if (fail && broad.length > 0) {
    const r = broad[0]!
    risks.push({
      id: "fail-broad-match",
      severity: "high",
      params: { apiGroups: r.apiGroups.join(","), resources: r.resources.join(",") },
    })
  }
  if (w.timeoutSeconds > 10) {
    risks.push({ id: "timeout-over-10s", severity: sev, params: { timeoutSeconds: w.timeoutSeconds } })
  }
  const namespaced = w.rules.some(coversNamespaced)
  if (namespaced && selectorMatches(w.namespaceSelector, labelsOf("kube-system"))) {
    risks.push({ id: "no-kube-system-exclusion", severity: sev, params: { namespace: "kube-system" } })
  }
  const own = w.target.service?.namespace
  if (own && namespaced && selectorMatches(w.namespaceSelector, labelsOf(own))) {
    risks.push({ id: "matches-own-namespace", severity: sev, params: { namespace: own } })
  }
  return risks
}

/** Only the host of a webhook URL is reported: paths and queries may carry secrets. */
function urlHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return "(invalid URL)"
  }
}

export function webhookItems(
  configs: readonly RawWebhookConfiguration[],
  type: "validating" | "mutating",
  labelsOf: NamespaceLabels = defaultNamespaceLabels,
): WebhookItem[] {
  const out: WebhookItem[] = []
  for (const c of configs) {
    for (const w of c.webhooks ?? []) {
      const svc = w.clientConfig?.service
      const base: Omit<WebhookItem, "risks"> = {
        configuration: c.metadata?.name ?? "",
        name: w.name ?? "",
        type,
        rules: (w.rules ?? []).map(toRule),
        failurePolicy: w.failurePolicy ?? "Fail",
        matchPolicy: w.matchPolicy ?? "Equivalent",
        timeoutSeconds: w.timeoutSeconds ?? 10,
        sideEffects: w.sideEffects ?? "Unknown",
        ...(type === "mutating" ? { reinvocationPolicy: w.reinvocationPolicy ?? "Never" } : {}),
        ...(w.namespaceSelector ? { namespaceSelector: w.namespaceSelector } : {}),
        ...(w.objectSelector ? { objectSelector: w.objectSelector } : {}),
        matchConditions: w.matchConditions?.length ?? 0,
        target: svc
          ? {
              service: {
                namespace: svc.namespace ?? "",
                name: svc.name ?? "",
                ...(svc.path ? { path: svc.path } : {}),
                ...(svc.port ? { port: svc.port } : {}),
              },
            }
          : w.clientConfig?.url
            ? { urlHost: urlHost(w.clientConfig.url) }
            : {},
      }
      out.push({ ...base, risks: webhookRisks(base, labelsOf) })
    }
  }
  return out.sort((a, b) => a.configuration.localeCompare(b.configuration) || a.name.localeCompare(b.name))
}

export function admissionPolicyItems(
  policies: readonly RawPolicy[],
  bindings: readonly RawPolicyBinding[],
  type: "validating" | "mutating",
  apiVersion: string,
): AdmissionPolicyItem[] {
  return policies
    .map((p) => {
      const name = p.metadata?.name ?? ""
      return {
        name,
        type,
        apiVersion,
        failurePolicy: p.spec?.failurePolicy ?? "Fail",
        validations: p.spec?.validations?.length ?? 0,
        mutations: p.spec?.mutations?.length ?? 0,
        ...(p.spec?.paramKind?.kind ? { paramKind: `${p.spec.paramKind.apiVersion ?? ""} ${p.spec.paramKind.kind}`.trim() } : {}),
        matchResources: (p.spec?.matchConstraints?.resourceRules ?? []).map(toRule),
        bindings: bindings
          .filter((b) => b.spec?.policyName === name)
          .map((b) => ({ name: b.metadata?.name ?? "", validationActions: b.spec?.validationActions ?? [] })),
      }
    })
    .sort(byName)
}

// Owner inference: strongest evidence first.
const OWNER_LABELS = [
  "app.kubernetes.io/part-of",
  "app.kubernetes.io/name",
  "app.kubernetes.io/instance",
  "app.kubernetes.io/managed-by",
  "app",
] as const

export function likelyOwner(crd: RawCrd): CrdItem["likelyOwner"] {
  const labels = crd.metadata?.labels ?? {}
  const ann = crd.metadata?.annotations ?? {}
  for (const key of OWNER_LABELS) {
    const v = labels[key]
    // managed-by: Helm names the tool, not the product; prefer the release below.
    if (v && !(key === "app.kubernetes.io/managed-by" && v === "Helm")) return { name: v, evidence: `label ${key}` }
  }
  if (ann["meta.helm.sh/release-name"]) {
    return { name: ann["meta.helm.sh/release-name"], evidence: "annotation meta.helm.sh/release-name" }
  }
  const olm = Object.keys(labels).find((k) => k.startsWith("operators.coreos.com/"))
  if (olm) return { name: olm.slice("operators.coreos.com/".length).split(".")[0] ?? olm, evidence: `label ${olm} (OLM)` }
  if (ann["api-approved.kubernetes.io"]) return { name: "Kubernetes project", evidence: "annotation api-approved.kubernetes.io" }
  const group = crd.spec?.group ?? ""
  const parts = group.split(".")
  if (parts.length >= 2) return { name: parts.slice(-2).join("."), evidence: "API group domain" }
  return undefined
}

export function crdItems(crds: readonly RawCrd[]): CrdItem[] {
  return crds
    .map((c) => {
      const owner = likelyOwner(c)
      return {
        name: c.metadata?.name ?? "",
        group: c.spec?.group ?? "",
        kind: c.spec?.names?.kind ?? "",
        plural: c.spec?.names?.plural ?? "",
        scope: c.spec?.scope ?? "",
        versions: (c.spec?.versions ?? []).map((v) => ({
          name: v.name ?? "",
          served: v.served ?? false,
          storage: v.storage ?? false,
          ...(v.deprecated ? { deprecated: true } : {}),
        })),
        conversion: c.spec?.conversion?.strategy === "Webhook" ? ("Webhook" as const) : ("None" as const),
        ...(owner ? { likelyOwner: owner } : {}),
      }
    })
    .sort(byName)
}

/** Point 5: controllers/operators are not API objects; group CRDs by their inferred owner. */
export function operatorItems(crds: readonly CrdItem[]): OperatorItem[] {
  const map = new Map<string, { crds: number; groups: Set<string> }>()
  for (const c of crds) {
    if (!c.likelyOwner || c.likelyOwner.evidence === "API group domain") continue
    const e = map.get(c.likelyOwner.name) ?? { crds: 0, groups: new Set<string>() }
    e.crds++
    e.groups.add(c.group)
    map.set(c.likelyOwner.name, e)
  }
  return [...map.entries()]
    .map(([owner, e]) => ({ owner, crds: e.crds, groups: [...e.groups].sort() }))
    .sort((a, b) => a.owner.localeCompare(b.owner))
}

export function apiServiceItems(services: readonly RawApiService[]): ApiServiceItem[] {
  return services
    .map((s) => {
      const cond = s.status?.conditions?.find((c) => c.type === "Available")
      const svc = s.spec?.service
      const local = !svc
      const available = {
        status: cond?.status ?? "Unknown",
        ...(cond?.reason ? { reason: cond.reason } : {}),
        ...(cond?.message ? { message: cond.message.slice(0, 300) } : {}),
      }
      const risks: RiskFlag[] = []
      if (available.status !== "True") {
        risks.push({ id: "apiservice-unavailable", severity: "high", params: { reason: cond?.reason ?? "Unknown" } })
      }
      if (!local && s.spec?.insecureSkipTLSVerify) {
        risks.push({ id: "apiservice-insecure-tls", severity: "warning", params: {} })
      }
      return {
        name: s.metadata?.name ?? "",
        group: s.spec?.group ?? "",
        version: s.spec?.version ?? "",
        local,
        ...(svc ? { service: { namespace: svc.namespace ?? "", name: svc.name ?? "", ...(svc.port ? { port: svc.port } : {}) } } : {}),
        available,
        risks,
      }
    })
    .sort(byName)
}

export function csiDriverItems(drivers: readonly RawCsiDriver[], classes: readonly RawStorageClass[]): CsiDriverItem[] {
  return drivers
    .map((d) => {
      const name = d.metadata?.name ?? ""
      return {
        name,
        attachRequired: d.spec?.attachRequired ?? true,
        podInfoOnMount: d.spec?.podInfoOnMount ?? false,
        volumeLifecycleModes: d.spec?.volumeLifecycleModes ?? ["Persistent"],
        storageClasses: classes.filter((c) => c.provisioner === name).map((c) => c.metadata?.name ?? "").sort(),
      }
    })
    .sort(byName)
}

export function storageClassItems(classes: readonly RawStorageClass[], csiDriverNames: ReadonlySet<string> | undefined): StorageClassItem[] {
  return classes
    .map((c) => ({
      name: c.metadata?.name ?? "",
      provisioner: c.provisioner ?? "",
      reclaimPolicy: c.reclaimPolicy ?? "Delete",
      volumeBindingMode: c.volumeBindingMode ?? "Immediate",
      allowVolumeExpansion: c.allowVolumeExpansion ?? false,
      isDefault: c.metadata?.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true",
      csiDriverRegistered: csiDriverNames?.has(c.provisioner ?? "") ?? false,
    }))
    .sort(byName)
}

export function flexVolumeItems(pvs: readonly RawPv[], pods: readonly RawPod[]): FlexVolumeItem[] {
  const map = new Map<string, { pv: number; pods: number }>()
  const get = (d: string) => map.get(d) ?? { pv: 0, pods: 0 }
  for (const pv of pvs) {
    const d = pv.spec?.flexVolume?.driver
    if (d) map.set(d, { ...get(d), pv: get(d).pv + 1 })
  }
  for (const pod of pods) {
    const drivers = new Set((pod.spec?.volumes ?? []).map((v) => v.flexVolume?.driver).filter((d): d is string => !!d))
    for (const d of drivers) map.set(d, { ...get(d), pods: get(d).pods + 1 })
  }
  return [...map.entries()]
    .map(([driver, e]) => ({ driver, persistentVolumes: e.pv, pods: e.pods }))
    .sort((a, b) => a.driver.localeCompare(b.driver))
}

export function runtimeClassItems(rcs: readonly RawRuntimeClass[]): RuntimeClassItem[] {
  return rcs
    .map((r) => ({ name: r.metadata?.name ?? "", handler: r.handler ?? "", hasScheduling: !!r.scheduling, hasOverhead: !!r.overhead }))
    .sort(byName)
}

const STANDARD_RESOURCES = new Set(["cpu", "memory", "pods", "ephemeral-storage", "storage"])

/** Extended resources are fully-qualified names outside the kubernetes.io domain (device plugins). */
export function isExtendedResource(name: string): boolean {
  if (STANDARD_RESOURCES.has(name) || name.startsWith("hugepages-") || name.startsWith("attachable-volumes-")) return false
  const slash = name.indexOf("/")
  if (slash < 0) return false
  const domain = name.slice(0, slash)
  return !(domain === "kubernetes.io" || domain.endsWith(".kubernetes.io"))
}

export function extendedResourceItems(nodes: readonly RawNode[]): ExtendedResourceItem[] {
  const map = new Map<string, { nodes: number; total: bigint; exact: boolean }>()
  for (const n of nodes) {
    for (const [k, v] of Object.entries(n.status?.capacity ?? {})) {
      if (!isExtendedResource(k)) continue
      const e = map.get(k) ?? { nodes: 0, total: 0n, exact: true }
      e.nodes++
      // Extended resources must be integers; anything else is reported as not summable.
      if (/^\d+$/.test(v)) e.total += BigInt(v)
      else e.exact = false
      map.set(k, e)
    }
  }
  return [...map.entries()]
    .map(([resource, e]) => ({ resource, nodes: e.nodes, capacity: e.exact ? e.total.toString() : `≥${e.total.toString()}` }))
    .sort((a, b) => a.resource.localeCompare(b.resource))
}

function containers(spec: { containers?: { name?: string; image?: string; command?: string[]; args?: string[] }[] } | undefined) {
  return spec?.containers ?? []
}

export function devicePluginDaemonSets(daemonSets: readonly RawWorkload[]): string[] {
  return daemonSets
    .filter((d) => /device-plugin/i.test(d.metadata?.name ?? "") || containers(d.spec?.template?.spec).some((c) => /device-plugin/i.test(c.image ?? "")))
    .map((d) => `${d.metadata?.namespace ?? ""}/${d.metadata?.name ?? ""}`)
    .sort()
}

export function deviceClassItems(classes: readonly RawDeviceClass[]): DeviceClassItem[] {
  return classes.map((c) => ({ name: c.metadata?.name ?? "", selectors: c.spec?.selectors?.length ?? 0 })).sort(byName)
}

export function resourceSliceDrivers(slices: readonly RawResourceSlice[]): ResourceSliceDriverItem[] {
  const map = new Map<string, { slices: number; devices: number; nodes: Set<string> }>()
  for (const s of slices) {
    const d = s.spec?.driver ?? ""
    const e = map.get(d) ?? { slices: 0, devices: 0, nodes: new Set<string>() }
    e.slices++
    e.devices += s.spec?.devices?.length ?? 0
    if (s.spec?.nodeName) e.nodes.add(s.spec.nodeName)
    map.set(d, e)
  }
  return [...map.entries()]
    .map(([driver, e]) => ({ driver, slices: e.slices, devices: e.devices, nodes: e.nodes.size }))
    .sort((a, b) => a.driver.localeCompare(b.driver))
}

const looksLikeScheduler = (c: { image?: string; command?: string[] }) =>
  /kube-scheduler/.test(c.image ?? "") || (c.command ?? []).some((x) => /kube-scheduler/.test(x))

export function schedulerItems(pods: readonly RawPod[], deployments: readonly RawWorkload[]): SchedulerItem[] {
  const counts = new Map<string, number>()
  const items: SchedulerItem[] = []
  for (const p of pods) {
    const name = p.spec?.schedulerName ?? "default-scheduler"
    counts.set(name, (counts.get(name) ?? 0) + 1)
    const staticMirror = p.metadata?.ownerReferences?.some((o) => o.kind === "Node")
    if (staticMirror && containers(p.spec).some(looksLikeScheduler)) {
      items.push({ name: "kube-scheduler", pods: 0, source: "static-pod", workload: `${p.metadata?.namespace ?? ""}/${p.metadata?.name ?? ""}` })
    }
  }
  for (const [name, n] of counts) items.push({ name, pods: n, source: "pods" })
  for (const d of deployments) {
    if (containers(d.spec?.template?.spec).some(looksLikeScheduler)) {
      items.push({ name: d.metadata?.name ?? "", pods: 0, source: "deployment", workload: `${d.metadata?.namespace ?? ""}/${d.metadata?.name ?? ""}` })
    }
  }
  return items.sort((a, b) => a.source.localeCompare(b.source) || a.name.localeCompare(b.name))
}

// Well-known CNI footprints. Inference only: the API has no field naming the CNI plugin.
const CNI_SIGNATURES: { plugin: string; daemonSets: string[]; images: RegExp; crdGroups: string[] }[] = [
  { plugin: "Calico", daemonSets: ["calico-node"], images: /calico\/node|calico-node/, crdGroups: ["crd.projectcalico.org", "projectcalico.org"] },
  { plugin: "Cilium", daemonSets: ["cilium", "anetd"], images: /cilium\/cilium|cilium-agent/, crdGroups: ["cilium.io"] },
  { plugin: "Flannel", daemonSets: ["kube-flannel-ds", "kube-flannel"], images: /flannel/, crdGroups: [] },
  { plugin: "Canal", daemonSets: ["canal"], images: /^$/, crdGroups: [] },
  { plugin: "AWS VPC CNI", daemonSets: ["aws-node"], images: /amazon-k8s-cni/, crdGroups: ["crd.k8s.amazonaws.com"] },
  { plugin: "Azure CNI", daemonSets: ["azure-cns", "azure-cni"], images: /azure-cni|azure-cns/, crdGroups: [] },
  { plugin: "Weave Net", daemonSets: ["weave-net"], images: /weaveworks\/weave-kube/, crdGroups: [] },
  { plugin: "Antrea", daemonSets: ["antrea-agent"], images: /antrea/, crdGroups: ["crd.antrea.io"] },
  { plugin: "kube-router", daemonSets: ["kube-router"], images: /kube-router/, crdGroups: [] },
  { plugin: "OVN-Kubernetes", daemonSets: ["ovnkube-node"], images: /ovn-kubernetes|ovnkube/, crdGroups: ["k8s.ovn.org"] },
  { plugin: "kindnet", daemonSets: ["kindnet"], images: /kindnetd/, crdGroups: [] },
  { plugin: "Multus (meta-plugin)", daemonSets: ["kube-multus-ds", "multus"], images: /multus-cni/, crdGroups: ["k8s.cni.cncf.io"] },
]

export function cniItems(daemonSets: readonly RawWorkload[], crdGroups: readonly string[]): CniItem[] {
  const out: CniItem[] = []
  for (const sig of CNI_SIGNATURES) {
    const evidence: string[] = []
    for (const d of daemonSets) {
      const name = d.metadata?.name ?? ""
      const ref = `${d.metadata?.namespace ?? ""}/${name}`
      if (sig.daemonSets.some((n) => name === n || name.startsWith(`${n}-`))) evidence.push(`DaemonSet ${ref}`)
      else if (containers(d.spec?.template?.spec).some((c) => sig.images.test(c.image ?? ""))) evidence.push(`DaemonSet ${ref} (image)`)
    }
    for (const g of new Set(crdGroups)) if (sig.crdGroups.includes(g)) evidence.push(`CRD group ${g}`)
    if (evidence.length > 0) out.push({ plugin: sig.plugin, evidence })
  }
  return out
}

export function priorityClassItems(pcs: readonly RawPriorityClass[]): PriorityClassItem[] {
  return pcs
    .map((p) => {
      const name = p.metadata?.name ?? ""
      return {
        name,
        value: p.value ?? 0,
        globalDefault: p.globalDefault ?? false,
        preemptionPolicy: p.preemptionPolicy ?? "PreemptLowerPriority",
        system: name.startsWith("system-"),
      }
    })
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
}

// Flags of kube-apiserver that configure point-2 extensions. Only visible when the apiserver runs
// as a static pod (kubeadm and similar); managed clusters hide their control plane.
const APISERVER_EXTENSION_FLAGS = [
  "--authentication-token-webhook-config-file",
  "--authentication-config",
  "--authorization-mode",
  "--authorization-config",
  "--authorization-webhook-config-file",
  "--admission-control-config-file",
  "--enable-admission-plugins",
  "--oidc-issuer-url",
  "--requestheader-client-ca-file",
  "--runtime-config",
  "--feature-gates",
]

export function apiserverFlags(pods: readonly RawPod[]): ControlPlaneFlag[] {
  const out: ControlPlaneFlag[] = []
  for (const p of pods) {
    if (p.metadata?.namespace !== "kube-system" || !p.metadata?.ownerReferences?.some((o) => o.kind === "Node")) continue
    for (const c of containers(p.spec)) {
      const argv = [...(c.command ?? []), ...(c.args ?? [])]
      if (!argv.some((a) => a.includes("kube-apiserver"))) continue
      for (const a of argv) {
        const [flag, ...rest] = a.split("=")
        // Only names of config files and modes, never file contents; token/key flags are excluded above.
        if (flag && APISERVER_EXTENSION_FLAGS.includes(flag)) out.push({ flag, value: rest.join("=").slice(0, 200) })
      }
      return out
    }
  }
  return out
}

export function platformHints(
  version: { gitVersion?: string },
  nodes: readonly RawNode[],
  groups: readonly string[],
): { platform: string; hints: PlatformHint[] } {
  const hints: PlatformHint[] = []
  const gv = version.gitVersion ?? ""
  const add = (platform: string, evidence: string) => {
    if (!hints.some((h) => h.platform === platform && h.evidence === evidence)) hints.push({ platform, evidence })
  }
  if (/-eks-/.test(gv)) add("Amazon EKS", `server version ${gv}`)
  if (/-gke\./.test(gv)) add("Google GKE", `server version ${gv}`)
  if (/\+k3s/.test(gv)) add("k3s", `server version ${gv}`)
  if (/\+rke2/.test(gv)) add("RKE2", `server version ${gv}`)
  if (groups.includes("config.openshift.io")) add("OpenShift", "API group config.openshift.io")
  for (const n of nodes.slice(0, 50)) {
    const pid = n.spec?.providerID ?? ""
    const labels = n.metadata?.labels ?? {}
    if (pid.startsWith("aws://")) add("AWS", "node providerID aws://")
    if (pid.startsWith("gce://")) add("Google Cloud", "node providerID gce://")
    if (pid.startsWith("azure://")) add("Azure", "node providerID azure://")
    if (pid.startsWith("kind://")) add("kind", "node providerID kind://")
    if (labels["eks.amazonaws.com/nodegroup"]) add("Amazon EKS", "node label eks.amazonaws.com/nodegroup")
    if (labels["cloud.google.com/gke-nodepool"]) add("Google GKE", "node label cloud.google.com/gke-nodepool")
    if (labels["kubernetes.azure.com/cluster"]) add("Azure AKS", "node label kubernetes.azure.com/cluster")
    if (labels["node-role.kubernetes.io/control-plane"] !== undefined) add("Self-managed control plane", "node label node-role.kubernetes.io/control-plane")
  }
  return { platform: hints[0]?.platform ?? "unknown", hints }
}

/**
 * Risks of the inspector's own connection (kubeconfig cluster entry): without certificate
 * verification anyone on the path can pose as the API server and receive the credentials.
 */
export function connectionRisks(cluster: { server: string; skipTLSVerify?: boolean }): RiskFlag[] {
  if (/^http:/i.test(cluster.server)) return [{ id: "context-insecure-tls", severity: "high", params: { setting: "http://" } }]
  if (cluster.skipTLSVerify) return [{ id: "context-insecure-tls", severity: "high", params: { setting: "insecure-skip-tls-verify: true" } }]
  return []
}
