// Minimal shapes of the raw JSON objects the inspector reads. Only the fields we use; everything
// is optional because the API may omit defaults and older servers lack newer fields.
import type { LabelSelector } from "./types"

export type Meta = {
  name?: string
  namespace?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
}
export type Obj<S = unknown, St = unknown> = { apiVersion?: string; kind?: string; metadata?: Meta; spec?: S; status?: St }
export type Condition = { type?: string; status?: string; reason?: string; message?: string }

export type RawRule = {
  operations?: string[]
  apiGroups?: string[]
  apiVersions?: string[]
  resources?: string[]
  scope?: string
}

export type RawWebhook = {
  name?: string
  clientConfig?: { url?: string; service?: { namespace?: string; name?: string; path?: string; port?: number }; caBundle?: string }
  rules?: RawRule[]
  failurePolicy?: string
  matchPolicy?: string
  namespaceSelector?: LabelSelector
  objectSelector?: LabelSelector
  sideEffects?: string
  timeoutSeconds?: number
  reinvocationPolicy?: string
  matchConditions?: unknown[]
}
export type RawWebhookConfiguration = Obj & { webhooks?: RawWebhook[] }

export type RawCrd = Obj<{
  group?: string
  names?: { kind?: string; plural?: string }
  scope?: string
  versions?: { name?: string; served?: boolean; storage?: boolean; deprecated?: boolean }[]
  conversion?: { strategy?: string }
}>

export type RawApiService = Obj<
  { group?: string; version?: string; service?: { namespace?: string; name?: string; port?: number } | null; insecureSkipTLSVerify?: boolean },
  { conditions?: Condition[] }
>

export type RawPolicy = Obj<{
  failurePolicy?: string
  validations?: unknown[]
  mutations?: unknown[]
  paramKind?: { apiVersion?: string; kind?: string }
  matchConstraints?: { resourceRules?: RawRule[] }
}>
export type RawPolicyBinding = Obj<{ policyName?: string; validationActions?: string[] }>

export type RawCsiDriver = Obj<{ attachRequired?: boolean; podInfoOnMount?: boolean; volumeLifecycleModes?: string[] }>
export type RawStorageClass = Obj & {
  provisioner?: string
  reclaimPolicy?: string
  volumeBindingMode?: string
  allowVolumeExpansion?: boolean
}
export type RawPv = Obj<{ flexVolume?: { driver?: string } }>
export type RawContainer = { name?: string; image?: string; command?: string[]; args?: string[] }
export type RawPodSpec = {
  schedulerName?: string
  volumes?: { flexVolume?: { driver?: string } }[]
  containers?: RawContainer[]
}
export type RawPod = Obj<RawPodSpec> & { metadata?: Meta & { ownerReferences?: { kind?: string; name?: string }[] } }
export type RawWorkload = Obj<{ template?: { spec?: RawPodSpec } }>
export type RawRuntimeClass = Obj & { handler?: string; scheduling?: unknown; overhead?: unknown }
export type RawNode = Obj<{ providerID?: string }, { capacity?: Record<string, string>; nodeInfo?: { kubeletVersion?: string; containerRuntimeVersion?: string } }>
export type RawDeviceClass = Obj<{ selectors?: unknown[] }>
export type RawResourceSlice = Obj<{ driver?: string; nodeName?: string; allNodes?: boolean; devices?: unknown[] }>
export type RawPriorityClass = Obj & { value?: number; globalDefault?: boolean; preemptionPolicy?: string }
export type RawNamespace = Obj
export type RawVersion = { major?: string; minor?: string; gitVersion?: string; platform?: string }

/** The raw object type of every resource in the inspected-resources table (resources.ts). */
export type RawByResource = {
  namespaces: RawNamespace
  nodes: RawNode
  pods: RawPod
  persistentVolumes: RawPv
  resourceQuotas: Obj
  limitRanges: Obj
  daemonSets: RawWorkload
  deployments: RawWorkload
  customResourceDefinitions: RawCrd
  apiServices: RawApiService
  validatingWebhookConfigurations: RawWebhookConfiguration
  mutatingWebhookConfigurations: RawWebhookConfiguration
  validatingAdmissionPolicies: RawPolicy
  validatingAdmissionPolicyBindings: RawPolicyBinding
  mutatingAdmissionPolicies: RawPolicy
  mutatingAdmissionPolicyBindings: RawPolicyBinding
  csiDrivers: RawCsiDriver
  storageClasses: RawStorageClass
  runtimeClasses: RawRuntimeClass
  deviceClasses: RawDeviceClass
  resourceSlices: RawResourceSlice
  priorityClasses: RawPriorityClass
  networkPolicies: Obj
  roles: Obj
  clusterRoles: Obj
}
