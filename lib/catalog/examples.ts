// Minimal example objects shown on each mechanism's guide page. Data only: apiVersions of the
// mechanism's own kinds come from the catalog, so an example never shows a version that the
// chosen Kubernetes minor does not serve.
import { stringify } from "yaml"

import { atLeast } from "./helpers"
import { apiVersionAt, getMechanism } from "./index"
import type { KubernetesMinor, MechanismId } from "./types"

export type ExampleObject = Record<string, unknown>

export type Example =
  /** Kubernetes-style objects (API objects, config files or wire bodies), rendered as YAML documents. */
  | { kind: "yaml"; objects: ExampleObject[] }
  /** A JSON document that is not a Kubernetes object (e.g. a CNI network configuration list). */
  | { kind: "json"; filename: string; object: ExampleObject }
  /** A shell snippet, for mechanisms with no object to show (kubectl plugins, proxy flags). */
  | { kind: "shell"; filename?: string; script: string }

// Kinds outside a mechanism's own apiObjects that examples use alongside it. All stable core APIs,
// unchanged across 1.30–1.37.
const STABLE_CORE: Record<string, string> = {
  Pod: "v1",
  Deployment: "apps/v1",
  ServiceAccount: "v1",
  PersistentVolumeClaim: "v1",
  Role: "rbac.authorization.k8s.io/v1",
  RoleBinding: "rbac.authorization.k8s.io/v1",
  ClusterRole: "rbac.authorization.k8s.io/v1",
  Namespace: "v1",
  Service: "v1",
  // The AdmissionConfiguration that carries plugin settings (apiserver.config.k8s.io/v1 on every supported minor).
  AdmissionConfiguration: "apiserver.config.k8s.io/v1",
}

class Unavailable extends Error {}

/**
 * The apiVersion of `kind` at `minor`: the mechanism's catalog entry decides for its own kinds;
 * throws Unavailable when the catalog says the kind is not served at that minor.
 */
function versionOf(id: MechanismId, kind: string, minor: KubernetesMinor): string {
  const own = getMechanism(id).apiObjects.find((o) => o.kind === kind)
  if (own) {
    const v = apiVersionAt(own, minor)
    if (v === undefined) throw new Unavailable(kind)
    return v
  }
  const core = STABLE_CORE[kind]
  if (!core) throw new Error(`examples.ts: no apiVersion source for kind ${kind} (${id})`)
  return core
}

type Ctx = {
  minor: KubernetesMinor
  /** `{ apiVersion, kind }` for a kind, catalog-driven. */
  head: (kind: string) => { apiVersion: string; kind: string }
}

const KUBECTL_PLUGIN_SCRIPT = `#!/usr/bin/env bash
# Save as "kubectl-hello" somewhere on your PATH, then: chmod +x kubectl-hello
# Run it as: kubectl hello [name]
set -euo pipefail

if [[ "\${1:-}" == "version" ]]; then
  echo "1.0.0"
  exit 0
fi

# Plugins inherit kubectl's environment, so KUBECONFIG and the current context apply as usual.
context="$(kubectl config current-context)"
echo "Hello, \${1:-world}! Your current context is \${context}."
`

const AUTHENTICATING_PROXY_FLAGS = `# kube-apiserver flags that trust an authenticating proxy.
# Only client certificates signed by this CA (and with an allowed CN) may set identity headers.
kube-apiserver \\
  --requestheader-client-ca-file=/etc/kubernetes/pki/proxy-client-ca.crt \\
  --requestheader-allowed-names=auth-proxy \\
  --requestheader-username-headers=X-Remote-User \\
  --requestheader-group-headers=X-Remote-Group \\
  --requestheader-extra-headers-prefix=X-Remote-Extra-
`

const ALWAYS_PULL_IMAGES_FLAGS = `# kube-apiserver flag: add AlwaysPullImages to the plugins that are on by default.
# Every new Pod then gets imagePullPolicy: Always, so the kubelet checks the Pod's own
# pull credentials even when the image is already on the node.
kube-apiserver \\
  --enable-admission-plugins=NodeRestriction,AlwaysPullImages
`

