// Policy APIs for a team namespace: Namespace (Pod Security labels), ResourceQuota, LimitRange,
// default-deny NetworkPolicy (+ DNS egress), and Role/RoleBinding for the team's group.
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { kustomization, makefile, readme } from "../builders"
import { dnsLabel, int, k8sMinor, subjectName } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc, yamlDocs } from "../yaml"
import { appLabels } from "./common"

const schema = z
  .object({
    team: dnsLabel().default("team-a"),
    adminGroup: subjectName().default("team-a-admins"),
    cpu: int(1, 512, 8),
    memory: int(1, 2048, 16),
    k8s: k8sMinor(),
  })
  .strict()
type Options = z.output<typeof schema>

function generatePolicyApis(o: Options) {
  const ns = o.team
  const labels = appLabels(o.team, "policy")
  const objects = {
    namespace: {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: ns,
        labels: {
          ...labels,
          "pod-security.kubernetes.io/enforce": "restricted",
          "pod-security.kubernetes.io/enforce-version": "latest",
          "pod-security.kubernetes.io/warn": "restricted",
        },
      },
    },
    quota: {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: { name: "team-quota", namespace: ns, labels },
      spec: {
        hard: {
          "requests.cpu": String(o.cpu),
          "requests.memory": `${o.memory}Gi`,
          "limits.memory": `${o.memory * 2}Gi`,
          pods: "100",
          services: "20",
          "services.loadbalancers": "0",
          "persistentvolumeclaims": "20",
        },
      },
    },
    limits: {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "container-defaults", namespace: ns, labels },
      spec: {
        limits: [
          {
            type: "Container",
            defaultRequest: { cpu: "100m", memory: "128Mi" },
            default: { memory: "512Mi" },
            max: { memory: "8Gi" },
          },
        ],
      },
    },
    denyAll: {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "default-deny", namespace: ns, labels },
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    },
    allow: {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "allow-same-namespace-and-dns", namespace: ns, labels },
      spec: {
        podSelector: {},
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [
          { to: [{ podSelector: {} }] },
          {
            to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
        ],
      },
    },
    roleBinding: {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "team-admins", namespace: ns, labels },
      // The built-in "admin" ClusterRole, bound only inside this namespace; it cannot change
      // the quota, limit range or namespace itself.
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "admin" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: o.adminGroup }],
    },
    viewRole: {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: { name: "quota-viewer", namespace: ns, labels },
      rules: [{ apiGroups: [""], resources: ["resourcequotas", "limitranges"], verbs: ["get", "list", "watch"] }],
    },
    viewBinding: {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "quota-viewer", namespace: ns, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "quota-viewer" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: o.adminGroup }],
    },
  }
  const files: StarterFile[] = [
    { path: "deploy/namespace.yaml", content: yamlDoc(objects.namespace) },
    { path: "deploy/resourcequota.yaml", content: yamlDoc(objects.quota) },
    { path: "deploy/limitrange.yaml", content: yamlDoc(objects.limits) },
    { path: "deploy/networkpolicy.yaml", content: yamlDocs([objects.denyAll, objects.allow]) },
    { path: "deploy/rbac.yaml", content: yamlDocs([objects.roleBinding, objects.viewRole, objects.viewBinding]) },
    kustomization("deploy", { resources: ["namespace.yaml", "resourcequota.yaml", "limitrange.yaml", "networkpolicy.yaml", "rbac.yaml"] }),
    {
      path: "test/invalid/privileged-pod.yaml",
      content: yamlDocs(
        [
          {
            apiVersion: "v1",
            kind: "Pod",
            metadata: { name: "privileged", namespace: ns },
            spec: { containers: [{ name: "c", image: "registry.k8s.io/pause:3.10", securityContext: { privileged: true } }] },
          },
        ],
        "Must be rejected: Pod Security (restricted) forbids privileged containers.",
      ),
    },
    makefile(
      [["KUBECTL", "kubectl"]],
      [
        { name: "deploy", help: "Create the team namespace and its policies", recipe: ["$(KUBECTL) apply -k deploy"] },
        { name: "test", help: "Check that a privileged pod is rejected (server-side dry-run)", recipe: [`! $(KUBECTL) apply --dry-run=server -f test/invalid/privileged-pod.yaml`] },
        { name: "undeploy", help: "Delete the namespace and everything in it", recipe: ["$(KUBECTL) delete -k deploy --ignore-not-found"] },
      ],
    ),
    readme({
      mechanism: "policy-apis",
      title: `Team namespace policies: ${o.team}`,
      what:
        `Built-in policy APIs for the \`${ns}\` namespace: Pod Security Admission labels (restricted), a ResourceQuota (${o.cpu} CPU, ${o.memory}Gi memory requested), ` +
        "a LimitRange with container defaults, a default-deny NetworkPolicy that allows same-namespace traffic and DNS, and a RoleBinding that gives " +
        `the group \`${o.adminGroup}\` the built-in \`admin\` role inside the namespace only. No code, no webhooks: kube-apiserver and your network plugin enforce these.`,
      k8s: o.k8s,
      versionNotes: ["All objects use stable `v1` APIs available on every supported minor. NetworkPolicy needs a network plugin that enforces it."],
      files: [
        { path: "deploy/*.yaml", purpose: "Namespace, ResourceQuota, LimitRange, NetworkPolicies, RBAC" },
        { path: "test/invalid/privileged-pod.yaml", purpose: "a Pod that Pod Security must reject" },
      ],
      deploy: ["make deploy"],
      test: ["make test", `kubectl describe resourcequota team-quota -n ${ns}`],
      nextSteps: [
        "Add egress rules for the services the team calls (databases, external APIs).",
        "Use a ValidatingAdmissionPolicy for rules the built-in APIs cannot express (labels, image registries).",
        "Template this per team with kustomize overlays.",
      ],
    }),
  ]
  return { root: `${o.team}-policies`, files }
}

export const policyApisStarter = defineStarter({
  id: "policy-apis",
  schema,
  languages: [],
  targets: KUBERNETES_MINORS,
  variants: [],
  generate: generatePolicyApis,
})
