// Point 4: scheduling extensions.
import { GA, aliases, atLeast, everyMinor, l, perMinor, versionSteps } from "../helpers"
import type { ApiObject, FeatureState, Mechanism } from "../types"

const schedulerConfig: ApiObject = {
  kind: "KubeSchedulerConfiguration",
  // source: facts §3.16 (v1 stable since 1.25, v1beta3 removed 1.29); changes doc §2 ("Config is kubescheduler.config.k8s.io/v1 everywhere")
  apiVersions: everyMinor("kubescheduler.config.k8s.io/v1"),
  form: "config-file",
  note: l("Passed with kube-scheduler --config.", "通过 kube-scheduler --config 传入。"),
}

export const schedulerConfiguration: Mechanism = {
  id: "scheduler-configuration",
  point: "4",
  name: l("Scheduler profiles and plugin configuration", "调度器配置文件与插件配置"),
  summary: l(
    "Tune the built-in kube-scheduler with a KubeSchedulerConfiguration: enable, disable or weight its plugins and define named profiles Pods select via schedulerName.",
    "通过 KubeSchedulerConfiguration 调整内置 kube-scheduler：启用、禁用插件或调整权重，并定义 Pod 可通过 schedulerName 选择的命名配置文件（Profile）。",
  ),
  aliases: aliases(
    ["scheduler", "scheduling", "profile", "KubeSchedulerConfiguration", "schedulerName", "plugin weights", "scoring", "bin packing", "kube-scheduler"],
    ["调度", "调度器", "调度器配置", "调度配置文件", "插件权重", "打分", "装箱"],
  ),
  runsWhere: l("Inside kube-scheduler (configuration file)", "在 kube-scheduler 内部（配置文件）"),
  installer: "control-plane-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "You cannot change the managed default scheduler's file; some providers offer preset profiles, or run your own profile as a second scheduler.",
      "无法修改托管默认调度器的配置文件；部分服务商提供预设配置，或者以第二个调度器的方式运行你自己的配置。",
    ),
  },
  apiObjects: [schedulerConfig],
  // source: changes doc §1 (1.36 adds plugins.placementGenerate/placementScore; 1.37 plugins.podGroupPostFilter)
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.37")
      ? l(
          "New extension point in config: plugins.podGroupPostFilter (gang scheduling beta).",
          "配置中新增扩展点：plugins.podGroupPostFilter（编组调度 Beta）。",
        )
      : atLeast(minor, "1.36")
        ? l(
            "New extension points in config: plugins.placementGenerate and plugins.placementScore.",
            "配置中新增扩展点：plugins.placementGenerate 与 plugins.placementScore。",
          )
        : undefined,
  })),
  failureMode: l(
    "An invalid file stops kube-scheduler from starting, so no new Pods are scheduled; all profiles must share the same queueSort plugin.",
    "文件无效会导致 kube-scheduler 无法启动，新的 Pod 都无法被调度；所有配置文件必须使用相同的 queueSort 插件。",
  ),
  docPath: "/docs/reference/scheduling/config/",
  related: ["scheduler-plugin", "multiple-schedulers", "scheduler-extender", "priority-class"],
}

