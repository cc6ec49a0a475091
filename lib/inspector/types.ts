// Shape of the cluster report (versioned JSON served by GET /api/cluster/report).
import type { MechanismId, PointId } from "@/lib/catalog"

export const REPORT_SCHEMA_VERSION = 1

export type SectionStatus = "ok" | "forbidden" | "unavailable" | "error"

/** Result of reading one API resource for a section. */
export type ResourceRead = {
  /** "group/version/resource" actually used, or "group/resource" when no version is served. */
  resource: string
  status: SectionStatus
  reason?: string
  /** Number of objects read (after paging). */
  count?: number
  /** True when paging stopped at the safety cap, so counts are lower bounds. */
  truncated?: boolean
  /** Supporting read: its failure does not change the section status. */
  optional?: boolean
}

export type RiskSeverity = "high" | "warning"

export const RISK_IDS = [
  "fail-broad-match",
  "timeout-over-10s",
  "no-kube-system-exclusion",
  "matches-own-namespace",
  "apiservice-unavailable",
  "apiservice-insecure-tls",
  "context-insecure-tls",
] as const
export type RiskId = (typeof RISK_IDS)[number]

/** params feed the localized explanation (UI) and stay machine-readable for API users. */
export type RiskFlag = { id: RiskId; severity: RiskSeverity; params: Record<string, string | number> }

export type Labelled = Record<string, string>

export type CrdItem = {
  name: string
  group: string
  kind: string
  plural: string
  scope: string
  versions: { name: string; served: boolean; storage: boolean; deprecated?: boolean }[]
  conversion: "None" | "Webhook"
  /** Best guess from labels/annotations (inference). */
  likelyOwner?: { name: string; evidence: string }
}

export type ApiServiceItem = {
  name: string
  group: string
  version: string
  local: boolean
  service?: { namespace: string; name: string; port?: number }
  available: { status: string; reason?: string; message?: string }
  risks: RiskFlag[]
}

export type WebhookRule = {
  operations: string[]
  apiGroups: string[]
  apiVersions: string[]
  resources: string[]
  scope: string
}

export type LabelSelector = {
  matchLabels?: Record<string, string>
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
}

export type WebhookItem = {
  configuration: string
  name: string
  type: "validating" | "mutating"
  rules: WebhookRule[]
  failurePolicy: string
  matchPolicy: string
  timeoutSeconds: number
  sideEffects: string
  reinvocationPolicy?: string
  namespaceSelector?: LabelSelector
  objectSelector?: LabelSelector
  matchConditions: number
  /** Where the webhook is called: a Service or a URL (host only, no query or credentials). */
  target: { service?: { namespace: string; name: string; path?: string; port?: number }; urlHost?: string }
  risks: RiskFlag[]
}

export type AdmissionPolicyItem = {
  name: string
  type: "validating" | "mutating"
  apiVersion: string
  failurePolicy: string
  validations: number
  mutations: number
  paramKind?: string
  matchResources: WebhookRule[]
  bindings: { name: string; validationActions: string[] }[]
}

export type CsiDriverItem = {
  name: string
  attachRequired: boolean
  podInfoOnMount: boolean
  volumeLifecycleModes: string[]
  storageClasses: string[]
}
export type StorageClassItem = {
  name: string
  provisioner: string
  reclaimPolicy: string
  volumeBindingMode: string
  allowVolumeExpansion: boolean
  isDefault: boolean
  /** The provisioner is an in-tree or CSI name without a registered CSIDriver object. */
  csiDriverRegistered: boolean
}
export type FlexVolumeItem = { driver: string; persistentVolumes: number; pods: number }
export type RuntimeClassItem = { name: string; handler: string; hasScheduling: boolean; hasOverhead: boolean }
export type ExtendedResourceItem = { resource: string; nodes: number; capacity: string }
export type DeviceClassItem = { name: string; selectors: number }
export type ResourceSliceDriverItem = { driver: string; slices: number; devices: number; nodes: number }
export type SchedulerItem = { name: string; pods: number; source: "pods" | "deployment" | "static-pod"; workload?: string }
export type CniItem = { plugin: string; evidence: string[] }
export type ControlPlaneFlag = { flag: string; value: string }
export type PriorityClassItem = { name: string; value: number; globalDefault: boolean; preemptionPolicy: string; system: boolean }
export type PolicyCounts = {
  resourceQuotas?: number
  limitRanges?: number
  networkPolicies?: number
  roles?: number
  clusterRoles?: number
}
export type OperatorItem = { owner: string; crds: number; groups: string[] }
export type PlatformHint = { platform: string; evidence: string }

