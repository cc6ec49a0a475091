// Point 2: API access extensions inside kube-apiserver (authentication, authorization, admission).
import { GA, aliases, atLeast, everyMinor, l, perMinor, versionSteps } from "../helpers"
import type { ApiObject, FeatureState, Mechanism } from "../types"

export const authenticationWebhook: Mechanism = {
  id: "authentication-webhook",
  point: "2",
  apiStage: "authentication",
  name: l("Webhook token authentication", "Webhook 令牌身份认证"),
  summary: l(
    "kube-apiserver sends bearer tokens it cannot verify itself to your HTTPS service as a TokenReview and trusts the user it returns.",
    "kube-apiserver 把自己无法验证的持有者令牌以 TokenReview 形式发给你的 HTTPS 服务，并信任服务返回的用户信息。",
  ),
  aliases: aliases(
    ["webhook", "authentication", "authn", "TokenReview", "token", "bearer token", "identity", "login"],
    ["Webhook", "身份认证", "认证", "令牌", "认证 Webhook", "用户身份"],
  ),
  runsWhere: l(
    "Your HTTPS service (in or outside the cluster), called by kube-apiserver",
    "你的 HTTPS 服务（集群内或集群外），由 kube-apiserver 调用",
  ),
  installer: "control-plane-admin",
  managedClusters: {
    availability: "no",
    note: l(
      "Needs kube-apiserver flags (--authentication-token-webhook-config-file), which managed control planes do not expose.",
      "需要 kube-apiserver 参数（--authentication-token-webhook-config-file），托管控制平面不开放这些参数。",
    ),
  },
  apiObjects: [
    {
      kind: "TokenReview",
      apiVersions: everyMinor("authentication.k8s.io/v1"),
      form: "wire",
      note: l(
        "The payload version flag --authentication-token-webhook-version still defaults to v1beta1: set it to v1.",
        "负载版本参数 --authentication-token-webhook-version 默认仍为 v1beta1：请设为 v1。",
      ),
    },
    {
      kind: "Config",
      apiVersions: everyMinor("v1"),
      form: "config-file",
      note: l(
        "kubeconfig-format file passed with --authentication-token-webhook-config-file: clusters = your service, users = the API server's client credentials.",
        "通过 --authentication-token-webhook-config-file 传入的 kubeconfig 格式文件：clusters 是你的服务，users 是 API 服务器的客户端凭据。",
      ),
    },
  ],
  // source: kubernetes-extension-facts.md §3.5; changes doc §1 ("Webhook token authn (TokenReview v1) unchanged")
  states: perMinor(() => ({ ...GA })),
  failureMode: l(
    "If the service is down, tokens it would verify are rejected (401) once cached results expire (default cache TTL 2m); other authenticators keep working.",
    "服务不可用时，待其验证的令牌会在缓存结果过期后（默认缓存 2 分钟）被拒绝（401）；其他认证方式不受影响。",
  ),
  docPath: "/docs/reference/access-authn-authz/authentication/#webhook-token-authentication",
  related: ["structured-authentication", "authenticating-proxy", "exec-credential-plugin"],
}

