// Points 6 and 7: node-level infrastructure plugins run or called by the kubelet / container runtime.
import { GA, aliases, atLeast, everyMinor, l, perMinor, versionSteps } from "../helpers"
import type { FeatureState, KubernetesMinor, Mechanism } from "../types"

// source: changes doc §1 "CNI and runtimes" (dropping the containerd 1.7 cgroup-driver fallback deferred to 1.38)
const CONTAINERD_2_NOTE = l(
  "Plan for containerd ≥ 2.0 (or CRI-O ≥ 1.28): support for containerd 1.7 is expected to end in 1.38.",
  "请使用 containerd ≥ 2.0（或 CRI-O ≥ 1.28）：对 containerd 1.7 的支持预计在 1.38 结束。",
)

export const cniPlugin: Mechanism = {
  id: "cni-plugin",
  point: "6",
  name: l("CNI network plugin", "CNI 网络插件"),
  summary: l(
    "Executables following the Container Network Interface spec that the container runtime calls to give every Pod its network interface and IP.",
    "遵循容器网络接口（CNI）规范的可执行文件，容器运行时调用它们为每个 Pod 配置网络接口和 IP。",
  ),
  aliases: aliases(
    ["CNI", "network plugin", "networking", "Pod network", "Calico", "Cilium", "Flannel", "conflist", "IPAM", "NetworkPolicy enforcement"],
    ["CNI", "网络插件", "网络", "Pod 网络", "容器网络接口", "IP 地址管理"],
  ),
  runsWhere: l(
    "On every node: binaries in /opt/cni/bin, config in /etc/cni/net.d, invoked by the container runtime",
    "在每个节点上：二进制位于 /opt/cni/bin，配置位于 /etc/cni/net.d，由容器运行时调用",
  ),
  installer: "node-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "Managed clusters come with a CNI; replacing it is only possible where the provider supports bring-your-own CNI.",
      "托管集群自带 CNI；只有服务商支持自带 CNI 时才能替换。",
    ),
  },
  apiObjects: [],
  interfaces: [
    {
      name: "CNI specification (network configuration list + exec protocol)",
      kind: "exec",
      // source: facts §3.14 (Kubernetes needs spec ≥0.4.0, recommends 1.0.0; latest spec 1.1.0); changes doc §2
      versions: everyMinor("1.0.0"),
      note: l(
        "cniVersion in the conflist: Kubernetes needs ≥ 0.4.0 and recommends 1.0.0; 1.1.0 is the latest spec. Since 1.24 the container runtime, not the kubelet, loads CNI.",
        "conflist 中的 cniVersion：Kubernetes 要求 ≥ 0.4.0，推荐 1.0.0；最新规范为 1.1.0。从 1.24 起由容器运行时而非 kubelet 加载 CNI。",
      ),
    },
  ],
  // source: changes doc §1 (KubeletCgroupDriverFromCRI GA 1.34; containerd 1.7 fallback removal deferred to 1.38)
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.36")
      ? CONTAINERD_2_NOTE
      : undefined,
  })),
  failureMode: l(
    "A broken plugin leaves new Pods on that node stuck in ContainerCreating and the node NotReady; running Pods usually keep their network.",
    "插件损坏时，该节点上的新 Pod 会卡在 ContainerCreating，节点变为 NotReady；已运行的 Pod 通常保持网络连通。",
  ),
  docPath: "/docs/concepts/extend-kubernetes/compute-storage-net/network-plugins/",
  related: ["policy-apis", "device-plugin"],
}

