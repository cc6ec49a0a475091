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
      "所有集群都可用。名字空间管理员可以管理 Role、RoleBinding 和 NetworkPolicy；ResourceQuota 和 LimitRange 通常由集群管理员设置。只有网络插件支持时 NetworkPolicy 才会生效。",
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
  related: ["validating-admission-policy", "pod-security-admission", "priority-class", "authorization-webhook", "cni-plugin"],
}

export const runtimeClass: Mechanism = {
  id: "runtime-class",
  point: "configuration",
  name: l("RuntimeClass", "容器运行时类（RuntimeClass）"),
  summary: l(
    "A built-in object that names a runtime handler configured on the nodes (for example gVisor or Kata Containers); Pods choose it with runtimeClassName.",
    "一种内置对象，为节点上配置好的运行时处理程序（例如 gVisor 或 Kata Containers）命名；Pod 通过 runtimeClassName 选择它。",
  ),
  aliases: aliases(
    ["RuntimeClass", "runtimeClassName", "runtime handler", "sandbox", "gVisor", "Kata Containers", "isolation", "container runtime"],
    ["容器运行时类", "运行时处理程序", "沙箱", "隔离", "容器运行时"],
  ),
  runsWhere: l(
    "Built into kube-apiserver (RuntimeClass admission plugin) and the kubelet; the handler itself is configured in the node's runtime",
    "内置于 kube-apiserver（RuntimeClass 准入插件）和 kubelet；处理程序本身配置在节点的运行时中",
  ),
  installer: "cluster-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "The object works everywhere, but the handler must exist on the nodes: use the sandboxed node pools your provider offers, or your own node image.",
      "对象在各处都可用，但处理程序必须存在于节点上：请使用服务商提供的沙箱节点池，或你自己的节点镜像。",
    ),
  },
  apiObjects: [
    {
      kind: "RuntimeClass",
      // source: k8s.io/api@v0.37.2 node/v1 (GA since 1.20)
      apiVersions: everyMinor("node.k8s.io/v1"),
      form: "served",
      scope: "Cluster",
    },
  ],
  // source: k8s.io/kubernetes@v1.37.2 pkg/kubeapiserver/options/plugins.go (RuntimeClass admission plugin on by default)
  states: perMinor(() => ({ ...GA })),
  failureMode: l(
    "If a node's runtime has no such handler, Pods that ask for it fail to start there; use scheduling.nodeSelector so they only land on nodes that have it.",
    "如果某个节点的运行时没有该处理程序，请求它的 Pod 就无法在该节点上启动；请设置 scheduling.nodeSelector，使它们只落到具备该处理程序的节点上。",
  ),
  docPath: "/docs/concepts/containers/runtime-class/",
  related: ["container-runtime", "pod-security-admission"],
}

export const auditPolicy: Mechanism = {
  id: "audit-policy",
  point: "configuration",
  name: l("Audit policy and webhook backend", "审计策略与 Webhook 后端"),
  summary: l(
    "kube-apiserver records who did what as audit events: a Policy file decides which requests are recorded and in how much detail, and log or webhook backends deliver them.",
    "kube-apiserver 把谁做了什么记录为审计事件：Policy 文件决定记录哪些请求以及记录的详细程度，日志后端或 Webhook 后端负责投递这些事件。",
  ),
  aliases: aliases(
    ["audit", "auditing", "audit log", "audit policy", "webhook", "audit webhook", "EventList", "--audit-policy-file", "compliance"],
    ["审计", "审计日志", "审计策略", "审计后端", "Webhook 后端", "合规"],
  ),
  runsWhere: l(
    "Inside kube-apiserver (policy file and flags); a webhook backend is your HTTPS service receiving event batches",
    "在 kube-apiserver 内部（策略文件和命令行参数）；Webhook 后端是接收事件批次的 HTTPS 服务",
  ),
  installer: "control-plane-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "You cannot pass your own policy or backend; providers record audit logs with their own policy and let you export them to their logging service.",
      "你无法传入自己的策略或后端；服务商会用自己的策略记录审计日志，并允许导出到其日志服务。",
    ),
  },
  apiObjects: [
    {
      kind: "Policy",
      // source: k8s.io/apiserver@v0.37.2 pkg/apis/audit/v1 (only v1 is served; v1alpha1/v1beta1 were removed in 1.24)
      apiVersions: everyMinor("audit.k8s.io/v1"),
      form: "config-file",
      note: l("Passed with --audit-policy-file; without it nothing is recorded.", "通过 --audit-policy-file 传入；不设置时不记录任何事件。"),
    },
    {
      kind: "EventList",
      apiVersions: everyMinor("audit.k8s.io/v1"),
      form: "wire",
      note: l(
        "What the webhook backend POSTs to the service named in the kubeconfig-format file given with --audit-webhook-config-file.",
        "Webhook 后端以 POST 方式发给某服务的请求体；该服务在 --audit-webhook-config-file 指定的 kubeconfig 格式文件中给出。",
      ),
    },
  ],
  states: perMinor(() => ({ ...GA })),
  failureMode: l(
    "In the default batch mode a slow or unreachable webhook drops events once the buffer is full; blocking modes instead slow down or fail API requests. RequestResponse level on every resource costs memory and may record secrets.",
    "在默认的 batch 模式下，Webhook 过慢或不可达时，缓冲区一满就会丢弃事件；blocking 模式则会拖慢或导致 API 请求失败。对所有资源使用 RequestResponse 级别会消耗内存，还可能记录下 Secret 内容。",
  ),
  docPath: "/docs/tasks/debug/debug-cluster/audit/",
  related: ["authorization-webhook", "policy-apis"],
}

export const CONFIGURATION_MECHANISMS: readonly Mechanism[] = [policyApis, runtimeClass, auditPolicy]
