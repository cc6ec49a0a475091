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
/** For questions whose honest answer can be "it depends": leads to the option that is cheapest to try first. */
const notSure = (label: [string, string], reason: [string, string], next: string): AnswerOption => ({
  id: "not-sure",
  label: l(...label),
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
      "The question names fields, but its “yes” leads to the official page's API access extensions, which cover every step of a request to kube-apiserver: restricting or changing objects as they are written (admission), and also who may call the API at all (authentication, authorization) and how much a namespace may use (quotas). Answer yes for any of these.",
      "这一问字面上说的是字段，但回答“是”会进入官方页面的“API 访问扩展”一节，它涵盖发往 kube-apiserver 的请求所经过的每一步：在写入时限制或修改对象（准入控制），以及谁可以调用 API（身份认证、鉴权）、一个名字空间可以使用多少资源（配额）。涉及其中任何一项，都请回答“是”。",
    ),
    examples: ex(
      ["Reject Deployments without an `owner` label (restrict fields)", "Inject a sidecar into every Pod (edit fields)", "Let people log in with company SSO (who may call)"],
      ["拒绝没有 `owner` 标签的 Deployment（限制字段）", "向每个 Pod 注入边车容器（编辑字段）", "让用户使用公司单点登录（SSO）登录（谁可以调用）"],
    ),
    answers: [
      yes(
        ["You want to control requests to the API server: which objects it accepts or changes, or who may call it.", "你想控制发往 API 服务器的请求：它接受或修改哪些对象，或者谁可以调用它。"],
        "api-access-extensions",
      ),
      no(["You do not need to restrict or change objects, or who may call the API.", "你不需要限制或修改对象，也不需要控制谁可以调用 API。"], "change-implementation"),
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
      "Built-in types are carried out by components: the kubelet and the container runtime run Pods, storage plugins provide volumes, network plugins connect Pods, kube-proxy or the network plugin implements Services. Answer yes to change how such a type is carried out. Answer no for automation that reacts to objects, for scheduling, and for configuring what already exists (auditing, an existing custom resource).",
      "内置类别由各组件实现：kubelet 和容器运行时运行 Pod，存储插件提供卷，网络插件连通 Pod，kube-proxy 或网络插件实现 Service。如果想改变这些类别的实现方式，请回答“是”；如果是响应对象变化的自动化、调度，或是配置已有的东西（审计、已有的定制资源），请回答“否”。",
    ),
    examples: ex(
      ["Volumes from your own storage array", "GPUs for Pods", "Pack Pods onto fewer nodes (answer no: that is scheduling)"],
      ["使用自有存储阵列提供卷", "为 Pod 提供 GPU", "把 Pod 集中到更少节点上（回答“否”：这属于调度）"],
    ),
    answers: [
      yes(["You want to change how built-in types are implemented.", "你想改变内置类别的实现方式。"], "change-volumes-services"),
      no(["You do not want to change how built-in types are implemented.", "你不想改变内置类别的实现方式。"], "automation"),
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
      "The official chart sends a “yes” here to its infrastructure section: storage, networking and everything else on the nodes. Answer yes also for GPUs and other node hardware, for how nodes get image pull credentials, and for how the container runtime runs containers.",
      "官方流程图在此回答“是”时会进入基础设施部分：存储、网络以及节点上的其他一切。涉及 GPU 等节点硬件、节点获取镜像拉取凭据的方式，或容器运行时运行容器的方式时，也请回答“是”。",
    ),
    examples: ex(
      ["A new kind of volume", "A different Pod network", "Route Ingress traffic through your own proxy"],
      ["一种新的卷", "不同的 Pod 网络", "通过自己的代理转发 Ingress 流量"],
    ),
    answers: [
      yes(["It concerns node infrastructure: storage, networking, devices, image pulls or the container runtime.", "这涉及节点基础设施：存储、网络、设备、镜像拉取或容器运行时。"], "infrastructure"),
      no(["It is not about node infrastructure, so the official chart continues with automation.", "这与节点基础设施无关，因此官方流程图接下来转到自动化。"], "automation"),
    ],
  },
]