export const devicePlugin: Mechanism = {
  id: "device-plugin",
  point: "7",
  name: l("Device plugin", "设备插件"),
  summary: l(
    "A node agent that registers with the kubelet over gRPC and advertises hardware (GPUs, NICs, FPGAs) as countable extended resources Pods request in limits.",
    "一个节点代理，通过 gRPC 向 kubelet 注册，把硬件（GPU、网卡、FPGA）发布为可计数的扩展资源，Pod 在 limits 中申请。",
  ),
  aliases: aliases(
    ["device plugin", "GPU", "NVIDIA", "FPGA", "NIC", "SR-IOV", "accelerator", "extended resource", "hardware", "gRPC"],
    ["设备插件", "GPU", "显卡", "加速器", "硬件", "扩展资源", "网卡"],
  ),
  runsWhere: l(
    "A privileged DaemonSet on each node with the device, talking to the kubelet socket in /var/lib/kubelet/device-plugins/",
    "在有该设备的节点上运行的特权 DaemonSet，与 /var/lib/kubelet/device-plugins/ 中的 kubelet 套接字通信",
  ),
  installer: "node-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "Works where privileged DaemonSets with hostPath are allowed; providers often preinstall GPU device plugins.",
      "在允许使用 hostPath 的特权 DaemonSet 的集群中可用；服务商常常预装 GPU 设备插件。",
    ),
  },
  apiObjects: [],
  interfaces: [
    {
      name: "Device plugin gRPC API (Registration, DevicePlugin)",
      kind: "grpc",
      // source: facts §3.11; changes doc §1 ("Still v1beta1, no API change 1.34–1.37")
      versions: everyMinor("v1beta1"),
      note: l(
        "Go package k8s.io/kubelet/pkg/apis/deviceplugin/v1beta1. Serve gRPC before registering, and re-register when the kubelet restarts.",
        "Go 包为 k8s.io/kubelet/pkg/apis/deviceplugin/v1beta1。注册前先启动 gRPC 服务，kubelet 重启后要重新注册。",
      ),
    },
  ],
  // source: facts §4 (Device Manager stable 1.26, DevicePluginCDIDevices GA 1.31, ResourceHealthStatus alpha 1.31); changes doc §1 (ResourceHealthStatus beta 1.36; GA in 1.37 per release blog, UNCONFIRMED)
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.37")
      ? l(
          "The plugin API is still v1beta1. Device health in Pod status (ResourceHealthStatus) is reported as GA by the 1.37 release blog.",
          "插件 API 仍为 v1beta1。1.37 发布博客称 Pod 状态中的设备健康信息（ResourceHealthStatus）已 GA。",
        )
      : atLeast(minor, "1.36")
        ? l(
            "The plugin API is still v1beta1. ResourceHealthStatus is beta.",
            "插件 API 仍为 v1beta1。ResourceHealthStatus 为 Beta。",
          )
        : l(
            "The Device Manager is stable, but the plugin API is still v1beta1.",
            "设备管理器已稳定，但插件 API 仍为 v1beta1。",
          ),
  })),
  failureMode: l(
    "If the plugin stops, the node's capacity for that resource drops to zero for new Pods; running Pods keep their devices. Devices cannot be shared or overcommitted.",
    "插件停止时，该节点此资源对新 Pod 的容量降为零；已运行的 Pod 保留其设备。设备不能共享或超量分配。",
  ),
  docPath: "/docs/concepts/extend-kubernetes/compute-storage-net/device-plugins/",
  related: ["dra-driver", "csi-driver"],
}

const draVersion = versionSteps([
  ["1.30", "resource.k8s.io/v1alpha2"],
  ["1.31", "resource.k8s.io/v1alpha3"],
  ["1.32", "resource.k8s.io/v1beta1"],
  ["1.33", "resource.k8s.io/v1beta2"],
  ["1.34", "resource.k8s.io/v1"],
])

