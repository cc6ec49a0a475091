// Point 3: API extensions (new resource types).
import { GA, aliases, atLeast, everyMinor, l, perMinor } from "../helpers"
import type { Mechanism } from "../types"

export const customResourceDefinition: Mechanism = {
  id: "custom-resource-definition",
  point: "3",
  // The CRD's OpenAPI schema and CEL rules are what validate custom objects in the request path.
  apiStage: "schema-validation",
  name: l("CustomResourceDefinition (CRD)", "定制资源定义（CRD）"),
  summary: l(
    "Declare a new resource type with an OpenAPI schema; kube-apiserver stores, validates and serves it like a built-in type, with no extra server to run.",
    "用 OpenAPI 模式声明一种新的 API 类别；kube-apiserver 像对待内置类别一样存储、验证并提供它，无需运行额外的服务器。",
  ),
  aliases: aliases(
    ["CRD", "custom resource", "CustomResourceDefinition", "new API", "new type", "schema", "OpenAPI", "CEL", "x-kubernetes-validations", "declarative API"],
    ["CRD", "定制资源", "自定义资源", "定制资源定义", "新 API", "新类别", "新类型", "模式", "验证", "校验", "CEL"],
  ),
  runsWhere: l("Inside kube-apiserver (stored in etcd)", "在 kube-apiserver 内部（存储在 etcd 中）"),
  installer: "cluster-admin",
  managedClusters: {
    availability: "yes",
    note: l("Works on every managed cluster.", "适用于所有托管集群。"),
  },
  apiObjects: [
    {
      kind: "CustomResourceDefinition",
      apiVersions: everyMinor("apiextensions.k8s.io/v1"),
      form: "served",
      scope: "Cluster",
    },
  ],
  // source: facts §4 (CEL rules GA 1.29, CustomResourceFieldSelectors GA 1.32, CRDValidationRatcheting GA 1.33); changes doc §1 (1.36 numeric formats, 1.37 StorageVersionMigration GA)
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.37")
      ? l(
          "StorageVersionMigration is GA (storagemigration.k8s.io/v1) for moving stored objects to a new version.",
          "StorageVersionMigration 已 GA（storagemigration.k8s.io/v1），可将已存储对象迁移到新版本。",
        )
      : atLeast(minor, "1.36")
        ? l(
            "Numeric format ranges (e.g. int32) are enforced, with ratcheting for existing objects.",
            "数值 format 范围（如 int32）会被强制验证，已有对象按棘轮规则放宽。",
          )
        : atLeast(minor, "1.33")
          ? l("Validation ratcheting is GA.", "验证棘轮（Validation Ratcheting）已 GA。")
          : atLeast(minor, "1.32")
            ? l("selectableFields (custom field selectors) is GA.", "selectableFields（定制字段选择算符）已 GA。")
            : undefined,
  })),
  failureMode: l(
    "Nothing extra to fail: objects are stored even if no controller acts on them. Changing a schema or stored version carelessly can strand existing objects.",
    "没有额外的故障点：即使没有控制器处理，对象也会被存储。随意更改模式或存储版本可能使已有对象无法使用。",
  ),
  docPath: "/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/",
  related: ["controller", "operator", "crd-conversion-webhook", "api-aggregation", "validating-admission-policy"],
}

