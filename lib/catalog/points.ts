// The numbered points of the official "Kubernetes extension points" figure, plus the
// "configure before you extend" option the same page recommends first.
// source: kubernetes.io /docs/concepts/extend-kubernetes/ ("Key to the figure"), zh-cn 图示要点.
import { l } from "./helpers"
import type { ExtensionPoint } from "./types"

export const EXTENSION_POINTS: readonly ExtensionPoint[] = [
  {
    id: "1",
    component: l("kubectl and other clients", "kubectl 及其他客户端"),
    name: l("Client extensions", "客户端扩展"),
    summary: l(
      "Plugins change how kubectl and client-go behave on one user's machine: new subcommands and credential helpers. They cannot enforce cluster-wide policy.",
      "插件改变 kubectl 和 client-go 在单个用户机器上的行为：新增子命令和凭据插件。它们无法实施整个集群范围的策略。",
    ),
    docAnchor: "#client-extensions",
  },
  {
    id: "2",
    component: l("kube-apiserver", "kube-apiserver（API 服务器）"),
    name: l("API access extensions", "API 访问扩展"),
    summary: l(
      "Every request passes authentication, authorization and admission in the API server. Hooks here identify callers, allow or deny them, and check or edit objects before they are stored.",
      "每个请求都要在 API 服务器中经过身份认证、鉴权和准入控制。此处的扩展可以识别调用者、允许或拒绝请求，并在对象存储之前检查或修改其内容。",
    ),
    docAnchor: "#api-access-extensions",
  },
  {
    id: "3",
    component: l("API resources", "API 资源"),
    name: l("API extensions", "API 扩展"),
    summary: l(
      "Add new resource types next to built-in ones such as pods, either as custom resources stored by the API server or through your own aggregated API server. Built-in types cannot be changed.",
      "在 pods 等内置资源旁添加新的 API 类别：可以是由 API 服务器存储的定制资源，也可以通过你自己的聚合 API 服务器提供。内置 API 类别无法更改。",
    ),
    docAnchor: "#api-extensions",
  },
  {
    id: "4",
    component: l("kube-scheduler", "kube-scheduler（调度器）"),
    name: l("Scheduling extensions", "调度扩展"),
    summary: l(
      "Decide which node a Pod runs on: reconfigure the default scheduler, compile in your own plugins, call an extender webhook, or run a second scheduler.",
      "决定 Pod 运行在哪个节点上：重新配置默认调度器、编译进自己的插件、调用调度器扩展 Webhook，或运行另一个调度器。",
    ),
    docAnchor: "#scheduling-extensions",
  },
  {
    id: "5",
    component: l("Controllers", "控制器"),
    name: l("Automation (controllers)", "自动化（控制器）"),
    summary: l(
      "Programs that watch the API and drive the cluster towards the desired state, often together with custom resources (the operator pattern).",
      "监视 API 并驱动集群趋近期望状态的程序，通常与定制资源结合使用（即 Operator 模式）。",
    ),
    docAnchor: "#combining-new-apis-with-automation",
  },
  {
    id: "6",
    component: l("kubelet and Pod networking", "kubelet 与 Pod 网络"),
    name: l("Network plugins", "网络插件"),
    summary: l(
      "A CNI plugin, loaded by the container runtime on every node, gives each Pod its network interface and IP address and connects Pods across nodes.",
      "CNI 插件由每个节点上的容器运行时加载，为每个 Pod 提供网络接口和 IP 地址，并在节点之间连通 Pod。",
    ),
    docAnchor: "#network-plugins",
  },
  {
    id: "7",
    component: l("Node-local devices and storage", "节点本地设备与存储"),
    name: l("Device and storage plugins", "设备插件与存储插件"),
    summary: l(
      "The kubelet hands special hardware (GPUs, NICs, FPGAs) to Pods through device plugins or DRA drivers, mounts volumes through CSI drivers, and fetches image pull credentials through credential provider plugins.",
      "kubelet 通过设备插件或 DRA 驱动将特殊硬件（GPU、网卡、FPGA）交给 Pod，通过 CSI 驱动挂载卷，并通过凭据提供程序插件获取镜像拉取凭据。",
    ),
    docAnchor: "#device-plugins",
  },
  {
    id: "configuration",
    component: l("Built-in APIs and flags", "内置 API 与命令行参数"),
    name: l("Configure before you extend", "先配置，再扩展"),
    summary: l(
      "Built-in policy APIs such as ResourceQuota, LimitRange, NetworkPolicy and RBAC solve many needs declaratively, work on managed clusters, and need no extra software.",
      "ResourceQuota、LimitRange、NetworkPolicy 和 RBAC 等内置策略 API 能以声明方式满足许多需求，在托管集群上同样可用，且无需额外软件。",
    ),
    docAnchor: "#configuration",
  },
]