function draState(minor: KubernetesMinor): FeatureState {
  if (atLeast(minor, "1.37"))
    return {
      ...GA,
      featureGate: "DynamicResourceAllocation",
      note: l(
        "Extended-resource mapping, device taints (DeviceTaintRule v1) and claim status.devices are GA.",
        "扩展资源映射、设备污点（DeviceTaintRule v1）与申领的 status.devices 已 GA。",
      ),
    }
  if (atLeast(minor, "1.36"))
    return {
      ...GA,
      featureGate: "DynamicResourceAllocation",
      note: l(
        "Prioritized lists and admin access are GA; partitionable devices, consumable capacity and device taints are beta.",
        "优先级列表与管理员访问已 GA；可分区设备、可消耗容量与设备污点为 Beta。",
      ),
    }
  if (atLeast(minor, "1.34"))
    return {
      ...GA,
      featureGate: "DynamicResourceAllocation",
      note: l(
        "resource.k8s.io/v1 is served by default; older beta versions are off.",
        "默认提供 resource.k8s.io/v1；旧的 Beta 版本默认关闭。",
      ),
    }
  const version = draVersion[minor] ?? ""
  return {
    maturity: atLeast(minor, "1.32") ? "beta" : "alpha",
    enabledByDefault: false,
    featureGate: "DynamicResourceAllocation",
    runtimeConfig: `${version}=true`,
    note: l(
      "Off by default: enable the gate on kube-apiserver, kube-controller-manager, kube-scheduler and kubelet, plus the API version via --runtime-config.",
      "默认关闭：需在 kube-apiserver、kube-controller-manager、kube-scheduler 与 kubelet 上启用特性门控，并通过 --runtime-config 启用该 API 版本。",
    ),
  }
}

// source: kubernetes-1.34-1.37-changes.md §2 (1.30 v1alpha2, 1.31 v1alpha3, 1.32 v1beta1, 1.33 v1beta2, ≥1.34 v1 GA;
// 1.30/1.31 marked UNCONFIRMED there — DeviceClass v1alpha3 is documented in the 1.31 API reference, and
// DeviceClass replaced the v1alpha2 ResourceClass of classic DRA)
export const draDriver: Mechanism = {
  id: "dra-driver",
  point: "7",
  name: l("Dynamic Resource Allocation (DRA) driver", "动态资源分配（DRA）驱动"),
  summary: l(
    "A driver publishes devices with attributes in ResourceSlices; Pods request them through ResourceClaims with CEL selectors, and the scheduler allocates them.",
    "驱动在 ResourceSlice 中发布带属性的设备；Pod 通过带 CEL 选择算符的 ResourceClaim 申请设备，由调度器完成分配。",
  ),
  aliases: aliases(
    ["DRA", "dynamic resource allocation", "GPU", "accelerator", "ResourceClaim", "ResourceSlice", "DeviceClass", "CEL", "device sharing", "hardware", "kubelet plugin"],
    ["DRA", "动态资源分配", "GPU", "显卡", "加速器", "硬件", "资源申领", "设备共享", "调度", "CEL"],
  ),
  runsWhere: l(
    "A DaemonSet kubelet plugin on each node (plus optional controller); allocation happens in kube-scheduler",
    "每个节点上以 DaemonSet 运行的 kubelet 插件（可另加控制器）；分配在 kube-scheduler 中完成",
  ),
  installer: "node-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "Usable on managed clusters from 1.34 (GA, on by default); earlier minors need feature gates the provider must set.",
      "从 1.34 起（GA，默认开启）可在托管集群上使用；更早的版本需要服务商开启特性门控。",
    ),
  },
  apiObjects: [
    { kind: "ResourceClaim", apiVersions: draVersion, form: "served", scope: "Namespaced" },
    { kind: "ResourceClaimTemplate", apiVersions: draVersion, form: "served", scope: "Namespaced" },
    {
      kind: "DeviceClass",
      apiVersions: versionSteps([
        ["1.31", "resource.k8s.io/v1alpha3"],
        ["1.32", "resource.k8s.io/v1beta1"],
        ["1.33", "resource.k8s.io/v1beta2"],
        ["1.34", "resource.k8s.io/v1"],
      ]),
      form: "served",
      scope: "Cluster",
    },
    { kind: "ResourceSlice", apiVersions: draVersion, form: "served", scope: "Cluster" },
    {
      kind: "ResourceClass",
      apiVersions: versionSteps([
        ["1.30", "resource.k8s.io/v1alpha2"],
        ["1.31", null],
      ]),
      form: "served",
      scope: "Cluster",
      note: l("Classic DRA (1.30 only); replaced by DeviceClass.", "经典 DRA（仅 1.30）；已被 DeviceClass 取代。"),
    },
  ],
  states: perMinor(draState),
  failureMode: l(
    "If the node plugin is down, Pods with claims on that node cannot start (stuck in ContainerCreating); unallocatable claims keep Pods Pending.",
    "节点插件不可用时，该节点上带申领的 Pod 无法启动（卡在 ContainerCreating）；无法分配的申领会让 Pod 保持 Pending。",
  ),
  // The DRA page moved under resource-management in the 1.37 docs (changes doc §1).
  docPath: "/docs/concepts/resource-management/dynamic-resource-allocation/",
  related: ["device-plugin", "scheduler-configuration"],
}

