// "Configure before you extend": built-in policy APIs the official page recommends over extensions.
import { GA, aliases, everyMinor, l, perMinor } from "../helpers"
import type { ApiObject, Mechanism } from "../types"

const rbac = (kind: string, scope: "Namespaced" | "Cluster"): ApiObject => ({
  kind,
  apiVersions: everyMinor("rbac.authorization.k8s.io/v1"),
  form: "served",
  scope,
})

export const policyApis: Mechanism = {
  id: "policy-apis",
  point: "configuration",
  name: l("Built-in policy APIs", "内置策略 API"),
  summary: l(
    "ResourceQuota, LimitRange, NetworkPolicy and RBAC configure limits, network isolation and permissions declaratively, without running any extension.",
    "ResourceQuota、LimitRange、NetworkPolicy 和 RBAC 以声明方式配置资源限制、网络隔离与权限，无需运行任何扩展。",
  ),
  aliases: aliases(
    ["policy", "ResourceQuota", "quota", "LimitRange", "NetworkPolicy", "RBAC", "Role", "ClusterRole", "permissions", "configuration", "multi-tenancy"],
    ["策略", "内置策略", "资源配额", "配额", "限制范围", "网络策略", "基于角色的访问控制", "权限", "配置", "多租户"],
  ),
  runsWhere: l("Built into kube-apiserver and the controllers (NetworkPolicy is enforced by the CNI plugin)", "内置于 kube-apiserver 与控制器中（NetworkPolicy 由 CNI 插件执行）"),
  installer: "namespace-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "Available on every cluster. Namespace admins can manage Roles, RoleBindings and NetworkPolicies; ResourceQuota and LimitRange are usually set by cluster admins. NetworkPolicy only takes effect if the network plugin enforces it.",
      "所有集群都可用。命名空间管理员可以管理 Role、RoleBinding 和 NetworkPolicy；ResourceQuota 和 LimitRange 通常由集群管理员设置。只有网络插件支持时 NetworkPolicy 才会生效。",
    ),
  },
  apiObjects: [
    { kind: "ResourceQuota", apiVersions: everyMinor("v1"), form: "served", scope: "Namespaced" },
    { kind: "LimitRange", apiVersions: everyMinor("v1"), form: "served", scope: "Namespaced" },
    { kind: "NetworkPolicy", apiVersions: everyMinor("networking.k8s.io/v1"), form: "served", scope: "Namespaced" },
    rbac("Role", "Namespaced"),
    rbac("RoleBinding", "Namespaced"),
    rbac("ClusterRole", "Cluster"),
    rbac("ClusterRoleBinding", "Cluster"),
  ],
  states: perMinor(() => ({ ...GA })),
  failureMode: l(
    "No extra component to fail. Mistakes show up as denied requests (RBAC, quota) or, for NetworkPolicy on a network plugin without support, as silently unenforced rules.",
    "没有额外的故障组件。配置错误表现为请求被拒绝（RBAC、配额）；若网络插件不支持 NetworkPolicy，规则会被悄悄忽略。",
  ),
  docPath: "/docs/concepts/policy/",
  related: ["validating-admission-policy", "authorization-webhook", "cni-plugin"],
}

export const CONFIGURATION_MECHANISMS: readonly Mechanism[] = [policyApis]
