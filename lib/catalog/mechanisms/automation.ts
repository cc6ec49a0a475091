// Point 5: automation (controllers and operators).
import { GA, aliases, l, perMinor } from "../helpers"
import type { Mechanism, PluginInterface } from "../types"

// client-go minor v0.N tracks Kubernetes 1.N (k8s.io staging modules are released in lockstep).
const clientGo: PluginInterface = {
  name: "Kubernetes Go client (client-go)",
  kind: "go-module",
  versions: perMinor((minor) => `k8s.io/client-go@v0.${minor.split(".")[1] ?? ""}`),
  note: l(
    "Any language with a Kubernetes client works; client-go/controller-runtime are the Go defaults.",
    "任何有 Kubernetes 客户端库的语言都可以；Go 中的常用选择是 client-go / controller-runtime。",
  ),
}

export const controller: Mechanism = {
  id: "controller",
  point: "5",
  name: l("Controller", "控制器"),
  summary: l(
    "A program that watches API objects and keeps acting until the real state matches their spec, writing progress to status.",
    "监视 API 对象并持续行动、直到实际状态与其 spec 一致的程序，并把进展写入 status。",
  ),
  aliases: aliases(
    ["controller", "control loop", "reconcile", "automation", "watch", "informer", "client-go", "controller-runtime", "kubebuilder"],
    ["控制器", "控制回路", "调谐", "自动化", "自动化组件", "监视"],
  ),
  runsWhere: l("Usually a Deployment in the cluster; can run anywhere with API access", "通常是集群中的 Deployment；也可在任何能访问 API 的地方运行"),
  installer: "namespace-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "An ordinary API client: works everywhere; needs only the RBAC for what it watches and changes.",
      "只是普通的 API 客户端：到处可用；只需要对其监视和修改的对象拥有 RBAC 权限。",
    ),
  },
  apiObjects: [],
  interfaces: [clientGo],
  states: perMinor(() => ({ ...GA })),
  failureMode: l(
    "If it stops, nothing breaks immediately: its objects just stop being reconciled until it restarts. Hot loops or unbounded watches can overload the API server.",
    "它停止时不会立即出故障：相关对象只是不再被调谐，直到它重新启动。热循环或无节制的 watch 可能压垮 API 服务器。",
  ),
  docPath: "/docs/concepts/architecture/controller/",
  related: ["operator", "custom-resource-definition"],
}

export const operator: Mechanism = {
  id: "operator",
  point: "5",
  name: l("Operator (CRD + controller)", "Operator（CRD + 控制器）"),
  summary: l(
    "Custom resources plus a controller that encodes how to run one application: install, configure, back up, upgrade.",
    "定制资源加上一个控制器，把运维某个应用的知识（安装、配置、备份、升级）编码进去。",
  ),
  aliases: aliases(
    ["operator", "operator pattern", "Operator SDK", "kubebuilder", "controller-runtime", "Kopf", "kube-rs", "CRD", "automation", "day-2 operations"],
    ["operator", "Operator 模式", "运维自动化", "控制器", "定制资源", "自动化"],
  ),
  runsWhere: l("A Deployment in the cluster, plus CRDs", "集群中的 Deployment，外加 CRD"),
  installer: "cluster-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "Works on managed clusters; installing CRDs needs cluster-scoped rights.",
      "适用于托管集群；安装 CRD 需要集群范围的权限。",
    ),
  },
  apiObjects: [
    {
      kind: "CustomResourceDefinition",
      apiVersions: perMinor(() => "apiextensions.k8s.io/v1"),
      form: "served",
      scope: "Cluster",
    },
  ],
  interfaces: [clientGo],
  states: perMinor(() => ({ ...GA })),
  failureMode: l(
    "If the operator is down, the managed application keeps running but nobody heals, scales or upgrades it; a buggy operator can damage the application it owns.",
    "Operator 停止时，受管应用仍在运行，但无人修复、扩缩或升级；有缺陷的 Operator 可能破坏它管理的应用。",
  ),
  docPath: "/docs/concepts/extend-kubernetes/operator/",
  related: ["controller", "custom-resource-definition", "validating-admission-policy"],
}

export const AUTOMATION_MECHANISMS: readonly Mechanism[] = [controller, operator]