export const csiDriver: Mechanism = {
  id: "csi-driver",
  point: "7",
  name: l("CSI storage driver", "CSI 存储驱动"),
  summary: l(
    "A Container Storage Interface driver (gRPC controller + node services with Kubernetes sidecars) that provisions, attaches and mounts a new kind of volume.",
    "容器存储接口（CSI）驱动（gRPC 控制器与节点服务，配合 Kubernetes 边车容器），负责新型卷的制备、挂接和挂载。",
  ),
  aliases: aliases(
    ["CSI", "storage", "volume", "storage plugin", "PersistentVolume", "StorageClass", "CSIDriver", "provisioner", "snapshot", "disk"],
    ["CSI", "存储", "卷", "存储插件", "持久卷", "存储类", "容器存储接口", "快照", "磁盘"],
  ),
  runsWhere: l(
    "A controller Deployment (provisioner/attacher sidecars) plus a node DaemonSet (node-driver-registrar) using /var/lib/kubelet/plugins",
    "一个控制器 Deployment（provisioner/attacher 边车容器）加上一个节点 DaemonSet（node-driver-registrar），使用 /var/lib/kubelet/plugins",
  ),
  installer: "node-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "Works where privileged DaemonSets are allowed; providers preinstall CSI drivers for their own disks.",
      "在允许特权 DaemonSet 的集群中可用；服务商会为自家磁盘预装 CSI 驱动。",
    ),
  },
  apiObjects: [
    { kind: "CSIDriver", apiVersions: everyMinor("storage.k8s.io/v1"), form: "served", scope: "Cluster" },
    { kind: "StorageClass", apiVersions: everyMinor("storage.k8s.io/v1"), form: "served", scope: "Cluster" },
    {
      kind: "VolumeAttributesClass",
      // source: changes doc §2 (1.31–1.33 v1beta1 with gate + runtime-config; ≥1.34 v1)
      apiVersions: versionSteps([
        ["1.31", "storage.k8s.io/v1beta1"],
        ["1.34", "storage.k8s.io/v1"],
      ]),
      form: "served",
      scope: "Cluster",
      note: l(
        "Optional (volume modification). Before 1.34 it needs the VolumeAttributesClass gate and runtime-config.",
        "可选（卷属性修改）。1.34 之前需要 VolumeAttributesClass 特性门控和 runtime-config。",
      ),
    },
  ],
  interfaces: [
    {
      name: "CSI specification gRPC services (Identity, Controller, Node)",
      kind: "grpc",
      // The spec's protobuf package is csi.v1 (all CSI 1.x spec releases).
      versions: everyMinor("csi.v1"),
      note: l(
        "Sidecars: external-provisioner, external-attacher, node-driver-registrar, livenessprobe (external-provisioner ≥ v6 requires Kubernetes ≥ 1.34).",
        "边车容器：external-provisioner、external-attacher、node-driver-registrar、livenessprobe（external-provisioner ≥ v6 要求 Kubernetes ≥ 1.34）。",
      ),
    },
  ],
  // source: changes doc §1 (1.34 VolumeAttributesClass GA; 1.36 serviceAccountTokenInSecrets GA; 1.37 SELinuxMount GA)
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.37")
      ? l(
          "SELinuxMount is GA: drivers with spec.seLinuxMount: true get fast SELinux relabelling.",
          "SELinuxMount 已 GA：设置 spec.seLinuxMount: true 的驱动可获得快速 SELinux 重标记。",
        )
      : atLeast(minor, "1.36")
        ? l(
            "CSIDriver serviceAccountTokenInSecrets and nodeAllocatableUpdatePeriodSeconds are GA.",
            "CSIDriver 的 serviceAccountTokenInSecrets 与 nodeAllocatableUpdatePeriodSeconds 已 GA。",
          )
        : atLeast(minor, "1.34")
          ? l("VolumeAttributesClass is GA (storage.k8s.io/v1).", "VolumeAttributesClass 已 GA（storage.k8s.io/v1）。")
          : undefined,
  })),
  failureMode: l(
    "If the controller side is down, new volumes are not provisioned or attached (Pods stay Pending/ContainerCreating); if the node plugin is down, volumes on that node cannot be mounted or unmounted.",
    "控制器端不可用时，新卷无法制备或挂接（Pod 保持 Pending/ContainerCreating）；节点插件不可用时，该节点上的卷无法挂载或卸载。",
  ),
  docPath: "/docs/concepts/storage/volumes/#csi",
  related: ["flexvolume", "device-plugin"],
}

