// Questions and section nodes of the advisor. The first four questions and the four section
// boxes are the official "Extension point choice flowchart" (kubernetes.io, Extending Kubernetes),
// wording verbatim in en and in the zh-cn localized SVG; everything after them is our continuation.
import type { LocalizedList, MechanismId } from "@/lib/catalog"

import type { AnswerOption, QuestionNode, SectionNode } from "./types"
import { l } from "./text"

const ex = (en: string[], zh: string[]): LocalizedList => ({ en, "zh-CN": zh })

const yes = (reason: [string, string], next: string, adds?: MechanismId[]): AnswerOption => ({
  id: "yes",
  label: l("Yes", "是"),
  reason: l(...reason),
  next,
  ...(adds ? { adds } : {}),
})
const no = (reason: [string, string], next: string): AnswerOption => ({
  id: "no",
  label: l("No", "否"),
  reason: l(...reason),
  next,
})

// OFFICIAL FLOWCHART ------------------------------------------------------------------------

export const OFFICIAL_QUESTIONS: readonly QuestionNode[] = [
  {
    kind: "question",
    id: "new-types",
    section: "official",
    official: true,
    text: l(
      "Do you want to add entirely new types to the Kubernetes API?",
      "你是否想要在 Kubernetes API 中添加全新的类别？",
    ),
    help: l(
      "A type (kind) is something you can `kubectl get`, such as Deployment or Service. Answer yes if users should create objects of a kind that does not exist yet, and the API server should store and serve them.",
      "类别（kind）就是可以用 `kubectl get` 查看的东西，例如 Deployment 或 Service。如果用户需要创建一种尚不存在的类别的对象，并由 API 服务器存储和提供这些对象，请回答“是”。",
    ),
    examples: ex(
      ["A `MySQLCluster` kind that teams create like any other object", "A `BackupSchedule` kind for your platform"],
      ["团队像创建其他对象一样创建的 `MySQLCluster` 类别", "为你的平台定义的 `BackupSchedule` 类别"],
    ),
    answers: [
      yes(["You want to add new types to the Kubernetes API.", "你想向 Kubernetes API 添加新的类别。"], "api-extensions"),
      no(["You do not need new API types.", "你不需要新的 API 类别。"], "restrict-or-edit"),
    ],
  },
  {
    kind: "question",
    id: "restrict-or-edit",
    section: "official",
    official: true,
    text: l(
      "Do you want to restrict or automatically edit fields in some or all API types?",
      "你是否想要限制或自动编辑某些或所有 API 类别的字段？",
    ),
    help: l(
      "This covers kube-apiserver's request path: who may call it (authentication, authorization) and whether an object is accepted or changed before it is stored (admission). Answer yes also for logins, permissions and quotas; the official chart's “API Access Extensions” section covers them.",
      "这一问涉及 kube-apiserver 的请求路径：谁可以调用它（身份认证、鉴权），以及对象在存储前是被接受还是被修改（准入控制）。涉及登录、权限和配额时也请回答“是”；官方流程图的“API Access Extensions”一节涵盖这些内容。",
    ),
    examples: ex(
      ["Reject Deployments without an `owner` label", "Inject a sidecar into every Pod", "Let people log in with company SSO"],
      ["拒绝没有 `owner` 标签的 Deployment", "向每个 Pod 注入边车容器", "让用户使用公司单点登录（SSO）登录"],
    ),
    answers: [
      yes(
        ["You want to control requests to the API server: who may call it, or what objects it accepts or changes.", "你想控制发往 API 服务器的请求：谁可以调用，或者它接受、修改哪些对象。"],
        "api-access-extensions",
      ),
      no(["You do not need to restrict or edit API requests.", "你不需要限制或修改 API 请求。"], "change-implementation"),
    ],
  },
  {
    kind: "question",
    id: "change-implementation",
    section: "official",
    official: true,
    text: l(
      "Do you want to change the underlying implementation of the built-in API types?",
      "你是否想要更改内置 API 类别的底层实现？",
    ),
    help: l(
      "Built-in types are carried out by components: the kubelet runs Pods, storage plugins provide volumes, network plugins connect Pods, kube-proxy or the network plugin implements Services. Answer yes to change how such a type is carried out. Answer no for automation that reacts to objects, or for scheduling.",
      "内置类别由各组件实现：kubelet 运行 Pod，存储插件提供卷，网络插件连通 Pod，kube-proxy 或网络插件实现 Service。如果想改变这些类别的实现方式，请回答“是”；如果是响应对象变化的自动化或调度，请回答“否”。",
    ),
    examples: ex(
      ["Volumes from your own storage array", "GPUs for Pods", "Pack Pods onto fewer nodes (answer no: that is scheduling)"],
      ["使用自有存储阵列提供卷", "为 Pod 提供 GPU", "把 Pod 集中到更少节点上（回答“否”：这属于调度）"],
    ),
    answers: [
      yes(["You want to change how built-in types are implemented.", "你想改变内置类别的实现方式。"], "change-volumes-services"),
      no(["You want automation around the existing types rather than a new implementation.", "你需要围绕现有类别的自动化，而不是新的实现。"], "automation"),
    ],
  },
  {
    kind: "question",
    id: "change-volumes-services",
    section: "official",
    official: true,
    text: l(
      "Do you want to change Volumes, Services, Ingresses, PersistentVolumes?",
      "你是否想要更改 Volume、Service、Ingress、PersistentVolume？",
    ),
    help: l(
      "The official page files storage, networking and node devices under “Infrastructure”. Answer yes also for GPUs and other node hardware, and for how nodes get image pull credentials.",
      "官方页面把存储、网络和节点设备归入“Infrastructure”（基础设施）。涉及 GPU 等节点硬件、或节点获取镜像拉取凭据的方式时，也请回答“是”。",
    ),
    examples: ex(
      ["A new kind of volume", "A different Pod network", "Route Ingress traffic through your own proxy"],
      ["一种新的卷", "不同的 Pod 网络", "通过自己的代理转发 Ingress 流量"],
    ),
    answers: [
      yes(["It concerns node infrastructure: storage, networking, devices or image pulls.", "这涉及节点基础设施：存储、网络、设备或镜像拉取。"], "infrastructure"),
      no(["It is not storage, networking or devices, so it is automation.", "这不涉及存储、网络或设备，因此属于自动化。"], "automation"),
    ],
  },
]