export const schedulerPlugin: Mechanism = {
  id: "scheduler-plugin",
  point: "4",
  name: l("Scheduling framework plugin", "调度框架插件"),
  summary: l(
    "Go code implementing scheduling framework extension points (Filter, Score, Permit, …) compiled into your own kube-scheduler build.",
    "实现调度框架扩展点（Filter、Score、Permit 等）的 Go 代码，编译进你自己构建的 kube-scheduler。",
  ),
  aliases: aliases(
    ["scheduler plugin", "scheduling framework", "Filter", "Score", "Permit", "PreFilter", "scheduler-plugins", "WithPlugin", "kube-scheduler", "Go"],
    ["调度", "调度插件", "调度框架", "过滤", "打分", "调度器扩展点"],
  ),
  runsWhere: l("Inside your custom kube-scheduler binary", "在你自定义构建的 kube-scheduler 二进制中"),
  installer: "cluster-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "Run the custom build as a second scheduler Deployment; replacing the managed default scheduler is not possible.",
      "将自定义构建作为第二个调度器 Deployment 运行；无法替换托管的默认调度器。",
    ),
  },
  apiObjects: [schedulerConfig],
  interfaces: [
    {
      name: "Scheduling framework plugin interfaces (Go)",
      kind: "go-module",
      // source: changes doc §1–§2 (plugin interfaces + Handle in k8s.io/kube-scheduler/framework from v0.35.0, #133172)
      versions: versionSteps([
        ["1.30", "k8s.io/kubernetes/pkg/scheduler/framework"],
        ["1.35", "k8s.io/kube-scheduler/framework"],
      ]),
      note: l(
        "Register with app.NewSchedulerCommand(app.WithPlugin(name, factory)) from k8s.io/kubernetes/cmd/kube-scheduler/app.",
        "注册方式：app.NewSchedulerCommand(app.WithPlugin(name, factory))，来自 k8s.io/kubernetes/cmd/kube-scheduler/app。",
      ),
    },
  ],
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.37")
      ? l(
          "Breaking Go changes: PatchPodStatus takes []*v1.PodCondition; new PlacementFeasible point.",
          "Go 接口不兼容变更：PatchPodStatus 接收 []*v1.PodCondition；新增 PlacementFeasible 扩展点。",
        )
      : atLeast(minor, "1.36")
        ? l(
            "Breaking Go changes: PreBindPreFlight returns (*PreBindPreFlightResult, *Status); PostFilterResult lists preempted Pods.",
            "Go 接口不兼容变更：PreBindPreFlight 改为返回 *PreBindPreFlightResult 和 *Status 两个值；PostFilterResult 列出被抢占的 Pod。",
          )
        : atLeast(minor, "1.35")
          ? l(
              "Plugin interfaces and Handle moved to the staging module k8s.io/kube-scheduler/framework.",
              "插件接口和 Handle 已移至 staging 模块 k8s.io/kube-scheduler/framework。",
            )
          : atLeast(minor, "1.34")
            ? l(
                "QueueingHints are GA; Status, CycleState, NodeInfo and QueueingHintFn moved to k8s.io/kube-scheduler/framework.",
                "QueueingHints 已 GA；Status、CycleState、NodeInfo 与 QueueingHintFn 已移至 k8s.io/kube-scheduler/framework。",
              )
            : undefined,
  })),
  failureMode: l(
    "A panic or slow plugin stalls or crashes the whole scheduler; the Go APIs change between minors, so the build must track the cluster version.",
    "插件崩溃或过慢会拖住甚至搞垮整个调度器；Go API 在各次版本之间会变化，构建必须跟随集群版本。",
  ),
  docPath: "/docs/concepts/scheduling-eviction/scheduling-framework/",
  related: ["scheduler-configuration", "multiple-schedulers", "scheduler-extender"],
}