export const flexvolume: Mechanism = {
  id: "flexvolume",
  point: "7",
  name: l("FlexVolume driver (deprecated)", "FlexVolume 驱动（已弃用）"),
  summary: l(
    "An out-of-tree volume driver binary the kubelet executes with init/mount/unmount call-outs. Deprecated since 1.23: write a CSI driver instead.",
    "由 kubelet 以 init/mount/unmount 等调用方式执行的树外卷驱动二进制。自 1.23 起已弃用：请改写 CSI 驱动。",
  ),
  aliases: aliases(
    ["FlexVolume", "flex", "volume plugin", "storage", "volume", "exec driver", "deprecated"],
    ["FlexVolume", "存储", "卷", "存储插件", "卷插件", "已弃用"],
  ),
  runsWhere: l(
    "A binary on every node under /usr/libexec/kubernetes/kubelet-plugins/volume/exec/<vendor~driver>/",
    "每个节点上 /usr/libexec/kubernetes/kubelet-plugins/volume/exec/<vendor~driver>/ 下的二进制文件",
  ),
  installer: "node-admin",
  managedClusters: {
    availability: "no",
    note: l(
      "Needs writable node plugin directories; managed providers do not support it. kubeadm dropped its FlexVolume support in 1.36.",
      "需要可写的节点插件目录；托管服务商不支持。kubeadm 在 1.36 中移除了对 FlexVolume 的支持。",
    ),
  },
  apiObjects: [],
  // source: facts §3.13, changes doc §1 (deprecated since 1.23, not removed as of 1.37; kubeadm support dropped in 1.36, #136423)
  states: perMinor(
    (minor): FeatureState => ({
      maturity: "deprecated",
      enabledByDefault: true,
      note: atLeast(minor, "1.36")
        ? l(
            "Deprecated since 1.23 and still present; kubeadm no longer supports it. Migrate to CSI.",
            "自 1.23 起弃用但仍存在；kubeadm 已不再支持。请迁移到 CSI。",
          )
        : l("Deprecated since 1.23. Migrate to CSI.", "自 1.23 起弃用。请迁移到 CSI。"),
    }),
  ),
  failureMode: l(
    "A failing binary blocks Pods using its volumes from starting on that node; it runs as root on the host with no isolation.",
    "二进制出错会使用到该卷的 Pod 在该节点上无法启动；它以 root 身份在主机上运行，没有隔离。",
  ),
  docPath: "/docs/concepts/storage/volumes/#flexvolume",
  replacedBy: "csi-driver",
  related: ["csi-driver"],
}