export const structuredAuthentication: Mechanism = {
  id: "structured-authentication",
  point: "2",
  apiStage: "authentication",
  name: l("Structured authentication configuration (JWT)", "结构化身份认证配置（JWT）"),
  summary: l(
    "An AuthenticationConfiguration file that lets kube-apiserver trust one or more JWT/OIDC issuers directly, with CEL claim mappings and automatic reload.",
    "一个 AuthenticationConfiguration 文件，让 kube-apiserver 直接信任一个或多个 JWT/OIDC 签发者，支持 CEL 声明映射并自动重新加载。",
  ),
  aliases: aliases(
    ["AuthenticationConfiguration", "JWT", "OIDC", "OpenID Connect", "SSO", "CEL", "claim mapping", "authentication", "authn", "--authentication-config"],
    ["结构化身份认证", "身份认证", "认证", "单点登录", "JWT 认证", "OIDC", "CEL", "声明映射"],
  ),
  runsWhere: l("Inside kube-apiserver (configuration file)", "在 kube-apiserver 内部（配置文件）"),
  installer: "control-plane-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "You cannot pass the file yourself; some providers offer an OIDC issuer setting that configures JWT authentication for you.",
      "你无法自行传入该文件；部分服务商提供 OIDC 签发者设置，替你配置 JWT 身份认证。",
    ),
  },
  apiObjects: [
    {
      kind: "AuthenticationConfiguration",
      // source: kubernetes-1.34-1.37-changes.md §2 (v1beta1 1.30–1.33, v1 ≥1.34; KEP-3331)
      apiVersions: versionSteps([
        ["1.30", "apiserver.config.k8s.io/v1beta1"],
        ["1.34", "apiserver.config.k8s.io/v1"],
      ]),
      form: "config-file",
      note: l(
        "Passed with --authentication-config; cannot be combined with the --oidc-* flags. It configures JWT authenticators (and anonymous access); the token webhook still uses flags.",
        "通过 --authentication-config 传入；不能与 --oidc-* 参数同时使用。它配置 JWT 认证器（以及匿名访问）；令牌 Webhook 仍使用命令行参数。",
      ),
    },
  ],
  // source: kubernetes/website feature-gates StructuredAuthenticationConfiguration (alpha 1.29, beta on 1.30–1.33, GA locked 1.34)
  // and AnonymousAuthConfigurableEndpoints (alpha 1.31, beta on 1.32–1.33, GA locked 1.34)
  states: perMinor((minor): FeatureState => {
    const gate = "StructuredAuthenticationConfiguration"
    if (atLeast(minor, "1.34"))
      return {
        ...GA,
        featureGate: gate,
        note: l(
          "GA: AuthenticationConfiguration v1. The anonymous section (AnonymousAuthConfigurableEndpoints) is GA too.",
          "已 GA：AuthenticationConfiguration v1。anonymous 部分（AnonymousAuthConfigurableEndpoints）同样已 GA。",
        ),
      }
    const anonymous = atLeast(minor, "1.32")
      ? l(
          "The anonymous section is beta and on (AnonymousAuthConfigurableEndpoints).",
          "anonymous 部分为 Beta 且默认开启（AnonymousAuthConfigurableEndpoints）。",
        )
      : atLeast(minor, "1.31")
        ? l(
            "The anonymous section needs the alpha gate AnonymousAuthConfigurableEndpoints.",
            "anonymous 部分需要 Alpha 特性门控 AnonymousAuthConfigurableEndpoints。",
          )
        : l("Only jwt authenticators can be configured.", "只能配置 jwt 认证器。")
    return {
      maturity: "beta",
      enabledByDefault: true,
      featureGate: gate,
      note: l(`Beta, on by default (v1beta1). ${anonymous.en}`, `Beta，默认开启（v1beta1）。${anonymous["zh-CN"]}`),
    }
  }),
  failureMode: l(
    "A bad file stops kube-apiserver from starting; a bad reload keeps the last good config. If the issuer's keys cannot be fetched, its tokens are rejected.",
    "文件有误会导致 kube-apiserver 无法启动；重新加载失败时沿用上一个有效配置。若无法获取签发者的密钥，该签发者的令牌会被拒绝。",
  ),
  docPath: "/docs/reference/access-authn-authz/authentication/#using-authentication-configuration",
  related: ["authentication-webhook", "exec-credential-plugin", "authenticating-proxy"],
}

export const authenticatingProxy: Mechanism = {
  id: "authenticating-proxy",
  point: "2",
  apiStage: "authentication",
  name: l("Authenticating proxy", "身份认证代理"),
  summary: l(
    "A proxy in front of kube-apiserver authenticates users itself and passes the identity in X-Remote-User / X-Remote-Group headers over a trusted client certificate.",
    "位于 kube-apiserver 前面的代理自行认证用户，并通过受信任的客户端证书，用 X-Remote-User / X-Remote-Group 头部传递身份。",
  ),
  aliases: aliases(
    ["proxy", "request header", "requestheader", "X-Remote-User", "front proxy", "authentication", "authn", "SSO"],
    ["代理", "认证代理", "身份认证", "认证", "请求头", "单点登录"],
  ),
  runsWhere: l("A proxy between clients and kube-apiserver", "位于客户端与 kube-apiserver 之间的代理"),
  installer: "control-plane-admin",
  managedClusters: {
    availability: "no",
    note: l(
      "Needs --requestheader-* flags and a client CA trusted by kube-apiserver.",
      "需要 --requestheader-* 参数以及 kube-apiserver 信任的客户端 CA。",
    ),
  },
  apiObjects: [],
  // source: changes doc §1 (--requestheader-uid-headers / X-Remote-Uid beta since 1.33, #130560)
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.33")
      ? l(
          "--requestheader-uid-headers (X-Remote-Uid) is available (beta).",
          "可使用 --requestheader-uid-headers（X-Remote-Uid）（Beta）。",
        )
      : undefined,
  })),
  failureMode: l(
    "If the proxy is down, users who depend on it cannot reach the API. A leaked proxy client certificate lets anyone claim any identity.",
    "代理不可用时，依赖它的用户无法访问 API。代理客户端证书泄露后，任何人都可以冒充任意身份。",
  ),
  docPath: "/docs/reference/access-authn-authz/authentication/#authenticating-proxy",
  related: ["authentication-webhook", "structured-authentication"],
}