export const schedulerExtender: Mechanism = {
  id: "scheduler-extender",
  point: "4",
  name: l("Scheduler extender (webhook)", "调度器扩展程序（Webhook）"),
  summary: l(
    "kube-scheduler calls your HTTP service to filter and prioritise nodes (and optionally preempt or bind) for Pods it schedules.",
    "kube-scheduler 调用你的 HTTP 服务，为其调度的 Pod 过滤节点、为节点打分（也可选地执行抢占或绑定）。",
  ),
  aliases: aliases(
    ["webhook", "scheduler extender", "extender", "scheduling", "filter", "prioritize", "HTTP", "kube-scheduler"],
    ["Webhook", "调度", "调度器扩展", "调度器扩展程序", "过滤", "优先级", "打分"],
  ),
  runsWhere: l("Your HTTP service, called by kube-scheduler", "你的 HTTP 服务，由 kube-scheduler 调用"),
  installer: "control-plane-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "Needs extenders[] in the scheduler config: only possible with a second scheduler you run yourself.",
      "需要在调度器配置中设置 extenders[]：只有自行运行第二个调度器时才可行。",
    ),
  },
  apiObjects: [
    {
      ...schedulerConfig,
      note: l(
        "Top-level extenders[] (shared by all profiles): urlPrefix, filterVerb, prioritizeVerb, weight, bindVerb, …",
        "顶层 extenders[]（所有配置文件共享）：urlPrefix、filterVerb、prioritizeVerb、weight、bindVerb 等。",
      ),
    },
  ],
  interfaces: [
    {
      name: "Extender HTTP/JSON types (ExtenderArgs, ExtenderFilterResult, HostPriorityList)",
      kind: "http",
      versions: everyMinor("k8s.io/kube-scheduler/extender/v1"),
      note: l(
        "The Go structs have no JSON tags: JSON keys are the capitalised field names.",
        "这些 Go 结构体没有 JSON 标签：JSON 键即首字母大写的字段名。",
      ),
    },
  ],
  states: perMinor(() => ({ ...GA })),
  failureMode: l(
    "Each scheduling cycle waits for the HTTP call (httpTimeout); if the extender fails, Pods stay Pending unless it is marked ignorable.",
    "每个调度周期都要等待 HTTP 调用（httpTimeout）；扩展程序失败时，除非标记为 ignorable，否则 Pod 会一直处于 Pending。",
  ),
  docPath: "/docs/reference/config-api/kube-scheduler-config.v1/#kubescheduler-config-k8s-io-v1-Extender",
  related: ["scheduler-plugin", "scheduler-configuration", "multiple-schedulers"],
}

export const multipleSchedulers: Mechanism = {
  id: "multiple-schedulers",
  point: "4",
  name: l("Additional scheduler", "多个调度器"),
  summary: l(
    "Run another scheduler (a configured kube-scheduler or your own) as a Deployment; Pods opt in with spec.schedulerName.",
    "以 Deployment 方式运行另一个调度器（配置过的 kube-scheduler 或你自己的实现）；Pod 通过 spec.schedulerName 选择使用。",
  ),
  aliases: aliases(
    ["multiple schedulers", "second scheduler", "custom scheduler", "schedulerName", "scheduling", "kube-scheduler", "batch", "gang"],
    ["调度", "调度器", "多个调度器", "第二个调度器", "自定义调度器", "批处理"],
  ),
  runsWhere: l("A Deployment in the cluster (usually kube-system)", "集群中的 Deployment（通常位于 kube-system）"),
  installer: "cluster-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "Works on managed clusters: it is an ordinary workload with RBAC bindings.",
      "适用于托管集群：它只是带有 RBAC 绑定的普通工作负载。",
    ),
  },
  apiObjects: [schedulerConfig],
  states: perMinor(() => ({ ...GA })),
  failureMode: l(
    "If it stops, only Pods naming it stay Pending. Two schedulers placing Pods on the same nodes can race for the same resources.",
    "它停止时，只有指定它的 Pod 会保持 Pending。两个调度器向相同节点放置 Pod 时可能争抢同一资源。",
  ),
  docPath: "/docs/tasks/extend-kubernetes/configure-multiple-schedulers/",
  related: ["scheduler-configuration", "scheduler-plugin", "scheduler-extender", "gang-scheduling"],
}