// Not numbered in the official figure; grouped with the other kubelet-invoked node plugins at point 7.
export const imageCredentialProvider: Mechanism = {
  id: "image-credential-provider",
  point: "7",
  name: l("Kubelet image credential provider", "kubelet 镜像凭据提供程序"),
  summary: l(
    "An executable the kubelet runs to fetch registry credentials on demand for matching images, instead of static imagePullSecrets.",
    "kubelet 按需运行的可执行文件，为匹配的镜像获取镜像仓库凭据，替代静态的 imagePullSecrets。",
  ),
  aliases: aliases(
    ["credential provider", "image pull", "registry", "imagePullSecrets", "ECR", "GCR", "ACR", "CredentialProviderConfig", "kubelet plugin"],
    ["镜像凭据", "凭据提供程序", "镜像拉取", "镜像仓库", "拉取密钥", "kubelet 插件"],
  ),
  runsWhere: l(
    "On every node, executed by the kubelet from --image-credential-provider-bin-dir",
    "在每个节点上，由 kubelet 从 --image-credential-provider-bin-dir 执行",
  ),
  installer: "node-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "Providers preinstall one for their own registry; adding yours needs control over the node image or kubelet flags.",
      "服务商会为自家镜像仓库预装提供程序；添加你自己的需要能控制节点镜像或 kubelet 参数。",
    ),
  },
  apiObjects: [
    {
      kind: "CredentialProviderConfig",
      apiVersions: everyMinor("kubelet.config.k8s.io/v1"),
      form: "config-file",
      note: l("Passed with kubelet --image-credential-provider-config.", "通过 kubelet --image-credential-provider-config 传入。"),
    },
    { kind: "CredentialProviderRequest", apiVersions: everyMinor("credentialprovider.kubelet.k8s.io/v1"), form: "wire" },
    { kind: "CredentialProviderResponse", apiVersions: everyMinor("credentialprovider.kubelet.k8s.io/v1"), form: "wire" },
  ],
  // source: facts §3.15 (stable 1.26); changes doc §1–§2 (service-account-token mode alpha 1.33, beta on 1.34–1.37)
  states: perMinor((minor): FeatureState => {
    if (atLeast(minor, "1.34"))
      return {
        ...GA,
        note: l(
          "Service-account-token mode (tokenAttributes) is beta and on (KubeletServiceAccountTokenForCredentialProviders).",
          "服务账号令牌模式（tokenAttributes）为 Beta 且默认开启（KubeletServiceAccountTokenForCredentialProviders）。",
        ),
      }
    if (atLeast(minor, "1.33"))
      return {
        ...GA,
        note: l(
          "tokenAttributes needs the alpha gate KubeletServiceAccountTokenForCredentialProviders; the kubelet fails to start if it is set while the gate is off.",
          "tokenAttributes 需要 Alpha 特性门控 KubeletServiceAccountTokenForCredentialProviders；门控关闭时设置该字段会导致 kubelet 无法启动。",
        ),
      }
    return { ...GA }
  }),
  failureMode: l(
    "If the provider fails, pulls from matching registries fall back to other credentials and may fail with ImagePullBackOff; cached credentials keep working until they expire.",
    "提供程序失败时，匹配镜像仓库的拉取会退回使用其他凭据，可能出现 ImagePullBackOff；已缓存的凭据在过期前仍然有效。",
  ),
  docPath: "/docs/tasks/administer-cluster/kubelet-credential-provider/",
  related: ["exec-credential-plugin", "always-pull-images", "csi-driver"],
}