export const authorizationWebhook: Mechanism = {
  id: "authorization-webhook",
  point: "2",
  apiStage: "authorization",
  name: l("Authorization webhook", "鉴权 Webhook"),
  summary: l(
    "kube-apiserver asks your HTTPS service, with a SubjectAccessReview, whether a user may perform a verb on a resource; configured via flags or a structured AuthorizationConfiguration.",
    "kube-apiserver 以 SubjectAccessReview 询问你的 HTTPS 服务某用户能否对某资源执行某操作；可通过命令行参数或结构化的 AuthorizationConfiguration 配置。",
  ),
  aliases: aliases(
    ["webhook", "authorization", "authz", "SubjectAccessReview", "AuthorizationConfiguration", "access control", "CEL", "matchConditions", "--authorization-config"],
    ["Webhook", "鉴权", "授权", "访问控制", "鉴权 Webhook", "结构化鉴权配置", "CEL"],
  ),
  runsWhere: l(
    "Your HTTPS service (in or outside the cluster), called by kube-apiserver",
    "你的 HTTPS 服务（集群内或集群外），由 kube-apiserver 调用",
  ),
  installer: "control-plane-admin",
  managedClusters: {
    availability: "no",
    note: l(
      "Needs --authorization-config (or --authorization-mode=Webhook flags) on kube-apiserver.",
      "需要在 kube-apiserver 上设置 --authorization-config（或 --authorization-mode=Webhook 相关参数）。",
    ),
  },
  apiObjects: [
    {
      kind: "SubjectAccessReview",
      apiVersions: everyMinor("authorization.k8s.io/v1"),
      form: "wire",
      note: l(
        "Set subjectAccessReviewVersion: v1 (the legacy --authorization-webhook-version flag defaults to v1beta1).",
        "请设置 subjectAccessReviewVersion: v1（旧的 --authorization-webhook-version 参数默认是 v1beta1）。",
      ),
    },
    {
      kind: "AuthorizationConfiguration",
      // source: kubernetes-1.34-1.37-changes.md §2 (v1beta1 1.30–1.31, v1 ≥1.32; KEP-3221)
      apiVersions: versionSteps([
        ["1.30", "apiserver.config.k8s.io/v1beta1"],
        ["1.32", "apiserver.config.k8s.io/v1"],
      ]),
      form: "config-file",
      note: l(
        "Passed with --authorization-config; cannot be combined with --authorization-mode or --authorization-webhook-* flags.",
        "通过 --authorization-config 传入；不能与 --authorization-mode 或 --authorization-webhook-* 参数同时使用。",
      ),
    },
    {
      kind: "Config",
      apiVersions: everyMinor("v1"),
      form: "config-file",
      note: l(
        "kubeconfig-format file naming the webhook server (https only).",
        "kubeconfig 格式文件，指明 Webhook 服务器（仅限 https）。",
      ),
    },
  ],
  // source: facts §4 (StructuredAuthorizationConfiguration beta 1.30, GA 1.32; AuthorizeWithSelectors GA 1.34); changes doc §1 (conditional authorization alpha 1.37)
  states: perMinor((minor): FeatureState => {
    if (atLeast(minor, "1.37"))
      return {
        ...GA,
        note: l(
          "Conditional authorization is alpha (gate ConditionalAuthorization, off).",
          "条件鉴权为 Alpha（特性门控 ConditionalAuthorization，默认关闭）。",
        ),
      }
    if (atLeast(minor, "1.34"))
      return {
        ...GA,
        note: l(
          "Label and field selectors are passed to webhooks (AuthorizeWithSelectors GA).",
          "标签与字段选择算符会传给 Webhook（AuthorizeWithSelectors 已 GA）。",
        ),
      }
    if (atLeast(minor, "1.32"))
      return {
        ...GA,
        note: l(
          "AuthorizationConfiguration is GA (apiserver.config.k8s.io/v1).",
          "AuthorizationConfiguration 已 GA（apiserver.config.k8s.io/v1）。",
        ),
      }
    return {
      ...GA,
      note: l(
        "The webhook is GA; the structured AuthorizationConfiguration file is beta (gate StructuredAuthorizationConfiguration, on by default).",
        "Webhook 已 GA；结构化 AuthorizationConfiguration 文件为 Beta（特性门控 StructuredAuthorizationConfiguration，默认开启）。",
      ),
    }
  }),
  failureMode: l(
    "Timeouts or errors count as the configured failurePolicy (NoOpinion falls through to the next authorizer, Deny rejects); decisions are cached (authorizedTTL 5m, unauthorizedTTL 30s).",
    "超时或错误按配置的 failurePolicy 处理（NoOpinion 交给下一个鉴权器，Deny 直接拒绝）；判定结果会被缓存（authorizedTTL 5 分钟，unauthorizedTTL 30 秒）。",
  ),
  docPath: "/docs/reference/access-authn-authz/webhook/",
  related: ["policy-apis", "validating-admission-policy", "authentication-webhook"],
}

