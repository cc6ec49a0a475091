// Outcomes of the advisor: each names catalog mechanisms (one primary) plus the trade-offs and the
// simpler option considered. Feature states and managed-cluster availability are NOT written here:
// evaluate() reads them from the catalog for the chosen minor.
import type { OutcomeNode } from "./types"
import { l } from "./text"

const ALREADY_SIMPLEST = l(
  "This is already the simplest option: built-in configuration, nothing to build or run.",
  "这已经是最简单的方案：使用内置配置，无需构建或运行任何东西。",
)

export const OUTCOME_NODES: readonly OutcomeNode[] = [
  // API extensions
  {
    kind: "outcome",
    id: "aggregated-api",
    section: "api",
    title: l("Aggregated API server", "聚合 API 服务器"),
    summary: l(
      "Run your own API server and register it with an APIService; kube-apiserver proxies your group's requests to it.",
      "运行你自己的 API 服务器并用 APIService 注册；kube-apiserver 会把你的 API 组的请求代理给它。",
    ),
    primary: "api-aggregation",
    also: [],
    tradeoffs: [
      l(
        "You build, secure and upgrade a whole API server: storage, delegated authentication and authorization, TLS.",
        "你需要构建、保护并升级一个完整的 API 服务器：存储、委托的身份认证与鉴权、TLS。",
      ),
      l(
        "If it is down, discovery for its group fails and clients get errors for that group.",
        "它不可用时，该 API 组的发现会失败，客户端访问该组会出错。",
      ),
    ],
    simpler: {
      mechanism: "custom-resource-definition",
      text: l(
        "A CRD gives storage, watch and RBAC with no server to run; it was ruled out only because the type needs its own storage, verbs or subresources.",
        "CRD 无需运行服务器就能提供存储、watch 和 RBAC；之所以不选它，只是因为该类别需要自己的存储、操作或子资源。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "crd",
    section: "api",
    title: l("CustomResourceDefinition", "定制资源定义（CRD）"),
    summary: l(
      "Define the type with a CRD and an OpenAPI schema; put cross-field rules in `x-kubernetes-validations` (CEL).",
      "用 CRD 和 OpenAPI 模式定义该类别；把跨字段规则写进 `x-kubernetes-validations`（CEL）。",
    ),
    primary: "custom-resource-definition",
    also: [],
    tradeoffs: [
      l(
        "Objects live in etcd: keep them small and their number moderate.",
        "对象保存在 etcd 中：应保持对象体积小、数量适中。",
      ),
      l(
        "Schema changes between versions may need a conversion webhook.",
        "不同版本之间的模式变化可能需要转换 Webhook。",
      ),
    ],
    simpler: {
      text: l(
        "A ConfigMap holds configuration without a new type, but has no schema, no validation and no RBAC of its own; a CRD is worth it once others rely on the data.",
        "ConfigMap 无需新类别就能保存配置，但没有模式、校验和独立的 RBAC；一旦有其他方依赖这些数据，CRD 更值得。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "operator",
    section: "automation",
    title: l("Operator: CRD + controller", "Operator：CRD + 控制器"),
    summary: l(
      "Define the application's API as a CRD and write a controller that reconciles each object into the real resources and reports status.",
      "把应用的 API 定义为 CRD，并编写控制器，把每个对象调谐为实际资源并报告状态。",
    ),
    primary: "operator",
    also: ["custom-resource-definition", "controller"],
    tradeoffs: [
      l(
        "You own the controller: upgrades, leader election, RBAC, and bugs that act on real resources.",
        "控制器由你负责：升级、领导者选举、RBAC，以及会作用于真实资源的缺陷。",
      ),
      l(
        "Check first whether an existing operator already manages this application (Artifact Hub, OperatorHub).",
        "先检查是否已有现成的 Operator 管理该应用（Artifact Hub、OperatorHub）。",
      ),
    ],
    simpler: {
      mechanism: "controller",
      text: l(
        "If users do not need a new API, a controller on built-in objects, or a Helm chart with no automation, is simpler.",
        "如果用户不需要新 API，基于内置对象的控制器，或不带自动化的 Helm Chart 会更简单。",
      ),
    },
  },

  // API access extensions
  {
    kind: "outcome",
    id: "structured-authn",
    section: "access",
    title: l("Structured authentication configuration (JWT)", "结构化身份认证配置（JWT）"),
    summary: l(
      "Let kube-apiserver validate your provider's JWTs itself with an AuthenticationConfiguration file; users get tokens through an exec credential plugin.",
      "通过 AuthenticationConfiguration 文件让 kube-apiserver 自行验证身份提供方签发的 JWT；用户通过 exec 凭据插件获取令牌。",
    ),
    primary: "structured-authentication",
    also: ["exec-credential-plugin"],
    tradeoffs: [
      l(
        "Needs access to kube-apiserver's `--authentication-config` flag; managed providers offer their own OIDC integration instead.",
        "需要能设置 kube-apiserver 的 `--authentication-config` 参数；托管服务商通常改为提供自己的 OIDC 集成。",
      ),
      l(
        "Users need a client-side helper (an exec credential plugin such as kubelogin) to log in and refresh tokens.",
        "用户需要客户端辅助程序（例如 kubelogin 这样的 exec 凭据插件）来登录和刷新令牌。",
      ),
    ],
    simpler: {
      text: l(
        "Your managed provider's built-in identity integration, where it exists, needs no API server change.",
        "如果托管服务商提供内置的身份集成，就无需修改 API 服务器。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "authn-webhook",
    section: "access",
    title: l("Webhook token authentication", "Webhook 令牌身份认证"),
    summary: l(
      "kube-apiserver sends unknown bearer tokens to your service as TokenReview requests; the service answers with the user name and groups.",
      "kube-apiserver 把无法识别的持有者令牌以 TokenReview 请求发送给你的服务；服务返回用户名和用户组。",
    ),
    primary: "authentication-webhook",
    also: ["exec-credential-plugin"],
    tradeoffs: [
      l(
        "Every uncached token request calls your service: it must be fast and highly available.",
        "每个未命中缓存的令牌请求都会调用你的服务：它必须快速且高可用。",
      ),
      l(
        "Configured with kube-apiserver flags, so it is not available on most managed clusters.",
        "通过 kube-apiserver 参数配置，因此大多数托管集群无法使用。",
      ),
    ],
    simpler: {
      mechanism: "structured-authentication",
      text: l(
        "If your tokens are JWTs, the structured JWT configuration checks them inside the API server with no service to run.",
        "如果你的令牌是 JWT，结构化 JWT 配置可在 API 服务器内部完成验证，无需运行服务。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "authn-proxy",
    section: "access",
    title: l("Authenticating proxy", "身份认证代理"),
    summary: l(
      "Your proxy authenticates users and forwards requests with X-Remote-User / X-Remote-Group headers over a client certificate the API server trusts.",
      "由你的代理完成用户认证，并通过 API 服务器信任的客户端证书，携带 X-Remote-User / X-Remote-Group 请求头转发请求。",
    ),
    primary: "authenticating-proxy",
    also: [],
    tradeoffs: [
      l(
        "The proxy must be the only way to reach the API server with those headers; a leaked proxy certificate allows impersonating anyone.",
        "代理必须是携带这些请求头访问 API 服务器的唯一途径；代理证书一旦泄露，任何人都可以冒充任意用户。",
      ),
      l(
        "Needs kube-apiserver `--requestheader-*` flags, which managed clusters rarely expose.",
        "需要 kube-apiserver 的 `--requestheader-*` 参数，托管集群很少开放。",
      ),
    ],
    simpler: {
      mechanism: "structured-authentication",
      text: l(
        "If the proxy's identity provider issues JWTs, let the API server check them directly instead.",
        "如果代理背后的身份提供方签发 JWT，可以改为让 API 服务器直接验证它们。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "exec-credential",
    section: "client",
    title: l("Exec credential plugin", "exec 凭据插件"),
    summary: l(
      "A small program referenced from the kubeconfig that logs the user in and prints an ExecCredential with a token for kubectl and client-go.",
      "在 kubeconfig 中引用的小程序，负责让用户登录并输出包含令牌的 ExecCredential，供 kubectl 和 client-go 使用。",
    ),
    primary: "exec-credential-plugin",
    also: [],
    tradeoffs: [
      l(
        "Every user must install the binary and reference it in their kubeconfig.",
        "每个用户都必须安装该程序并在 kubeconfig 中引用它。",
      ),
      l(
        "kubectl can restrict which credential plugins may run (credential plugin policy in kuberc); document the allowlist entry.",
        "kubectl 可以限制允许运行的凭据插件（kuberc 中的凭据插件策略）；请在文档中给出允许列表条目。",
      ),
    ],
    simpler: {
      text: l(
        "A static token or client certificate in the kubeconfig needs no plugin, but does not expire or rotate well.",
        "在 kubeconfig 中使用静态令牌或客户端证书无需插件，但难以过期和轮换。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "rbac",
    section: "configuration",
    title: l("RBAC roles and bindings", "RBAC 角色与绑定"),
    summary: l(
      "Grant permissions with Roles/ClusterRoles and bind them to users, groups or service accounts.",
      "用 Role/ClusterRole 授予权限，并绑定到用户、用户组或服务账号。",
    ),
    primary: "policy-apis",
    also: [],
    tradeoffs: [
      l("RBAC only allows; it cannot deny and never looks at object contents.", "RBAC 只能允许，不能拒绝，也从不检查对象内容。"),
      l(
        "Wildcards and the escalate, bind and impersonate verbs grant more than they seem.",
        "通配符以及 escalate、bind、impersonate 操作授予的权限比看起来更多。",
      ),
    ],
    simpler: { text: ALREADY_SIMPLEST },
  },
  {
    kind: "outcome",
    id: "authz-webhook",
    section: "access",
    title: l("Authorization webhook", "鉴权 Webhook"),
    summary: l(
      "kube-apiserver asks your service with SubjectAccessReview requests; configure it with an AuthorizationConfiguration file next to RBAC.",
      "kube-apiserver 以 SubjectAccessReview 请求询问你的服务；通过 AuthorizationConfiguration 文件把它与 RBAC 一起配置。",
    ),
    primary: "authorization-webhook",
    also: ["policy-apis"],
    tradeoffs: [
      l(
        "It is called for requests the earlier authorizers do not decide: latency and availability matter; use caching, timeouts and match conditions.",
        "前面的鉴权器未作决定的请求都会调用它：延迟和可用性很关键；请使用缓存、超时和匹配条件。",
      ),
      l(
        "Needs kube-apiserver configuration, so it is not available on most managed clusters.",
        "需要修改 kube-apiserver 配置，因此大多数托管集群无法使用。",
      ),
    ],
    simpler: {
      mechanism: "policy-apis",
      text: l(
        "Try to express the rule as RBAC, possibly with a controller that generates RoleBindings from your policy source.",
        "尽量把规则表达为 RBAC，必要时用控制器根据你的策略来源生成 RoleBinding。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "pod-security",
    section: "access",
    title: l("Pod Security Admission", "Pod 安全性准入"),
    summary: l(
      "Label each namespace with a Pod Security Standards level (`pod-security.kubernetes.io/enforce=baseline` or `restricted`); the built-in PodSecurity admission controller, on by default, rejects Pods that break it. Write a ValidatingAdmissionPolicy only for rules beyond the standard levels.",
      "给每个名字空间加上 Pod 安全性标准级别的标签（`pod-security.kubernetes.io/enforce=baseline` 或 `restricted`）；默认启用的内置 PodSecurity 准入控制器会拒绝违反该级别的 Pod。只有超出标准级别的规则才需要编写 ValidatingAdmissionPolicy。",
    ),
    primary: "pod-security-admission",
    also: [],
    alternatives: ["validating-admission-policy"],
    tradeoffs: [
      l(
        "Three fixed levels, exemptions only by namespace, user or RuntimeClass; finer rules need a policy.",
        "只有三个固定级别，只能按名字空间、用户或 RuntimeClass 豁免；更细的规则需要策略。",
      ),
      l(
        "Start with the `warn` and `audit` labels to find Pods that `enforce` would reject.",
        "先使用 `warn` 和 `audit` 标签，找出 `enforce` 会拒绝的 Pod。",
      ),
    ],
    simpler: {
      text: ALREADY_SIMPLEST,
    },
  },
  {
    kind: "outcome",
    id: "vap",
    section: "access",
    title: l("ValidatingAdmissionPolicy (CEL)", "ValidatingAdmissionPolicy（CEL 验证准入策略）"),
    summary: l(
      "Write the rule as a CEL expression in a ValidatingAdmissionPolicy and choose where it applies with a ValidatingAdmissionPolicyBinding.",
      "把规则写成 ValidatingAdmissionPolicy 中的 CEL 表达式，并用 ValidatingAdmissionPolicyBinding 选择生效范围。",
    ),
    primary: "validating-admission-policy",
    also: [],
    alternatives: ["validating-admission-webhook"],
    tradeoffs: [
      l(
        "CEL has cost limits and no network access: only the request, its namespace and a parameter object are visible.",
        "CEL 有开销限制且不能访问网络：只能看到请求、其名字空间和参数对象。",
      ),
      l(
        "Existing objects are not re-checked; start with the Warn or Audit action to find them.",
        "已存在的对象不会被重新检查；先使用 Warn 或 Audit 动作找出它们。",
      ),
    ],
    simpler: {
      mechanism: "custom-resource-definition",
      text: l(
        "If the rule is about a custom resource whose CRD you own, its schema and `x-kubernetes-validations` rules are simpler: no policy object, checked on every write. (If it is about who may act at all, RBAC is the simpler tool.)",
        "如果规则针对的是你维护其 CRD 的定制资源，用它的模式和 `x-kubernetes-validations` 规则更简单：不需要策略对象，每次写入都会检查。（如果规则关乎谁可以操作，RBAC 才是更简单的工具。）",
      ),
    },
  },
  {
    kind: "outcome",
    id: "validating-webhook",
    section: "access",
    title: l("Validating admission webhook", "验证性准入 Webhook"),
    summary: l(
      "Register an HTTPS service with a ValidatingWebhookConfiguration; it receives AdmissionReview requests and allows or denies them.",
      "用 ValidatingWebhookConfiguration 注册一个 HTTPS 服务；它接收 AdmissionReview 请求并决定允许或拒绝。",
    ),
    primary: "validating-admission-webhook",
    also: ["validating-admission-policy"],
    tradeoffs: [
      l(
        "You run a highly available HTTPS service with a certificate; with failurePolicy Fail its outage blocks writes to the matched resources.",
        "你需要运行带证书的高可用 HTTPS 服务；当 failurePolicy 为 Fail 时，它一旦不可用，匹配资源的写入都会被阻止。",
      ),
      l(
        "It adds latency to every matched request; narrow it with rules, namespaceSelector and matchConditions.",
        "它会给每个匹配的请求增加延迟；请用 rules、namespaceSelector 和 matchConditions 缩小范围。",
      ),
    ],
    simpler: {
      mechanism: "validating-admission-policy",
      text: l(
        "Write whatever part of the rule CEL can express as a ValidatingAdmissionPolicy, and keep only the external-data part in the webhook.",
        "能用 CEL 表达的部分写成 ValidatingAdmissionPolicy，只把需要外部数据的部分留在 Webhook 中。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "image-policy-webhook",
    section: "access",
    title: l("ImagePolicyWebhook admission plugin", "ImagePolicyWebhook 准入插件"),
    summary: l(
      "Enable the built-in ImagePolicyWebhook plugin and point it at your image service, which answers ImageReview requests for each Pod's images.",
      "启用内置的 ImagePolicyWebhook 插件并指向你的镜像服务，由该服务对每个 Pod 的镜像回答 ImageReview 请求。",
    ),
    primary: "image-policy-webhook",
    also: ["validating-admission-webhook"],
    tradeoffs: [
      l(
        "The review API is still v1alpha1 and the plugin is off by default; it only sees Pod images and selected annotations.",
        "其审查 API 仍为 v1alpha1，且插件默认关闭；它只能看到 Pod 的镜像和部分注解。",
      ),
      l(
        "It is configured once per cluster in kube-apiserver files, not as API objects.",
        "它在 kube-apiserver 的文件中按集群统一配置，而不是以 API 对象配置。",
      ),
    ],
    simpler: {
      mechanism: "validating-admission-policy",
      text: l(
        "If the decision can be made from the image reference alone (registry, tag, digest), a ValidatingAdmissionPolicy needs no service.",
        "如果仅凭镜像引用（仓库、标签、摘要）就能判断，ValidatingAdmissionPolicy 无需任何服务。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "mutating-policy",
    section: "access",
    title: l("MutatingAdmissionPolicy (CEL)", "MutatingAdmissionPolicy（CEL 变更准入策略）"),
    summary: l(
      "Write the change as a CEL apply configuration or JSON patch in a MutatingAdmissionPolicy and bind it to the namespaces or objects it applies to.",
      "把修改写成 MutatingAdmissionPolicy 中的 CEL 应用配置或 JSON Patch，并绑定到要生效的名字空间或对象。",
    ),
    primary: "mutating-admission-policy",
    fallbackPrimary: "mutating-admission-webhook",
    also: ["validating-admission-policy"],
    alternatives: ["mutating-admission-webhook"],
    fallback: {
      title: l(
        "Mutating admission webhook (MutatingAdmissionPolicy later)",
        "变更性准入 Webhook（以后改用 MutatingAdmissionPolicy）",
      ),
      summary: l(
        "On this version, register an HTTPS service with a MutatingWebhookConfiguration that returns a JSON patch. Once MutatingAdmissionPolicy is on by default, the same change can move into CEL with no service.",
        "在此版本上，用 MutatingWebhookConfiguration 注册一个返回 JSON Patch 的 HTTPS 服务。等到 MutatingAdmissionPolicy 默认启用后，同样的修改可以改用 CEL 实现，无需服务。",
      ),
      tradeoffs: [
        l(
          "You run an HTTPS service in the request path; with failurePolicy Fail its outage blocks matched writes, so exclude kube-system.",
          "你需要在请求路径上运行 HTTPS 服务；当 failurePolicy 为 Fail 时，它不可用会阻止匹配的写入，因此请排除 kube-system。",
        ),
        l(
          "Keep the mutation simple and idempotent, so it can later be rewritten as a MutatingAdmissionPolicy.",
          "保持变更简单且幂等，以便日后改写为 MutatingAdmissionPolicy。",
        ),
      ],
    },
    tradeoffs: [
      l(
        "Runs inside kube-apiserver: nothing to operate, but CEL cannot call out or keep state.",
        "在 kube-apiserver 内部运行：无需运维，但 CEL 不能调用外部服务，也不能保存状态。",
      ),
      l(
        "Mutations run before validation; pair them with a ValidatingAdmissionPolicy that checks the result.",
        "变更在验证之前执行；请搭配一个检查结果的 ValidatingAdmissionPolicy。",
      ),
      l(
        "When the change needs data from outside the request or logic CEL cannot express, use the mutating admission webhook listed as the alternative.",
        "如果修改需要请求之外的数据，或需要 CEL 无法表达的逻辑，请使用列为备选的变更性准入 Webhook。",
      ),
    ],
    simpler: {
      text: l(
        "For defaults of your own CRD's fields, a `default` in the schema is simpler than any admission policy.",
        "对于你自己 CRD 字段的默认值，在模式中设置 `default` 比任何准入策略都简单。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "mutating-webhook",
    section: "access",
    title: l("Mutating admission webhook", "变更性准入 Webhook"),
    summary: l(
      "Register an HTTPS service with a MutatingWebhookConfiguration; it returns a JSON patch for each matched request.",
      "用 MutatingWebhookConfiguration 注册一个 HTTPS 服务；它为每个匹配的请求返回 JSON Patch。",
    ),
    primary: "mutating-admission-webhook",
    also: ["validating-admission-policy"],
    tradeoffs: [
      l(
        "With failurePolicy Fail an outage blocks object creation in the matched namespaces; exclude kube-system and the webhook's own namespace.",
        "当 failurePolicy 为 Fail 时，一旦服务不可用，匹配名字空间中的对象都无法创建；请排除 kube-system 和 Webhook 自身所在的名字空间。",
      ),
      l(
        "Webhooks can be called again (reinvocationPolicy), so patches must be idempotent.",
        "Webhook 可能被再次调用（reinvocationPolicy），因此补丁必须是幂等的。",
      ),
    ],
    simpler: {
      mechanism: "mutating-admission-policy",
      text: l(
        "If the change needs no external data, a MutatingAdmissionPolicy needs no service; check its state for your version below.",
        "如果修改不需要外部数据，MutatingAdmissionPolicy 无需任何服务；请在下方查看它在你所用版本中的状态。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "quota",
    section: "configuration",
    title: l("ResourceQuota and LimitRange", "ResourceQuota 与 LimitRange"),
    summary: l(
      "Cap a namespace's total requests, limits and object counts with a ResourceQuota, and set per-container defaults and bounds with a LimitRange.",
      "用 ResourceQuota 限制名字空间的请求总量、限制总量和对象数量，用 LimitRange 设置每个容器的默认值和上下限。",
    ),
    primary: "policy-apis",
    also: [],
    builtIn: {
      name: l("ResourceQuota and LimitRanger admission plugins", "ResourceQuota 与 LimitRanger 准入插件"),
      how: l(
        "Both plugins are on by default; create ResourceQuota and LimitRange objects in each namespace.",
        "这两个插件默认启用；在每个名字空间中创建 ResourceQuota 和 LimitRange 对象即可。",
      ),
    },
    tradeoffs: [
      l("Quotas count requested resources, not actual usage.", "配额统计的是申请的资源，而不是实际用量。"),
      l(
        "With a compute quota, Pods without requests are rejected unless a LimitRange sets defaults.",
        "设置计算资源配额后，未声明 requests 的 Pod 会被拒绝，除非 LimitRange 设置了默认值。",
      ),
    ],
    simpler: { text: ALREADY_SIMPLEST },
  },

  // Infrastructure
  {
    kind: "outcome",
    id: "csi",
    section: "infrastructure",
    title: l("CSI driver", "CSI 驱动"),
    summary: l(
      "Implement the CSI gRPC services (identity, controller, node) and deploy them with the Kubernetes CSI sidecars; users consume it through a StorageClass.",
      "实现 CSI gRPC 服务（身份、控制器、节点），并与 Kubernetes CSI 边车容器一起部署；用户通过 StorageClass 使用它。",
    ),
    primary: "csi-driver",
    also: [],
    tradeoffs: [
      l(
        "A driver is a controller Deployment plus a privileged node DaemonSet, with sidecars to keep up to date.",
        "一个驱动包括控制器 Deployment 和特权节点 DaemonSet，还有需要持续更新的边车容器。",
      ),
      l("Writing a driver is significant work; check whether the vendor already ships one.", "编写驱动工作量很大；先确认厂商是否已经提供。"),
    ],
    simpler: {
      text: l(
        "If the storage speaks NFS or iSCSI, or the vendor ships a CSI driver, install that driver instead of writing one.",
        "如果存储支持 NFS 或 iSCSI，或者厂商已提供 CSI 驱动，直接安装该驱动，而不是自己编写。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "csi-migration",
    section: "infrastructure",
    title: l("Replace FlexVolume with a CSI driver", "用 CSI 驱动替换 FlexVolume"),
    summary: l(
      "Write (or adopt) a CSI driver for the same storage and move volumes over; FlexVolume has been deprecated since 1.23, and kubeadm dropped its FlexVolume support in 1.36.",
      "为同一存储编写（或采用）CSI 驱动并迁移卷；FlexVolume 自 1.23 起已被弃用，kubeadm 也在 1.36 中移除了对它的支持。",
    ),
    primary: "csi-driver",
    also: [],
    replaces: ["flexvolume"],
    tradeoffs: [
      l(
        "Existing PersistentVolumes that use the flexVolume source must be re-created with the csi source.",
        "使用 flexVolume 卷源的现有 PersistentVolume 必须改用 csi 卷源重新创建。",
      ),
      l("The CSI driver needs sidecars and a node DaemonSet instead of a binary on the host.", "CSI 驱动需要边车容器和节点 DaemonSet，而不是主机上的二进制文件。"),
    ],
    simpler: {
      mechanism: "flexvolume",
      text: l(
        "Keeping the FlexVolume driver works for now, but it is deprecated and receives no new features.",
        "暂时保留 FlexVolume 驱动仍然可行，但它已被弃用，不会再有新功能。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "cni",
    section: "infrastructure",
    title: l("CNI plugin", "CNI 插件"),
    summary: l(
      "Write a CNI plugin (or add one to the chain in the runtime's conflist) that the container runtime calls for every Pod sandbox.",
      "编写一个 CNI 插件（或将其加入运行时 conflist 的插件链），容器运行时会为每个 Pod 沙箱调用它。",
    ),
    primary: "cni-plugin",
    also: ["policy-apis"],
    tradeoffs: [
      l(
        "It runs on every node for every Pod: a bug breaks Pod networking across the cluster.",
        "它在每个节点上为每个 Pod 运行：一个缺陷就会破坏整个集群的 Pod 网络。",
      ),
      l(
        "Managed clusters usually fix the network plugin; replacing it may not be supported.",
        "托管集群通常固定了网络插件；替换它可能不受支持。",
      ),
    ],
    simpler: {
      text: l(
        "Adopt an existing plugin (Calico, Cilium, Flannel, or a chained plugin such as bandwidth) unless you need a new network model.",
        "除非需要全新的网络模型，否则采用现有插件（Calico、Cilium、Flannel，或 bandwidth 这类链式插件）。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "network-policy",
    section: "configuration",
    title: l("NetworkPolicy", "NetworkPolicy（网络策略）"),
    summary: l(
      "Declare allowed traffic with NetworkPolicy objects, starting from a default-deny policy per namespace.",
      "用 NetworkPolicy 对象声明允许的流量，先为每个名字空间设置默认拒绝策略。",
    ),
    primary: "policy-apis",
    also: ["cni-plugin"],
    tradeoffs: [
      l("Rules take effect only if the network plugin enforces NetworkPolicy.", "只有网络插件支持 NetworkPolicy 时规则才会生效。"),
      l("NetworkPolicy works on layers 3 and 4; HTTP-level rules need plugin-specific resources.", "NetworkPolicy 作用于第 3、4 层；HTTP 层的规则需要网络插件特有的资源。"),
    ],
    simpler: { text: ALREADY_SIMPLEST },
  },
  {
    kind: "outcome",
    id: "device-plugin",
    section: "infrastructure",
    title: l("Device plugin", "设备插件"),
    summary: l(
      "A DaemonSet that registers with the kubelet over gRPC and advertises devices as an extended resource such as `example.com/fpga`.",
      "一个通过 gRPC 向 kubelet 注册的 DaemonSet，把设备公布为扩展资源，例如 `example.com/fpga`。",
    ),
    primary: "device-plugin",
    also: [],
    tradeoffs: [
      l("Devices are integers: no sharing, no fractions and no selection by attributes.", "设备以整数计：不能共享、不能分割，也不能按属性挑选。"),
      l("The plugin gRPC API is still v1beta1, and the plugin runs as a privileged DaemonSet.", "插件 gRPC API 仍为 v1beta1，插件以特权 DaemonSet 运行。"),
    ],
    simpler: {
      text: l(
        "Vendors ship device plugins for common hardware (e.g. GPUs); write one only for your own devices.",
        "厂商为常见硬件（例如 GPU）提供了设备插件；只有自有设备才需要自己编写。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "dra",
    section: "infrastructure",
    title: l("Dynamic Resource Allocation driver", "动态资源分配（DRA）驱动"),
    summary: l(
      "A DRA driver publishes devices with attributes in ResourceSlices; Pods claim them with ResourceClaims (CEL selectors, sharing, configuration) and the scheduler allocates them.",
      "DRA 驱动在 ResourceSlice 中发布带属性的设备；Pod 通过 ResourceClaim 申领（CEL 选择算符、共享、配置），由调度器完成分配。",
    ),
    primary: "dra-driver",
    fallbackPrimary: "device-plugin",
    also: [],
    fallback: {
      title: l("Device plugin (DRA later)", "设备插件（以后改用 DRA）"),
      summary: l(
        "On this version DRA is not on by default, so advertise the devices with a device plugin; sharing then depends on the vendor plugin (e.g. time-slicing). Move to DRA once it is on by default.",
        "在此版本上 DRA 并未默认启用，因此用设备插件公布设备；共享能力取决于厂商插件（例如时间片）。等 DRA 默认启用后再迁移。",
      ),
      tradeoffs: [
        l("Devices are integers: no attribute selection and no real sharing.", "设备以整数计：不能按属性挑选，也不能真正共享。"),
        l("Plan the move to DRA: ResourceClaims replace extended-resource requests.", "为迁移到 DRA 做好规划：ResourceClaim 将取代扩展资源请求。"),
      ],
    },
    tradeoffs: [
      l(
        "More parts than a device plugin: DeviceClasses, ResourceSlices, ResourceClaims and a node plugin.",
        "组成部分比设备插件多：DeviceClass、ResourceSlice、ResourceClaim 以及节点插件。",
      ),
      l(
        "Vendors ship DRA drivers for common GPUs; write one only for new hardware.",
        "厂商已为常见 GPU 提供 DRA 驱动；只有新硬件才需要自己编写。",
      ),
    ],
    simpler: {
      mechanism: "device-plugin",
      text: l(
        "If Pods only need whole devices, a device plugin is simpler.",
        "如果 Pod 只需要整个设备，设备插件更简单。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "credential-provider",
    section: "infrastructure",
    title: l("Kubelet image credential provider", "kubelet 镜像凭据提供程序"),
    summary: l(
      "An executable on each node that the kubelet calls for matching images; it returns registry credentials, optionally using the Pod's service account token.",
      "每个节点上的可执行程序，kubelet 会为匹配的镜像调用它；它返回镜像仓库凭据，并可选择使用 Pod 的服务账号令牌。",
    ),
    primary: "image-credential-provider",
    also: [],
    tradeoffs: [
      l(
        "Needs kubelet flags and a binary on every node: a node image change, not a `kubectl apply`.",
        "需要 kubelet 参数并在每个节点上放置二进制文件：这是节点镜像的变更，而不是一次 `kubectl apply`。",
      ),
      l("Managed providers preinstall providers for their own registries.", "托管服务商已为自家镜像仓库预装了凭据提供程序。"),
    ],
    simpler: {
      text: l(
        "imagePullSecrets on service accounts need no node change, but must be created and rotated in every namespace.",
        "在服务账号上配置 imagePullSecrets 无需改动节点，但必须在每个名字空间中创建并轮换。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "traffic-controller",
    section: "infrastructure",
    title: l("Ingress or Gateway controller", "Ingress 或 Gateway 控制器"),
    summary: l(
      "A controller watches Ingress or Gateway API objects and Services and programs your proxy or load balancer; how ClusterIP Services work is the network plugin's job.",
      "控制器监视 Ingress 或 Gateway API 对象以及 Service，并配置你的代理或负载均衡器；ClusterIP Service 的实现则由网络插件负责。",
    ),
    primary: "controller",
    also: ["cni-plugin"],
    tradeoffs: [
      l(
        "You maintain the data plane and its controller, including TLS, status updates and conformance.",
        "你需要维护数据平面及其控制器，包括 TLS、状态更新和一致性测试。",
      ),
      l(
        "Replacing Service handling (kube-proxy) is tied to the network plugin and hard on managed clusters.",
        "替换 Service 处理（kube-proxy）与网络插件绑定，在托管集群上很难实现。",
      ),
    ],
    simpler: {
      text: l(
        "Install an existing Ingress or Gateway API implementation; write one only for a new data plane.",
        "安装现有的 Ingress 或 Gateway API 实现；只有新的数据平面才需要自己编写。",
      ),
    },
  },

  // Automation
  {
    kind: "outcome",
    id: "controller",
    section: "automation",
    title: l("Controller on built-in types", "基于内置类别的控制器"),
    summary: l(
      "A Deployment that watches the built-in objects, acts on changes and is idempotent; no new API types.",
      "一个监视内置对象、对变化采取行动并保持幂等的 Deployment；不引入新的 API 类别。",
    ),
    primary: "controller",
    also: [],
    tradeoffs: [
      l(
        "It must handle restarts and missed events by reconciling the full state, not reacting to single events.",
        "它必须通过调谐完整状态来应对重启和遗漏的事件，而不是只响应单个事件。",
      ),
      l("Give it the least RBAC it needs; a bug acts on real objects.", "只授予它所需的最少 RBAC 权限；缺陷会作用于真实对象。"),
    ],
    simpler: {
      text: l(
        "For periodic chores that need not react to changes, a CronJob running a script may be enough.",
        "对于无需响应变化的周期性杂务，运行脚本的 CronJob 可能就够了。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "scheduler-configuration",
    section: "automation",
    title: l("Scheduler configuration", "调度器配置"),
    summary: l(
      "Use Pod fields (affinity, topology spread, priorities) and a KubeSchedulerConfiguration profile, e.g. NodeResourcesFit with the MostAllocated strategy to pack nodes.",
      "使用 Pod 字段（亲和性、拓扑分布、优先级）以及 KubeSchedulerConfiguration 配置文件，例如采用 MostAllocated 策略的 NodeResourcesFit 来集中使用节点。",
    ),
    primary: "scheduler-configuration",
    also: [],
    tradeoffs: [
      l(
        "Changing the default scheduler's profile needs access to its `--config`; on managed clusters run an extra profile as a second scheduler instead.",
        "修改默认调度器的配置文件需要能设置其 `--config`；在托管集群上可改为以第二个调度器运行额外的配置文件。",
      ),
      l(
        "Packing nodes only pays off together with a cluster autoscaler that removes empty nodes.",
        "集中使用节点只有配合能移除空节点的集群自动扩缩器才有收益。",
      ),
    ],
    simpler: {
      text: l(
        "Per-Pod fields (affinity, topologySpreadConstraints, priorityClassName) need no scheduler change at all; try them first.",
        "Pod 级字段（亲和性、topologySpreadConstraints、priorityClassName）完全无需修改调度器；请先尝试它们。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "scheduler-plugin",
    section: "automation",
    title: l("Scheduling framework plugin", "调度框架插件"),
    summary: l(
      "Implement the framework interfaces in Go, compile them into kube-scheduler with `app.WithPlugin`, and enable them in a profile.",
      "用 Go 实现调度框架接口，通过 `app.WithPlugin` 编译进 kube-scheduler，并在配置文件中启用。",
    ),
    primary: "scheduler-plugin",
    also: ["scheduler-configuration", "multiple-schedulers"],
    tradeoffs: [
      l(
        "You rebuild kube-scheduler for every Kubernetes minor; the framework's Go interfaces change between releases.",
        "每个 Kubernetes 次版本都要重新构建 kube-scheduler；调度框架的 Go 接口在不同版本之间会变化。",
      ),
      l(
        "On managed clusters you cannot replace the default scheduler: run your build as a second scheduler.",
        "在托管集群上无法替换默认调度器：请把你的构建作为第二个调度器运行。",
      ),
    ],
    simpler: {
      mechanism: "scheduler-configuration",
      text: l(
        "Configuration of the built-in plugins was considered first and cannot express the logic.",
        "已优先考虑配置内置插件，但它无法表达这段逻辑。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "scheduler-extender",
    section: "automation",
    title: l("Scheduler extender", "调度器扩展程序"),
    summary: l(
      "An HTTP service listed under `extenders` in the scheduler configuration that filters and scores nodes (and optionally binds).",
      "在调度器配置的 `extenders` 中列出的 HTTP 服务，负责过滤节点和为节点打分（也可以负责绑定）。",
    ),
    primary: "scheduler-extender",
    also: ["scheduler-configuration"],
    tradeoffs: [
      l(
        "Every scheduling cycle waits for an HTTP call: slower than an in-process plugin, and it sees less state.",
        "每个调度周期都要等待一次 HTTP 调用：比进程内插件慢，能看到的状态也更少。",
      ),
      l(
        "It needs the scheduler's configuration file, so on managed clusters it only works with a second scheduler.",
        "它需要调度器的配置文件，因此在托管集群上只能配合第二个调度器使用。",
      ),
    ],
    simpler: {
      mechanism: "scheduler-plugin",
      text: l(
        "A framework plugin would be faster, but needs the logic in Go inside a custom scheduler build.",
        "框架插件会更快，但需要用 Go 把逻辑放进自定义的调度器构建中。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "second-scheduler",
    section: "automation",
    title: l("A second scheduler", "第二个调度器"),
    summary: l(
      "Deploy another scheduler (often kube-scheduler with extra plugins) under its own name; the Pods that need it set `spec.schedulerName`.",
      "以自己的名称部署另一个调度器（通常是带额外插件的 kube-scheduler）；需要它的 Pod 设置 `spec.schedulerName`。",
    ),
    primary: "multiple-schedulers",
    also: ["scheduler-plugin"],
    tradeoffs: [
      l(
        "Two schedulers do not coordinate: if they share nodes, they can overcommit them.",
        "两个调度器之间互不协调：如果共用节点，可能会超额分配。",
      ),
      l("You operate and upgrade another control-plane component.", "你需要运维和升级又一个控制平面组件。"),
    ],
    simpler: {
      mechanism: "scheduler-plugin",
      text: l(
        "A plugin in the default scheduler avoids the coordination problem, but cannot replace the whole algorithm.",
        "默认调度器中的插件可以避免协调问题，但无法替换整套算法。",
      ),
    },
  },

  // Client side
  {
    kind: "outcome",
    id: "kubectl-plugin",
    section: "client",
    title: l("kubectl plugin", "kubectl 插件"),
    summary: l(
      "An executable named `kubectl-<command>` on the PATH becomes `kubectl <command>`; distribute it with Krew.",
      "PATH 上名为 `kubectl-<command>` 的可执行文件就成为 `kubectl <command>`；可通过 Krew 分发。",
    ),
    primary: "kubectl-plugin",
    also: [],
    tradeoffs: [
      l("Runs only with the user's own permissions, on their machine.", "只在用户自己的机器上、以用户自己的权限运行。"),
      l("Cannot override or extend built-in kubectl commands.", "不能覆盖或扩展 kubectl 的内置命令。"),
    ],
    simpler: {
      text: l(
        "A shell script or a kuberc alias may be enough for a short workflow.",
        "对于简短的流程，一个 shell 脚本或 kuberc 别名可能就够了。",
      ),
    },
  },
  // An existing custom resource: changes to its CRD come first
  {
    kind: "outcome",
    id: "crd-validation",
    section: "api",
    title: l("Validation in the CRD: OpenAPI schema and CEL rules", "在 CRD 中验证：OpenAPI 模式与 CEL 规则"),
    summary: l(
      "Tighten the CRD's OpenAPI schema (required fields, enums, patterns, ranges, formats) and add CEL rules under `x-kubernetes-validations`, including transition rules with `oldSelf`; kube-apiserver checks every write.",
      "收紧 CRD 的 OpenAPI 模式（必填字段、枚举、正则、取值范围、格式），并在 `x-kubernetes-validations` 下添加 CEL 规则，包括使用 `oldSelf` 的状态转换规则；kube-apiserver 会检查每次写入。",
    ),
    primary: "custom-resource-definition",
    also: [],
    alternatives: ["validating-admission-policy", "validating-admission-webhook"],
    tradeoffs: [
      l(
        "Existing objects that break a new rule are not rejected until they are next updated; ratcheting lets unchanged fields pass, so check them yourself.",
        "违反新规则的已有对象在下次更新之前不会被拒绝；棘轮机制会放过未改动的字段，因此请自行检查这些对象。",
      ),
      l(
        "CEL rules have a cost budget: bound list sizes with `maxItems` and strings with `maxLength`, or the CRD is rejected.",
        "CEL 规则有开销预算：请用 `maxItems` 限制列表大小、用 `maxLength` 限制字符串长度，否则 CRD 会被拒绝。",
      ),
      l(
        "Rules that admins tune per namespace fit a ValidatingAdmissionPolicy; checks against other objects or systems need a validating admission webhook (both listed as alternatives).",
        "由管理员按名字空间调整的规则适合用 ValidatingAdmissionPolicy；需要对照其他对象或系统的检查需要验证性准入 Webhook（两者都列为备选）。",
      ),
    ],
    simpler: { text: l("This is already the simplest option: the rule lives in the CRD itself, with nothing to run.", "这已经是最简单的方案：规则就写在 CRD 自身中，无需运行任何组件。") },
  },
  {
    kind: "outcome",
    id: "crd-defaults",
    section: "api",
    title: l("Defaults in the CRD schema", "在 CRD 模式中设置默认值"),
    summary: l(
      "Set `default` on the fields of the CRD's structural schema; kube-apiserver fills them in when objects are created, updated and read from storage.",
      "在 CRD 结构化模式的字段上设置 `default`；kube-apiserver 会在创建、更新对象以及从存储读取对象时填入这些默认值。",
    ),
    primary: "custom-resource-definition",
    also: [],
    alternatives: ["mutating-admission-policy", "mutating-admission-webhook"],
    tradeoffs: [
      l(
        "A default is a constant: defaults that depend on other fields, the namespace or other objects need a MutatingAdmissionPolicy or a mutating webhook.",
        "默认值只能是常量：依赖其他字段、名字空间或其他对象的默认值需要 MutatingAdmissionPolicy 或变更性准入 Webhook。",
      ),
      l(
        "Defaults apply per version: set them in every served version's schema.",
        "默认值按版本生效：请在每个提供的版本的模式中都设置它们。",
      ),
    ],
    simpler: { text: l("This is already the simplest option: the defaults live in the CRD itself, with nothing to run.", "这已经是最简单的方案：默认值就写在 CRD 自身中，无需运行任何组件。") },
  },
  {
    kind: "outcome",
    id: "crd-columns",
    section: "api",
    title: l("Printer columns in the CRD", "在 CRD 中设置打印列"),
    summary: l(
      "Add `additionalPrinterColumns` to each served version of the CRD: a name, a type and a JSONPath into the object; `kubectl get` shows them, and `priority: 1` hides a column unless `-o wide` is used.",
      "在 CRD 每个提供的版本中添加 `additionalPrinterColumns`：名称、类型和指向对象内部的 JSONPath；`kubectl get` 会显示这些列，`priority: 1` 的列只在使用 `-o wide` 时显示。",
    ),
    primary: "custom-resource-definition",
    also: [],
    alternatives: ["kubectl-plugin"],
    tradeoffs: [
      l(
        "Columns are simple JSONPath lookups: no computed values or formatting beyond the column type.",
        "列只是简单的 JSONPath 取值：除列类型外不能计算或格式化数值。",
      ),
      l(
        "For a view that combines several objects or computes values, write a kubectl plugin (the alternative).",
        "如果需要组合多个对象或计算数值的视图，请编写 kubectl 插件（备选方案）。",
      ),
    ],
    simpler: { text: l("This is already the simplest option: one field in the CRD, nothing to install for users.", "这已经是最简单的方案：只需在 CRD 中加一个字段，用户无需安装任何东西。") },
  },
  {
    kind: "outcome",
    id: "crd-versions",
    section: "api",
    title: l("A new CRD version with the None conversion strategy", "使用 None 转换策略新增 CRD 版本"),
    summary: l(
      "List the new version in the CRD with `served: true`, keep exactly one `storage: true`, and leave `conversion.strategy: None`; mark the old version `deprecated: true` with a warning before you stop serving it.",
      "在 CRD 中列出新版本并设置 `served: true`，保持只有一个版本为 `storage: true`，并保留 `conversion.strategy: None`；在停止提供旧版本之前，先把它标记为 `deprecated: true` 并给出警告。",
    ),
    primary: "custom-resource-definition",
    also: [],
    alternatives: ["crd-conversion-webhook"],
    tradeoffs: [
      l(
        "`None` only rewrites `apiVersion`: the moment a field is renamed or moved, you need a conversion webhook (the alternative).",
        "`None` 只改写 `apiVersion`：一旦有字段被重命名或移动，就需要转换 Webhook（备选方案）。",
      ),
      l(
        "Before removing a version from `status.storedVersions`, rewrite stored objects (StorageVersionMigration from 1.37, or read and write each object back).",
        "在从 `status.storedVersions` 中移除某个版本之前，先改写已存储的对象（1.37 起可用 StorageVersionMigration，或逐个读出再写回）。",
      ),
    ],
    simpler: { text: l("This is already the simplest option: the CRD serves both versions from one stored form.", "这已经是最简单的方案：CRD 用同一种存储形式提供两个版本。") },
  },
  {
    kind: "outcome",
    id: "crd-conversion",
    section: "api",
    title: l("CRD conversion webhook", "CRD 转换 Webhook"),
    summary: l(
      "Run an HTTPS service that converts objects between versions (usually through one internal hub version) and name it in the CRD's `spec.conversion` with `strategy: Webhook`; kube-apiserver calls it with a ConversionReview whenever a version other than the stored one is read or written.",
      "运行一个在版本之间转换对象的 HTTPS 服务（通常经由一个内部中心版本），并在 CRD 的 `spec.conversion` 中以 `strategy: Webhook` 指定它；每当以存储版本之外的版本读写对象时，kube-apiserver 都会以 ConversionReview 调用它。",
    ),
    primary: "crd-conversion-webhook",
    also: ["custom-resource-definition"],
    tradeoffs: [
      l(
        "The webhook is in the path of every read, list and watch in a non-stored version: run at least two replicas and keep it fast.",
        "该 Webhook 位于以非存储版本进行的每次读取、list 和 watch 的路径上：至少运行两个副本，并保持其快速响应。",
      ),
      l(
        "Conversions must round-trip without loss; keep fields that a version cannot express in annotations, and test every pair of versions.",
        "转换必须能无损往返；某个版本无法表达的字段请保存在注解中，并测试每一对版本。",
      ),
    ],
    simpler: {
      mechanism: "custom-resource-definition",
      text: l(
        "If the new version only adds optional fields, the CRD's `None` strategy serves both versions with nothing to run.",
        "如果新版本只新增可选字段，CRD 的 `None` 策略就能提供两个版本，无需运行任何组件。",
      ),
    },
  },

  // Configuration of kube-apiserver and the nodes
  {
    kind: "outcome",
    id: "audit",
    section: "configuration",
    title: l("Audit policy, with a log or webhook backend", "审计策略，配合日志后端或 Webhook 后端"),
    summary: l(
      "Write an audit Policy file that says which requests are recorded at which level (None, Metadata, Request, RequestResponse), pass it with `--audit-policy-file`, and send the events to a log file (`--audit-log-path`) or to your service through the webhook backend (`--audit-webhook-config-file`).",
      "编写审计 Policy 文件，规定以什么级别（None、Metadata、Request、RequestResponse）记录哪些请求，通过 `--audit-policy-file` 传入，再把事件写入日志文件（`--audit-log-path`），或通过 Webhook 后端（`--audit-webhook-config-file`）发送给你的服务。",
    ),
    primary: "audit-policy",
    also: [],
    tradeoffs: [
      l(
        "Needs kube-apiserver flags and files on every control-plane node; managed providers record audit logs with their own policy and let you export them instead.",
        "需要在每个控制平面节点上设置 kube-apiserver 参数和文件；托管服务商会用自己的策略记录审计日志，并允许你导出。",
      ),
      l(
        "Record Secrets, ConfigMaps and TokenReviews at Metadata level only, or their contents end up in the audit log.",
        "Secret、ConfigMap 和 TokenReview 只应以 Metadata 级别记录，否则其内容会进入审计日志。",
      ),
      l(
        "In the default batch mode a slow webhook backend drops events when its buffer fills; watch `apiserver_audit_error_total`.",
        "在默认的 batch 模式下，Webhook 后端过慢时缓冲区一满就会丢弃事件；请关注 `apiserver_audit_error_total` 指标。",
      ),
    ],
    simpler: {
      text: l(
        "The log backend alone needs no service: write to a file and let your node log shipper collect it.",
        "只用日志后端就无需任何服务：写入文件，再由节点上的日志采集程序收集。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "runtime-class",
    section: "infrastructure",
    title: l("RuntimeClass", "容器运行时类（RuntimeClass）"),
    summary: l(
      "Configure the handler (for example gVisor's `runsc` or Kata Containers) in containerd or CRI-O on the nodes that offer it, create a RuntimeClass that names it, and set `runtimeClassName` on the Pods that need it.",
      "在提供该处理程序的节点上，于 containerd 或 CRI-O 中配置它（例如 gVisor 的 `runsc` 或 Kata Containers），创建一个为它命名的 RuntimeClass，并在需要它的 Pod 上设置 `runtimeClassName`。",
    ),
    primary: "runtime-class",
    also: ["container-runtime"],
    tradeoffs: [
      l(
        "Sandboxed handlers cost start-up time and memory; declare it in `overhead` so the scheduler counts it.",
        "沙箱类处理程序会增加启动时间和内存开销；请在 `overhead` 中声明，使调度器把它计算在内。",
      ),
      l(
        "Only some nodes may have the handler: set `scheduling.nodeSelector` (and tolerations) so those Pods land there.",
        "可能只有部分节点具备该处理程序：请设置 `scheduling.nodeSelector`（以及容忍度），让这些 Pod 落到这些节点上。",
      ),
    ],
    simpler: { text: ALREADY_SIMPLEST },
  },
  {
    kind: "outcome",
    id: "runtime-plugin",
    section: "infrastructure",
    title: l("NRI plugin (or a CRI runtime)", "NRI 插件（或 CRI 运行时）"),
    summary: l(
      "To change what the runtime does to every container, write an NRI plugin that containerd or CRI-O calls as Pods and containers are created. Only a new kind of isolation justifies implementing the CRI itself.",
      "若要改变运行时对每个容器的处理，请编写一个 NRI 插件，containerd 或 CRI-O 会在创建 Pod 和容器时调用它。只有全新的隔离方式才值得自己实现 CRI。",
    ),
    primary: "container-runtime",
    also: [],
    alternatives: ["runtime-class", "dra-driver", "device-plugin"],
    tradeoffs: [
      l(
        "NRI is a runtime feature, not a Kubernetes API: it needs containerd 2.x (or containerd 1.7 with NRI switched on) or CRI-O with NRI enabled, on every node.",
        "NRI 是运行时的特性，而不是 Kubernetes API：每个节点都需要 containerd 2.x（或开启了 NRI 的 containerd 1.7），或启用了 NRI 的 CRI-O。",
      ),
      l(
        "A plugin sees and can change every container on the node: treat it like node-level privileged code.",
        "插件能看到并修改节点上的每个容器：请把它当作节点级的特权代码对待。",
      ),
      l(
        "For devices, a DRA driver or device plugin keeps the scheduler informed; NRI alone changes containers after scheduling.",
        "如果是设备，DRA 驱动或设备插件能让调度器知情；仅靠 NRI 只能在调度之后修改容器。",
      ),
    ],
    simpler: {
      mechanism: "runtime-class",
      text: l(
        "If another existing runtime handler (gVisor, Kata Containers) does what you need, a RuntimeClass selects it with nothing to write.",
        "如果某个现有的运行时处理程序（gVisor、Kata Containers）就能满足需要，用 RuntimeClass 选择它即可，无需编写任何代码。",
      ),
    },
  },

  // Built-ins that answer admission and scheduling needs
  {
    kind: "outcome",
    id: "always-pull-images",
    section: "access",
    title: l("AlwaysPullImages admission plugin", "AlwaysPullImages 准入插件"),
    summary: l(
      "Add AlwaysPullImages to kube-apiserver's `--enable-admission-plugins`; every new Pod then gets `imagePullPolicy: Always`, so the kubelet checks the Pod's own pull credentials even when the image is already cached on the node.",
      "把 AlwaysPullImages 加入 kube-apiserver 的 `--enable-admission-plugins`；此后每个新 Pod 都会得到 `imagePullPolicy: Always`，即使镜像已缓存在节点上，kubelet 也会核对该 Pod 自己的拉取凭据。",
    ),
    primary: "always-pull-images",
    also: [],
    alternatives: ["mutating-admission-policy"],
    tradeoffs: [
      l(
        "Every container start contacts the registry: start-up is slower and a registry outage stops Pods from starting.",
        "每次启动容器都要访问镜像仓库：启动更慢，仓库故障会让 Pod 无法启动。",
      ),
      l(
        "It applies to the whole cluster and needs kube-apiserver flags; on a managed cluster, a MutatingAdmissionPolicy that sets the field for chosen namespaces does the same (the alternative).",
        "它作用于整个集群，且需要 kube-apiserver 参数；在托管集群上，用一个为选定名字空间设置该字段的 MutatingAdmissionPolicy 也能达到同样效果（备选方案）。",
      ),
      l(
        "From 1.35 the kubelet re-checks credentials for images pulled with a Secret by default (KubeletEnsureSecretPulledImages), which covers the same risk without forcing pulls.",
        "从 1.35 起，kubelet 默认会为用 Secret 拉取的镜像重新核对凭据（KubeletEnsureSecretPulledImages），无需强制拉取即可应对同样的风险。",
      ),
    ],
    simpler: {
      text: l(
        "This is already the simplest option on a cluster whose kube-apiserver flags you control: one flag, nothing to run.",
        "在你能控制 kube-apiserver 参数的集群上，这已经是最简单的方案：一个参数，无需运行任何组件。",
      ),
    },
  },
  {
    kind: "outcome",
    id: "priority-class",
    section: "automation",
    title: l("PriorityClass", "PriorityClass（优先级类）"),
    summary: l(
      "Create PriorityClasses with values for your tiers and set `priorityClassName` on Pods; the scheduler places higher-priority Pods first and preempts lower-priority ones when nothing fits (unless `preemptionPolicy: Never`).",
      "为你的各个等级创建带数值的 PriorityClass，并在 Pod 上设置 `priorityClassName`；调度器会先放置高优先级的 Pod，资源不足时抢占低优先级的 Pod（除非设置了 `preemptionPolicy: Never`）。",
    ),
    primary: "priority-class",
    also: ["policy-apis"],
    tradeoffs: [
      l(
        "Anyone who can create Pods can name any PriorityClass: limit high classes per namespace with a ResourceQuota `scopeSelector` on `PriorityClass`.",
        "任何能创建 Pod 的人都能指定任意 PriorityClass：请用作用于 `PriorityClass` 的 ResourceQuota `scopeSelector` 按名字空间限制高优先级类的使用。",
      ),
      l(
        "Preemption ends running Pods gracefully; protect them with PodDisruptionBudgets, which preemption respects on a best-effort basis.",
        "抢占会优雅地终止正在运行的 Pod；请用 PodDisruptionBudget 保护它们，抢占会尽力遵守这些预算。",
      ),
    ],
    simpler: { text: ALREADY_SIMPLEST },
  },
  {
    kind: "outcome",
    id: "gang-scheduling",
    section: "automation",
    title: l("Gang scheduling in the default scheduler", "默认调度器中的编组调度"),
    summary: l(
      "Your cluster serves the Workload API: describe the group as a PodGroup with a `gang` policy and `minCount`, point the Pods at it, and the default scheduler's GangScheduling plugin binds them all or none.",
      "你的集群提供了 Workload API：把这组 Pod 描述为带 `gang` 策略和 `minCount` 的 PodGroup，让各 Pod 引用它，默认调度器的 GangScheduling 插件就会以全有或全无的方式绑定它们。",
    ),
    primary: "gang-scheduling",
    fallbackPrimary: "multiple-schedulers",
    also: ["scheduler-plugin"],
    fallback: {
      title: l("A second scheduler with a coscheduling plugin (built-in gang scheduling later)", "带协同调度插件的第二个调度器（以后改用内置编组调度）"),
      summary: l(
        "The default scheduler's gang scheduling is not on by default in this version (alpha from 1.35, beta but off in 1.37). If you run the control plane, switch it on (see the version notes); otherwise run a second scheduler with a coscheduling plugin, such as kube-scheduler with scheduler-plugins' Coscheduling, or Volcano, for the Pods that need it.",
        "此版本的默认调度器中，编组调度并未默认启用（1.35 起为 Alpha，1.37 为 Beta 但默认关闭）。如果你管理控制平面，可以开启它（见版本说明）；否则为需要它的 Pod 运行一个带协同调度插件的第二个调度器，例如带 scheduler-plugins 中 Coscheduling 插件的 kube-scheduler，或 Volcano。",
      ),
      tradeoffs: [
        l(
          "A second scheduler does not coordinate with the default one: give it its own nodes, or the two can overcommit shared nodes.",
          "第二个调度器不会与默认调度器协调：请给它专用的节点，否则两者可能超额分配共享节点。",
        ),
        l(
          "Plan the move to the built-in Workload API once it is on by default; its shape changed between 1.35, 1.36 and 1.37.",
          "等内置 Workload API 默认启用后再规划迁移；它的结构在 1.35、1.36、1.37 之间都有变化。",
        ),
      ],
    },
    tradeoffs: [
      l(
        "Needs the GenericWorkload feature gate on kube-apiserver, kube-scheduler and kube-controller-manager and the API switched on with `--runtime-config`.",
        "需要在 kube-apiserver、kube-scheduler 和 kube-controller-manager 上开启 GenericWorkload 特性门控，并用 `--runtime-config` 启用该 API。",
      ),
      l(
        "A group that does not fit waits (Pods stay Pending) and is retried; pair it with a queueing system or PriorityClasses so large groups do not starve.",
        "放不下的编组会等待（Pod 保持 Pending）并被重试；请配合排队系统或 PriorityClass，避免大的编组长期得不到调度。",
      ),
    ],
    simpler: {
      mechanism: "priority-class",
      text: l(
        "If the Pods only need to go first, not together, a PriorityClass is enough.",
        "如果这些 Pod 只需优先调度、而不必一起启动，PriorityClass 就足够了。",
      ),
    },
  },
]
