// Seeds the real test cluster with one object per thing the inspector reports. Shared by the
// cluster tests, `npm run demo:record` and `npm run bench:inspect`. Test tooling only.
import https from "node:https"
import { KubeConfig } from "@kubernetes/client-node"

export type Raw = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; [k: string]: unknown }; [k: string]: unknown }

export const SEED_NAMESPACE = "inspector-demo"
export const WEBHOOK_NAMESPACE = "webhook-system"
/** A label no object carries: the seeded webhooks match by their rules but are never called. */
export const NEVER_MATCHES = { matchLabels: { "inspector.example.com/never": "true" } }

const PLURALS: Record<string, string> = {
  Namespace: "namespaces",
  CustomResourceDefinition: "customresourcedefinitions",
  APIService: "apiservices",
  ValidatingWebhookConfiguration: "validatingwebhookconfigurations",
  MutatingWebhookConfiguration: "mutatingwebhookconfigurations",
  ValidatingAdmissionPolicy: "validatingadmissionpolicies",
  ValidatingAdmissionPolicyBinding: "validatingadmissionpolicybindings",
  MutatingAdmissionPolicy: "mutatingadmissionpolicies",
  MutatingAdmissionPolicyBinding: "mutatingadmissionpolicybindings",
  CSIDriver: "csidrivers",
  StorageClass: "storageclasses",
  PersistentVolume: "persistentvolumes",
  RuntimeClass: "runtimeclasses",
  Node: "nodes",
  DeviceClass: "deviceclasses",
  ResourceSlice: "resourceslices",
  Pod: "pods",
  Deployment: "deployments",
  DaemonSet: "daemonsets",
  PriorityClass: "priorityclasses",
  ResourceQuota: "resourcequotas",
  LimitRange: "limitranges",
  NetworkPolicy: "networkpolicies",
  Role: "roles",
  ServiceAccount: "serviceaccounts",
  Service: "services",
  ClusterRole: "clusterroles",
  ClusterRoleBinding: "clusterrolebindings",
}

export function loadKubeConfig(file: string): KubeConfig {
  const kc = new KubeConfig()
  kc.loadFromFile(file)
  return kc
}

export async function rawRequest(
  kc: KubeConfig,
  method: string,
  path: string,
  body?: unknown,
  contentType = "application/json",
): Promise<{ status: number; body: string }> {
  const opts: https.RequestOptions = {}
  await kc.applyToHTTPSOptions(opts)
  const url = new URL(path, kc.getCurrentCluster()!.server)
  return new Promise((resolve, reject) => {
    const req = https.request(url, { ...opts, method, headers: { ...(opts.headers as object), Accept: "application/json", ...(body ? { "Content-Type": contentType } : {}) } }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
    })
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")))
    req.on("error", reject)
    req.end(body ? JSON.stringify(body) : undefined)
  })
}

export function collectionPath(obj: Pick<Raw, "apiVersion" | "kind"> & { metadata: { namespace?: string } }): string {
  const plural = PLURALS[obj.kind]
  if (!plural) throw new Error(`seed: no plural for ${obj.kind}`)
  const prefix = obj.apiVersion.includes("/") ? `/apis/${obj.apiVersion}` : `/api/${obj.apiVersion}`
  return obj.metadata.namespace ? `${prefix}/namespaces/${obj.metadata.namespace}/${plural}` : `${prefix}/${plural}`
}

/** Creates obj; an existing object (409) is fine. Throws with the API's message otherwise. */
export async function create(kc: KubeConfig, obj: Raw, opts: { dryRun?: boolean } = {}): Promise<number> {
  const res = await rawRequest(kc, "POST", collectionPath(obj) + (opts.dryRun ? "?dryRun=All" : ""), obj)
  if (res.status !== 201 && res.status !== 200 && res.status !== 409) {
    throw new Error(`create ${obj.kind} ${obj.metadata.name}: ${res.status} ${res.body.slice(0, 400)}`)
  }
  return res.status
}

async function servedVersion(kc: KubeConfig, group: string, versions: string[], resource: string): Promise<string | undefined> {
  for (const v of versions) {
    const res = await rawRequest(kc, "GET", `/apis/${group}/${v}`)
    if (res.status === 200 && (JSON.parse(res.body) as { resources?: { name: string }[] }).resources?.some((r) => r.name === resource)) return v
  }
  return undefined
}