export const SECTION_NODES: readonly SectionNode[] = [
  {
    kind: "section",
    id: "api-extensions",
    section: "api",
    official: true,
    label: l('Go to "API Extensions"', "转到“API Extensions”（API 扩展）"),
    title: l("API extensions", "API 扩展"),
    next: "api-storage",
  },
  {
    kind: "section",
    id: "api-access-extensions",
    section: "access",
    official: true,
    label: l('Go to "API Access Extensions"', "转到“API Access Extensions”（API 访问扩展）"),
    title: l("API access extensions", "API 访问扩展"),
    next: "access-goal",
  },
  {
    kind: "section",
    id: "infrastructure",
    section: "infrastructure",
    official: true,
    label: l('Go to "Infrastructure"', "转到“Infrastructure”（基础设施）"),
    title: l("Infrastructure extensions", "基础设施扩展"),
    next: "infra-area",
  },
  {
    kind: "section",
    id: "automation",
    section: "automation",
    official: true,
    label: l('Go to "Automation"', "转到“Automation”（自动化）"),
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
      "CustomResourceDefinition（CRD）无需运行任何组件，就能提供 etcd 存储、模式验证、多版本、watch 和 RBAC。只有当数据存放在别处或按请求即时计算、需要 status 与 scale 以外的操作或子资源、或需要 protobuf 时，才需要在聚合层后面运行自己的 API 服务器。",
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
      notSure(
        ["Not sure yet", "还不确定"],
        [
          "You are not sure the type fits ordinary storage, so start with a CRD: it takes minutes to try, and moving to an aggregated API server later keeps the same group and kind.",
          "你不确定该类别是否适合常规存储，因此先从 CRD 开始：几分钟就能试用，以后改用聚合 API 服务器时仍可保留相同的 API 组和类别。",
        ],
        "api-rules",
      ),
    ],
  },
  {
    kind: "question",
    id: "api-rules",
    section: "api",
    text: l(
      "Which validation do the new objects need beyond field types and required fields?",
      "除字段类型和必填字段外，新对象还需要哪些验证？",
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
        reason: l("The CRD's OpenAPI schema covers your validation.", "CRD 的 OpenAPI 模式就能满足你的验证需求。"),
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
      "发往 kube-apiserver 的请求依次经过身份认证（你是谁？）、鉴权（你可以这样做吗？）、变更准入（对象需要修改吗？），然后是模式验证和验证准入（对象可以接受吗？）。配额和默认资源限制是内置的准入插件，只需配置。",
    ),
    examples: ex(
      ["Log in with company SSO (who)", "Only the platform team may edit Ingresses (may)", "Every Deployment needs an owner label (acceptable)", "Add a sidecar to Pods (change)"],
      ["用公司 SSO 登录（是谁）", "只有平台团队可以修改 Ingress（能否）", "每个 Deployment 都必须有 owner 标签（可接受）", "给 Pod 添加边车容器（修改）"],
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
        label: l("Reject objects that break a rule (validation)", "拒绝违反规则的对象（验证）"),
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
      "身份认证把请求中的凭据转换为用户名和用户组。API 服务器可以自行验证 OpenID Connect 提供方签发的 JWT（结构化身份认证配置），向你的服务询问其他令牌（Webhook 令牌身份认证），或信任身份认证代理传来的请求头。在客户端，kubectl 通过 exec 凭据插件获取令牌。",
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
        label: l("Tokens only our own service can check", "只有我们自己的服务能验证的令牌"),
        reason: l("Only your own service can verify the tokens.", "只有你自己的服务能验证这些令牌。"),
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
      notSure(
        ["Not sure: parts of it might fit", "不确定：也许部分规则可以这样表达"],
        [
          "You are not sure the rule fits RBAC, so start with Roles and bindings for every part that does; only the rest needs an authorization webhook.",
          "你不确定规则是否适合 RBAC，因此先把能表达的部分写成 Role 和绑定；只有剩下的部分才需要鉴权 Webhook。",
        ],
        "rbac",
      ),
    ],
  },
  {
    kind: "question",
    id: "validate-kind",
    section: "access",
    text: l("What does the rule check?", "规则检查的是什么？"),
    help: l(
      "Some checks already exist as built-in admission plugins: Pod Security Admission enforces the Pod Security Standards per namespace. Objects of a custom resource you define are best checked by its own CRD schema. Image checks that need signature or vulnerability data are a special case. Everything else is a rule about object fields.",
      "有些检查已经作为内置准入插件存在：Pod 安全性准入按名字空间执行 Pod 安全性标准。你自己定义的定制资源，其对象最好由它自己的 CRD 模式来检查。需要签名或漏洞数据的镜像检查属于特殊情况。其余的都是关于对象字段的规则。",
    ),
    examples: ex(
      ["No privileged containers (Pod security)", "`Backup.spec.retentionDays` must be between 1 and 365 (your custom resource)", "Only signed images (external image service)", "Every Deployment needs an `owner` label (object fields)"],
      ["禁止特权容器（Pod 安全性）", "`Backup.spec.retentionDays` 必须在 1 到 365 之间（你的定制资源）", "只允许已签名的镜像（外部镜像服务）", "每个 Deployment 都必须有 `owner` 标签（对象字段）"],
    ),
    answers: [
      {
        id: "pod-security",
        label: l("Pod security: privileged containers, host namespaces, running as root", "Pod 安全性：特权容器、主机名字空间、以 root 身份运行"),
        reason: l("Your rule is about Pod security, which a built-in admission plugin already enforces.", "你的规则涉及 Pod 安全性，已有内置准入插件负责执行。"),
        next: "pod-security",
      },
      {
        id: "crd",
        label: l("Fields of a custom resource whose CRD you own", "由你维护其 CRD 的定制资源的字段"),
        reason: l(
          "The rule is about a custom resource you define, so its CRD can carry the rule itself.",
          "规则针对的是你自己定义的定制资源，因此它的 CRD 自身就能承载这条规则。",
        ),
        next: "cr-rules",
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
      notSure(
        ["Not sure whether CEL can express it", "不确定 CEL 能否表达"],
        [
          "You are not sure CEL can express the rule, so start with a ValidatingAdmissionPolicy in Warn mode, which takes minutes to try; move only what it cannot express to a webhook.",
          "你不确定 CEL 能否表达该规则，因此先以 Warn 模式试用 ValidatingAdmissionPolicy，几分钟即可完成；只把它无法表达的部分移到 Webhook 中。",
        ],
        "vap",
      ),
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
      "ImagePolicyWebhook 是默认关闭的内置准入插件；启用它需要 `--enable-admission-plugins` 和一个准入配置文件。托管控制平面（EKS、GKE、AKS 等）通常不允许这样做；这时可改用验证性准入 Webhook。",
    ),
    examples: ex(["Yes: kubeadm or self-built clusters", "No: most managed Kubernetes services"], ["是：kubeadm 或自建集群", "否：大多数托管 Kubernetes 服务"]),
    answers: [
      yes(["You control the API server's configuration.", "你能控制 API 服务器的配置。"], "image-policy-webhook"),
      no(["You cannot change the API server's flags, so the check must be a webhook you register through the API.", "你无法修改 API 服务器的参数，因此检查必须是通过 API 注册的 Webhook。"], "validating-webhook"),
      notSure(
        ["Not sure (or the cluster may move to a managed service)", "不确定（或者集群以后可能迁到托管服务）"],
        [
          "You are not sure you can set kube-apiserver flags, so use a validating admission webhook, which you register through the API and which works on every cluster.",
          "你不确定能否设置 kube-apiserver 参数，因此使用验证性准入 Webhook：它通过 API 注册，适用于所有集群。",
        ],
        "validating-webhook",
      ),
    ],
  },
  {
    kind: "question",
    id: "mutate-expr",
    section: "access",
    text: l("What does the change need?", "这项修改需要什么？"),
    help: l(
      "A MutatingAdmissionPolicy applies changes written in CEL inside kube-apiserver, with no service to run; it is on by default from 1.36. A mutating webhook can do anything, including calls to other systems, at the cost of running an HTTPS service in the request path. Two needs have simpler answers: defaults for your own custom resource belong in its CRD schema, and forcing image pulls is a built-in admission plugin.",
      "MutatingAdmissionPolicy 在 kube-apiserver 内部执行用 CEL 编写的修改，无需运行服务；从 1.36 起默认启用。变更性准入 Webhook 可以完成任何修改，包括调用其他系统，代价是要在请求路径上运行一个 HTTPS 服务。有两类需求有更简单的答案：你自己的定制资源的默认值应写在其 CRD 模式中；强制拉取镜像则有内置准入插件。",
    ),
    examples: ex(
      [
        "Request only: inject a logging sidecar into Pods of labelled namespaces",
        "Request only: default `imagePullPolicy` or a missing label",
        "Outside data: inject a secret fetched from Vault, pin image tags to digests from the registry",
        "Your CRD: `spec.retentionDays` defaults to 7",
        "Every Pod must pull its images again, so tenants cannot use images another tenant pulled",
      ],
      [
        "仅凭请求：向带标签的名字空间中的 Pod 注入日志边车容器",
        "仅凭请求：为 `imagePullPolicy` 或缺失的标签设置默认值",
        "外部数据：注入从 Vault 获取的密钥，根据镜像仓库把镜像标签固定为摘要",
        "你的 CRD：`spec.retentionDays` 默认为 7",
        "每个 Pod 都必须重新拉取镜像，使租户无法使用其他租户拉取的镜像",
      ],
    ),
    answers: [
      {
        id: "yes",
        label: l(
          "Only the request: add a label, default a field, inject a fixed sidecar container",
          "仅凭请求本身：添加标签、为字段设置默认值、注入固定的边车容器",
        ),
        reason: l("The change can be computed in CEL from the request.", "修改内容可以用 CEL 根据请求计算出来。"),
        next: "mutating-policy",
      },
      {
        id: "no",
        label: l(
          "Data from outside the request, or logic CEL cannot express",
          "请求之外的数据，或 CEL 无法表达的逻辑",
        ),
        reason: l("The change needs an external service or logic CEL cannot express.", "修改需要外部服务，或需要 CEL 无法表达的逻辑。"),
        next: "mutating-webhook",
      },
      notSure(
        ["Not sure whether CEL can express it", "不确定 CEL 能否表达"],
        [
          "You are not sure CEL can express the change, so start with a MutatingAdmissionPolicy where your version has one, and keep the mutating webhook as the alternative for what it cannot do.",
          "你不确定 CEL 能否表达这项修改，因此在你的版本提供 MutatingAdmissionPolicy 时先用它，把变更性准入 Webhook 留作它做不到时的备选。",
        ],
        "mutating-policy",
      ),
      {
        id: "crd-default",
        label: l("Defaults for fields of a custom resource whose CRD you own", "为你维护其 CRD 的定制资源的字段设置默认值"),
        reason: l(
          "The defaults are for your own custom resource, which its CRD schema can set on every write.",
          "默认值针对的是你自己的定制资源，它的 CRD 模式可以在每次写入时设置这些默认值。",
        ),
        next: "crd-defaults",
      },
      {
        id: "always-pull",
        label: l(
          "Only make every Pod pull its images again (imagePullPolicy: Always)",
          "只需让每个 Pod 都重新拉取镜像（imagePullPolicy: Always）",
        ),
        reason: l(
          "Forcing image pulls is exactly what a built-in admission plugin does.",
          "强制拉取镜像正是一个内置准入插件所做的事情。",
        ),
        next: "always-pull-images",
      },
    ],
  },

  // Infrastructure
  {
    kind: "question",
    id: "infra-area",
    section: "infrastructure",
    text: l("Which part of the infrastructure?", "涉及基础设施的哪一部分？"),
    help: l(
      "Node-level plugins are called by the kubelet or the container runtime: CSI for storage, CNI for the Pod network, device plugins or DRA drivers for hardware, credential providers for image pulls. The container runtime itself is chosen per Pod with a RuntimeClass and extended with NRI plugins. Services and Ingress are implemented by controllers and the network plugin.",
      "节点级插件由 kubelet 或容器运行时调用：存储用 CSI，Pod 网络用 CNI，硬件用设备插件或 DRA 驱动，镜像拉取用凭据提供程序。容器运行时本身可以用 RuntimeClass 按 Pod 选择，并用 NRI 插件扩展。Service 和 Ingress 由控制器和网络插件实现。",
    ),
    examples: ex(
      ["Volumes from a storage array (storage)", "GPUs for ML jobs (hardware)", "Pull from a private registry without imagePullSecrets (image pulls)", "Run untrusted builds in gVisor sandboxes (runtime)"],
      ["使用存储阵列提供卷（存储）", "为机器学习任务提供 GPU（硬件）", "无需 imagePullSecrets 即可从私有仓库拉取镜像（镜像拉取）", "在 gVisor 沙箱中运行不受信任的构建（运行时）"],
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
      {
        id: "runtime",
        label: l("How containers are run: sandboxed runtimes, runtime hooks", "容器如何运行：沙箱运行时、运行时钩子"),
        reason: l("It concerns the container runtime on the nodes.", "这涉及节点上的容器运行时。"),
        next: "runtime-kind",
      },
    ],
  },
  {
    kind: "question",
    id: "runtime-kind",
    section: "infrastructure",
    text: l("What should change about how containers run?", "容器的运行方式需要做什么改变？"),
    help: l(
      "The kubelet hands containers to a runtime (containerd, CRI-O) over the Container Runtime Interface. A runtime can offer several handlers, such as runc, gVisor or Kata Containers; a RuntimeClass names one and Pods pick it. To change what the runtime does to every container (add devices, adjust resources, run extra steps), containerd and CRI-O accept NRI plugins. Writing a new CRI runtime is rarely needed.",
      "kubelet 通过容器运行时接口（CRI）把容器交给运行时（containerd、CRI-O）。一个运行时可以提供多个处理程序，例如 runc、gVisor 或 Kata Containers；RuntimeClass 为其中一个命名，由 Pod 选择。若要改变运行时对每个容器的处理（添加设备、调整资源、执行额外步骤），containerd 和 CRI-O 都接受 NRI 插件。很少需要编写新的 CRI 运行时。",
    ),
    examples: ex(
      ["Some Pods run in gVisor or Kata sandboxes (a handler)", "Inject a vendor device node and environment into matching containers (NRI)", "A runtime for a new kind of isolation (CRI)"],
      ["部分 Pod 在 gVisor 或 Kata 沙箱中运行（处理程序）", "向匹配的容器注入厂商设备节点和环境变量（NRI）", "为一种新的隔离方式提供运行时（CRI）"],
    ),
    answers: [
      {
        id: "handler",
        label: l("Let some Pods use another runtime handler (gVisor, Kata Containers)", "让部分 Pod 使用另一个运行时处理程序（gVisor、Kata Containers）"),
        reason: l(
          "Some Pods need a different runtime handler, which a built-in RuntimeClass selects.",
          "部分 Pod 需要不同的运行时处理程序，这可以用内置的 RuntimeClass 来选择。",
        ),
        next: "runtime-class",
      },
      {
        id: "adjust",
        label: l("Adjust every container as the runtime creates it (devices, resources, hooks)", "在运行时创建容器时调整每个容器（设备、资源、钩子）"),
        reason: l(
          "Containers must be adjusted as the runtime creates them, which an NRI plugin does without replacing the runtime.",
          "容器需要在运行时创建时被调整，NRI 插件无需替换运行时即可做到。",
        ),
        next: "runtime-plugin",
      },
      {
        id: "implement",
        label: l("Implement a new runtime (a CRI server)", "实现一个新的运行时（CRI 服务器）"),
        reason: l(
          "You need a runtime that does not exist yet, which means implementing the CRI.",
          "你需要一个尚不存在的运行时，这意味着要实现 CRI。",
        ),
        next: "runtime-plugin",
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
      notSure(
        ["Not sure yet", "还不确定"],
        [
          "You are not sure how Pods will ask for the devices; DRA also handles whole devices, so it keeps both options open where your version has it on.",
          "你还不确定 Pod 将如何申请设备；DRA 同样能处理整个设备，因此在你的版本默认启用它时，它能同时保留两种可能。",
        ],
        "dra",
      ),
    ],
  },

  // Automation
  {
    kind: "question",
    id: "automation-target",
    section: "automation",
    text: l("What should the automation do?", "自动化需要做什么？"),
    help: l(
      "Automation is software that acts without a person: controllers watch objects and act until reality matches them, an operator adds its own types (CRDs), and the scheduler decides where Pods run. The official chart ends here at “Automation”, a section the page does not have; these continuations cover what it means in practice. If nothing should act on its own, choose the last answer.",
      "自动化是无需人工参与就会行动的软件：控制器监视对象并持续行动，直到实际状态与之一致；Operator 还会添加自己的类别（CRD）；调度器决定 Pod 运行在哪里。官方流程图在此结束于“自动化”，而官方页面并没有这一节；下面的后续问题涵盖了它在实践中的含义。如果没有什么需要自行行动，请选择最后一个答案。",
    ),
    examples: ex(
      ["Add default NetworkPolicies to every new namespace", "Run MySQL clusters from a declarative spec", "Pack Pods onto fewer nodes", "Audit who deleted a Secret (nothing acts on its own: last answer)"],
      ["为每个新名字空间添加默认 NetworkPolicy", "根据声明式描述运行 MySQL 集群", "把 Pod 集中到更少的节点上", "审计是谁删除了某个 Secret（没有东西需要自行行动：最后一个答案）"],
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
        label: l("Decide on which nodes Pods run, and in which order (scheduling)", "决定 Pod 运行在哪些节点上、以什么顺序运行（调度）"),
        reason: l("You want to influence where or when Pods are placed.", "你想影响 Pod 的放置位置或放置顺序。"),
        next: "sched-config",
      },
      {
        id: "none",
        label: l("Nothing should act on its own: configure or adjust something that exists", "没有东西需要自行行动：配置或调整已有的东西"),
        reason: l(
          "Nothing needs to act on its own; the need is about configuring or adjusting what exists.",
          "没有东西需要自行行动；需求在于配置或调整已有的东西。",
        ),
        next: "other-need",
      },
    ],
  },
  {
    kind: "question",
    id: "other-need",
    section: "configuration",
    text: l("What is the need about?", "这项需求涉及什么？"),
    help: l(
      "The first half of the official page is configuration: kube-apiserver flags and files (such as auditing), built-in policy APIs, and the objects you already run. Configure before you extend. If your need turns out to be about API requests or nodes after all, the last answers lead back there.",
      "官方页面的前半部分讲的是配置：kube-apiserver 的命令行参数与配置文件（例如审计）、内置策略 API，以及你已经在运行的对象。先配置，再扩展。如果你的需求最终还是与 API 请求或节点有关，最后几个答案会带你回到相应部分。",
    ),
    examples: ex(
      [
        "Add a v2 to our `Backup` custom resource (existing custom resource)",
        "Record who changed RBAC objects (auditing)",
        "Run untrusted Pods in a sandbox (container runtime)",
        "Each team gets at most 20 CPUs (team baseline)",
        "A `kubectl release` command for our workflow (client side)",
      ],
      [
        "为我们的 `Backup` 定制资源增加 v2 版本（已有的定制资源）",
        "记录是谁修改了 RBAC 对象（审计）",
        "在沙箱中运行不受信任的 Pod（容器运行时）",
        "每个团队最多使用 20 个 CPU（团队基线）",
        "为我们的流程提供 `kubectl release` 命令（客户端）",
      ],
    ),
    answers: [
      {
        id: "existing-cr",
        label: l("A custom resource that already exists: its versions, `kubectl get` output or validation", "已有的定制资源：其版本、`kubectl get` 输出或验证"),
        reason: l("The need is about a custom resource that already exists.", "需求涉及一个已有的定制资源。"),
        next: "cr-change",
      },
      {
        id: "audit",
        label: l("Record who did what in the API server (auditing)", "记录谁在 API 服务器中做了什么（审计）"),
        reason: l(
          "Recording API activity is kube-apiserver's audit logging, configured with a policy file.",
          "记录 API 活动是 kube-apiserver 的审计功能，通过策略文件配置。",
        ),
        next: "audit",
      },
      {
        id: "runtime",
        label: l("How containers are run on the nodes (sandboxes, runtime hooks)", "容器在节点上如何运行（沙箱、运行时钩子）"),
        reason: l("It concerns the container runtime on the nodes.", "这涉及节点上的容器运行时。"),
        next: "runtime-kind",
      },
      {
        id: "baseline",
        label: l("Limits, permissions, isolation or Pod security for teams", "为团队设置限制、权限、隔离或 Pod 安全性"),
        reason: l("You need a baseline for teams, which built-in APIs configure.", "你需要为团队设定基线，这可以用内置 API 配置。"),
        next: "configure-kind",
      },
      {
        id: "cli",
        label: l("A command or shortcut for people who use kubectl", "为 kubectl 用户提供命令或快捷方式"),
        reason: l("The need is a command people run, so it belongs on the client side.", "需求是由人运行的命令，因此属于客户端。"),
        next: "kubectl-plugin",
      },
      {
        id: "access",
        label: l("How people log in or what they may do in the cluster", "用户如何登录集群，或者可以在集群中做什么"),
        reason: l(
          "Logging in and permissions are API access, which the official page covers under API access extensions.",
          "登录和权限属于 API 访问，官方页面将其归入 API 访问扩展。",
        ),
        next: "access-goal",
      },
      {
        id: "node",
        label: l("Storage, networking or devices on the nodes", "节点上的存储、网络或设备"),
        reason: l("This is node infrastructure, which the official page covers under infrastructure.", "这属于节点基础设施，官方页面将其归入基础设施。"),
        next: "infra-area",
      },
    ],
  },
  {
    kind: "question",
    id: "configure-kind",
    section: "configuration",
    text: l("Which baseline do you need?", "你需要哪种基线？"),
    help: l(
      "Configure before you extend: ResourceQuota and LimitRange cap and default resource use, RBAC grants permissions, NetworkPolicy isolates traffic, Pod Security Admission enforces the Pod Security Standards. All are built in, with nothing to run.",
      "先配置，再扩展：ResourceQuota 和 LimitRange 用于限制和设定默认资源用量，RBAC 用于授予权限，NetworkPolicy 用于隔离流量，Pod 安全性准入用于执行 Pod 安全性标准。它们都是内置功能，无需运行任何组件。",
    ),
    examples: ex(
      ["Each team gets at most 20 CPUs", "Developers may only read Secrets in their namespace", "Namespaces are isolated from each other", "No privileged containers outside kube-system"],
      ["每个团队最多使用 20 个 CPU", "开发人员只能读取本名字空间中的 Secret", "名字空间之间相互隔离", "kube-system 之外不允许特权容器"],
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
      {
        id: "pod-security",
        label: l("Pod security levels per namespace", "按名字空间设置 Pod 安全性级别"),
        reason: l("Pod security levels are what Pod Security Admission enforces.", "Pod 安全性级别正是 Pod 安全性准入所执行的。"),
        next: "pod-security",
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
      "Try the ladder from the cheapest step: Pod fields and a KubeSchedulerConfiguration profile, then a framework plugin compiled into kube-scheduler, then an HTTP extender, and only then a second scheduler. Two needs have their own built-in answers: which Pods go first or may preempt others (PriorityClass), and groups of Pods that must start together (gang scheduling, built into the default scheduler from 1.35).",
      "从成本最低的一步开始尝试：Pod 字段和 KubeSchedulerConfiguration 配置文件，然后是编译进 kube-scheduler 的框架插件，再是 HTTP 扩展程序，最后才是第二个调度器。有两类需求有各自的内置答案：哪些 Pod 优先、可以抢占其他 Pod（PriorityClass），以及必须一起启动的一组 Pod（编组调度，自 1.35 起内置于默认调度器）。",
    ),
    examples: ex(
      [
        "Yes: pack Pods tightly on fewer nodes",
        "Yes: spread replicas across zones",
        "Priority: checkout Pods may evict batch jobs when the cluster is full",
        "Gang: a training job's 8 workers start together or not at all",
        "No: place Pods by live network latency between racks",
      ],
      [
        "是：把 Pod 紧凑地放到更少的节点上",
        "是：让副本分布到多个可用区",
        "优先级：集群满载时，结账服务的 Pod 可以驱逐批处理任务",
        "编组：训练任务的 8 个 worker 要么一起启动，要么都不启动",
        "否：根据机架间的实时网络延迟放置 Pod",
      ],
    ),
    answers: [
      yes(["Built-in scheduling configuration can express the placement.", "内置的调度配置就能表达这种放置方式。"], "scheduler-configuration"),
      {
        id: "priority",
        label: l("Some Pods must go first, or may evict less important ones (priority)", "部分 Pod 必须优先，或可以驱逐不那么重要的 Pod（优先级）"),
        reason: l(
          "The order of Pods and who may preempt whom is what a built-in PriorityClass sets.",
          "Pod 的先后顺序以及谁可以抢占谁，正是内置的 PriorityClass 所设定的。",
        ),
        next: "priority-class",
      },
      {
        id: "gang",
        label: l("A group of Pods must start together or not at all (gang scheduling)", "一组 Pod 要么一起启动，要么都不启动（编组调度）"),
        reason: l(
          "The Pods must be placed as a group, all or nothing: gang scheduling.",
          "这些 Pod 必须作为一组以全有或全无的方式放置：这就是编组调度。",
        ),
        next: "gang-scheduling",
      },
      no(["The default scheduler's configuration cannot express it.", "默认调度器的配置无法表达这种需求。"], "sched-fit"),
      notSure(
        ["Not sure yet", "还不确定"],
        [
          "You are not sure configuration is enough, so try Pod fields and a scheduler profile first; they cost nothing to undo.",
          "你不确定配置是否足够，因此先尝试 Pod 字段和调度器配置文件；撤销它们没有任何成本。",
        ],
        "scheduler-configuration",
      ),
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
      "The scheduling framework runs every Pod through fixed extension points. Logic that replaces the whole algorithm for some Pods (for example a batch system with its own queues and fairness) runs as a second scheduler that those Pods select with `spec.schedulerName`. Gang scheduling alone does not need one: the default scheduler has it built in from 1.35.",
      "调度框架让每个 Pod 依次经过固定的扩展点。如果要为部分 Pod 替换整套算法（例如自带队列和公平性策略的批处理系统），就运行第二个调度器，由这些 Pod 通过 `spec.schedulerName` 选择它。仅仅需要编组调度并不需要第二个调度器：默认调度器自 1.35 起已内置这一功能。",
    ),
    examples: ex(
      ["Yes: skip nodes whose licence server is full", "No: a batch system with its own queues, quotas and fairness between teams"],
      ["是：跳过许可证服务器已满的节点", "否：自带队列、配额和团队间公平性策略的批处理系统"],
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
      "框架插件被编译进与集群版本匹配的 kube-scheduler 二进制文件并在进程内运行，速度快。调度器扩展程序是调度器为过滤和打分而调用的独立 HTTP 服务：可用任何语言编写，但更慢，能获得的信息也更少。",
    ),
    examples: ex(["Yes: a Go team that can maintain a scheduler build", "No: the logic lives in an existing Python service"], ["是：能维护调度器构建的 Go 团队", "否：逻辑位于现有的 Python 服务中"]),
    answers: [
      yes(["You can maintain a custom kube-scheduler build in Go.", "你能用 Go 维护自定义的 kube-scheduler 构建。"], "scheduler-plugin"),
      no(["The logic must stay a separate service.", "该逻辑必须保持为独立的服务。"], "scheduler-extender"),
    ],
  },

  // An existing custom resource
  {
    kind: "question",
    id: "cr-change",
    section: "api",
    text: l("What do you want to change about the existing custom resource?", "你想对已有的定制资源做什么改动？"),
    help: l(
      "Most changes to a custom resource are edits to its CustomResourceDefinition, with nothing to run: served versions, `additionalPrinterColumns` for `kubectl get`, the OpenAPI schema with defaults, and CEL rules in `x-kubernetes-validations`. Only conversion between versions whose fields differ needs a webhook.",
      "对定制资源的大多数改动只是编辑其 CustomResourceDefinition，无需运行任何组件：提供的版本、用于 `kubectl get` 的 `additionalPrinterColumns`、带默认值的 OpenAPI 模式，以及 `x-kubernetes-validations` 中的 CEL 规则。只有在字段不同的版本之间转换时才需要 Webhook。",
    ),
    examples: ex(
      ["Add `v2` next to `v1` (versions)", "Show the schedule and last run in `kubectl get backups` (output)", "Reject `retentionDays` above 365 (validation)", "Default `retentionDays` to 7 (defaults)"],
      ["在 `v1` 之外增加 `v2`（版本）", "在 `kubectl get backups` 中显示计划和上次运行时间（输出）", "拒绝大于 365 的 `retentionDays`（验证）", "把 `retentionDays` 默认设为 7（默认值）"],
    ),
    answers: [
      {
        id: "versions",
        label: l("Add or change an API version", "增加或修改 API 版本"),
        reason: l("You want to evolve the custom resource's API versions.", "你想演进该定制资源的 API 版本。"),
        next: "cr-versions",
      },
      {
        id: "columns",
        label: l("What `kubectl get` shows for it", "`kubectl get` 为它显示的内容"),
        reason: l(
          "The `kubectl get` columns of a custom resource come from its CRD's additionalPrinterColumns.",
          "定制资源在 `kubectl get` 中的列来自其 CRD 的 additionalPrinterColumns。",
        ),
        next: "crd-columns",
      },
      {
        id: "validation",
        label: l("Reject invalid objects (validation)", "拒绝无效对象（验证）"),
        reason: l("You want invalid objects of the custom resource rejected.", "你想拒绝该定制资源的无效对象。"),
        next: "cr-rules",
      },
      {
        id: "defaults",
        label: l("Fill in defaults for missing fields", "为缺失的字段填入默认值"),
        reason: l("Missing fields should get defaults, which the CRD schema sets on every write.", "缺失的字段应获得默认值，CRD 模式会在每次写入时设置它们。"),
        next: "crd-defaults",
      },
    ],
  },
  {
    kind: "question",
    id: "cr-versions",
    section: "api",
    text: l(
      "Can every version hold exactly the same data, differing at most by new optional fields?",
      "各版本能否保存完全相同的数据，最多只多出一些新的可选字段？",
    ),
    help: l(
      "With the `None` conversion strategy kube-apiserver only rewrites `apiVersion`; the fields must mean the same in every version. As soon as a field is renamed, moved, split or changes type, each object must be converted by a webhook, or data is lost when it is read in the other version.",
      "使用 `None` 转换策略时，kube-apiserver 只改写 `apiVersion`；各版本中的字段含义必须相同。一旦有字段被重命名、移动、拆分或改变类型，每个对象都必须由 Webhook 转换，否则以另一版本读取时会丢失数据。",
    ),
    examples: ex(
      ["Yes: `v1beta1` becomes `v1` with the same fields", "Yes: `v2` only adds an optional `spec.labels`", "No: `spec.retentionDays` becomes `spec.retention.days`"],
      ["是：`v1beta1` 升为 `v1`，字段不变", "是：`v2` 只新增一个可选的 `spec.labels`", "否：`spec.retentionDays` 改为 `spec.retention.days`"],
    ),
    answers: [
      yes(
        ["The versions share the same fields, so the CRD can serve them from one stored version.", "各版本字段相同，因此 CRD 可以用同一个存储版本提供它们。"],
        "crd-versions",
      ),
      no(
        ["Fields differ between versions, so each object must be converted by a webhook.", "各版本的字段不同，因此每个对象都必须由 Webhook 转换。"],
        "crd-conversion",
      ),
    ],
  },
  {
    kind: "question",
    id: "cr-rules",
    section: "api",
    text: l("What does the rule for the custom resource need?", "针对该定制资源的规则需要什么？"),
    help: l(
      "Rules about one object (ranges, formats, relations between its fields, allowed transitions from its old version) belong in the CRD: the OpenAPI schema and CEL rules in `x-kubernetes-validations`, checked on every write with nothing to run. Policies that admins bind per namespace fit a ValidatingAdmissionPolicy. Only checks against other objects or outside systems need a webhook.",
      "针对单个对象的规则（取值范围、格式、字段之间的关系、相对旧版本允许的变化）应写在 CRD 中：OpenAPI 模式和 `x-kubernetes-validations` 中的 CEL 规则会在每次写入时检查，无需运行任何组件。由管理员按名字空间绑定的策略适合用 ValidatingAdmissionPolicy。只有需要对照其他对象或外部系统的检查才需要 Webhook。",
    ),
    examples: ex(
      ["The object itself: `minReplicas` ≤ `maxReplicas`; `spec.storageClass` cannot change", "Per namespace: only approved schedules in production namespaces", "Outside data: the referenced bucket must exist"],
      ["对象本身：`minReplicas` ≤ `maxReplicas`；`spec.storageClass` 不可更改", "按名字空间：生产名字空间只允许经批准的计划", "外部数据：引用的存储桶必须存在"],
    ),
    answers: [
      {
        id: "object",
        label: l("Only the object itself (and its previous version on updates)", "只需对象本身（更新时还有它的旧版本）"),
        reason: l(
          "The rule needs only the object itself, which the CRD schema and its CEL rules check on every write.",
          "该规则只需对象本身，CRD 模式及其 CEL 规则会在每次写入时检查。",
        ),
        next: "crd-validation",
      },
      {
        id: "policy",
        label: l("Policies that admins bind per namespace", "由管理员按名字空间绑定的策略"),
        reason: l("Admin-tunable policies fit a ValidatingAdmissionPolicy with bindings.", "可由管理员调整的策略适合使用带绑定的 ValidatingAdmissionPolicy。"),
        next: "vap",
      },
      {
        id: "external",
        label: l("Other objects or systems outside the request", "请求之外的其他对象或系统"),
        reason: l(
          "Checks that need data outside the request require a validating admission webhook.",
          "需要请求之外数据的检查必须使用验证性准入 Webhook。",
        ),
        next: "validating-webhook",
      },
      notSure(
        ["Not sure yet", "还不确定"],
        [
          "You are not sure what the rule will need, so start with the CRD's own schema and CEL rules, the cheapest place to check an object; a policy or webhook can be added later.",
          "你还不确定规则需要什么，因此先用 CRD 自身的模式和 CEL 规则，这是检查对象成本最低的地方；以后还可以再加策略或 Webhook。",
        ],
        "crd-validation",
      ),
    ],
  },
]

export const QUESTION_NODES: readonly QuestionNode[] = [...OFFICIAL_QUESTIONS, ...CONTINUATION_QUESTIONS]
