// Types of the extension catalog: the single source of truth every feature reads.

export const LOCALES = ["en", "zh-CN"] as const
export type Locale = (typeof LOCALES)[number]
export type Localized = Record<Locale, string>
export type LocalizedList = Record<Locale, readonly string[]>

/** Kubernetes minors the product supports, oldest first. */
export const KUBERNETES_MINORS = [
  "1.30",
  "1.31",
  "1.32",
  "1.33",
  "1.34",
  "1.35",
  "1.36",
  "1.37",
] as const
export type KubernetesMinor = (typeof KUBERNETES_MINORS)[number]
export const LATEST_MINOR: KubernetesMinor = "1.37"

/** The seven numbered points of the official figure, plus "configure before you extend". */
export const POINT_IDS = ["1", "2", "3", "4", "5", "6", "7", "configuration"] as const
export type PointId = (typeof POINT_IDS)[number]

/** Stages of a request through kube-apiserver (point 2 expands into these). */
export const API_REQUEST_STAGES = [
  "authentication",
  "authorization",
  "mutating-admission",
  "schema-validation",
  "validating-admission",
  "storage",
] as const
export type ApiRequestStage = (typeof API_REQUEST_STAGES)[number]

export const MECHANISM_IDS = [
  "kubectl-plugin",
  "exec-credential-plugin",
  "authentication-webhook",
  "structured-authentication",
  "authenticating-proxy",
  "authorization-webhook",
  "validating-admission-policy",
  "mutating-admission-policy",
  "validating-admission-webhook",
  "mutating-admission-webhook",
  "image-policy-webhook",
  "pod-security-admission",
  "always-pull-images",
  "custom-resource-definition",
  "crd-conversion-webhook",
  "api-aggregation",
  "scheduler-configuration",
  "scheduler-plugin",
  "scheduler-extender",
  "multiple-schedulers",
  "priority-class",
  "gang-scheduling",
  "controller",
  "operator",
  "cni-plugin",
  "device-plugin",
  "dra-driver",
  "csi-driver",
  "flexvolume",
  "image-credential-provider",
  "container-runtime",
  "policy-apis",
  "runtime-class",
  "audit-policy",
] as const
export type MechanismId = (typeof MECHANISM_IDS)[number]

/**
 * Maturity of a mechanism at one Kubernetes minor.
 * "unavailable" = not present at all in that minor.
 */
export const MATURITIES = ["unavailable", "alpha", "beta", "ga", "deprecated"] as const
export type Maturity = (typeof MATURITIES)[number]

export type FeatureState = {
  maturity: Maturity
  /** False when the feature exists but must be switched on (gate and/or runtime-config). */
  enabledByDefault: boolean
  featureGate?: string
  /** e.g. "admissionregistration.k8s.io/v1beta1=true" for --runtime-config. */
  runtimeConfig?: string
  note?: Localized
}

/** One API object (served resource) or configuration file kind used by a mechanism. */
export type ApiObject = {
  kind: string
  /** apiVersion per supported minor; a missing minor means the kind is not available there. */
  apiVersions: Partial<Record<KubernetesMinor, string>>
  /** "served": a REST resource of the API server; "config-file": a file read by a component; "wire": a request/response body exchanged with a plugin or webhook. */
  form: "served" | "config-file" | "wire"
  scope?: "Namespaced" | "Cluster"
  /** How the object is used, e.g. which flag loads a config file. */
  note?: Localized
}

/**
 * A non-Kubernetes-API contract a mechanism implements (gRPC service, exec protocol,
 * Go module, HTTP callout). Kept apart from ApiObject because these are not
 * `group/version` kinds, yet starters must still switch on them per minor.
 */
export type PluginInterface = {
  /** e.g. "CNI specification", "Device plugin gRPC API", "Go scheduling framework". */
  name: string
  kind: "grpc" | "exec" | "go-module" | "http"
  /** Spec version, API version or Go import path per supported minor. */
  versions: Partial<Record<KubernetesMinor, string>>
  note?: Localized
}

/** Who can install the mechanism. */
export const INSTALLERS = [
  "client-user", // anyone on their own machine
  "namespace-admin", // with namespace-scoped RBAC
  "cluster-admin", // cluster-scoped RBAC, works on managed clusters
  "node-admin", // needs node access (host files, DaemonSets with hostPath, kubelet flags)
  "control-plane-admin", // needs kube-apiserver / scheduler flags: not on most managed clusters
] as const
export type Installer = (typeof INSTALLERS)[number]

export const MANAGED_AVAILABILITY = ["yes", "partial", "no"] as const
export type ManagedAvailability = (typeof MANAGED_AVAILABILITY)[number]

export type Mechanism = {
  id: MechanismId
  point: PointId
  /** Set for mechanisms that act inside kube-apiserver's request path. */
  apiStage?: ApiRequestStage
  name: Localized
  summary: Localized
  /** Extra search terms in both languages (e.g. "webhook", "准入", "CEL", "GPU"). */
  aliases: LocalizedList
  runsWhere: Localized
  installer: Installer
  managedClusters: { availability: ManagedAvailability; note: Localized }
  apiObjects: readonly ApiObject[]
  /** Non-Kubernetes-API contracts (optional; empty/absent when only ApiObjects matter). */
  interfaces?: readonly PluginInterface[]
  states: Record<KubernetesMinor, FeatureState>
  failureMode: Localized
  /** Path on kubernetes.io, e.g. "/docs/concepts/extend-kubernetes/operator/". */
  docPath: string
  /** For deprecated mechanisms: what to use instead. */
  replacedBy?: MechanismId
  /** Mechanisms often used together with or instead of this one. */
  related: readonly MechanismId[]
}

export type ExtensionPoint = {
  id: PointId
  /** Component of the official figure this point sits on. */
  component: Localized
  name: Localized
  summary: Localized
  /** Anchor of the matching section on the official "Extending Kubernetes" page. */
  docAnchor: string
}