export const containerRuntime: Mechanism = {
  id: "container-runtime",
  point: "6",
  name: l("Container runtime (CRI) and NRI plugins", "容器运行时（CRI）与 NRI 插件"),
  summary: l(
    "The kubelet runs containers through the Container Runtime Interface; NRI plugins hook into containerd or CRI-O to adjust containers as they are created, without writing a runtime.",
    "kubelet 通过容器运行时接口（CRI）运行容器；NRI 插件接入 containerd 或 CRI-O，在容器创建时对其进行调整，无需自己编写运行时。",
  ),
  aliases: aliases(
    ["container runtime", "CRI", "NRI", "Node Resource Interface", "containerd", "CRI-O", "runtime handler", "OCI", "sandbox"],
    ["容器运行时", "容器运行时接口", "节点资源接口", "运行时处理程序", "沙箱"],
  ),
  runsWhere: l(
    "On every node, next to the kubelet: the runtime daemon and, for NRI, a plugin process it connects to",
    "在每个节点上、与 kubelet 并列：运行时守护进程；使用 NRI 时还有一个与之连接的插件进程",
  ),
  installer: "node-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "Managed node images fix the runtime and its configuration; NRI plugins work only where you control the node image or the provider enables NRI.",
      "托管节点镜像固定了运行时及其配置；只有在你能控制节点镜像、或服务商启用了 NRI 时，NRI 插件才能使用。",
    ),
  },
  apiObjects: [],
  interfaces: [
    {
      name: "Container Runtime Interface (gRPC, runtime.v1)",
      kind: "grpc",
      // source: k8s.io/cri-api runtime/v1 (v1alpha2 removed in 1.26); changes doc §1 (CNI and runtimes)
      versions: everyMinor("runtime.v1"),
      note: l(
        "The kubelet talks to the runtime over a Unix socket (--container-runtime-endpoint).",
        "kubelet 通过 Unix 套接字与运行时通信（--container-runtime-endpoint）。",
      ),
    },
    {
      name: "NRI plugin API (ttrpc over a Unix socket)",
      kind: "go-module",
      versions: everyMinor("github.com/containerd/nri/pkg/stub"),
      note: l(
        "Not a Kubernetes API: it depends on the runtime. containerd 2.0 enables NRI by default (1.7 has it off); CRI-O has its own switch.",
        "这不是 Kubernetes API，取决于运行时：containerd 2.0 默认启用 NRI（1.7 默认关闭）；CRI-O 有自己的开关。",
      ),
    },
  ],
  // source: changes doc §1 "CNI and runtimes" (KubeletCgroupDriverFromCRI GA 1.34; containerd 1.7 support ends in 1.38);
  // containerd v2.0.0 release notes ("Enable NRI by default", containerd/containerd#9744)
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.36")
      ? CONTAINERD_2_NOTE
      : atLeast(minor, "1.34")
        ? l(
            "The kubelet takes the cgroup driver from runtimes that report it (KubeletCgroupDriverFromCRI is GA): containerd ≥ 2.0, CRI-O ≥ 1.28; older runtimes still use the kubelet's own setting.",
            "kubelet 从能报告 cgroup 驱动的运行时获取该设置（KubeletCgroupDriverFromCRI 已 GA）：containerd ≥ 2.0、CRI-O ≥ 1.28；更旧的运行时仍使用 kubelet 自己的设置。",
          )
        : undefined,
  })),
  failureMode: l(
    "A failing runtime makes the node NotReady and no Pod starts there; a failing NRI plugin can block or alter every container on the node, so plugins must be fast and fail safe.",
    "运行时出故障会让节点变为 NotReady，其上的 Pod 都无法启动；NRI 插件出故障可能阻塞或改变节点上的每个容器，因此插件必须快速且在失败时保持安全。",
  ),
  docPath: "/docs/setup/production-environment/container-runtimes/",
  related: ["runtime-class", "device-plugin", "cni-plugin"],
}

export const INFRASTRUCTURE_MECHANISMS: readonly Mechanism[] = [
  cniPlugin,
  devicePlugin,
  draDriver,
  csiDriver,
  flexvolume,
  imageCredentialProvider,
  containerRuntime,
]
