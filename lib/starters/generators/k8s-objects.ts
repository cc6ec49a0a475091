// Builders for the Kubernetes objects many starters deploy (plain objects, rendered by yaml.ts).
import { appLabels } from "./common"

type Obj = Record<string, unknown>

export function namespaceObject(name: string): Obj {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name,
      // Restricted Pod Security: the starters' pods are built to pass it.
      labels: { "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest" },
    },
  }
}

export function serviceAccountObject(name: string, namespace: string, automount: boolean): Obj {
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name, namespace, labels: appLabels(name) },
    automountServiceAccountToken: automount,
  }
}

/** Restricted-PSS container security context. */
export const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
}

export type ServerDeployment = {
  name: string
  namespace: string
  image: string
  args: string[]
  port: number
  replicas: number
  /** Secret with tls.crt/tls.key mounted at /tls; omitted for servers without TLS. */
  tlsSecret?: string
  /** HTTPS or HTTP probe path. */
  probePath: string
  automountToken: boolean
  extraEnv?: Obj[]
}

export function deploymentObject(d: ServerDeployment): Obj {
  const labels = { "app.kubernetes.io/name": d.name }
  const scheme = d.tlsSecret ? "HTTPS" : "HTTP"
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: d.name, namespace: d.namespace, labels: appLabels(d.name, "server") },
    spec: {
      replicas: d.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          serviceAccountName: d.name,
          automountServiceAccountToken: d.automountToken,
          securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
          // Spread replicas over nodes so one node failure cannot take the server down.
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { ...labels } } },
          ],
          containers: [
            {
              name: "server",
              image: d.image,
              args: d.args,
              ports: [{ name: "https", containerPort: d.port, protocol: "TCP" }],
              ...(d.extraEnv ? { env: d.extraEnv } : {}),
              readinessProbe: { httpGet: { path: d.probePath, port: d.port, scheme }, periodSeconds: 5 },
              livenessProbe: { httpGet: { path: d.probePath, port: d.port, scheme }, periodSeconds: 10, failureThreshold: 3 },
              resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } },
              securityContext: RESTRICTED_CONTAINER,
              ...(d.tlsSecret ? { volumeMounts: [{ name: "tls", mountPath: "/tls", readOnly: true }] } : {}),
            },
          ],
          ...(d.tlsSecret ? { volumes: [{ name: "tls", secret: { secretName: d.tlsSecret } }] } : {}),
        },
      },
    },
  }
}

export function serviceObject(name: string, namespace: string, targetPort: number): Obj {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace, labels: appLabels(name, "server") },
    spec: {
      selector: { "app.kubernetes.io/name": name },
      ports: [{ name: "https", port: 443, targetPort, protocol: "TCP" }],
    },
  }
}

export function pdbObject(name: string, namespace: string): Obj {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name, namespace, labels: appLabels(name, "server") },
    spec: { minAvailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": name } } },
  }
}

/** cert-manager: a self-signed Issuer and a serving Certificate for <svc>.<ns>.svc. */
export function certManagerObjects(name: string, namespace: string): Obj[] {
  return [
    {
      apiVersion: "cert-manager.io/v1",
      kind: "Issuer",
      metadata: { name: `${name}-selfsigned`, namespace, labels: appLabels(name, "certificates") },
      spec: { selfSigned: {} },
    },
    {
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: { name: `${name}-serving`, namespace, labels: appLabels(name, "certificates") },
      spec: {
        secretName: `${name}-tls`,
        dnsNames: [`${name}.${namespace}.svc`, `${name}.${namespace}.svc.cluster.local`],
        issuerRef: { kind: "Issuer", name: `${name}-selfsigned` },
        privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
        duration: "2160h",
        renewBefore: "360h",
      },
    },
  ]
}

export type Rule = { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] }

/** ClusterRole + binding for a ServiceAccount. */
export function clusterRbac(name: string, namespace: string, rules: Rule[]): Obj[] {
  return [
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name, labels: appLabels(name, "rbac") }, rules },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name, labels: appLabels(name, "rbac") },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name },
      subjects: [{ kind: "ServiceAccount", name, namespace }],
    },
  ]
}

/** Role + binding in the controller's own namespace (leader election leases, events). */
export function namespacedRbac(name: string, namespace: string, rules: Rule[], suffix = "leader-election"): Obj[] {
  const n = `${name}-${suffix}`
  return [
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: n, namespace, labels: appLabels(name, "rbac") }, rules },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: n, namespace, labels: appLabels(name, "rbac") },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: n },
      subjects: [{ kind: "ServiceAccount", name, namespace }],
    },
  ]
}

export const LEADER_ELECTION_RULES: Rule[] = [
  { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] },
  { apiGroups: ["", "events.k8s.io"], resources: ["events"], verbs: ["create", "patch"] },
]

/** A controller Deployment: HTTP probes on :8081, no Service, no inbound ports needed. */
export function controllerDeploymentObject(d: {
  name: string
  namespace: string
  image: string
  args: string[]
  replicas: number
  probes: { live: string; ready: string }
  env?: Obj[]
}): Obj {
  const labels = { "app.kubernetes.io/name": d.name }
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: d.name, namespace: d.namespace, labels: appLabels(d.name, "controller") },
    spec: {
      replicas: d.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          serviceAccountName: d.name,
          securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
          terminationGracePeriodSeconds: 10,
          containers: [
            {
              name: "manager",
              image: d.image,
              args: d.args,
              ...(d.env?.length ? { env: d.env } : {}),
              ports: [{ name: "probes", containerPort: 8081, protocol: "TCP" }],
              livenessProbe: { httpGet: { path: d.probes.live, port: 8081 }, initialDelaySeconds: 15, periodSeconds: 20 },
              readinessProbe: { httpGet: { path: d.probes.ready, port: 8081 }, initialDelaySeconds: 5, periodSeconds: 10 },
              resources: { requests: { cpu: "10m", memory: "64Mi" }, limits: { memory: "256Mi" } },
              securityContext: RESTRICTED_CONTAINER,
            },
          ],
        },
      },
    },
  }
}