export type SectionData = {
  server: {
    gitVersion: string
    major: string
    minor: string
    platform: string
    platformHints: PlatformHint[]
    /** Extension-related kube-apiserver flags seen on a static-pod mirror (self-managed clusters only). */
    apiserverFlags: ControlPlaneFlag[]
    /** Risks of how this server connects to the cluster: the kubeconfig context, not the cluster itself. */
    risks: RiskFlag[]
  }
  discovery: {
    mode: "aggregated" | "legacy"
    groups: { group: string; versions: string[]; preferred?: string }[]
    staleGroupVersions: string[]
  }
  webhooks: { items: WebhookItem[] }
  admissionPolicies: { items: AdmissionPolicyItem[]; mutatingVersion?: string }
  crds: { items: CrdItem[] }
  apiServices: { items: ApiServiceItem[] }
  schedulers: { items: SchedulerItem[]; podsScanned: number }
  operators: { items: OperatorItem[] }
  cni: { items: CniItem[] }
  runtimeClasses: { items: RuntimeClassItem[] }
  csiDrivers: { items: CsiDriverItem[] }
  storageClasses: { items: StorageClassItem[] }
  flexVolume: { items: FlexVolumeItem[] }
  extendedResources: { items: ExtendedResourceItem[]; nodes: number; nodesTruncated: boolean; devicePluginDaemonSets: string[] }
  dra: { version?: string; deviceClasses: DeviceClassItem[]; drivers: ResourceSliceDriverItem[] }
  priorityClasses: { items: PriorityClassItem[] }
  policyApis: { counts: PolicyCounts }
}

export type SectionId = keyof SectionData

export const SECTION_IDS = [
  "server",
  "discovery",
  "webhooks",
  "admissionPolicies",
  "crds",
  "apiServices",
  "schedulers",
  "operators",
  "cni",
  "runtimeClasses",
  "csiDrivers",
  "storageClasses",
  "flexVolume",
  "extendedResources",
  "dra",
  "priorityClasses",
  "policyApis",
] as const satisfies readonly SectionId[]

/** Extension point each section belongs to (used by the report and by the UI while loading). */
export const SECTION_POINTS = {
  server: "configuration",
  discovery: "3",
  webhooks: "2",
  admissionPolicies: "2",
  crds: "3",
  apiServices: "3",
  schedulers: "4",
  operators: "5",
  cni: "6",
  runtimeClasses: "6",
  csiDrivers: "7",
  storageClasses: "7",
  flexVolume: "7",
  extendedResources: "7",
  dra: "7",
  priorityClasses: "configuration",
  policyApis: "configuration",
} as const satisfies Record<SectionId, PointId>

export type Section<K extends SectionId = SectionId> = {
  id: K
  point: PointId
  mechanisms: MechanismId[]
  status: SectionStatus
  reason?: string
  /** Section content is inferred from heuristics, not read from an authoritative API field. */
  inference: boolean
  durationMs: number
  reads: ResourceRead[]
  /** Present when at least part of the section could be read. */
  data?: SectionData[K]
}

export type NotObservable = { mechanism: MechanismId; point: PointId; reason: string }

export type ClusterReport = {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  kind: "ClusterReport"
  source: "live" | "demo"
  context: string
  generatedAt: string
  durationMs: number
  sections: { [K in SectionId]: Section<K> }
  notObservable: NotObservable[]
}

export type InspectError = { code: "unreachable" | "timeout" | "unauthorized" | "error"; message: string }