// source: kubernetes-1.34-1.37-changes.md §1 (VAP GA 1.30; manifest-based admission alpha 1.36, beta 1.37)
function staticManifestNote(minor: Parameters<typeof atLeast>[0]) {
  if (atLeast(minor, "1.37"))
    return l(
      "Policies can also be loaded from staticManifestsDir (manifest-based admission, beta, on).",
      "也可以从 staticManifestsDir 加载策略（基于清单的准入，Beta，默认开启）。",
    )
  if (atLeast(minor, "1.36"))
    return l(
      "Manifest-based admission (staticManifestsDir) is alpha: gate ManifestBasedAdmissionControlConfig.",
      "基于清单的准入（staticManifestsDir）为 Alpha：特性门控 ManifestBasedAdmissionControlConfig。",
    )
  return undefined
}

export const validatingAdmissionPolicy: Mechanism = {
  id: "validating-admission-policy",
  point: "2",
  apiStage: "validating-admission",
  name: l("ValidatingAdmissionPolicy (CEL)", "ValidatingAdmissionPolicy（CEL 验证准入策略）"),
  summary: l(
    "Declarative validation rules written in CEL that kube-apiserver evaluates in-process, with no webhook to run.",
    "用 CEL 编写的声明式验证规则，由 kube-apiserver 在进程内求值，无需运行 Webhook。",
  ),
  aliases: aliases(
    ["VAP", "CEL", "admission", "admission policy", "validation", "policy", "deny", "ValidatingAdmissionPolicyBinding", "Common Expression Language"],
    ["准入", "准入策略", "验证准入策略", "校验", "验证", "策略", "CEL", "通用表达式语言"],
  ),
  runsWhere: l("Inside kube-apiserver", "在 kube-apiserver 内部"),
  installer: "cluster-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "Plain API objects: works on managed clusters from 1.30.",
      "只是普通 API 对象：1.30 起在托管集群上可用。",
    ),
  },
  apiObjects: [
    {
      kind: "ValidatingAdmissionPolicy",
      apiVersions: everyMinor("admissionregistration.k8s.io/v1"),
      form: "served",
      scope: "Cluster",
    },
    {
      kind: "ValidatingAdmissionPolicyBinding",
      apiVersions: everyMinor("admissionregistration.k8s.io/v1"),
      form: "served",
      scope: "Cluster",
    },
  ],
  states: perMinor((minor) => ({ ...GA, note: staticManifestNote(minor) })),
  failureMode: l(
    "No network hop. CEL errors and missing params follow failurePolicy (Fail rejects, Ignore admits); validationActions Warn/Audit let you roll out without blocking.",
    "没有网络调用。CEL 出错或参数缺失时按 failurePolicy 处理（Fail 拒绝，Ignore 放行）；validationActions 的 Warn/Audit 可以在不阻断的情况下逐步上线。",
  ),
  docPath: "/docs/reference/access-authn-authz/validating-admission-policy/",
  related: ["validating-admission-webhook", "mutating-admission-policy", "custom-resource-definition", "pod-security-admission", "policy-apis"],
}

