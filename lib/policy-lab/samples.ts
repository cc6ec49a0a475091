// Built-in sample objects per kind: for each kind one object that follows common practice
// (labels, pinned image, limits, non-root) and one that breaks it (no labels, :latest, privileged,
// host namespaces, many replicas), so a policy shows both outcomes before any YAML is pasted.
import type { K8sObject, ResourceInfo } from "./protocol"

type Variant = "typical" | "risky"
export type Sample = { id: string; variant: Variant; object: K8sObject }

const NS = "team-a"

const goodContainer = {
  name: "app",
  image: "registry.example.com/team-a/web:1.4.2",
  ports: [{ containerPort: 8080 }],
  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
  securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
}

const riskyContainer = {
  name: "debug",
  image: "busybox:latest",
  command: ["sh", "-c", "sleep 3600"],
  securityContext: { privileged: true, capabilities: { add: ["NET_ADMIN", "SYS_ADMIN"] } },
}

const goodPodSpec = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
  containers: [goodContainer],
}

const riskyPodSpec = {
  hostNetwork: true,
  hostPID: true,
  containers: [riskyContainer],
  volumes: [{ name: "host-root", hostPath: { path: "/" } }],
}

const labels = (app: string) => ({ app, team: "team-a", "app.kubernetes.io/name": app })

function workload(apiVersion: string, kind: string, name: string, variant: Variant, extra: Record<string, unknown> = {}): K8sObject {
  const good = variant === "typical"
  return {
    apiVersion,
    kind,
    metadata: { name, namespace: NS, ...(good ? { labels: labels(name) } : {}) },
    spec: {
      ...extra,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: good ? goodPodSpec : riskyPodSpec },
    },
  }
}