const crd = (plural: string, kind: string, group: string, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}): Raw => ({
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: `${plural}.${group}`, ...extra },
  spec: {
    group,
    scope: "Namespaced",
    names: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List` },
    versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } } }],
  },
})

const container = (name: string, image: string) => ({ name, image })

/** Objects that need nothing but the apiserver (no scheduler, kubelet or controllers). */
export function seedObjects(mapVersion: string | undefined, draVersion: string | undefined): Raw[] {
  const ns = SEED_NAMESPACE
  const objs: Raw[] = [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: ns, labels: { team: "demo" } } },
    { apiVersion: "v1", kind: "Namespace", metadata: { name: WEBHOOK_NAMESPACE } },
    // Point 3: CRDs with different owner evidence; a Calico CRD doubles as CNI evidence (point 6).
    crd("widgets", "Widget", "demo.example.com", { labels: { "app.kubernetes.io/part-of": "widget-operator" } }),
    crd("gadgets", "Gadget", "demo.example.com", { annotations: { "meta.helm.sh/release-name": "gadget-controller", "meta.helm.sh/release-namespace": ns } }),
    crd("felixconfigurations", "FelixConfiguration", "crd.projectcalico.org", { labels: { "app.kubernetes.io/name": "calico" } }),
    {
      apiVersion: "apiregistration.k8s.io/v1",
      kind: "APIService",
      metadata: { name: "v1beta1.metrics.demo.example.com" },
      spec: {
        group: "metrics.demo.example.com",
        version: "v1beta1",
        service: { namespace: ns, name: "missing-metrics-server", port: 443 },
        groupPriorityMinimum: 100,
        versionPriority: 100,
        insecureSkipTLSVerify: true,
      },
    },
    // Point 2: one risky webhook (Fail + every resource + 30 s + no namespaceSelector), one careful one.
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingWebhookConfiguration",
      metadata: { name: "risky-policy" },
      webhooks: [
        {
          name: "validate.risky-policy.example.com",
          admissionReviewVersions: ["v1"],
          sideEffects: "None",
          failurePolicy: "Fail",
          timeoutSeconds: 30,
          clientConfig: { service: { namespace: WEBHOOK_NAMESPACE, name: "policy-webhook", path: "/validate" } },
          rules: [{ operations: ["CREATE", "UPDATE"], apiGroups: ["*"], apiVersions: ["*"], resources: ["*"], scope: "*" }],
          objectSelector: NEVER_MATCHES,
        },
      ],
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "MutatingWebhookConfiguration",
      metadata: { name: "careful-defaults" },
      webhooks: [
        {
          name: "defaults.careful.example.com",
          admissionReviewVersions: ["v1"],
          sideEffects: "None",
          failurePolicy: "Ignore",
          timeoutSeconds: 5,
          clientConfig: { service: { namespace: WEBHOOK_NAMESPACE, name: "defaults-webhook", path: "/mutate" } },
          rules: [{ operations: ["CREATE"], apiGroups: ["apps"], apiVersions: ["v1"], resources: ["deployments"], scope: "Namespaced" }],
          namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["kube-system", WEBHOOK_NAMESPACE] }] },
          objectSelector: NEVER_MATCHES,
        },
      ],
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicy",
      metadata: { name: "require-team-label" },
      spec: {
        failurePolicy: "Fail",
        matchConstraints: { resourceRules: [{ apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"] }] },
        validations: [{ expression: "has(object.metadata.labels) && 'team' in object.metadata.labels", message: "deployments need a team label" }],
      },
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicyBinding",
      metadata: { name: "require-team-label-audit" },
      // Audit only: the seeded cluster stays writable for the other tests.
      spec: { policyName: "require-team-label", validationActions: ["Audit"], matchResources: { namespaceSelector: { matchLabels: { team: "never" } } } },
    },
    // Point 7: storage and devices.
    { apiVersion: "storage.k8s.io/v1", kind: "CSIDriver", metadata: { name: "csi.demo.example.com" }, spec: { attachRequired: false, podInfoOnMount: true, volumeLifecycleModes: ["Persistent", "Ephemeral"] } },
    {
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: "demo-fast", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
      provisioner: "csi.demo.example.com",
      reclaimPolicy: "Delete",
      volumeBindingMode: "WaitForFirstConsumer",
      allowVolumeExpansion: true,
    },
    { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "legacy-nfs" }, provisioner: "example.com/nfs-provisioner" },
    {
      apiVersion: "v1",
      kind: "PersistentVolume",
      metadata: { name: "legacy-flex-volume" },
      spec: { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], flexVolume: { driver: "example.com/lvm-flex", fsType: "ext4" } },
    },
    { apiVersion: "node.k8s.io/v1", kind: "RuntimeClass", metadata: { name: "gvisor" }, handler: "runsc", overhead: { podFixed: { cpu: "100m", memory: "64Mi" } } },
    {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "demo-gpu-node-1", labels: { "kubernetes.io/hostname": "demo-gpu-node-1", "node-role.kubernetes.io/worker": "" } },
      spec: {},
    },
    // Point 4: pods for a second scheduler (they stay Pending: no scheduler runs here) and the scheduler itself.
    ...["batch-job-a", "batch-job-b"].map(
      (name): Raw => ({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name, namespace: ns },
        spec: { schedulerName: "gpu-batch-scheduler", containers: [container("main", "registry.example.com/batch:1.0")] },
      }),
    ),
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "flex-user", namespace: ns },
      spec: {
        containers: [{ ...container("main", "registry.example.com/app:1.0"), volumeMounts: [{ name: "data", mountPath: "/data" }] }],
        volumes: [{ name: "data", flexVolume: { driver: "example.com/lvm-flex" } }],
      },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "gpu-batch-scheduler", namespace: ns, labels: { team: "demo" } },
      spec: {
        selector: { matchLabels: { app: "gpu-batch-scheduler" } },
        template: {
          metadata: { labels: { app: "gpu-batch-scheduler" } },
          spec: { containers: [{ ...container("scheduler", "registry.k8s.io/kube-scheduler:v1.37.0"), command: ["kube-scheduler", "--config=/etc/scheduler/config.yaml"] }] },
        },
      },
    },
    // Point 6 (inferred) and device-plugin heuristic (point 7).
    daemonSet("calico-node", "kube-system", "docker.io/calico/node:v3.30.0"),
    daemonSet("demo-gpu-device-plugin", "kube-system", "registry.example.com/gpu-device-plugin:0.1"),
    // Configuration: policy APIs.
    { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "demo-high" }, value: 100000, description: "demo" },
    { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "demo-quota", namespace: ns }, spec: { hard: { pods: "50" } } },
    { apiVersion: "v1", kind: "LimitRange", metadata: { name: "demo-limits", namespace: ns }, spec: { limits: [{ type: "Container", default: { cpu: "500m" } }] } },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "default-deny", namespace: ns },
      spec: { podSelector: {}, policyTypes: ["Ingress"] },
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: { name: "demo-reader", namespace: ns },
      rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list"] }],
    },
  ]
  if (mapVersion) {
    objs.push(
      {
        apiVersion: `admissionregistration.k8s.io/${mapVersion}`,
        kind: "MutatingAdmissionPolicy",
        metadata: { name: "add-owner-label" },
        spec: {
          failurePolicy: "Ignore",
          reinvocationPolicy: "Never",
          matchConstraints: { resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"] }] },
          mutations: [
            {
              patchType: "ApplyConfiguration",
              applyConfiguration: { expression: "Object{metadata: Object.metadata{labels: {'owner': 'demo'}}}" },
            },
          ],
        },
      },
      {
        apiVersion: `admissionregistration.k8s.io/${mapVersion}`,
        kind: "MutatingAdmissionPolicyBinding",
        metadata: { name: "add-owner-label" },
        spec: { policyName: "add-owner-label", matchResources: { namespaceSelector: { matchLabels: { team: "never" } } } },
      },
    )
  }
  if (draVersion) {
    objs.push(
      {
        apiVersion: `resource.k8s.io/${draVersion}`,
        kind: "DeviceClass",
        metadata: { name: "gpu.demo.example.com" },
        spec: { selectors: [{ cel: { expression: "device.driver == 'gpu.demo.example.com'" } }] },
      },
      {
        apiVersion: `resource.k8s.io/${draVersion}`,
        kind: "ResourceSlice",
        metadata: { name: "demo-gpu-node-1-gpu" },
        spec: {
          driver: "gpu.demo.example.com",
          nodeName: "demo-gpu-node-1",
          pool: { name: "demo-gpu-node-1", generation: 1, resourceSliceCount: 1 },
          devices: [{ name: "gpu-0" }, { name: "gpu-1" }],
        },
      },
    )
  }
  return objs
}

function daemonSet(name: string, namespace: string, image: string): Raw {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [container(name, image)] } },
    },
  }
}

export async function seedCluster(kc: KubeConfig): Promise<{ mapVersion?: string; draVersion?: string }> {
  const mapVersion = await servedVersion(kc, "admissionregistration.k8s.io", ["v1", "v1beta1", "v1alpha1"], "mutatingadmissionpolicies")
  const draVersion = await servedVersion(kc, "resource.k8s.io", ["v1", "v1beta2", "v1beta1"], "deviceclasses")
  const objs = seedObjects(mapVersion, draVersion)
  // Namespaces and CRDs first; the rest in parallel.
  for (const o of objs.filter((x) => x.kind === "Namespace")) await create(kc, o)
  await Promise.all(objs.filter((x) => x.kind !== "Namespace").map((o) => create(kc, o)))
  // Extended resource: as in "Advertise Extended Resources for a Node" (status subresource patch).
  const patch = await rawRequest(
    kc,
    "PATCH",
    "/api/v1/nodes/demo-gpu-node-1/status",
    [{ op: "add", path: "/status/capacity", value: { cpu: "8", memory: "32Gi", pods: "110", "example.com/gpu": "4" } }],
    "application/json-patch+json",
  )
  if (patch.status !== 200) throw new Error(`node status patch: ${patch.status} ${patch.body.slice(0, 300)}`)
  return { ...(mapVersion ? { mapVersion } : {}), ...(draVersion ? { draVersion } : {}) }
}