export const priorityClass: Mechanism = {
  id: "priority-class",
  point: "4",
  name: l("PriorityClass (priority and preemption)", "PriorityClass（优先级与抢占）"),
  summary: l(
    "A built-in object that gives Pods a priority: the scheduler places higher-priority Pods first and may preempt lower-priority ones to make room.",
    "一种内置对象，为 Pod 赋予优先级：调度器先放置高优先级的 Pod，并可抢占低优先级的 Pod 以腾出资源。",
  ),
  aliases: aliases(
    ["PriorityClass", "priority", "preemption", "priorityClassName", "preemptionPolicy", "scheduling", "eviction"],
    ["优先级", "抢占", "Pod 优先级", "调度", "驱逐"],
  ),
  runsWhere: l(
    "Built into kube-apiserver (Priority admission plugin) and kube-scheduler",
    "内置于 kube-apiserver（Priority 准入插件）和 kube-scheduler",
  ),
  installer: "cluster-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "Works on every cluster: PriorityClass is an ordinary cluster-scoped object.",
      "适用于所有集群：PriorityClass 只是普通的集群作用域对象。",
    ),
  },
  apiObjects: [
    {
      kind: "PriorityClass",
      // source: k8s.io/api@v0.37.2 scheduling/v1 (GA since 1.14)
      apiVersions: everyMinor("scheduling.k8s.io/v1"),
      form: "served",
      scope: "Cluster",
    },
  ],
  // source: k8s.io/kubernetes@v1.37.2 pkg/kubeapiserver/options/plugins.go (Priority in the default-on set)
  states: perMinor(() => ({ ...GA })),
  failureMode: l(
    "Nothing extra to fail, but a high priority given too freely lets ordinary workloads preempt important ones; globalDefault changes the priority of every Pod that names none.",
    "没有额外的故障组件，但随意授予高优先级会让普通工作负载抢占重要工作负载；globalDefault 会改变所有未指定优先级的 Pod 的优先级。",
  ),
  docPath: "/docs/concepts/scheduling-eviction/pod-priority-preemption/",
  related: ["scheduler-configuration", "policy-apis"],
}

// Workload/PodGroup versions: 1.35 v1alpha1, 1.36 v1alpha2 (PodGroup becomes its own object), 1.37 v1beta1
// source: kubernetes-1.34-1.37-changes.md §1 (Scheduler); k8s.io/api@v0.37.2 scheduling/{v1beta1,v1alpha3};
// k8s.io/kubernetes@v1.37.2 pkg/controlplane/instance.go (scheduling v1beta1 in betaAPIGroupVersionsDisabledByDefault)
const workloadApiVersions = versionSteps([
  ["1.35", "scheduling.k8s.io/v1alpha1"],
  ["1.36", "scheduling.k8s.io/v1alpha2"],
  ["1.37", "scheduling.k8s.io/v1beta1"],
])