const SAMPLES: Record<string, (v: Variant) => K8sObject> = {
  "/pods": (v) => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: v === "typical" ? "web" : "debug-shell", namespace: NS, ...(v === "typical" ? { labels: labels("web") } : {}) },
    spec: v === "typical" ? goodPodSpec : riskyPodSpec,
  }),
  "apps/deployments": (v) => workload("apps/v1", "Deployment", v === "typical" ? "web" : "legacy", v, { replicas: v === "typical" ? 3 : 12 }),
  "apps/statefulsets": (v) => workload("apps/v1", "StatefulSet", v === "typical" ? "db" : "cache", v, { serviceName: "db", replicas: v === "typical" ? 3 : 1 }),
  "apps/daemonsets": (v) => workload("apps/v1", "DaemonSet", v === "typical" ? "log-agent" : "node-debugger", v),
  "apps/replicasets": (v) => workload("apps/v1", "ReplicaSet", v === "typical" ? "web-7d9f" : "orphan", v, { replicas: 2 }),
  "batch/jobs": (v) => ({
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: v === "typical" ? "migrate" : "cleanup", namespace: NS, ...(v === "typical" ? { labels: labels("migrate") } : {}) },
    spec: { backoffLimit: v === "typical" ? 3 : 100, template: { spec: { ...(v === "typical" ? goodPodSpec : riskyPodSpec), restartPolicy: "Never" } } },
  }),
  "batch/cronjobs": (v) => ({
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: v === "typical" ? "report" : "every-minute", namespace: NS, ...(v === "typical" ? { labels: labels("report") } : {}) },
    spec: {
      schedule: v === "typical" ? "0 3 * * *" : "* * * * *",
      jobTemplate: { spec: { template: { spec: { ...(v === "typical" ? goodPodSpec : riskyPodSpec), restartPolicy: "OnFailure" } } } },
    },
  }),
  "/services": (v) => ({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: v === "typical" ? "web" : "exposed", namespace: NS, ...(v === "typical" ? { labels: labels("web") } : {}) },
    spec:
      v === "typical"
        ? { type: "ClusterIP", selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] }
        : { type: "LoadBalancer", selector: { app: "legacy" }, ports: [{ port: 22, targetPort: 22 }], externalIPs: ["203.0.113.10"] },
  }),
  "/configmaps": (v) => ({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: v === "typical" ? "web-config" : "settings", namespace: NS, ...(v === "typical" ? { labels: labels("web") } : {}) },
    data: v === "typical" ? { LOG_LEVEL: "info" } : { DB_PASSWORD: "hunter2" },
  }),
  "/namespaces": (v) => ({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: v === "typical" ? "team-b" : "scratch",
      labels: v === "typical" ? { team: "team-b", "pod-security.kubernetes.io/enforce": "restricted" } : ({} as Record<string, string>),
    },
  }),
  "/persistentvolumeclaims": (v) => ({
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name: v === "typical" ? "data" : "huge", namespace: NS, ...(v === "typical" ? { labels: labels("db") } : {}) },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: v === "typical" ? "10Gi" : "5Ti" } } },
  }),
  "/serviceaccounts": (v) => ({
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name: v === "typical" ? "web" : "default-admin", namespace: NS },
    automountServiceAccountToken: v !== "typical",
  }),
  "networking.k8s.io/ingresses": (v) => ({
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: v === "typical" ? "web" : "wildcard", namespace: NS, ...(v === "typical" ? { labels: labels("web") } : {}) },
    spec: {
      ...(v === "typical" ? { ingressClassName: "nginx", tls: [{ hosts: ["web.example.com"], secretName: "web-tls" }] } : {}),
      rules: [{ host: v === "typical" ? "web.example.com" : "*.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }],
    },
  }),
  "networking.k8s.io/networkpolicies": (v) => ({
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: v === "typical" ? "default-deny" : "allow-all", namespace: NS },
    spec: v === "typical" ? { podSelector: {}, policyTypes: ["Ingress"] } : { podSelector: {}, ingress: [{}], policyTypes: ["Ingress"] },
  }),
  "rbac.authorization.k8s.io/roles": (v) => ({
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "Role",
    metadata: { name: v === "typical" ? "reader" : "everything", namespace: NS },
    rules: v === "typical" ? [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list"] }] : [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }],
  }),
  "rbac.authorization.k8s.io/clusterroles": (v) => ({
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: { name: v === "typical" ? "namespace-viewer" : "super-user" },
    rules: v === "typical" ? [{ apiGroups: [""], resources: ["namespaces"], verbs: ["get", "list"] }] : [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }],
  }),
  "rbac.authorization.k8s.io/rolebindings": (v) => ({
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: v === "typical" ? "readers" : "everyone-admin", namespace: NS },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: v === "typical" ? "Role" : "ClusterRole", name: v === "typical" ? "reader" : "cluster-admin" },
    subjects: [v === "typical" ? { kind: "Group", name: "team-a", apiGroup: "rbac.authorization.k8s.io" } : { kind: "Group", name: "system:authenticated", apiGroup: "rbac.authorization.k8s.io" }],
  }),
  "policy/poddisruptionbudgets": (v) => ({
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: v === "typical" ? "web" : "blocks-drain", namespace: NS },
    spec: { selector: { matchLabels: { app: "web" } }, ...(v === "typical" ? { minAvailable: 1 } : { maxUnavailable: 0 }) },
  }),
  "autoscaling/horizontalpodautoscalers": (v) => ({
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: "web", namespace: NS },
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, minReplicas: v === "typical" ? 2 : 1, maxReplicas: v === "typical" ? 10 : 500 },
  }),
}

export function hasSamples(r: Pick<ResourceInfo, "group" | "resource">): boolean {
  return `${r.group}/${r.resource}` in SAMPLES
}

/** Samples for the resources a policy matches (typical then risky for each). */
export function samplesFor(resources: Pick<ResourceInfo, "group" | "resource">[]): Sample[] {
  const out: Sample[] = []
  for (const r of resources) {
    const make = SAMPLES[`${r.group}/${r.resource}`]
    if (!make) continue
    for (const variant of ["typical", "risky"] as const) {
      const object = make(variant)
      out.push({ id: `${r.group}/${r.resource}/${variant}`, variant, object })
    }
  }
  return out
}

export const SAMPLE_NAMESPACE = NS
