// THE list of everything the inspector reads from the Kubernetes API. The reader refuses any
// resource that is not here, and deploy/cluster-role.yaml is checked against clusterRoleRules()
// (resources.test.ts), so code and RBAC cannot drift apart.

export type Verb = "get" | "list"

export type InspectedResource = {
  /** "" is the core group. */
  group: string
  /** Versions the code understands, preferred first; discovery picks the first one served. */
  versions: readonly string[]
  resource: string
  namespaced: boolean
  verbs: readonly Verb[]
}

export const INSPECTED_RESOURCES = {
  namespaces: { group: "", versions: ["v1"], resource: "namespaces", namespaced: false, verbs: ["list"] },
  nodes: { group: "", versions: ["v1"], resource: "nodes", namespaced: false, verbs: ["list"] },
  pods: { group: "", versions: ["v1"], resource: "pods", namespaced: true, verbs: ["list"] },
  persistentVolumes: { group: "", versions: ["v1"], resource: "persistentvolumes", namespaced: false, verbs: ["list"] },
  resourceQuotas: { group: "", versions: ["v1"], resource: "resourcequotas", namespaced: true, verbs: ["list"] },
  limitRanges: { group: "", versions: ["v1"], resource: "limitranges", namespaced: true, verbs: ["list"] },
  daemonSets: { group: "apps", versions: ["v1"], resource: "daemonsets", namespaced: true, verbs: ["list"] },
  deployments: { group: "apps", versions: ["v1"], resource: "deployments", namespaced: true, verbs: ["list"] },
  customResourceDefinitions: {
    group: "apiextensions.k8s.io",
    versions: ["v1"],
    resource: "customresourcedefinitions",
    namespaced: false,
    verbs: ["list"],
  },
  apiServices: { group: "apiregistration.k8s.io", versions: ["v1"], resource: "apiservices", namespaced: false, verbs: ["list"] },
  validatingWebhookConfigurations: {
    group: "admissionregistration.k8s.io",
    versions: ["v1"],
    resource: "validatingwebhookconfigurations",
    namespaced: false,
    verbs: ["list"],
  },
  mutatingWebhookConfigurations: {
    group: "admissionregistration.k8s.io",
    versions: ["v1"],
    resource: "mutatingwebhookconfigurations",
    namespaced: false,
    verbs: ["list"],
  },
  validatingAdmissionPolicies: {
    group: "admissionregistration.k8s.io",
    versions: ["v1"],
    resource: "validatingadmissionpolicies",
    namespaced: false,
    verbs: ["list"],
  },
  validatingAdmissionPolicyBindings: {
    group: "admissionregistration.k8s.io",
    versions: ["v1"],
    resource: "validatingadmissionpolicybindings",
    namespaced: false,
    verbs: ["list"],
  },
  // MutatingAdmissionPolicy: v1 (1.36+), v1beta1 (1.34, off by default), v1alpha1 (1.32+, alpha).
  mutatingAdmissionPolicies: {
    group: "admissionregistration.k8s.io",
    versions: ["v1", "v1beta1", "v1alpha1"],
    resource: "mutatingadmissionpolicies",
    namespaced: false,
    verbs: ["list"],
  },
  mutatingAdmissionPolicyBindings: {
    group: "admissionregistration.k8s.io",
    versions: ["v1", "v1beta1", "v1alpha1"],
    resource: "mutatingadmissionpolicybindings",
    namespaced: false,
    verbs: ["list"],
  },
  csiDrivers: { group: "storage.k8s.io", versions: ["v1"], resource: "csidrivers", namespaced: false, verbs: ["list"] },
  storageClasses: { group: "storage.k8s.io", versions: ["v1"], resource: "storageclasses", namespaced: false, verbs: ["list"] },
  runtimeClasses: { group: "node.k8s.io", versions: ["v1"], resource: "runtimeclasses", namespaced: false, verbs: ["list"] },
  // DRA: resource.k8s.io/v1 is GA; older clusters serve v1beta2/v1beta1.
  deviceClasses: {
    group: "resource.k8s.io",
    versions: ["v1", "v1beta2", "v1beta1"],
    resource: "deviceclasses",
    namespaced: false,
    verbs: ["list"],
  },
  resourceSlices: {
    group: "resource.k8s.io",
    versions: ["v1", "v1beta2", "v1beta1"],
    resource: "resourceslices",
    namespaced: false,
    verbs: ["list"],
  },
  priorityClasses: { group: "scheduling.k8s.io", versions: ["v1"], resource: "priorityclasses", namespaced: false, verbs: ["list"] },
  networkPolicies: { group: "networking.k8s.io", versions: ["v1"], resource: "networkpolicies", namespaced: true, verbs: ["list"] },
  roles: { group: "rbac.authorization.k8s.io", versions: ["v1"], resource: "roles", namespaced: true, verbs: ["list"] },
  clusterRoles: { group: "rbac.authorization.k8s.io", versions: ["v1"], resource: "clusterroles", namespaced: false, verbs: ["list"] },
} as const satisfies Record<string, InspectedResource>

export type ResourceKey = keyof typeof INSPECTED_RESOURCES

/** Discovery and version endpoints (GET only); every authenticated user may read them by default. */
export const NON_RESOURCE_URLS = ["/version", "/api", "/api/*", "/apis", "/apis/*"] as const

export type PolicyRule = {
  apiGroups?: string[]
  resources?: string[]
  nonResourceURLs?: string[]
  verbs: string[]
}

/** The ClusterRole rules the inspector needs: one rule per API group, sorted for stable YAML. */
export function clusterRoleRules(): PolicyRule[] {
  const byGroup = new Map<string, { resources: Set<string>; verbs: Set<string> }>()
  for (const r of Object.values(INSPECTED_RESOURCES) as InspectedResource[]) {
    const entry = byGroup.get(r.group) ?? { resources: new Set(), verbs: new Set() }
    entry.resources.add(r.resource)
    for (const v of r.verbs) entry.verbs.add(v)
    byGroup.set(r.group, entry)
  }
  // Grouping is only valid when all resources of a group share verbs; keep it true by construction.
  const rules: PolicyRule[] = [...byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, e]) => ({ apiGroups: [group], resources: [...e.resources].sort(), verbs: [...e.verbs].sort() }))
  rules.push({ nonResourceURLs: [...NON_RESOURCE_URLS], verbs: ["get"] })
  return rules
}

/** Normalises RBAC rules (from YAML or code) to comparable "group/resource:verb" strings. */
export function expandRules(rules: readonly PolicyRule[]): string[] {
  const out = new Set<string>()
  for (const rule of rules) {
    for (const verb of rule.verbs) {
      for (const url of rule.nonResourceURLs ?? []) out.add(`url:${url}:${verb}`)
      for (const g of rule.apiGroups ?? []) for (const res of rule.resources ?? []) out.add(`${g}/${res}:${verb}`)
    }
  }
  return [...out].sort()
}
