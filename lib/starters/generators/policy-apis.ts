// Policy APIs for a team namespace: Namespace (Pod Security labels), ResourceQuota, LimitRange,
// default-deny NetworkPolicy (+ DNS egress), and Role/RoleBinding for the team's group.
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { kustomization, makefile, readme } from "../builders"
import { text, token } from "../code"
import { policyPreflight } from "./admission-policy"
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
    {
      path: "test/valid/restricted-pod.yaml",
      content: yamlDocs([restrictedPod(ns, "restricted", {})], "Must be accepted: meets Pod Security restricted; the LimitRange fills in its requests."),
    },
    {
      path: "test/invalid/over-quota-pod.yaml",
      content: yamlDocs(
        [restrictedPod(ns, "over-quota", { requests: { cpu: String(o.cpu + 1) }, limits: { cpu: String(o.cpu + 1), memory: "1Gi" } })],
        `Must be rejected: requests more CPU than the ResourceQuota allows (${o.cpu}).`,
      ),
    },
    {
      path: "hack/test-policies.sh",
      executable: true,
      content: text`
        #!/usr/bin/env bash
        # Checks the installed policies with server-side dry-run (nothing is stored): Pod Security
        # rejects a privileged Pod, the ResourceQuota rejects a Pod over it, the LimitRange fills in
        # defaults, and RBAC gives ${token(o.adminGroup)} admin inside ${token(ns)} but not over its quota.
        # Fails when the cluster cannot be reached or the policies are not installed.
        set -euo pipefail
        cd "$(dirname "$0")/.."
        KUBECTL="\${KUBECTL:-kubectl}"
        NS='${token(ns)}'
        ${policyPreflight([["namespace", ns]])}
        for obj in resourcequota/team-quota limitrange/container-defaults networkpolicy/default-deny rolebinding/team-admins; do
          if ! "$KUBECTL" -n "$NS" get "$obj" >/dev/null 2>&1; then
            echo "FAIL  $obj is not installed in $NS (make deploy)" >&2
            exit 1
          fi
        done
        fail=0
        rejected() { # file expected-message
          if out="$("$KUBECTL" create --dry-run=server -f "$1" 2>&1)"; then
            echo "FAIL  accepted $1"; fail=1
          elif grep -qF "$2" <<<"$out"; then
            echo "ok    rejected $1"
          else
            echo "FAIL  $1 rejected for another reason: $out"; fail=1
          fi
        }
        rejected test/invalid/privileged-pod.yaml 'violates PodSecurity "restricted:latest"'
        rejected test/invalid/over-quota-pod.yaml 'exceeded quota: team-quota'
        if cpu="$("$KUBECTL" create --dry-run=server -f test/valid/restricted-pod.yaml -o jsonpath='{.spec.containers[0].resources.requests.cpu}' 2>&1)" && [ "$cpu" = "100m" ]; then
          echo "ok    accepted test/valid/restricted-pod.yaml with the LimitRange's default request (cpu $cpu)"
        else
          echo "FAIL  test/valid/restricted-pod.yaml: $cpu"; fail=1
        fi
        can() { "$KUBECTL" auth can-i "$@" -n "$NS" --as=policy-test --as-group='${token(o.adminGroup)}' 2>/dev/null || true; }
        if [ "$(can create deployments.apps)" = "yes" ]; then echo "ok    ${token(o.adminGroup)} can create Deployments in $NS"; else echo "FAIL  ${token(o.adminGroup)} cannot create Deployments in $NS"; fail=1; fi
        if [ "$(can update resourcequotas)" = "no" ]; then echo "ok    ${token(o.adminGroup)} cannot change the quota"; else echo "FAIL  ${token(o.adminGroup)} can change the quota"; fail=1; fi
        exit $fail
      `,
    },
    makefile(
      [["KUBECTL", "kubectl"]],
      [
        { name: "deploy", help: "Create the team namespace and its policies", recipe: ["$(KUBECTL) apply -k deploy"] },
        { name: "test", help: "Check the installed policies (server-side dry-run)", recipe: ["./hack/test-policies.sh"] },
        { name: "undeploy", help: "Delete the namespace and everything in it", recipe: ["$(KUBECTL) delete -k deploy --ignore-not-found --wait"] },
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
        { path: "test/invalid/over-quota-pod.yaml", purpose: "a Pod the ResourceQuota must reject" },
        { path: "test/valid/restricted-pod.yaml", purpose: "a Pod that passes and gets the LimitRange defaults" },
        { path: "hack/test-policies.sh", purpose: "`make test`: checks every policy on the cluster (fails if it is unreachable or a policy is missing)" },
      ],
      deploy: ["make deploy"],
      test: ["make test"],
      try: [`kubectl describe resourcequota team-quota -n ${ns}`, `kubectl auth can-i --list -n ${ns} --as=someone --as-group=${o.adminGroup}`],
      removeNotes: [`\`make undeploy\` deletes the \`${ns}\` namespace with everything in it (workloads included) and the policies with it.`],
      remove: ["make undeploy"],
      nextSteps: [
        "Add egress rules for the services the team calls (databases, external APIs).",
        "Use a ValidatingAdmissionPolicy for rules the built-in APIs cannot express (labels, image registries).",
        "Template this per team with kustomize overlays.",
      ],
    }),
  ]
  return { root: `${o.team}-policies`, files }
}

function restrictedPod(ns: string, name: string, resources: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: ns },
    spec: {
      securityContext: { runAsNonRoot: true, runAsUser: 65535, seccompProfile: { type: "RuntimeDefault" } },
      containers: [
        {
          name: "c",
          image: "registry.k8s.io/pause:3.10",
          ...(Object.keys(resources).length ? { resources } : {}),
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
        },
      ],
    },
  }
}

export const policyApisStarter = defineStarter({
  id: "policy-apis",
  schema,
  languages: [],
  targets: KUBERNETES_MINORS,
  variants: [],
  generate: generatePolicyApis,
})