export const crdConversionWebhook: Mechanism = {
  id: "crd-conversion-webhook",
  point: "3",
  name: l("CRD conversion webhook", "CRD 转换 Webhook"),
  summary: l(
    "An HTTPS service that kube-apiserver calls with a ConversionReview to convert custom objects between the versions of a CRD when their schemas differ.",
    "一个 HTTPS 服务：当 CRD 各版本的模式不同时，kube-apiserver 以 ConversionReview 调用它，在版本之间转换定制对象。",
  ),
  aliases: aliases(
    ["conversion webhook", "webhook", "ConversionReview", "CRD versions", "versioning", "storage version", "StorageVersionMigration", "hub and spoke"],
    ["转换 Webhook", "Webhook", "版本转换", "CRD 版本", "存储版本", "多版本"],
  ),
  runsWhere: l(
    "Your HTTPS service (usually a Deployment behind a Service), called by kube-apiserver",
    "你的 HTTPS 服务（通常是 Service 后面的 Deployment），由 kube-apiserver 调用",
  ),
  installer: "cluster-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "Works on managed clusters: it is registered in the CRD's spec.conversion; the control plane must be able to reach the Service.",
      "适用于托管集群：它登记在 CRD 的 spec.conversion 中；控制平面必须能访问该 Service。",
    ),
  },
  apiObjects: [
    {
      kind: "ConversionReview",
      apiVersions: everyMinor("apiextensions.k8s.io/v1"),
      form: "wire",
      note: l(
        "Request and response body; the CRD names the service in spec.conversion.webhook.clientConfig with conversionReviewVersions [v1].",
        "请求与响应的消息体；CRD 在 spec.conversion.webhook.clientConfig 中指定服务，并设置 conversionReviewVersions 为 [v1]。",
      ),
    },
    {
      kind: "CustomResourceDefinition",
      apiVersions: everyMinor("apiextensions.k8s.io/v1"),
      form: "served",
      scope: "Cluster",
      note: l("Registers the webhook: spec.conversion.strategy is Webhook.", "登记该 Webhook：spec.conversion.strategy 设为 Webhook。"),
    },
  ],
  // source: k8s.io/kubernetes@v1.37.2 pkg/features/kube_features.go StorageVersionMigrator (alpha 1.30, beta off 1.35, GA on 1.37);
  // conversion webhooks themselves are GA (apiextensions.k8s.io/v1) on every supported minor.
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.37")
      ? l(
          "Rewriting stored objects to a new storage version: StorageVersionMigration is GA and on (storagemigration.k8s.io/v1).",
          "把已存储对象改写为新的存储版本：StorageVersionMigration 已 GA 且默认启用（storagemigration.k8s.io/v1）。",
        )
      : atLeast(minor, "1.35")
        ? l(
            "StorageVersionMigration is beta and off by default (gate StorageVersionMigrator); otherwise rewrite stored objects yourself (read and write each one back).",
            "StorageVersionMigration 为 Beta 且默认关闭（特性门控 StorageVersionMigrator）；否则需自行改写已存储对象（逐个读出再写回）。",
          )
        : l(
            "StorageVersionMigration is alpha here; rewrite stored objects yourself (read and write each one back) before dropping a version.",
            "StorageVersionMigration 在此版本中为 Alpha；在移除某个版本之前，需自行改写已存储对象（逐个读出再写回）。",
          ),
  })),
  failureMode: l(
    "If the service is down, every read and write of the CRD in a version other than the stored one fails, and so do list and watch; garbage collection and namespace deletion can stall.",
    "服务不可用时，以非存储版本读写该 CRD 的所有请求都会失败，list 和 watch 也一样；垃圾收集和名字空间删除可能卡住。",
  ),
  docPath: "/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definition-versioning/",
  related: ["custom-resource-definition", "operator"],
}

export const apiAggregation: Mechanism = {
  id: "api-aggregation",
  point: "3",
  // Aggregated APIs replace etcd storage with your own server behind the same URL space.
  apiStage: "storage",
  name: l("API aggregation layer", "API 聚合层"),
  summary: l(
    "Register an APIService so kube-apiserver proxies a whole API group/version to your own extension API server, which handles storage and semantics itself.",
    "注册一个 APIService，让 kube-apiserver 把整个 API 组/版本代理到你自己的扩展 API 服务器，由它自行处理存储和语义。",
  ),
  aliases: aliases(
    ["aggregation", "aggregated API", "APIService", "extension API server", "apiserver", "metrics-server", "custom storage", "sample-apiserver"],
    ["聚合层", "API 聚合", "聚合 API", "扩展 API 服务器", "APIService", "定制存储"],
  ),
  runsWhere: l(
    "Your API server, usually a Deployment in the cluster, proxied to by kube-apiserver",
    "你的 API 服务器，通常是集群中的 Deployment，由 kube-apiserver 代理转发",
  ),
  installer: "cluster-admin",
  managedClusters: {
    availability: "yes",
    note: l(
      "Managed control planes already run with the front-proxy flags (metrics-server relies on them); the control plane must reach your Service.",
      "托管控制平面已配置 front-proxy 相关参数（metrics-server 依赖它们）；控制平面必须能访问你的 Service。",
    ),
  },
  apiObjects: [
    {
      kind: "APIService",
      apiVersions: everyMinor("apiregistration.k8s.io/v1"),
      form: "served",
      scope: "Cluster",
    },
  ],
  // source: changes doc §1 (APIService unchanged; 1.36 mixed-version proxy beta; 1.37 client-go discovery v2 only, metrics.k8s.io v1)
  states: perMinor((minor) => ({
    ...GA,
    note: atLeast(minor, "1.37")
      ? l(
          "client-go now asks kube-apiserver for aggregated discovery (v2) only (#138271).",
          "client-go 现在只向 kube-apiserver 请求聚合发现（v2）（#138271）。",
        )
      : undefined,
  })),
  failureMode: l(
    "If your server is down, its group/version returns 503 and API discovery reports it as unavailable, which can break namespace deletion and tools that walk all APIs.",
    "你的服务器宕机时，其组/版本返回 503，API 发现将其报告为不可用，这可能导致名字空间删除卡住以及遍历所有 API 的工具出错。",
  ),
  docPath: "/docs/concepts/extend-kubernetes/api-extension/apiserver-aggregation/",
  related: ["custom-resource-definition", "controller"],
}

export const API_MECHANISMS: readonly Mechanism[] = [customResourceDefinition, crdConversionWebhook, apiAggregation]