// source: kubernetes-1.34-1.37-changes.md §1–§2 (MAP alpha v1alpha1 1.32–1.33, beta v1beta1 off 1.34–1.35, GA v1 on 1.36, #136039);
// kubernetes/website feature-gates/mutating-admission-policy.md: "For Kubernetes v1.30 and v1.31, this feature gate existed but had no effect."
export const mutatingAdmissionPolicy: Mechanism = {
  id: "mutating-admission-policy",
  point: "2",
  apiStage: "mutating-admission",
  name: l("MutatingAdmissionPolicy (CEL)", "MutatingAdmissionPolicy（CEL 变更准入策略）"),
  summary: l(
    "Declarative mutations (apply configurations or JSON patches written in CEL) that kube-apiserver applies in-process, with no webhook to run.",
    "声明式变更（用 CEL 编写的应用配置或 JSON Patch），由 kube-apiserver 在进程内执行，无需运行 Webhook。",
  ),
  aliases: aliases(
    ["MAP", "CEL", "admission", "admission policy", "mutation", "mutate", "defaulting", "patch", "sidecar injection", "MutatingAdmissionPolicyBinding"],
    ["准入", "准入策略", "变更准入策略", "变更", "修改", "默认值", "补丁", "注入", "CEL"],
  ),
  runsWhere: l("Inside kube-apiserver", "在 kube-apiserver 内部"),
  installer: "cluster-admin",
  managedClusters: {
    availability: "partial",
    note: l(
      "On by default only from 1.36; before that it needs a feature gate and runtime-config that managed control planes rarely let you set.",
      "从 1.36 起才默认启用；此前需要特性门控和 runtime-config，托管控制平面很少允许设置。",
    ),
  },
  apiObjects: [
    {
      kind: "MutatingAdmissionPolicy",
      apiVersions: versionSteps([
        ["1.32", "admissionregistration.k8s.io/v1alpha1"],
        ["1.34", "admissionregistration.k8s.io/v1beta1"],
        ["1.36", "admissionregistration.k8s.io/v1"],
      ]),
      form: "served",
      scope: "Cluster",
    },
    {
      kind: "MutatingAdmissionPolicyBinding",
      apiVersions: versionSteps([
        ["1.32", "admissionregistration.k8s.io/v1alpha1"],
        ["1.34", "admissionregistration.k8s.io/v1beta1"],
        ["1.36", "admissionregistration.k8s.io/v1"],
      ]),
      form: "served",
      scope: "Cluster",
    },
  ],
  states: perMinor((minor): FeatureState => {
    if (atLeast(minor, "1.36"))
      return { ...GA, featureGate: "MutatingAdmissionPolicy", note: staticManifestNote(minor) }
    if (atLeast(minor, "1.34"))
      return {
        maturity: "beta",
        enabledByDefault: false,
        featureGate: "MutatingAdmissionPolicy",
        runtimeConfig: "admissionregistration.k8s.io/v1beta1=true",
        note: l(
          "Beta but off by default: enable the gate and the v1beta1 API.",
          "Beta 但默认关闭：需开启特性门控并启用 v1beta1 API。",
        ),
      }
    if (atLeast(minor, "1.32"))
      return {
        maturity: "alpha",
        enabledByDefault: false,
        featureGate: "MutatingAdmissionPolicy",
        runtimeConfig: "admissionregistration.k8s.io/v1alpha1=true",
      }
    return {
      maturity: "unavailable",
      enabledByDefault: false,
      note: l(
        "The MutatingAdmissionPolicy gate exists but has no effect; the API is not served.",
        "MutatingAdmissionPolicy 特性门控虽然存在但不起作用；不提供该 API。",
      ),
    }
  }),
  failureMode: l(
    "No network hop. A failing mutation follows failurePolicy (Fail rejects the request, Ignore skips the mutation).",
    "没有网络调用。变更失败时按 failurePolicy 处理（Fail 拒绝请求，Ignore 跳过该变更）。",
  ),
  docPath: "/docs/reference/access-authn-authz/mutating-admission-policy/",
  related: ["mutating-admission-webhook", "validating-admission-policy", "always-pull-images"],
}

// source: changes doc §1 (WebhookAdmission v1alpha1 removed in 1.36, #137379; API-server→webhook auth alpha 1.37, gate name UNCONFIRMED so not named here)
function webhookStates() {
  return perMinor((minor): FeatureState => ({
    ...GA,
    note: atLeast(minor, "1.37")
      ? l(
          "Alpha: kube-apiserver can send a short-lived service account token to webhooks (KEP-6060).",
          "Alpha：kube-apiserver 可向 Webhook 发送短期服务账号令牌（KEP-6060）。",
        )
      : atLeast(minor, "1.36")
        ? l(
            "For API-server credentials use apiserver.config.k8s.io/v1 WebhookAdmissionConfiguration; the old v1alpha1 WebhookAdmission is removed.",
            "API 服务器凭据请使用 apiserver.config.k8s.io/v1 WebhookAdmissionConfiguration；旧的 v1alpha1 WebhookAdmission 已移除。",
          )
        : undefined,
  }))
}

const admissionReview: ApiObject = {
  kind: "AdmissionReview",
  apiVersions: everyMinor("admission.k8s.io/v1"),
  form: "wire",
}

// Optional: credentials kube-apiserver presents to webhooks. source: facts §3.7; changes doc §2
// ("apiserver.config.k8s.io/v1 WebhookAdmissionConfiguration, never v1alpha1 WebhookAdmission").
const webhookAdmissionConfiguration: ApiObject = {
  kind: "WebhookAdmissionConfiguration",
  apiVersions: everyMinor("apiserver.config.k8s.io/v1"),
  form: "config-file",
  note: l(
    "Optional, control-plane only: referenced from AdmissionConfiguration (--admission-control-config-file) to give kube-apiserver client credentials (kubeConfigFile) for calling webhooks.",
    "可选，仅限控制平面：在 AdmissionConfiguration（--admission-control-config-file）中引用，为 kube-apiserver 调用 Webhook 提供客户端凭据（kubeConfigFile）。",
  ),
}