const CONTAINERD_NRI_SETUP = `# On a node with containerd 2.x, NRI is on by default; check it and see where plugins live.
containerd config dump | grep -A6 "io.containerd.nri.v1.nri"
#   disable = false
#   socket_path = '/var/run/nri/nri.sock'
#   plugin_path = '/opt/nri/plugins'

# A pre-registered plugin is an executable named <index>-<name>; containerd starts it and
# sends it the Pod and container events it subscribes to (e.g. CreateContainer).
sudo install -m 0755 ./device-injector /opt/nri/plugins/10-device-injector
sudo systemctl restart containerd

# A plugin can also run as a DaemonSet that connects to /var/run/nri/nri.sock itself.
`

const BUILDERS: Record<MechanismId, (c: Ctx) => Example> = {
  "kubectl-plugin": () => ({ kind: "shell", filename: "kubectl-hello", script: KUBECTL_PLUGIN_SCRIPT }),

  "exec-credential-plugin": ({ head, minor }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("Config"),
        clusters: [{ name: "prod", cluster: { server: "https://prod.example.com:6443" } }],
        users: [
          {
            name: "sso-user",
            user: {
              exec: {
                apiVersion: versionOf("exec-credential-plugin", "ExecCredential", minor),
                command: "example-login",
                args: ["get-token"],
                interactiveMode: "IfAvailable",
                provideClusterInfo: false,
                installHint: "Install example-login from https://example.com/login",
              },
            },
          },
        ],
        contexts: [{ name: "prod", context: { cluster: "prod", user: "sso-user" } }],
        "current-context": "prod",
      },
      {
        // What the plugin prints on stdout.
        ...head("ExecCredential"),
        status: { token: "<token>", expirationTimestamp: "2026-11-25T13:00:00Z" },
      },
    ],
  }),

  "authentication-webhook": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        // --authentication-token-webhook-config-file
        ...head("Config"),
        clusters: [
          {
            name: "token-authenticator",
            cluster: {
              server: "https://authn.example.com/authenticate",
              "certificate-authority": "/etc/kubernetes/pki/authn-ca.crt",
            },
          },
        ],
        users: [
          {
            name: "kube-apiserver",
            user: {
              "client-certificate": "/etc/kubernetes/pki/authn-client.crt",
              "client-key": "/etc/kubernetes/pki/authn-client.key",
            },
          },
        ],
        contexts: [{ name: "webhook", context: { cluster: "token-authenticator", user: "kube-apiserver" } }],
        "current-context": "webhook",
      },
      {
        // The answer your service returns for a valid token.
        ...head("TokenReview"),
        status: {
          authenticated: true,
          user: { username: "jane@example.com", uid: "42", groups: ["developers"] },
        },
      },
    ],
  }),

  "structured-authentication": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("AuthenticationConfiguration"),
        jwt: [
          {
            issuer: { url: "https://issuer.example.com", audiences: ["kubernetes"] },
            claimMappings: {
              username: { claim: "email", prefix: "oidc:" },
              groups: { claim: "groups", prefix: "oidc:" },
            },
            claimValidationRules: [
              { expression: "claims.email_verified == true", message: "email must be verified" },
            ],
          },
        ],
      },
    ],
  }),

  "authenticating-proxy": () => ({ kind: "shell", script: AUTHENTICATING_PROXY_FLAGS }),

  "authorization-webhook": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        // --authorization-config
        ...head("AuthorizationConfiguration"),
        authorizers: [
          { type: "Node", name: "node" },
          {
            type: "Webhook",
            name: "team-policy.example.com",
            webhook: {
              timeout: "3s",
              subjectAccessReviewVersion: "v1",
              matchConditionSubjectAccessReviewVersion: "v1",
              failurePolicy: "NoOpinion",
              authorizedTTL: "5m",
              unauthorizedTTL: "30s",
              connectionInfo: {
                type: "KubeConfigFile",
                kubeConfigFile: "/etc/kubernetes/authz-webhook.kubeconfig",
              },
              // Skip the webhook for system users: RBAC already covers them.
              matchConditions: [{ expression: "!request.user.startsWith('system:')" }],
            },
          },
          { type: "RBAC", name: "rbac" },
        ],
      },
      {
        // The answer your service returns: allowed, or allowed: false (+ denied: true for a hard deny).
        ...head("SubjectAccessReview"),
        status: { allowed: true, reason: "team-a may read its own namespace" },
      },
    ],
  }),

  "validating-admission-policy": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("ValidatingAdmissionPolicy"),
        metadata: { name: "max-replicas.example.com" },
        spec: {
          failurePolicy: "Fail",
          matchConstraints: {
            resourceRules: [
              { apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"] },
            ],
          },
          validations: [
            { expression: "object.spec.replicas <= 5", message: "at most 5 replicas in this namespace" },
          ],
        },
      },
      {
        ...head("ValidatingAdmissionPolicyBinding"),
        metadata: { name: "max-replicas-test.example.com" },
        spec: {
          policyName: "max-replicas.example.com",
          validationActions: ["Deny"],
          matchResources: { namespaceSelector: { matchLabels: { environment: "test" } } },
        },
      },
    ],
  }),

  "mutating-admission-policy": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("MutatingAdmissionPolicy"),
        metadata: { name: "default-team-label.example.com" },
        spec: {
          failurePolicy: "Fail",
          reinvocationPolicy: "Never",
          matchConstraints: {
            resourceRules: [
              { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"] },
            ],
          },
          matchConditions: [
            { name: "no-team-label", expression: "!has(object.metadata.labels) || !('team' in object.metadata.labels)" },
          ],
          mutations: [
            {
              patchType: "ApplyConfiguration",
              applyConfiguration: {
                expression: 'Object{metadata: Object.metadata{labels: {"team": "unassigned"}}}',
              },
            },
          ],
        },
      },
      {
        ...head("MutatingAdmissionPolicyBinding"),
        metadata: { name: "default-team-label-binding.example.com" },
        spec: { policyName: "default-team-label.example.com" },
      },
    ],
  }),

  "validating-admission-webhook": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("ValidatingWebhookConfiguration"),
        metadata: { name: "pod-policy.example.com" },
        webhooks: [
          {
            name: "pod-policy.example.com",
            rules: [
              { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"], scope: "Namespaced" },
            ],
            // Never send kube-system traffic to the webhook: it must not block the cluster's own Pods.
            namespaceSelector: {
              matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["kube-system"] }],
            },
            clientConfig: {
              service: { namespace: "policy-system", name: "pod-policy", path: "/validate" },
              caBundle: "<base64 CA bundle>",
            },
            admissionReviewVersions: ["v1"],
            sideEffects: "None",
            failurePolicy: "Fail",
            timeoutSeconds: 5,
          },
        ],
      },
    ],
  }),

  "mutating-admission-webhook": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("MutatingWebhookConfiguration"),
        metadata: { name: "sidecar-injector.example.com" },
        webhooks: [
          {
            name: "sidecar-injector.example.com",
            rules: [
              { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"], scope: "Namespaced" },
            ],
            namespaceSelector: { matchLabels: { "sidecar-injection": "enabled" } },
            // CEL filter evaluated in kube-apiserver: Pods that opted out are never sent.
            matchConditions: [
              {
                name: "not-opted-out",
                expression: "!has(object.metadata.annotations) || object.metadata.annotations['example.com/inject'] != 'false'",
              },
            ],
            clientConfig: {
              service: { namespace: "injector-system", name: "sidecar-injector", path: "/mutate" },
              caBundle: "<base64 CA bundle>",
            },
            admissionReviewVersions: ["v1"],
            sideEffects: "None",
            failurePolicy: "Fail",
            reinvocationPolicy: "IfNeeded",
            timeoutSeconds: 5,
          },
        ],
      },
    ],
  }),

  "image-policy-webhook": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        // --admission-control-config-file (with ImagePolicyWebhook in --enable-admission-plugins)
        ...head("AdmissionConfiguration"),
        plugins: [
          {
            name: "ImagePolicyWebhook",
            configuration: {
              imagePolicy: {
                kubeConfigFile: "/etc/kubernetes/image-policy.kubeconfig",
                allowTTL: 50,
                denyTTL: 50,
                retryBackoff: 500,
                defaultAllow: false,
              },
            },
          },
        ],
      },
      {
        // What kube-apiserver sends to your backend.
        ...head("ImageReview"),
        spec: {
          containers: [{ image: "registry.example.com/team/app:1.4.2" }],
          annotations: { "mycluster.image-policy.k8s.io/ticket-1234": "break-glass" },
          namespace: "team-a",
        },
      },
    ],
  }),

  "pod-security-admission": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        // The usual way: labels on the namespace (warn and audit first, then enforce).
        ...head("Namespace"),
        metadata: {
          name: "team-a",
          labels: {
            "pod-security.kubernetes.io/enforce": "baseline",
            "pod-security.kubernetes.io/enforce-version": "latest",
            "pod-security.kubernetes.io/warn": "restricted",
            "pod-security.kubernetes.io/audit": "restricted",
          },
        },
      },
      {
        // Optional cluster-wide defaults and exemptions: --admission-control-config-file
        ...head("AdmissionConfiguration"),
        plugins: [
          {
            name: "PodSecurity",
            configuration: {
              ...head("PodSecurityConfiguration"),
              defaults: { enforce: "baseline", "enforce-version": "latest", audit: "restricted", warn: "restricted" },
              exemptions: { usernames: [], runtimeClasses: [], namespaces: ["kube-system"] },
            },
          },
        ],
      },
    ],
  }),

  "always-pull-images": () => ({ kind: "shell", script: ALWAYS_PULL_IMAGES_FLAGS }),

  "custom-resource-definition": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("CustomResourceDefinition"),
        metadata: { name: "backups.example.com" },
        spec: {
          group: "example.com",
          scope: "Namespaced",
          names: { plural: "backups", singular: "backup", kind: "Backup", shortNames: ["bk"] },
          versions: [
            {
              name: "v1",
              served: true,
              storage: true,
              schema: {
                openAPIV3Schema: {
                  type: "object",
                  properties: {
                    spec: {
                      type: "object",
                      required: ["schedule", "retentionDays"],
                      properties: {
                        schedule: { type: "string" },
                        retentionDays: { type: "integer", minimum: 1, maximum: 365 },
                      },
                      "x-kubernetes-validations": [
                        {
                          rule: "self.schedule.split(' ').size() == 5",
                          message: "schedule must be a five-field cron expression",
                        },
                      ],
                    },
                    status: { type: "object", properties: { lastRun: { type: "string", format: "date-time" } } },
                  },
                },
              },
              subresources: { status: {} },
            },
          ],
        },
      },
      {
        apiVersion: "example.com/v1",
        kind: "Backup",
        metadata: { name: "nightly", namespace: "team-a" },
        spec: { schedule: "0 2 * * *", retentionDays: 14 },
      },
    ],
  }),

  "crd-conversion-webhook": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        // Two served versions, v1 stored; the webhook converts between them.
        ...head("CustomResourceDefinition"),
        metadata: { name: "backups.example.com" },
        spec: {
          group: "example.com",
          scope: "Namespaced",
          names: { plural: "backups", singular: "backup", kind: "Backup" },
          conversion: {
            strategy: "Webhook",
            webhook: {
              conversionReviewVersions: ["v1"],
              clientConfig: {
                service: { namespace: "backup-system", name: "backup-conversion", path: "/convert", port: 443 },
                caBundle: "<base64 CA bundle>",
              },
            },
          },
          versions: [
            {
              name: "v1",
              served: true,
              storage: true,
              schema: {
                openAPIV3Schema: {
                  type: "object",
                  properties: { spec: { type: "object", properties: { schedule: { type: "string" }, retentionDays: { type: "integer" } } } },
                },
              },
            },
            {
              name: "v2",
              served: true,
              storage: false,
              schema: {
                openAPIV3Schema: {
                  type: "object",
                  properties: {
                    spec: {
                      type: "object",
                      properties: {
                        schedule: { type: "string" },
                        retention: { type: "object", properties: { days: { type: "integer" } } },
                      },
                    },
                  },
                },
              },
            },
          ],
        },
      },
      {
        // What the webhook answers: the same objects in the desired version, uid copied from the request.
        ...head("ConversionReview"),
        response: {
          uid: "705ab4f5-6393-11e8-b7cc-42010a800002",
          result: { status: "Success" },
          convertedObjects: [
            {
              apiVersion: "example.com/v2",
              kind: "Backup",
              metadata: { name: "nightly", namespace: "team-a" },
              spec: { schedule: "0 2 * * *", retention: { days: 14 } },
            },
          ],
        },
      },
    ],
  }),

  "api-aggregation": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("APIService"),
        metadata: { name: "v1alpha1.metrics.example.com" },
        spec: {
          group: "metrics.example.com",
          version: "v1alpha1",
          groupPriorityMinimum: 1000,
          versionPriority: 15,
          service: { namespace: "example-system", name: "example-apiserver", port: 443 },
          caBundle: "<base64 CA bundle>",
        },
      },
    ],
  }),

  "scheduler-configuration": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("KubeSchedulerConfiguration"),
        profiles: [
          { schedulerName: "default-scheduler" },
          {
            // Pods with spec.schedulerName: bin-packing get a profile that fills nodes up first.
            schedulerName: "bin-packing",
            pluginConfig: [
              {
                name: "NodeResourcesFit",
                args: {
                  scoringStrategy: {
                    type: "MostAllocated",
                    resources: [
                      { name: "cpu", weight: 1 },
                      { name: "memory", weight: 1 },
                    ],
                  },
                },
              },
            ],
          },
        ],
      },
    ],
  }),

  "scheduler-plugin": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("KubeSchedulerConfiguration"),
        leaderElection: { leaderElect: false },
        profiles: [
          {
            schedulerName: "example-scheduler",
            plugins: {
              // ExampleZoneScore is the name your plugin registers with app.WithPlugin.
              score: { enabled: [{ name: "ExampleZoneScore", weight: 2 }] },
            },
            pluginConfig: [{ name: "ExampleZoneScore", args: { preferredZone: "zone-a" } }],
          },
        ],
      },
    ],
  }),

  "scheduler-extender": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("KubeSchedulerConfiguration"),
        profiles: [{ schedulerName: "extended-scheduler" }],
        extenders: [
          {
            urlPrefix: "http://scheduler-extender.kube-system.svc:8888",
            filterVerb: "filter",
            prioritizeVerb: "prioritize",
            weight: 1,
            httpTimeout: "5s",
            nodeCacheCapable: false,
            // If the extender is unreachable, schedule without it instead of leaving Pods Pending.
            ignorable: true,
          },
        ],
      },
    ],
  }),

  "multiple-schedulers": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("KubeSchedulerConfiguration"),
        leaderElection: { leaderElect: false },
        profiles: [{ schedulerName: "my-scheduler" }],
      },
      {
        ...head("Pod"),
        metadata: { name: "batch-job-runner" },
        spec: {
          schedulerName: "my-scheduler",
          containers: [{ name: "main", image: "registry.k8s.io/pause:3.10" }],
        },
      },
    ],
  }),

  "priority-class": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("PriorityClass"),
        metadata: { name: "business-critical" },
        value: 100000,
        globalDefault: false,
        preemptionPolicy: "PreemptLowerPriority",
        description: "Customer-facing services; may preempt batch work.",
      },
      {
        ...head("PriorityClass"),
        metadata: { name: "batch-low" },
        value: 1000,
        preemptionPolicy: "Never",
        description: "Batch jobs: wait for room instead of preempting others.",
      },
      {
        ...head("Pod"),
        metadata: { name: "checkout", namespace: "shop" },
        spec: { priorityClassName: "business-critical", containers: [{ name: "app", image: "registry.example.com/shop/checkout:2.3.0" }] },
      },
    ],
  }),

  "gang-scheduling": ({ head, minor }) => {
    const pod = (spec: Record<string, unknown>) => ({
      ...head("Pod"),
      metadata: { name: "worker-0", namespace: "ml" },
      spec: { ...spec, containers: [{ name: "trainer", image: "registry.example.com/ml/trainer:1.0" }] },
    })
    if (!atLeast(minor, "1.36")) {
      // 1.35 (v1alpha1): the gang is a pod group inside a Workload; Pods point to it with workloadRef.
      return {
        kind: "yaml",
        objects: [
          {
            ...head("Workload"),
            metadata: { name: "training", namespace: "ml" },
            spec: { podGroups: [{ name: "workers", policy: { gang: { minCount: 4 } } }] },
          },
          pod({ workloadRef: { name: "training", podGroup: "workers" } }),
        ],
      }
    }
    // 1.36+: PodGroup is its own object (a controller usually creates it from a Workload template).
    return {
      kind: "yaml",
      objects: [
        {
          ...head("PodGroup"),
          metadata: { name: "training-workers", namespace: "ml" },
          spec: { schedulingPolicy: { gang: { minCount: 4 } } },
        },
        pod({ schedulingGroup: { podGroupName: "training-workers" } }),
      ],
    }
  },

  controller: ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        // A controller is an ordinary API client: grant it exactly what it watches and changes.
        ...head("Role"),
        metadata: { name: "configmap-syncer", namespace: "team-a" },
        rules: [
          { apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch", "update", "patch"] },
          { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["get", "create", "update"] },
        ],
      },
      {
        ...head("Deployment"),
        metadata: { name: "configmap-syncer", namespace: "team-a" },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "configmap-syncer" } },
          template: {
            metadata: { labels: { app: "configmap-syncer" } },
            spec: {
              serviceAccountName: "configmap-syncer",
              containers: [
                { name: "controller", image: "registry.example.com/configmap-syncer:0.1.0", args: ["--leader-elect"] },
              ],
            },
          },
        },
      },
    ],
  }),

  operator: ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("CustomResourceDefinition"),
        metadata: { name: "databases.example.com" },
        spec: {
          group: "example.com",
          scope: "Namespaced",
          names: { plural: "databases", singular: "database", kind: "Database" },
          versions: [
            {
              name: "v1alpha1",
              served: true,
              storage: true,
              subresources: { status: {} },
              schema: {
                openAPIV3Schema: {
                  type: "object",
                  properties: {
                    spec: {
                      type: "object",
                      properties: {
                        version: { type: "string" },
                        replicas: { type: "integer", minimum: 1 },
                        backupSchedule: { type: "string" },
                      },
                    },
                    status: {
                      type: "object",
                      properties: { phase: { type: "string" }, readyReplicas: { type: "integer" } },
                    },
                  },
                },
              },
            },
          ],
        },
      },
      {
        apiVersion: "example.com/v1alpha1",
        kind: "Database",
        metadata: { name: "orders", namespace: "shop" },
        spec: { version: "16.4", replicas: 3, backupSchedule: "0 3 * * *" },
      },
    ],
  }),

  "cni-plugin": ({ minor }) => {
    const cni = getMechanism("cni-plugin").interfaces?.[0]?.versions[minor]
    if (!cni) throw new Unavailable("CNI")
    return {
      kind: "json",
      filename: "/etc/cni/net.d/10-example.conflist",
      object: {
        cniVersion: cni,
        name: "example-pod-network",
        plugins: [
          {
            type: "bridge",
            bridge: "cni0",
            isGateway: true,
            ipMasq: true,
            ipam: { type: "host-local", ranges: [[{ subnet: "10.244.1.0/24" }]], routes: [{ dst: "0.0.0.0/0" }] },
          },
          { type: "portmap", capabilities: { portMappings: true } },
        ],
      },
    }
  },

  "device-plugin": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        // The plugin advertises example.com/fpga; Pods ask for whole devices in limits.
        ...head("Pod"),
        metadata: { name: "fpga-job" },
        spec: {
          containers: [
            {
              name: "main",
              image: "registry.example.com/fpga-job:1.0",
              resources: { limits: { "example.com/fpga": 1 } },
            },
          ],
        },
      },
    ],
  }),

  "dra-driver": ({ head, minor }) => {
    if (!atLeast(minor, "1.31")) {
      // 1.30 served the classic v1alpha2 API: ResourceClass + parameters, Pod claims via `source`.
      return {
        kind: "yaml",
        objects: [
          { ...head("ResourceClass"), metadata: { name: "example-gpu" }, driverName: "gpu.example.com" },
          {
            ...head("ResourceClaimTemplate"),
            metadata: { name: "one-gpu" },
            spec: { spec: { resourceClassName: "example-gpu" } },
          },
          {
            ...head("Pod"),
            metadata: { name: "inference" },
            spec: {
              resourceClaims: [{ name: "gpu", source: { resourceClaimTemplateName: "one-gpu" } }],
              containers: [
                { name: "main", image: "registry.example.com/inference:1.0", resources: { claims: [{ name: "gpu" }] } },
              ],
            },
          },
        ],
      }
    }
    // v1beta2 and v1 wrap a specific request in `exactly`; v1alpha3 and v1beta1 do not.
    const request = atLeast(minor, "1.33")
      ? { name: "gpu", exactly: { deviceClassName: "gpu.example.com" } }
      : { name: "gpu", deviceClassName: "gpu.example.com" }
    return {
      kind: "yaml",
      objects: [
        {
          ...head("DeviceClass"),
          metadata: { name: "gpu.example.com" },
          spec: { selectors: [{ cel: { expression: "device.driver == 'gpu.example.com'" } }] },
        },
        {
          ...head("ResourceClaimTemplate"),
          metadata: { name: "one-gpu" },
          spec: { spec: { devices: { requests: [request] } } },
        },
        {
          ...head("Pod"),
          metadata: { name: "inference" },
          spec: {
            resourceClaims: [{ name: "gpu", resourceClaimTemplateName: "one-gpu" }],
            containers: [
              { name: "main", image: "registry.example.com/inference:1.0", resources: { claims: [{ name: "gpu" }] } },
            ],
          },
        },
      ],
    }
  },

  "csi-driver": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("CSIDriver"),
        metadata: { name: "disk.csi.example.com" },
        spec: {
          attachRequired: true,
          podInfoOnMount: false,
          fsGroupPolicy: "File",
          volumeLifecycleModes: ["Persistent"],
        },
      },
      {
        ...head("StorageClass"),
        metadata: { name: "fast-disk" },
        provisioner: "disk.csi.example.com",
        parameters: { type: "ssd" },
        reclaimPolicy: "Delete",
        volumeBindingMode: "WaitForFirstConsumer",
        allowVolumeExpansion: true,
      },
      {
        ...head("PersistentVolumeClaim"),
        metadata: { name: "data" },
        spec: {
          accessModes: ["ReadWriteOnce"],
          storageClassName: "fast-disk",
          resources: { requests: { storage: "10Gi" } },
        },
      },
    ],
  }),

  flexvolume: ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        // Deprecated: shown so you can recognise it while migrating to CSI.
        ...head("Pod"),
        metadata: { name: "legacy-flex" },
        spec: {
          containers: [
            { name: "main", image: "registry.k8s.io/pause:3.10", volumeMounts: [{ name: "data", mountPath: "/data" }] },
          ],
          volumes: [
            {
              name: "data",
              flexVolume: { driver: "example.com/nfs", fsType: "nfs", options: { share: "/exports/data" } },
            },
          ],
        },
      },
    ],
  }),

  "image-credential-provider": ({ head, minor }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("CredentialProviderConfig"),
        providers: [
          {
            name: "example-registry-login",
            matchImages: ["*.registry.example.com", "registry.example.com"],
            defaultCacheDuration: "12h",
            apiVersion: versionOf("image-credential-provider", "CredentialProviderRequest", minor),
            args: ["get-credentials"],
          },
        ],
      },
    ],
  }),

  "container-runtime": () => ({ kind: "shell", script: CONTAINERD_NRI_SETUP }),

  "policy-apis": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("ResourceQuota"),
        metadata: { name: "team-a-quota", namespace: "team-a" },
        spec: { hard: { "requests.cpu": "20", "requests.memory": "64Gi", pods: "100" } },
      },
      {
        ...head("LimitRange"),
        metadata: { name: "container-defaults", namespace: "team-a" },
        spec: {
          limits: [
            {
              type: "Container",
              defaultRequest: { cpu: "100m", memory: "128Mi" },
              default: { cpu: "500m", memory: "512Mi" },
            },
          ],
        },
      },
      {
        ...head("NetworkPolicy"),
        metadata: { name: "default-deny-ingress", namespace: "team-a" },
        spec: { podSelector: {}, policyTypes: ["Ingress"] },
      },
      {
        ...head("Role"),
        metadata: { name: "deployer", namespace: "team-a" },
        rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch", "create", "update", "patch"] }],
      },
      {
        ...head("RoleBinding"),
        metadata: { name: "ci-deployer", namespace: "team-a" },
        subjects: [{ kind: "ServiceAccount", name: "ci", namespace: "team-a" }],
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "deployer" },
      },
    ],
  }),
  "runtime-class": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        ...head("RuntimeClass"),
        metadata: { name: "gvisor" },
        // The name of the handler configured in the node's runtime (containerd: runtimes.runsc).
        handler: "runsc",
        overhead: { podFixed: { cpu: "100m", memory: "64Mi" } },
        scheduling: { nodeSelector: { "sandbox.example.com/gvisor": "true" } },
      },
      {
        ...head("Pod"),
        metadata: { name: "untrusted-build", namespace: "ci" },
        spec: { runtimeClassName: "gvisor", containers: [{ name: "build", image: "registry.example.com/ci/builder:5" }] },
      },
    ],
  }),

  "audit-policy": ({ head }) => ({
    kind: "yaml",
    objects: [
      {
        // --audit-policy-file=/etc/kubernetes/audit-policy.yaml (the first matching rule wins)
        ...head("Policy"),
        omitStages: ["RequestReceived"],
        rules: [
          { level: "None", users: ["system:kube-proxy"], verbs: ["watch"] },
          { level: "Metadata", resources: [{ group: "", resources: ["secrets", "configmaps"] }] },
          { level: "RequestResponse", resources: [{ group: "rbac.authorization.k8s.io" }] },
          { level: "Request", verbs: ["create", "update", "patch", "delete"] },
          { level: "Metadata" },
        ],
      },
      {
        // --audit-webhook-config-file: where the webhook backend sends EventList batches
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: "audit-sink", cluster: { server: "https://audit.example.com/k8s-events", "certificate-authority": "/etc/kubernetes/pki/audit-ca.crt" } }],
        users: [{ name: "kube-apiserver", user: { "client-certificate": "/etc/kubernetes/pki/audit-client.crt", "client-key": "/etc/kubernetes/pki/audit-client.key" } }],
        contexts: [{ name: "audit", context: { cluster: "audit-sink", user: "kube-apiserver" } }],
        "current-context": "audit",
      },
    ],
  }),
}

/**
 * The example for a mechanism at a Kubernetes minor, or null when the mechanism's kinds are not
 * served at that minor (e.g. MutatingAdmissionPolicy before 1.32).
 */
export function exampleFor(id: MechanismId, minor: KubernetesMinor): Example | null {
  const head = (kind: string) => ({ apiVersion: versionOf(id, kind, minor), kind })
  try {
    return BUILDERS[id]({ minor, head })
  } catch (e) {
    if (e instanceof Unavailable) return null
    throw e
  }
}

export type ExampleText = { lang: "yaml" | "json" | "bash"; code: string; filename?: string }

/** Serialises an example for display: YAML via the `yaml` library (one document per object). */
export function exampleText(example: Example): ExampleText {
  switch (example.kind) {
    case "yaml":
      return {
        lang: "yaml",
        // lineWidth 0: never fold long CEL expressions onto several lines.
        code: example.objects.map((o) => stringify(o, { lineWidth: 0 })).join("---\n"),
      }
    case "json":
      return { lang: "json", code: `${JSON.stringify(example.object, null, 2)}\n`, filename: example.filename }
    case "shell":
      return { lang: "bash", code: example.script, filename: example.filename }
  }
}