export const SECTION_NODES: readonly SectionNode[] = [
  {
    kind: "section",
    id: "api-extensions",
    section: "api",
    official: true,
    label: l('Go to "API Extensions"', "转到“API Extensions”"),
    title: l("API extensions", "API 扩展"),
    next: "api-storage",
  },
  {
    kind: "section",
    id: "api-access-extensions",
    section: "access",
    official: true,
    label: l('Go to "API Access Extensions"', "转到“API Access Extensions”"),
    title: l("API access extensions", "API 访问扩展"),
    next: "access-goal",
  },
  {
    kind: "section",
    id: "infrastructure",
    section: "infrastructure",
    official: true,
    label: l('Go to "Infrastructure"', "转到“Infrastructure”"),
    title: l("Infrastructure extensions", "基础设施扩展"),
    next: "infra-area",
  },
  {
    kind: "section",
    id: "automation",
    section: "automation",
    official: true,
    label: l('Go to "Automation"', "转到“Automation”"),
    // The official page has no "Automation" section; the operator pattern is the nearest.
    title: l("Automation", "自动化"),
    next: "automation-target",
  },
]

// CONTINUATIONS -------------------------------------------------------------------------------

export const CONTINUATION_QUESTIONS: readonly QuestionNode[] = [
  // API extensions
  {
    kind: "question",
    id: "api-storage",
    section: "api",
    text: l(
      "Can objects of the new type be stored like ordinary Kubernetes objects, with the usual create, get, list, watch, update and delete?",
      "新类别的对象能否像普通 Kubernetes 对象一样存储，并使用常规的 create、get、list、watch、update 和 delete 操作？",
    ),
    help: l(
      "A CustomResourceDefinition (CRD) gives you storage in etcd, schema validation, versions, watch and RBAC with nothing to run. You need your own API server behind the aggregation layer only when data lives elsewhere or is computed on request, when you need verbs or subresources other than status and scale, or protobuf.",
      "CustomResourceDefinition（CRD）无需运行任何组件，就能提供 etcd 存储、模式校验、多版本、watch 和 RBAC。只有当数据存放在别处或按请求即时计算、需要 status 与 scale 以外的操作或子资源、或需要 protobuf 时，才需要在聚合层后面运行自己的 API 服务器。",
    ),
    examples: ex(
      ["Yes: a `Database` object with spec and status", "No: live metrics computed per request (like metrics.k8s.io)", "No: a subresource that streams data from a device"],
      ["是：带 spec 和 status 的 `Database` 对象", "否：按请求即时计算的指标（类似 metrics.k8s.io）", "否：从设备流式读取数据的子资源"],
    ),
    answers: [
      yes(
        ["Your objects fit ordinary storage and the standard verbs, so a CRD can serve them.", "你的对象适合常规存储和标准操作，因此 CRD 就能提供它们。"],
        "api-rules",
      ),
      no(
        ["Your type needs its own storage, verbs or subresources, which only an aggregated API server provides.", "你的类别需要自己的存储、操作或子资源，只有聚合 API 服务器才能提供。"],
        "aggregated-api",
      ),
    ],
  },
  {
    kind: "question",
    id: "api-rules",
    section: "api",
    text: l(
      "Which validation do the new objects need beyond field types and required fields?",
      "除字段类型和必填字段外，新对象还需要哪些校验？",
    ),
    help: l(
      "Start with the CRD's OpenAPI schema (types, enums, patterns, ranges). Rules comparing fields of one object go into `x-kubernetes-validations` (CEL) inside the CRD. Policies that admins bind per namespace fit a ValidatingAdmissionPolicy. Only checks against external systems need a webhook.",
      "先使用 CRD 的 OpenAPI 模式（类型、枚举、正则、取值范围）。比较同一对象内多个字段的规则写进 CRD 中的 `x-kubernetes-validations`（CEL）。由管理员按名字空间绑定的策略适合用 ValidatingAdmissionPolicy。只有需要查询外部系统的检查才需要 Webhook。",
    ),
    examples: ex(
      ["`minReplicas` must not exceed `maxReplicas` (CEL in the CRD)", "Only approved storage classes in production namespaces (policy)", "The referenced database must exist in our inventory service (webhook)"],
      ["`minReplicas` 不得大于 `maxReplicas`（CRD 中的 CEL）", "生产名字空间只能使用批准的存储类（策略）", "引用的数据库必须存在于我们的资产服务中（Webhook）"],
    ),
    answers: [
      {
        id: "schema",
        label: l("The schema is enough (types, required fields, enums, ranges)", "模式就足够了（类型、必填字段、枚举、范围）"),
        reason: l("The CRD's OpenAPI schema covers your validation.", "CRD 的 OpenAPI 模式就能覆盖你的校验需求。"),
        next: "api-behaviour",
      },
      {
        id: "cel",
        label: l("Rules between fields of one object", "同一对象内字段之间的规则"),
        reason: l(
          "Your cross-field rules fit CEL `x-kubernetes-validations` inside the CRD, with no extra component.",
          "你的跨字段规则可以写成 CRD 中的 CEL `x-kubernetes-validations`，无需额外组件。",
        ),
        next: "api-behaviour",
      },
      {
        id: "policy",
        label: l("Policies admins bind per namespace, or that also cover other types", "由管理员按名字空间绑定、或同时适用于其他类别的策略"),
        reason: l(
          "Admin-tunable policies fit a ValidatingAdmissionPolicy with bindings.",
          "可由管理员调整的策略适合使用带绑定的 ValidatingAdmissionPolicy。",
        ),
        next: "api-behaviour",
        adds: ["validating-admission-policy"],
      },
      {
        id: "external",
        label: l("Checks against external systems or data outside the request", "需要查询外部系统或请求之外数据的检查"),
        reason: l(
          "Checks that need data outside the request require a validating admission webhook.",
          "需要请求之外数据的检查必须使用验证性准入 Webhook。",
        ),
        next: "api-behaviour",
        adds: ["validating-admission-webhook"],
      },
    ],
  },
  {
    kind: "question",
    id: "api-behaviour",
    section: "api",
    text: l(
      "Should a program act when these objects are created or changed (create Pods, call a cloud API, report status)?",
      "这些对象被创建或修改时，是否需要有程序采取行动（创建 Pod、调用云 API、报告状态）？",
    ),
    help: l(
      "A CRD alone only stores data that other tools read. If an object describes something that must be made real and kept real, you need a controller; CRD plus controller is the operator pattern.",
      "仅有 CRD 时，它只存储供其他工具读取的数据。如果对象描述的是必须被实现并持续保持的东西，就需要控制器；CRD 加控制器就是 Operator 模式。",
    ),
    examples: ex(
      ["Yes: a `MySQLCluster` that should become a StatefulSet, Services and backups", "No: a `FeatureFlag` list that applications read"],
      ["是：应当变成 StatefulSet、Service 和备份的 `MySQLCluster`", "否：供应用读取的 `FeatureFlag` 列表"],
    ),
    answers: [
      yes(
        ["A controller must act on the objects: CRD plus controller is the operator pattern.", "需要控制器对这些对象采取行动：CRD 加控制器就是 Operator 模式。"],
        "operator",
      ),
      no(["The objects are data that other tools read, so no controller is needed.", "这些对象只是供其他工具读取的数据，因此不需要控制器。"], "crd"),
    ],
  },

  // API access extensions
  {
    kind: "question",
    id: "access-goal",
    section: "access",
    text: l("What do you want to control?", "你想控制什么？"),
    help: l(
      "A request to kube-apiserver passes authentication (who are you?), authorization (may you do this?), mutating admission (must the object change?), then schema validation and validating admission (is the object acceptable?). Quotas and default limits are built-in admission plugins you only configure.",
      "发往 kube-apiserver 的请求依次经过身份认证（你是谁？）、鉴权（你可以这样做吗？）、变更性准入（对象需要修改吗？），然后是模式校验和验证性准入（对象可以接受吗？）。配额和默认资源限制是内置的准入插件，只需配置。",
    ),
    examples: ex(
      ["Log in with company SSO (who)", "Only the platform team may edit Ingresses (may)", "Every Deployment needs an owner label (acceptable)", "Add a sidecar to Pods (change)"],
      ["用公司 SSO 登录（是谁）", "只有平台团队可以修改 Ingress（能否）", "每个 Deployment 都必须有 owner 标签（可接受）", "给 Pod 添加边车（修改）"],
    ),
    answers: [
      {
        id: "identity",
        label: l("Who is calling (authentication)", "调用者是谁（身份认证）"),
        reason: l("You want to change how callers are authenticated.", "你想改变调用者的身份认证方式。"),
        next: "authn-kind",
      },
      {
        id: "permission",
        label: l("What callers may do (authorization)", "调用者可以做什么（鉴权）"),
        reason: l("You want to decide what callers may do.", "你想决定调用者可以执行哪些操作。"),
        next: "authz-shape",
      },
      {
        id: "reject",
        label: l("Reject objects that break a rule (validation)", "拒绝违反规则的对象（校验）"),
        reason: l("You want to reject objects that break a rule.", "你想拒绝违反规则的对象。"),
        next: "validate-kind",
      },
      {
        id: "change",
        label: l("Change objects as they are written (defaults, injected fields)", "在写入时修改对象（默认值、注入字段）"),
        reason: l("You want objects changed automatically when they are written.", "你希望对象在写入时被自动修改。"),
        next: "mutate-expr",
      },
      {
        id: "quota",
        label: l("How much a namespace may use (quotas, default limits)", "名字空间可以使用多少资源（配额、默认限制）"),
        reason: l("You want to cap or default resource use per namespace.", "你想按名字空间限制或设定默认的资源用量。"),
        next: "quota",
      },
    ],
  },
  {
    kind: "question",
    id: "authn-kind",
    section: "access",
    text: l("How do users or machines prove who they are?", "用户或机器如何证明自己的身份？"),
    help: l(
      "Authentication turns a request's credential into a user name and groups. The API server can check JWTs from an OpenID Connect provider itself (structured authentication configuration), ask your service about other tokens (webhook token authentication), or trust headers from an authenticating proxy. On the client side, kubectl runs an exec credential plugin to obtain tokens.",
      "身份认证把请求中的凭据转换为用户名和用户组。API 服务器可以自行校验 OpenID Connect 提供方签发的 JWT（结构化身份认证配置），向你的服务询问其他令牌（Webhook 令牌认证），或信任身份认证代理传来的请求头。在客户端，kubectl 通过 exec 凭据插件获取令牌。",
    ),
    examples: ex(
      ["SSO with Keycloak, Dex, Entra ID or Okta (OIDC)", "API keys issued by your own platform", "A corporate gateway that already logs people in"],
      ["使用 Keycloak、Dex、Entra ID 或 Okta 的单点登录（OIDC）", "由你自己的平台签发的 API 密钥", "已经完成用户登录的企业网关"],
    ),
    answers: [
      {
        id: "oidc",
        label: l("Tokens from an OpenID Connect provider (SSO)", "OpenID Connect 提供方签发的令牌（SSO）"),
        reason: l("Your identities come as JWTs from an OpenID Connect provider.", "你的身份信息以 OpenID Connect 提供方签发的 JWT 形式提供。"),
        next: "structured-authn",
      },
      {
        id: "token",
        label: l("Tokens only our own service can check", "只有我们自己的服务能校验的令牌"),
        reason: l("Only your own service can verify the tokens.", "只有你自己的服务能校验这些令牌。"),
        next: "authn-webhook",
      },
      {
        id: "proxy",
        label: l("A proxy in front of the API server already authenticates them", "API 服务器前面的代理已经完成身份认证"),
        reason: l("A proxy in front of the API server already knows who the caller is.", "API 服务器前面的代理已经知道调用者是谁。"),
        next: "authn-proxy",
      },
      {
        id: "client",
        label: l("The API server already accepts our tokens; kubectl just has to obtain them", "API 服务器已接受我们的令牌；kubectl 只需获取它们"),
        reason: l("Only the client side is missing: kubectl must obtain the token.", "只缺客户端部分：kubectl 需要获取令牌。"),
        next: "exec-credential",
      },
    ],
  },
  {
    kind: "question",
    id: "authz-shape",
    section: "access",
    text: l(
      "Can the rule be written as “these users, groups or service accounts may use these verbs on these resources, in these namespaces”?",
      "规则能否写成“这些用户、用户组或服务账号可以在这些名字空间中对这些资源执行这些操作”？",
    ),
    help: l(
      "That is exactly what RBAC (Roles and RoleBindings) expresses, with nothing to run. An authorization webhook is for decisions RBAC cannot express: external attributes, time, or a central policy engine.",
      "这正是 RBAC（Role 与 RoleBinding）所表达的内容，且无需运行任何组件。鉴权 Webhook 用于 RBAC 无法表达的决策：外部属性、时间条件或集中式策略引擎。",
    ),
    examples: ex(
      ["Yes: developers may view Pods in their team's namespaces", "No: access only while an on-call ticket is open"],
      ["是：开发人员可以查看本团队名字空间中的 Pod", "否：只有值班工单处于打开状态时才允许访问"],
    ),
    answers: [
      yes(["The rule fits RBAC's subject-verb-resource model.", "该规则符合 RBAC 的“主体—操作—资源”模型。"], "rbac"),
      no(["The decision depends on information RBAC cannot express.", "该决策依赖 RBAC 无法表达的信息。"], "authz-webhook"),
    ],
  },
  {
    kind: "question",
    id: "validate-kind",
    section: "access",
    text: l("What does the rule check?", "规则检查的是什么？"),
    help: l(
      "Some checks already exist as built-in admission plugins: Pod Security Admission enforces the Pod Security Standards per namespace. Image checks that need signature or vulnerability data are a special case. Everything else is a rule about object fields.",
      "有些检查已经作为内置准入插件存在：Pod 安全准入按名字空间执行 Pod 安全标准。需要签名或漏洞数据的镜像检查属于特殊情况。其余的都是关于对象字段的规则。",
    ),
    examples: ex(
      ["No privileged containers (Pod security)", "Only signed images (external image service)", "Every Deployment needs an `owner` label (object fields)"],
      ["禁止特权容器（Pod 安全）", "只允许已签名的镜像（外部镜像服务）", "每个 Deployment 都必须有 `owner` 标签（对象字段）"],
    ),
    answers: [
      {
        id: "pod-security",
        label: l("Pod security: privileged containers, host namespaces, running as root", "Pod 安全：特权容器、主机名字空间、以 root 身份运行"),
        reason: l("Your rule is about Pod security, which a built-in admission plugin already enforces.", "你的规则涉及 Pod 安全，已有内置准入插件负责执行。"),
        next: "pod-security",
      },
      {
        id: "images",
        label: l("Container images, using an external scanner or signature service", "容器镜像，需要借助外部扫描或签名服务"),
        reason: l("The image decision needs an external image service.", "镜像决策需要外部镜像服务。"),
        next: "image-control",
      },
      {
        id: "fields",
        label: l("Other fields of objects (labels, replicas, names, image names…)", "对象的其他字段（标签、副本数、名称、镜像名称等）"),
        reason: l("Your rule is about fields of the objects.", "你的规则针对对象的字段。"),
        next: "validate-expr",
      },
    ],
  },
  {
    kind: "question",
    id: "validate-expr",
    section: "access",
    text: l(
      "Can the rule be decided from the request alone (the object, its old version, its namespace and an optional parameter object), without calling anything outside the API server?",
      "能否仅凭请求本身（对象、其旧版本、所在名字空间以及可选的参数对象）做出判断，而无需调用 API 服务器之外的任何东西？",
    ),
    help: l(
      "If so, a CEL expression in a ValidatingAdmissionPolicy can decide it inside kube-apiserver. CEL (Common Expression Language) is a small, safe expression language, e.g. `has(object.metadata.labels.owner)`. Lookups in other systems or long computations need a webhook.",
      "如果可以，ValidatingAdmissionPolicy 中的 CEL 表达式就能在 kube-apiserver 内部完成判断。CEL（通用表达式语言）是一种小巧、安全的表达式语言，例如 `has(object.metadata.labels.owner)`。需要查询其他系统或进行复杂计算时则需要 Webhook。",
    ),
    examples: ex(
      ["Yes: every Deployment has an `owner` label", "Yes: at most 5 replicas in namespaces labelled env=test", "No: the team in the `owner` label must exist in our HR system"],
      ["是：每个 Deployment 都有 `owner` 标签", "是：带 env=test 标签的名字空间中副本数不超过 5", "否：`owner` 标签中的团队必须存在于我们的人事系统中"],
    ),
    answers: [
      yes(["The rule can be written in CEL from the request alone.", "该规则仅凭请求本身就能用 CEL 表达。"], "vap"),
      no(["The rule needs data or logic outside the request.", "该规则需要请求之外的数据或逻辑。"], "validating-webhook"),
    ],
  },
  {
    kind: "question",
    id: "image-control",
    section: "access",
    text: l(
      "Can you set kube-apiserver flags and admission configuration files?",
      "你能否设置 kube-apiserver 的命令行参数和准入配置文件？",
    ),
    help: l(
      "ImagePolicyWebhook is a built-in admission plugin that is off by default; enabling it needs `--enable-admission-plugins` and an admission configuration file. Managed control planes (EKS, GKE, AKS…) usually do not allow that; a validating webhook works there instead.",
      "ImagePolicyWebhook 是默认关闭的内置准入插件；启用它需要 `--enable-admission-plugins` 和一个准入配置文件。托管控制平面（EKS、GKE、AKS 等）通常不允许这样做；这时可改用验证性 Webhook。",
    ),
    examples: ex(["Yes: kubeadm or self-built clusters", "No: most managed Kubernetes services"], ["是：kubeadm 或自建集群", "否：大多数托管 Kubernetes 服务"]),
    answers: [
      yes(["You control the API server's configuration.", "你能控制 API 服务器的配置。"], "image-policy-webhook"),
      no(["You cannot change the API server's flags, so the check must be a webhook you register through the API.", "你无法修改 API 服务器的参数，因此检查必须是通过 API 注册的 Webhook。"], "validating-webhook"),
    ],
  },
  {
    kind: "question",
    id: "mutate-expr",
    section: "access",
    text: l(
      "Can the change be computed from the request alone (add a label, set a default, inject a fixed sidecar container), without calling an external service?",
      "能否仅凭请求本身计算出修改内容（添加标签、设置默认值、注入固定的边车容器），而无需调用外部服务？",
    ),
    help: l(
      "A MutatingAdmissionPolicy applies changes written in CEL inside kube-apiserver, with no service to run, but it is only on by default in newer Kubernetes versions. A mutating webhook can do anything, at the cost of running an HTTPS service in the request path.",
      "MutatingAdmissionPolicy 在 kube-apiserver 内部执行用 CEL 编写的修改，无需运行服务，但只在较新的 Kubernetes 版本中默认启用。变更性 Webhook 可以完成任何修改，代价是要在请求路径上运行一个 HTTPS 服务。",
    ),
    examples: ex(
      ["Yes: inject a logging sidecar into Pods of labelled namespaces", "Yes: default `imagePullPolicy`", "No: inject a secret fetched from Vault", "No: pin image tags to digests from the registry"],
      ["是：向带标签的名字空间中的 Pod 注入日志边车", "是：为 `imagePullPolicy` 设置默认值", "否：注入从 Vault 获取的密钥", "否：根据镜像仓库把镜像标签固定为摘要"],
    ),
    answers: [
      yes(["The change can be computed in CEL from the request.", "修改内容可以用 CEL 根据请求计算出来。"], "mutating-policy"),
      no(["The change needs an external service or complex logic.", "修改需要外部服务或复杂逻辑。"], "mutating-webhook"),
    ],
  },

  // Infrastructure
  {
    kind: "question",
    id: "infra-area",
    section: "infrastructure",
    text: l("Which part of the infrastructure?", "涉及基础设施的哪一部分？"),
    help: l(
      "Node-level plugins are called by the kubelet or the container runtime: CSI for storage, CNI for the Pod network, device plugins or DRA drivers for hardware, credential providers for image pulls. Services and Ingress are implemented by controllers and the network plugin.",
      "节点级插件由 kubelet 或容器运行时调用：存储用 CSI，Pod 网络用 CNI，硬件用设备插件或 DRA 驱动，镜像拉取用凭据提供程序。Service 和 Ingress 由控制器和网络插件实现。",
    ),
    examples: ex(
      ["Volumes from a storage array (storage)", "GPUs for ML jobs (hardware)", "Pull from a private registry without imagePullSecrets (image pulls)"],
      ["使用存储阵列提供卷（存储）", "为机器学习任务提供 GPU（硬件）", "无需 imagePullSecrets 即可从私有仓库拉取镜像（镜像拉取）"],
    ),
    answers: [
      {
        id: "storage",
        label: l("Storage: volumes and persistent volumes", "存储：卷与持久卷"),
        reason: l("You need a new kind of storage for Pods.", "你需要为 Pod 提供一种新的存储。"),
        next: "storage-kind",
      },
      {
        id: "network",
        label: l("The Pod network or traffic isolation", "Pod 网络或流量隔离"),
        reason: l("It concerns the Pod network.", "这涉及 Pod 网络。"),
        next: "network-kind",
      },
      {
        id: "hardware",
        label: l("Special hardware on nodes (GPUs, FPGAs, NICs)", "节点上的特殊硬件（GPU、FPGA、网卡）"),
        reason: l("Pods need special hardware on the nodes.", "Pod 需要节点上的特殊硬件。"),
        next: "hardware-kind",
      },
      {
        id: "image-pull",
        label: l("How nodes get credentials to pull images", "节点获取镜像拉取凭据的方式"),
        reason: l("The kubelet must get registry credentials itself instead of from imagePullSecrets.", "kubelet 需要自行获取镜像仓库凭据，而不是依赖 imagePullSecrets。"),
        next: "credential-provider",
      },
      {
        id: "traffic",
        label: l("How Service, Ingress or Gateway traffic is routed", "Service、Ingress 或 Gateway 流量如何路由"),
        reason: l("You want to change how Service or Ingress traffic is implemented.", "你想改变 Service 或 Ingress 流量的实现方式。"),
        next: "traffic-controller",
      },
    ],
  },
  {
    kind: "question",
    id: "storage-kind",
    section: "infrastructure",
    text: l("Does a FlexVolume driver for this storage exist that you need to replace?", "该存储是否已有需要替换的 FlexVolume 驱动？"),
    help: l(
      "FlexVolume is the old exec-based volume plugin, deprecated since 1.23. New storage integrations are CSI drivers: a controller service that provisions and attaches volumes and a node service that mounts them.",
      "FlexVolume 是旧式的基于可执行文件的卷插件，自 1.23 起已弃用。新的存储集成都是 CSI 驱动：一个负责制备和挂接卷的控制器服务，加上一个负责挂载的节点服务。",
    ),
    examples: ex(["No: connect our new storage array", "Yes: we still mount volumes with a FlexVolume binary"], ["否：接入我们新的存储阵列", "是：我们仍在用 FlexVolume 可执行文件挂载卷"]),
    answers: [
      yes(["You have a FlexVolume driver to migrate.", "你有需要迁移的 FlexVolume 驱动。"], "csi-migration"),
      no(["The storage system needs a new driver.", "该存储系统需要一个新驱动。"], "csi"),
    ],
  },
  {
    kind: "question",
    id: "network-kind",
    section: "infrastructure",
    text: l("What do you want to change about the network?", "你想改变网络的哪个方面？"),
    help: l(
      "The container runtime calls CNI plugins to give each Pod its interface and addresses; chained plugins add features such as bandwidth limits or port mapping. Allowing and denying traffic between Pods is NetworkPolicy, a built-in API that the network plugin enforces.",
      "容器运行时调用 CNI 插件为每个 Pod 配置网络接口和地址；链式插件可以添加带宽限制或端口映射等功能。允许或拒绝 Pod 之间的流量由内置的 NetworkPolicy API 完成，由网络插件负责执行。",
    ),
    examples: ex(
      ["Pods get addresses from our data-centre fabric", "Add bandwidth limits to Pods", "Namespaces may not talk to each other"],
      ["Pod 从我们的数据中心网络获取地址", "给 Pod 添加带宽限制", "名字空间之间不得互相通信"],
    ),
    answers: [
      {
        id: "implement",
        label: l("How Pods get interfaces and addresses (a network plugin)", "Pod 如何获得网络接口和地址（网络插件）"),
        reason: l("You need to implement the Pod network itself.", "你需要实现 Pod 网络本身。"),
        next: "cni",
      },
      {
        id: "chain",
        label: l("Add a feature to the existing network (bandwidth, extra interfaces, host ports)", "为现有网络添加功能（带宽、额外接口、主机端口）"),
        reason: l("You want to add a feature to the existing Pod network, which a chained CNI plugin does.", "你想为现有 Pod 网络添加功能，这可以通过链式 CNI 插件实现。"),
        next: "cni",
      },
      {
        id: "isolate",
        label: l("Allow or deny traffic between Pods and namespaces", "允许或拒绝 Pod 与名字空间之间的流量"),
        reason: l("You want to isolate traffic, which NetworkPolicy declares.", "你想隔离流量，这可以用 NetworkPolicy 声明。"),
        next: "network-policy",
      },
    ],
  },
  {
    kind: "question",
    id: "hardware-kind",
    section: "infrastructure",
    text: l("How should Pods ask for the hardware?", "Pod 应如何申请这些硬件？"),
    help: l(
      "Device plugins advertise devices as extended resources: Pods request a whole number (`nvidia.com/gpu: 1`), with no sharing. Dynamic Resource Allocation (DRA) lets Pods claim devices by attributes with CEL, share them, and pass per-claim configuration.",
      "设备插件把设备作为扩展资源公布：Pod 申请整数个设备（`nvidia.com/gpu: 1`），不能共享。动态资源分配（DRA）允许 Pod 用 CEL 按属性申领设备、共享设备，并为每个申领传递配置。",
    ),
    examples: ex(
      ["Whole devices: one GPU per training Pod", "Attributes and sharing: several inference Pods share a GPU with at least 40 GiB memory"],
      ["整个设备：每个训练 Pod 一块 GPU", "按属性并共享：多个推理 Pod 共享一块显存至少 40 GiB 的 GPU"],
    ),
    answers: [
      {
        id: "count",
        label: l("A whole number of identical devices, no sharing", "整数个相同的设备，不共享"),
        reason: l("Pods need whole devices counted as integers.", "Pod 需要以整数计数的整个设备。"),
        next: "device-plugin",
      },
      {
        id: "select",
        label: l("Share devices, pick them by attributes, or configure them per request", "共享设备、按属性挑选，或为每个请求配置设备"),
        reason: l("Pods need to share devices or select them by attributes, which is what DRA is for.", "Pod 需要共享设备或按属性挑选设备，这正是 DRA 的用途。"),
        next: "dra",
      },
    ],
  },

  // Automation
  {
    kind: "question",
    id: "automation-target",
    section: "automation",
    text: l("What should the automation do?", "自动化需要做什么？"),
    help: l(
      "Controllers watch objects and act until reality matches them; an operator adds its own types (CRDs). Placement of Pods is the scheduler's job. The official chart ends here at “Automation”, a section the page does not have; these continuations cover what it means in practice.",
      "控制器监视对象并持续行动，直到实际状态与之一致；Operator 还会添加自己的类别（CRD）。Pod 的放置由调度器负责。官方流程图在此结束于“Automation”，而官方页面并没有这一节；下面的后续问题涵盖了它在实践中的含义。",
    ),
    examples: ex(
      ["Add default NetworkPolicies to every new namespace", "Run MySQL clusters from a declarative spec", "Pack Pods onto fewer nodes", "A `kubectl` command for our release workflow"],
      ["为每个新名字空间添加默认 NetworkPolicy", "根据声明式描述运行 MySQL 集群", "把 Pod 集中到更少的节点上", "为发布流程提供一个 `kubectl` 命令"],
    ),
    answers: [
      {
        id: "builtin",
        label: l("React to built-in objects (new namespaces, finished Jobs, node changes)", "响应内置对象（新名字空间、已完成的 Job、节点变化）"),
        reason: l("The automation reacts to built-in objects, so no new type is needed.", "自动化响应的是内置对象，因此不需要新类别。"),
        next: "controller",
      },
      {
        id: "app",
        label: l("Run a whole application from a declarative description", "根据声明式描述运行整个应用"),
        reason: l("Users should describe an application declaratively and software should run it: the operator pattern.", "用户以声明方式描述应用，由软件负责运行：这就是 Operator 模式。"),
        next: "operator",
      },
      {
        id: "scheduling",
        label: l("Decide on which nodes Pods run (scheduling)", "决定 Pod 运行在哪些节点上（调度）"),
        reason: l("You want to influence where Pods are placed.", "你想影响 Pod 的放置位置。"),
        next: "sched-config",
      },
      {
        id: "node",
        label: l("Node infrastructure: storage, networking, devices, image pulls", "节点基础设施：存储、网络、设备、镜像拉取"),
        reason: l("This is node infrastructure, which the official page files under Infrastructure.", "这属于节点基础设施，官方页面将其归入 Infrastructure（基础设施）。"),
        next: "infra-area",
      },
      {
        id: "policy",
        label: l("Limits, permissions or isolation for teams", "为团队设置限制、权限或隔离"),
        reason: l("You need a baseline for teams, which built-in policy APIs configure.", "你需要为团队设定基线，这可以用内置策略 API 配置。"),
        next: "configure-kind",
      },
      {
        id: "login",
        label: l("How people log in to the cluster (authentication)", "用户如何登录集群（身份认证）"),
        reason: l(
          "Logging in is authentication, which the official page files under API access extensions.",
          "登录属于身份认证，官方页面将其归入 API 访问扩展。",
        ),
        next: "authn-kind",
      },
      {
        id: "cli",
        label: l("A new command people run by hand", "供人手动运行的新命令"),
        reason: l("The automation is a command people run, so it belongs on the client side.", "这种自动化是由人运行的命令，因此属于客户端。"),
        next: "kubectl-plugin",
      },
    ],
  },
  {
    kind: "question",
    id: "configure-kind",
    section: "configuration",
    text: l("Which baseline do you need?", "你需要哪种基线？"),
    help: l(
      "Configure before you extend: ResourceQuota and LimitRange cap and default resource use, RBAC grants permissions, NetworkPolicy isolates traffic. All are built-in APIs with nothing to run.",
      "先配置，再扩展：ResourceQuota 和 LimitRange 用于限制和设定默认资源用量，RBAC 用于授予权限，NetworkPolicy 用于隔离流量。它们都是内置 API，无需运行任何组件。",
    ),
    examples: ex(
      ["Each team gets at most 20 CPUs", "Developers may only read Secrets in their namespace", "Namespaces are isolated from each other"],
      ["每个团队最多使用 20 个 CPU", "开发人员只能读取本名字空间中的 Secret", "名字空间之间相互隔离"],
    ),
    answers: [
      {
        id: "quota",
        label: l("Resource limits and defaults per namespace", "按名字空间设置资源上限和默认值"),
        reason: l("Resource caps and defaults are ResourceQuota and LimitRange.", "资源上限和默认值由 ResourceQuota 和 LimitRange 提供。"),
        next: "quota",
      },
      {
        id: "permissions",
        label: l("Who may do what", "谁可以做什么"),
        reason: l("Permissions are RBAC.", "权限由 RBAC 提供。"),
        next: "rbac",
      },
      {
        id: "isolation",
        label: l("Network isolation", "网络隔离"),
        reason: l("Network isolation is NetworkPolicy.", "网络隔离由 NetworkPolicy 提供。"),
        next: "network-policy",
      },
    ],
  },
  {
    kind: "question",
    id: "sched-config",
    section: "automation",
    text: l(
      "Can the default scheduler do it with configuration: node or Pod affinity, topology spread, taints, priorities, or a scheduler profile (e.g. MostAllocated scoring to pack nodes)?",
      "默认调度器能否通过配置实现：节点或 Pod 亲和性、拓扑分布约束、污点、优先级，或调度器配置文件（例如用 MostAllocated 打分把 Pod 集中到更少节点）？",
    ),
    help: l(
      "Try the ladder from the cheapest step: Pod fields and a KubeSchedulerConfiguration profile, then a framework plugin compiled into kube-scheduler, then an HTTP extender, and only then a second scheduler.",
      "从成本最低的一步开始尝试：Pod 字段和 KubeSchedulerConfiguration 配置文件，然后是编译进 kube-scheduler 的框架插件，再是 HTTP 扩展器，最后才是第二个调度器。",
    ),
    examples: ex(
      ["Yes: pack Pods tightly on fewer nodes", "Yes: spread replicas across zones", "No: place Pods by live network latency between racks"],
      ["是：把 Pod 紧凑地放到更少的节点上", "是：让副本分布到多个可用区", "否：根据机架间的实时网络延迟放置 Pod"],
    ),
    answers: [
      yes(["Built-in scheduling configuration can express the placement.", "内置的调度配置就能表达这种放置方式。"], "scheduler-configuration"),
      no(["The default scheduler's configuration cannot express it.", "默认调度器的配置无法表达这种需求。"], "sched-fit"),
    ],
  },
  {
    kind: "question",
    id: "sched-fit",
    section: "automation",
    text: l(
      "Does the new logic fit into the default scheduler's steps (filter nodes, score nodes, reserve, permit, bind)?",
      "新逻辑能否融入默认调度器的各个步骤（过滤节点、节点打分、预留、准许、绑定）？",
    ),
    help: l(
      "The scheduling framework schedules one Pod at a time through fixed extension points. Logic that replaces the whole algorithm for some Pods (e.g. batch or gang scheduling) runs as a second scheduler that those Pods select with `spec.schedulerName`.",
      "调度框架通过固定的扩展点一次调度一个 Pod。如果要为部分 Pod 替换整套算法（例如批处理或成组调度），就运行第二个调度器，由这些 Pod 通过 `spec.schedulerName` 选择它。",
    ),
    examples: ex(
      ["Yes: skip nodes whose licence server is full", "No: a batch system that places whole job groups at once"],
      ["是：跳过许可证服务器已满的节点", "否：一次放置整组作业的批处理系统"],
    ),
    answers: [
      yes(["The logic fits the scheduling framework's extension points.", "该逻辑适合调度框架的扩展点。"], "sched-build"),
      no(["Some Pods need a different scheduling algorithm altogether.", "部分 Pod 需要完全不同的调度算法。"], "second-scheduler"),
    ],
  },
  {
    kind: "question",
    id: "sched-build",
    section: "automation",
    text: l(
      "Can you write the logic in Go and ship it inside your own kube-scheduler build?",
      "你能否用 Go 编写这段逻辑，并把它放进自己构建的 kube-scheduler 中？",
    ),
    help: l(
      "Framework plugins are compiled into a kube-scheduler binary matched to the cluster version and run in-process, which is fast. An extender is a separate HTTP service the scheduler calls for filtering and scoring: any language, but slower and with less information.",
      "框架插件被编译进与集群版本匹配的 kube-scheduler 二进制文件并在进程内运行，速度快。扩展器是调度器为过滤和打分而调用的独立 HTTP 服务：可用任何语言编写，但更慢，能获得的信息也更少。",
    ),
    examples: ex(["Yes: a Go team that can maintain a scheduler build", "No: the logic lives in an existing Python service"], ["是：能维护调度器构建的 Go 团队", "否：逻辑位于现有的 Python 服务中"]),
    answers: [
      yes(["You can maintain a custom kube-scheduler build in Go.", "你能用 Go 维护自定义的 kube-scheduler 构建。"], "scheduler-plugin"),
      no(["The logic must stay a separate service.", "该逻辑必须保持为独立的服务。"], "scheduler-extender"),
    ],
  },
]

export const QUESTION_NODES: readonly QuestionNode[] = [...OFFICIAL_QUESTIONS, ...CONTINUATION_QUESTIONS]