export const validatingAdmissionWebhook: Mechanism = {
  id: "validating-admission-webhook",
  point: "2",
  apiStage: "validating-admission",
  name: l("Validating admission webhook", "验证性准入 Webhook"),
  summary: l(
    "kube-apiserver sends each matching write request to your HTTPS service as an AdmissionReview; the service allows or denies it.",
    "kube-apiserver 把每个匹配的写请求以 AdmissionReview 形式发给你的 HTTPS 服务，由服务决定允许或拒绝。",
  ),
  aliases: aliases(
    ["webhook", "admission", "admission webhook", "validation", "ValidatingWebhookConfiguration", "AdmissionReview", "policy", "OPA", "Gatekeeper", "Kyverno", "matchConditions", "CEL"],
    ["Webhook", "准入", "准入 Webhook", "验证准入", "验证性准入 Webhook", "校验", "验证", "策略", "动态准入控制"],
  ),
  runsWhere: l(
    "Your HTTPS service, usually a Deployment in the cluster, called by kube-apiserver",
    "你的 HTTPS 服务，通常是集群中的 Deployment，由 kube-apiserver 调用",
  ),
  installer: "cluster-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "Works on managed clusters; the control plane must be able to reach the service (private clusters may need a firewall rule).",
      "适用于托管集群；控制平面必须能访问该服务（私有集群可能需要防火墙规则）。",
    ),
  },
  apiObjects: [
    {
      kind: "ValidatingWebhookConfiguration",
      apiVersions: everyMinor("admissionregistration.k8s.io/v1"),
      form: "served",
      scope: "Cluster",
    },
    admissionReview,
    webhookAdmissionConfiguration,
  ],
  states: webhookStates(),
  failureMode: l(
    "With failurePolicy: Fail (the default) matching requests are rejected while the webhook is down or slow (timeout 10s by default, max 30s); a webhook matching kube-system or its own Pods can lock up the cluster.",
    "failurePolicy 为 Fail（默认）时，Webhook 宕机或过慢（默认超时 10 秒，最多 30 秒）期间匹配的请求都会被拒绝；匹配 kube-system 或自身 Pod 的 Webhook 可能让集群卡死。",
  ),
  docPath: "/docs/reference/access-authn-authz/extensible-admission-controllers/",
  related: ["validating-admission-policy", "mutating-admission-webhook", "image-policy-webhook"],
}

export const mutatingAdmissionWebhook: Mechanism = {
  id: "mutating-admission-webhook",
  point: "2",
  apiStage: "mutating-admission",
  name: l("Mutating admission webhook", "变更性准入 Webhook"),
  summary: l(
    "kube-apiserver sends each matching write request to your HTTPS service, which may return a JSON patch that changes the object (defaults, sidecars, labels).",
    "kube-apiserver 把每个匹配的写请求发给你的 HTTPS 服务，服务可返回修改对象的 JSON Patch（默认值、边车容器、标签等）。",
  ),
  aliases: aliases(
    ["webhook", "admission", "admission webhook", "mutation", "mutate", "patch", "defaulting", "sidecar injection", "MutatingWebhookConfiguration", "AdmissionReview", "matchConditions", "CEL"],
    ["Webhook", "准入", "准入 Webhook", "变更准入", "变更性准入 Webhook", "变更", "修改", "默认值", "注入", "边车", "边车容器", "动态准入控制"],
  ),
  runsWhere: l(
    "Your HTTPS service, usually a Deployment in the cluster, called by kube-apiserver",
    "你的 HTTPS 服务，通常是集群中的 Deployment，由 kube-apiserver 调用",
  ),
  installer: "cluster-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "Works on managed clusters; the control plane must be able to reach the service (private clusters may need a firewall rule).",
      "适用于托管集群；控制平面必须能访问该服务（私有集群可能需要防火墙规则）。",
    ),
  },
  apiObjects: [
    {
      kind: "MutatingWebhookConfiguration",
      apiVersions: everyMinor("admissionregistration.k8s.io/v1"),
      form: "served",
      scope: "Cluster",
    },
    admissionReview,
    webhookAdmissionConfiguration,
  ],
  states: webhookStates(),
  failureMode: l(
    "With failurePolicy: Fail (the default) matching requests are rejected while the webhook is down; patches that fight each other or are not idempotent cause surprising objects (reinvocationPolicy IfNeeded re-runs them).",
    "failurePolicy 为 Fail（默认）时，Webhook 不可用期间匹配的请求都会被拒绝；相互冲突或非幂等的补丁会产生意外结果（reinvocationPolicy 为 IfNeeded 时会重新调用）。",
  ),
  docPath: "/docs/reference/access-authn-authz/extensible-admission-controllers/",
  related: ["mutating-admission-policy", "validating-admission-webhook"],
}

