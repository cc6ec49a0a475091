// The zh-CN terms this product uses: one term per concept, the one the official zh-CN Kubernetes
// documentation uses (kubernetes.io/zh-cn), with the variants we must not use. lib/i18n/zh-text.test.ts
// checks every Chinese string (messages/zh-CN, content/zh-CN, zh strings in lib/) against it.
//
// `source` is the official page the term was checked against. Where the official pages themselves
// disagree, `note` says which one we follow and why.

export type GlossaryEntry = {
  /** The English concept. */
  concept: string
  /** The one zh-CN term we use. */
  term: string
  /** Variants that must not appear in Chinese text (code and URLs are excluded before matching). */
  banned: readonly RegExp[]
  /** The kubernetes.io/zh-cn page the term was checked against. */
  source: string
  note?: string
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    concept: "namespace",
    term: "名字空间",
    banned: [/命名空间/, /名称空间/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/overview/working-with-objects/namespaces/",
  },
  {
    concept: "custom resource / CustomResourceDefinition",
    term: "定制资源 / 定制资源定义（CRD）",
    banned: [/自定义资源/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/extend-kubernetes/api-extension/custom-resources/",
  },
  {
    concept: "kind (API type)",
    term: "类别",
    banned: [/类型（[Kk]ind）/, /[Kk]ind 类型/, /API 类型/, /新类型/, /内置类型/, /定制类型/, /自定义类型/, /资源类型/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/extend-kubernetes/ (flowchart: 添加全新的类别)",
    note: "Field and data types keep 类型 (字段类型, 卷类型); only API kinds are 类别.",
  },
  {
    concept: "admission controller",
    term: "准入控制器",
    banned: [/准入控制器插件/, /接纳控制器/],
    source: "https://kubernetes.io/zh-cn/docs/reference/access-authn-authz/admission-controllers/",
  },
  {
    concept: "admission plugin",
    term: "准入插件",
    banned: [/准入控制插件/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/security/pod-security-admission/ (启用 PodSecurity 准入插件)",
  },
  {
    concept: "mutating / validating admission (the request-path stages)",
    term: "变更准入 / 验证准入",
    banned: [/变更性准入(?! ?Webhook)/, /验证性准入(?! ?Webhook)/, /校验准入/, /修改准入/],
    source: "https://kubernetes.io/zh-cn/docs/reference/access-authn-authz/admission-controllers/ (变更准入控制器、验证准入控制器)",
  },
  {
    concept: "ValidatingAdmissionPolicy",
    term: "验证准入策略",
    banned: [/验证性准入策略/, /验证型准入策略/, /校验准入策略/],
    source: "https://kubernetes.io/zh-cn/docs/reference/access-authn-authz/validating-admission-policy/",
  },
  {
    concept: "MutatingAdmissionPolicy",
    term: "变更准入策略",
    banned: [/变更性准入策略/, /变更型准入策略/, /修改准入策略/],
    source: "https://kubernetes.io/zh-cn/docs/reference/access-authn-authz/admission-policy-tutorial/ (验证和变更准入策略)",
  },
  {
    concept: "validating admission webhook",
    term: "验证性准入 Webhook",
    banned: [/验证准入 ?Webhook/, /验证性质的准入 ?Webhook/, /验证型准入 ?Webhook/, /校验准入 ?Webhook/, /验证性 Webhook/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/security/pod-security-admission/ (验证性准入 Webhook)",
    note: "The dynamic admission control page writes 验证性质的准入 Webhook; we use the shorter form the Pod Security Admission page uses.",
  },
  {
    concept: "mutating admission webhook",
    term: "变更性准入 Webhook",
    banned: [/变更准入 ?Webhook/, /变更性质的准入 ?Webhook/, /修改性质的准入 ?Webhook/, /变更型准入 ?Webhook/, /变更性 Webhook/],
    source: "https://kubernetes.io/zh-cn/docs/reference/access-authn-authz/extensible-admission-controllers/ (变更性质的准入 Webhook)",
  },
  {
    concept: "webhook",
    term: "Webhook",
    banned: [/(?<![\w./-])webhook(?![\w-])/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/extend-kubernetes/ (Webhook、Webhook 后端)",
  },
  {
    concept: "validation / validate",
    term: "验证",
    banned: [/校验(?!和)/],
    source: "https://kubernetes.io/zh-cn/docs/reference/access-authn-authz/validating-admission-policy/ (验证规则)",
  },
  {
    concept: "authentication",
    term: "身份认证",
    banned: [/身份验证/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/extend-kubernetes/ (身份认证)",
  },
  {
    concept: "authorization",
    term: "鉴权",
    banned: [/授权(模式|决策|检查|插件|Webhook| Webhook|流程|概述)/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/extend-kubernetes/ (鉴权、鉴权 Webhook)",
  },
  {
    concept: "feature gate",
    term: "特性门控",
    banned: [/功能门控/, /特性开关/, /功能开关/],
    source: "https://kubernetes.io/zh-cn/docs/reference/glossary/?all=true#term-feature-gate",
  },
  {
    concept: "control plane",
    term: "控制平面",
    banned: [/控制面(?!板)/],
    source: "https://kubernetes.io/zh-cn/docs/reference/glossary/?all=true#term-control-plane",
  },
  {
    concept: "selector",
    term: "选择算符",
    banned: [/选择器/],
    source: "https://kubernetes.io/zh-cn/docs/reference/glossary/?all=true#term-selector",
  },
  {
    concept: "sidecar container",
    term: "边车容器",
    banned: [/边车(?!容器)/, /挎斗/, /[Ss]idecar 容器/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/workloads/pods/sidecar-containers/",
  },
  {
    concept: "service account",
    term: "服务账号",
    banned: [/服务账户/, /服务帐号/, /服务帐户/],
    source: "https://kubernetes.io/zh-cn/docs/tasks/configure-pod-container/configure-service-account/ (为 Pod 配置服务账号)",
  },
  {
    concept: "Pod Security Admission / Pod Security Standards",
    term: "Pod 安全性准入 / Pod 安全性标准",
    banned: [/Pod 安全准入/, /Pod 安全标准/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/security/pod-security-admission/",
  },
  {
    concept: "gang scheduling",
    term: "编组调度",
    banned: [/成组调度/, /(?<!编)组调度/, /群组调度/],
    source: "https://kubernetes.io/zh-cn/blog/2025/12/29/kubernetes-v1-35-introducing-workload-aware-scheduling/",
  },
  {
    concept: "scheduler extender",
    term: "调度器扩展程序",
    banned: [/扩展器/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/extend-kubernetes/ (调度器扩展程序 Webhook)",
  },
  {
    concept: "RuntimeClass / runtime handler",
    term: "容器运行时类（RuntimeClass） / 运行时处理程序",
    banned: [/运行时类别/, /运行时处理器/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/containers/runtime-class/",
  },
  {
    concept: "auditing / audit policy / webhook backend",
    term: "审计 / 审计策略 / Webhook 后端",
    banned: [/稽核/, /审核日志/],
    source: "https://kubernetes.io/zh-cn/docs/tasks/debug/debug-cluster/audit/",
  },
  {
    concept: "aggregation layer",
    term: "聚合层",
    banned: [/聚集层/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/extend-kubernetes/api-extension/apiserver-aggregation/",
  },
  {
    concept: "persistent volume / provisioning",
    term: "持久卷 / 制备",
    banned: [/持久化卷/, /(动态|静态|卷)供应/],
    source: "https://kubernetes.io/zh-cn/docs/concepts/storage/persistent-volumes/ (静态制备、动态制备)",
    note: "The older dynamic-provisioning glossary entry still says 供应; the persistent volume page says 制备.",
  },
  {
    concept: "credential",
    term: "凭据",
    banned: [/凭证/],
    source: "https://kubernetes.io/zh-cn/docs/tasks/administer-cluster/kubelet-credential-provider/ (kubelet 镜像凭据提供程序)",
  },
]
