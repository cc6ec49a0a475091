// Where the lab's answer can differ from kube-apiserver's, and why. Shown in the lab's UI. The
// entries marked `corpus` are requests of the differential tier that are allowed to disagree.
import { DIFFERENTIAL_GROUPS } from "./differential/corpus"
import type { Minor } from "./protocol"

export type KnownDifference = {
  id: string
  /** Minors it applies to (all when absent). */
  minors?: Minor[]
  en: string
  zh: string
  /** A differential-tier case id that demonstrates it. */
  corpus?: string
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    id: "registry-fields",
    en: "kube-apiserver fills metadata.uid, metadata.creationTimestamp, metadata.generation and some status fields (a Pod's phase and qosClass) after mutating and before validating admission. The lab evaluates CREATE requests without them, so expressions that read them can differ.",
    zh: "kube-apiserver 在变更准入之后、验证准入之前填充 metadata.uid、metadata.creationTimestamp、metadata.generation 和部分 status 字段（例如 Pod 的 phase 与 qosClass）。实验室评估 CREATE 请求时没有这些字段，读取它们的表达式结果可能不同。",
  },
  {
    id: "api-validation",
    en: "kube-apiserver validates built-in objects (required fields, formats such as ConfigMap keys) after mutating admission; an object that fails is rejected before validating admission policies run. The lab does not run this API validation, so it assumes the objects are valid; CustomResourceDefinition schemas are validated.",
    zh: "kube-apiserver 会在变更准入之后验证内置对象（必需字段、ConfigMap 键等格式）；未通过的对象在验证准入策略运行之前就会被拒绝。实验室不运行这部分 API 验证，因此假定对象有效；定制资源定义的模式会被验证。",
  },
  {
    id: "other-admission",
    en: "Other admission steps run in a real cluster before policies: mutating webhooks, other MutatingAdmissionPolicies and built-in plugins that depend on cluster state (ServiceAccount token mounts, LimitRanger, DefaultStorageClass, DefaultIngressClass). The lab applies the built-in defaults of every API type, DefaultTolerationSeconds and Priority (for Pods without a PriorityClass), not the others.",
    zh: "真实集群中，策略之前还会运行其他准入步骤：变更 Webhook、其他变更准入策略，以及依赖集群状态的内置插件（ServiceAccount 令牌挂载、LimitRanger、DefaultStorageClass、DefaultIngressClass）。实验室会应用每种 API 类别的内置默认值、DefaultTolerationSeconds 和 Priority（针对未设置 PriorityClass 的 Pod），不运行其余步骤。",
  },
  {
    id: "authorizer",
    en: "authorizer checks cannot ask your cluster (a SubjectAccessReview is a write). Members of system:masters are allowed, as on a real apiserver; other users get the decision you configure in the lab, and reason() is the lab's text, not your authorizer's.",
    zh: "authorizer 检查无法询问你的集群（SubjectAccessReview 是写操作）。system:masters 的成员与真实 API 服务器一样被允许；其他用户得到你在实验室中配置的决定，reason 返回的是实验室的文字，而不是你的鉴权器给出的。",
  },
  {
    id: "older-cel-go",
    minors: ["1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"],
    en: "The engine is built from Kubernetes 1.37.2 (cel-go v0.29.2). For older minors it uses the libraries and compatibility rules of that minor, but the CEL core is the newer one: some error texts and runtime costs differ slightly, and list.first()/list.last() (cel-go ≥ 0.23, Kubernetes ≥ 1.33) compile on every minor.",
    zh: "引擎基于 Kubernetes 1.37.2（cel-go v0.29.2）构建。对于较旧的次要版本，它使用该版本的库和兼容性规则，但 CEL 核心是较新的：部分错误文字和运行时开销略有不同，并且 list.first()/list.last()（cel-go ≥ 0.23，Kubernetes ≥ 1.33）在所有次要版本上都能编译。",
  },
  {
    id: "strict-cost-1-30",
    minors: ["1.30", "1.31"],
    en: "On 1.30 and 1.31 (without the StrictCostEnforcementForVAP gate) calls to Kubernetes library functions cost 1 each at runtime; the lab charges them with the 1.32+ cost model, so its actual costs are higher or equal.",
    zh: "在 1.30 和 1.31 上（未启用 StrictCostEnforcementForVAP 特性门控时），Kubernetes 库函数调用在运行时每次开销为 1；实验室按 1.32 及以后的开销模型计费，因此实际开销大于或等于真实值。",
  },
  {
    id: "crd-runtime-env",
    minors: ["1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"],
    en: "CustomResourceDefinition rules are checked at write time with the chosen minor's environment, but evaluated with 1.37's stored-expression environment (the library offers no other): a rule that only an older minor would fail at runtime passes here.",
    zh: "定制资源定义中的规则在写入时使用所选次要版本的环境检查，但评估时使用 1.37 的已存储表达式环境（库没有提供其他环境）：只有旧版本在运行时才会失败的规则在这里会通过。",
  },
  {
    id: "generate-name",
    en: "Objects with only metadata.generateName get their name after mutating admission; the lab cannot know the generated name, so request.name and object.metadata.name are empty.",
    zh: "只设置了 metadata.generateName 的对象在变更准入之后才获得名字；实验室无法知道生成的名字，因此 request.name 和 object.metadata.name 为空。",
  },
  {
    id: "update-managed-fields",
    en: "On UPDATE the apiserver records managedFields for the new object before admission; the lab keeps the old object's managedFields.",
    zh: "在 UPDATE 时，API 服务器会在准入之前为新对象记录 managedFields；实验室保留旧对象的 managedFields。",
  },
]

/** Corpus requests marked as known differences, with their reason. */
export function corpusKnownDifferences(): { id: string; reason: string }[] {
  return DIFFERENTIAL_GROUPS.flatMap((g) => g.requests.filter((r) => r.known).map((r) => ({ id: `${g.id}/${r.name}`, reason: r.known! })))
}

export function knownDifferencesFor(minor: Minor): KnownDifference[] {
  return KNOWN_DIFFERENCES.filter((d) => !d.minors || d.minors.includes(minor))
}