export const imagePolicyWebhook: Mechanism = {
  id: "image-policy-webhook",
  point: "2",
  apiStage: "validating-admission",
  name: l("ImagePolicyWebhook admission plugin", "ImagePolicyWebhook 准入插件"),
  summary: l(
    "A built-in admission plugin that asks your HTTPS service, with an ImageReview, whether a Pod's container images may run.",
    "一个内置准入插件，以 ImageReview 询问你的 HTTPS 服务 Pod 的容器镜像是否允许运行。",
  ),
  aliases: aliases(
    ["webhook", "admission", "image policy", "ImageReview", "image", "container image", "registry", "supply chain"],
    ["Webhook", "准入", "镜像策略", "镜像策略 Webhook", "镜像", "容器镜像", "镜像仓库", "供应链"],
  ),
  runsWhere: l(
    "Your HTTPS service, called by kube-apiserver's ImagePolicyWebhook plugin",
    "你的 HTTPS 服务，由 kube-apiserver 的 ImagePolicyWebhook 插件调用",
  ),
  installer: "control-plane-admin",
  managedClusters: {
    availability: "no",
    note: l(
      "Needs --enable-admission-plugins and --admission-control-config-file on kube-apiserver.",
      "需要 kube-apiserver 的 --enable-admission-plugins 和 --admission-control-config-file 参数。",
    ),
  },
  apiObjects: [
    { kind: "ImageReview", apiVersions: everyMinor("imagepolicy.k8s.io/v1alpha1"), form: "wire" },
    {
      kind: "AdmissionConfiguration",
      apiVersions: everyMinor("apiserver.config.k8s.io/v1"),
      form: "config-file",
      note: l(
        "Passed with --admission-control-config-file; plugin ImagePolicyWebhook with imagePolicy {kubeConfigFile, allowTTL, denyTTL, retryBackoff, defaultAllow}.",
        "通过 --admission-control-config-file 传入；ImagePolicyWebhook 插件配置 imagePolicy {kubeConfigFile, allowTTL, denyTTL, retryBackoff, defaultAllow}。",
      ),
    },
  ],
  // source: facts §3.8 (built-in plugin, disabled by default, API v1alpha1); changes doc §1 (no change 1.34–1.37, UNCONFIRMED)
  states: perMinor(() => ({
    maturity: "alpha",
    enabledByDefault: false,
    note: l(
      "Off by default: add ImagePolicyWebhook to --enable-admission-plugins. The ImageReview API is still v1alpha1; the official page also tells you to set --runtime-config=imagepolicy.k8s.io/v1alpha1=true.",
      "默认关闭：需将 ImagePolicyWebhook 加入 --enable-admission-plugins。ImageReview API 仍为 v1alpha1；官方页面还要求设置 --runtime-config=imagepolicy.k8s.io/v1alpha1=true。",
    ),
  })),
  failureMode: l(
    "If the backend is unreachable, defaultAllow decides: true admits Pods (annotated as failed open), false rejects them.",
    "后端不可达时由 defaultAllow 决定：true 放行 Pod（并标注为 failed-open），false 则拒绝。",
  ),
  docPath: "/docs/reference/access-authn-authz/admission-controllers/#imagepolicywebhook",
  related: ["validating-admission-webhook", "validating-admission-policy"],
}

export const podSecurityAdmission: Mechanism = {
  id: "pod-security-admission",
  point: "2",
  apiStage: "validating-admission",
  name: l("Pod Security Admission", "Pod 安全性准入"),
  summary: l(
    "A built-in admission controller that enforces the Pod Security Standards (privileged, baseline, restricted) per namespace, chosen with namespace labels.",
    "一个内置的准入控制器，按名字空间执行 Pod 安全性标准（privileged、baseline、restricted），级别通过名字空间标签选择。",
  ),
  aliases: aliases(
    ["Pod Security Admission", "PodSecurity", "Pod Security Standards", "PSA", "PSS", "baseline", "restricted", "privileged", "admission", "security"],
    ["Pod 安全性准入", "Pod 安全性标准", "准入", "安全", "特权容器", "名字空间标签"],
  ),
  runsWhere: l("Inside kube-apiserver (the PodSecurity admission plugin)", "在 kube-apiserver 内部（PodSecurity 准入插件）"),
  installer: "cluster-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "On by default everywhere: labelling namespaces is enough. Cluster-wide defaults and exemptions need the admission configuration file, which managed control planes do not expose.",
      "各处都默认启用：给名字空间加标签即可。集群级默认值和豁免需要准入配置文件，托管控制平面不开放该文件。",
    ),
  },
  apiObjects: [
    {
      kind: "PodSecurityConfiguration",
      // source: k8s.io/pod-security-admission@v0.37.2 admission/api/v1 (v1 since 1.25)
      apiVersions: everyMinor("pod-security.admission.config.k8s.io/v1"),
      form: "config-file",
      note: l(
        "Optional: embedded in the AdmissionConfiguration passed with --admission-control-config-file, for cluster-wide defaults and exemptions.",
        "可选：嵌入通过 --admission-control-config-file 传入的 AdmissionConfiguration，用于集群级默认值和豁免。",
      ),
    },
  ],
  // source: k8s.io/kubernetes@v1.37.2 pkg/kubeapiserver/options/plugins.go (PodSecurity in the default-on set); GA since 1.25
  states: perMinor(() => ({ ...GA })),
  failureMode: l(
    "Nothing extra to fail. A wrong label rejects new Pods in that namespace (existing ones keep running); use warn and audit labels before enforce.",
    "没有额外的故障组件。标签设错会拒绝该名字空间中新建的 Pod（已有的继续运行）；在 enforce 之前先使用 warn 和 audit 标签。",
  ),
  docPath: "/docs/concepts/security/pod-security-admission/",
  related: ["validating-admission-policy", "policy-apis"],
}