export const gangScheduling: Mechanism = {
  id: "gang-scheduling",
  point: "4",
  name: l("Gang scheduling (Workload API)", "编组调度（Workload API）"),
  summary: l(
    "The default kube-scheduler's GangScheduling plugin places a group of Pods all at once or not at all, described with the Workload and PodGroup APIs.",
    "默认 kube-scheduler 的 GangScheduling 插件以全有或全无的方式放置一组 Pod，这组 Pod 用 Workload 和 PodGroup API 描述。",
  ),
  aliases: aliases(
    ["gang scheduling", "GangScheduling", "Workload", "PodGroup", "all-or-nothing", "batch", "coscheduling", "GenericWorkload", "scheduling"],
    ["编组调度", "调度", "批处理", "全有或全无", "工作负载感知调度"],
  ),
  runsWhere: l("Inside the default kube-scheduler (built-in plugin)", "在默认的 kube-scheduler 内部（内置插件）"),
  installer: "control-plane-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "Needs feature gates on kube-apiserver, kube-scheduler and kube-controller-manager and a --runtime-config entry; managed clusters expose them only if the provider offers the feature.",
      "需要在 kube-apiserver、kube-scheduler 和 kube-controller-manager 上开启特性门控，并设置 --runtime-config；托管集群只有在服务商提供此特性时才可用。",
    ),
  },
  apiObjects: [
    { kind: "Workload", apiVersions: workloadApiVersions, form: "served", scope: "Namespaced" },
    {
      kind: "PodGroup",
      apiVersions: versionSteps([
        ["1.36", "scheduling.k8s.io/v1alpha2"],
        ["1.37", "scheduling.k8s.io/v1beta1"],
      ]),
      form: "served",
      scope: "Namespaced",
    },
  ],
  // source: k8s.io/kubernetes@v1.37.2 pkg/features/kube_features.go GenericWorkload (alpha 1.35, beta off 1.37);
  // kubernetes/website blog 2025-12-29 (1.35 also needs GangScheduling on kube-scheduler);
  // kubernetes/kubernetes#139520 (1.37 merges GangScheduling into GenericWorkload)
  states: perMinor((minor): FeatureState => {
    if (atLeast(minor, "1.37"))
      return {
        maturity: "beta",
        enabledByDefault: false,
        featureGate: "GenericWorkload",
        runtimeConfig: "scheduling.k8s.io/v1beta1=true",
        note: l(
          "Beta but off by default: GenericWorkload now covers the Workload and PodGroup APIs, gang scheduling and workload-aware preemption (the GangScheduling gate was merged into it).",
          "Beta，但默认关闭：GenericWorkload 现在同时涵盖 Workload 与 PodGroup API、编组调度和工作负载感知抢占（GangScheduling 特性门控已并入其中）。",
        ),
      }
    if (atLeast(minor, "1.36"))
      return {
        maturity: "alpha",
        enabledByDefault: false,
        featureGate: "GenericWorkload",
        runtimeConfig: "scheduling.k8s.io/v1alpha2=true",
        note: l(
          "Alpha: also enable the GangScheduling gate on kube-scheduler. PodGroup is now its own object and Pods point to it with spec.schedulingGroup; v1alpha1 manifests no longer apply.",
          "Alpha：还需在 kube-scheduler 上开启 GangScheduling 特性门控。PodGroup 现在是独立对象，Pod 通过 spec.schedulingGroup 引用它；v1alpha1 清单已不再适用。",
        ),
      }
    if (atLeast(minor, "1.35"))
      return {
        maturity: "alpha",
        enabledByDefault: false,
        featureGate: "GenericWorkload",
        runtimeConfig: "scheduling.k8s.io/v1alpha1=true",
        note: l(
          "Alpha: also enable the GangScheduling gate on kube-scheduler. Pods join a group with spec.workloadRef.",
          "Alpha：还需在 kube-scheduler 上开启 GangScheduling 特性门控。Pod 通过 spec.workloadRef 加入编组。",
        ),
      }
    return {
      maturity: "unavailable",
      enabledByDefault: false,
      note: l(
        "Not in the default scheduler: use a second scheduler with a coscheduling plugin (scheduler-plugins' Coscheduling, or Volcano).",
        "默认调度器中没有此功能：请使用带协同调度插件的第二个调度器（scheduler-plugins 的 Coscheduling，或 Volcano）。",
      ),
    }
  }),
  failureMode: l(
    "A group that cannot fit waits (Pods stay Pending) and is retried; Pods that reference a missing group are never scheduled. The API changed shape between 1.35, 1.36 and 1.37, so manifests must match the minor.",
    "放不下的编组会等待（Pod 保持 Pending）并被重试；引用不存在编组的 Pod 永远不会被调度。该 API 在 1.35、1.36、1.37 之间结构有变，清单必须与次版本匹配。",
  ),
  docPath: "/docs/concepts/scheduling-eviction/gang-scheduling/",
  related: ["multiple-schedulers", "scheduler-configuration", "scheduler-plugin"],
}

export const SCHEDULING_MECHANISMS: readonly Mechanism[] = [
  schedulerConfiguration,
  schedulerPlugin,
  schedulerExtender,
  multipleSchedulers,
  priorityClass,
  gangScheduling,
]