export const alwaysPullImages: Mechanism = {
  id: "always-pull-images",
  point: "2",
  apiStage: "mutating-admission",
  name: l("AlwaysPullImages admission plugin", "AlwaysPullImages 准入插件"),
  summary: l(
    "A built-in admission plugin that sets every new Pod's imagePullPolicy to Always, so a Pod can only use a private image it has credentials for.",
    "一个内置准入插件，把每个新 Pod 的 imagePullPolicy 设为 Always，使 Pod 只能使用自己有凭据的私有镜像。",
  ),
  aliases: aliases(
    ["AlwaysPullImages", "imagePullPolicy", "admission", "image pull", "private images", "multi-tenancy"],
    ["准入", "准入插件", "镜像拉取", "私有镜像", "多租户"],
  ),
  runsWhere: l("Inside kube-apiserver (built-in admission plugin)", "在 kube-apiserver 内部（内置准入插件）"),
  installer: "control-plane-admin",
  managedClusters: {
    availability: "no",
    note: l(
      "Needs --enable-admission-plugins on kube-apiserver, which managed control planes do not expose.",
      "需要 kube-apiserver 的 --enable-admission-plugins 参数，托管控制平面不开放该参数。",
    ),
  },
  apiObjects: [],
  // source: k8s.io/kubernetes@v1.37.2 pkg/kubeapiserver/options/plugins.go (AlwaysPullImages exists, not in the
  // default-on set); pkg/features/kube_features.go KubeletEnsureSecretPulledImages (alpha 1.33, beta on 1.35)
  states: perMinor((minor): FeatureState => ({
    maturity: "ga",
    enabledByDefault: false,
    note: atLeast(minor, "1.35")
      ? l(
          "Off by default: add AlwaysPullImages to --enable-admission-plugins. The kubelet now re-checks credentials for images pulled with a secret (KubeletEnsureSecretPulledImages, beta and on), which covers the same risk without forcing pulls.",
          "默认关闭：需把 AlwaysPullImages 加入 --enable-admission-plugins。kubelet 现在会为用 Secret 拉取的镜像重新核对凭据（KubeletEnsureSecretPulledImages，Beta，默认启用），无需强制拉取即可应对同样的风险。",
        )
      : atLeast(minor, "1.33")
        ? l(
            "Off by default: add AlwaysPullImages to --enable-admission-plugins. The kubelet alternative (KubeletEnsureSecretPulledImages) is alpha in this version.",
            "默认关闭：需把 AlwaysPullImages 加入 --enable-admission-plugins。kubelet 侧的替代方案（KubeletEnsureSecretPulledImages）在此版本中为 Alpha。",
          )
        : l("Off by default: add AlwaysPullImages to --enable-admission-plugins.", "默认关闭：需把 AlwaysPullImages 加入 --enable-admission-plugins。"),
  })),
  failureMode: l(
    "Every container start contacts the registry: a registry outage or rate limit stops Pods from starting, even on nodes that already have the image.",
    "每次启动容器都要访问镜像仓库：仓库故障或限流会让 Pod 无法启动，即使节点上已有该镜像。",
  ),
  docPath: "/docs/reference/access-authn-authz/admission-controllers/#alwayspullimages",
  related: ["mutating-admission-policy", "image-credential-provider"],
}

export const API_ACCESS_MECHANISMS: readonly Mechanism[] = [
  authenticationWebhook,
  structuredAuthentication,
  authenticatingProxy,
  authorizationWebhook,
  validatingAdmissionPolicy,
  mutatingAdmissionPolicy,
  validatingAdmissionWebhook,
  mutatingAdmissionWebhook,
  imagePolicyWebhook,
  podSecurityAdmission,
  alwaysPullImages,
]
