// ValidatingAdmissionPolicy and MutatingAdmissionPolicy starters: CEL policies that run inside
// kube-apiserver (no server to operate), with bindings, optional params CRD (VAP) and test
// objects. MAP's apiVersion, state, feature gate and runtime-config come from the catalog.
import { z } from "zod"
import { KUBERNETES_MINORS, apiVersionAt, getMechanism, stateAt, type KubernetesMinor } from "@/lib/catalog"
import { kustomization, makefile, readme } from "../builders"
import { fragment, join, text, token, type Safe } from "../code"
import { apiGroup, choice, dnsLabel, flag, k8sMinor, kind, labelKey, labelValue, namespace } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc, yamlDocs } from "../yaml"
import { appLabels, kindNames } from "./common"

type Obj = Record<string, unknown>

/** A CEL string literal (label keys are already restricted to [A-Za-z0-9._/-]). */
const celString = (s: string) => JSON.stringify(s)

const EXCLUDED_NAMESPACES = ["kube-system", "kube-node-lease"]

/**
 * Shell lines a policy test script starts with: it must fail, with a clear message, when the
 * cluster cannot be reached or the objects under test are not installed (so that a missing
 * policy is never mistaken for one that allows everything).
 */
export function policyPreflight(objects: readonly (readonly [string, string])[]): Safe {
  return fragment`
    if ! "$KUBECTL" get --raw=/readyz >/dev/null 2>&1; then
      echo "FAIL  cannot reach the cluster ($KUBECTL get --raw=/readyz failed): check your kubeconfig" >&2
      exit 1
    fi
    for obj in ${join(objects.map(([r, n]) => token(`${r}/${n}`)), " ")}; do
      if ! "$KUBECTL" get "$obj" >/dev/null 2>&1; then
        echo "FAIL  $obj is not installed (make deploy)" >&2
        exit 1
      fi
    done
  `
}

function deployment(name: string, ns: string, labels: Record<string, string>): Obj {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns, ...(Object.keys(labels).length ? { labels } : {}) },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
          containers: [
            {
              name: "app",
              image: "registry.k8s.io/pause:3.10",
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
            },
          ],
        },
      },
    },
  }
}

// ---------------------------------------------------------------- VAP

const vapSchema = z
  .object({
    name: dnsLabel().default("require-team-label"),
    label: labelKey().default("team"),
    validationActions: choice(["Deny", "Warn-Audit"], "Deny"),
    failurePolicy: choice(["Fail", "Ignore"], "Fail"),
    params: flag(false),
    group: apiGroup().default("example.com"),
    paramKind: kind().default("LabelPolicy"),
    namespace: namespace().default("demo"),
    k8s: k8sMinor(),
  })
  .strict()
type VapOptions = z.output<typeof vapSchema>

function generateVap(o: VapOptions) {
  const label = celString(o.label)
  const actions = o.validationActions === "Deny" ? ["Deny"] : ["Warn", "Audit"]
  const policy: Obj = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: { name: o.name, labels: appLabels(o.name, "policy") },
    spec: {
      failurePolicy: o.failurePolicy,
      ...(o.params ? { paramKind: { apiVersion: `${o.group}/v1`, kind: o.paramKind } } : {}),
      matchConstraints: {
        resourceRules: [{ apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"] }],
      },
      variables: [{ name: "labels", expression: "has(object.metadata.labels) ? object.metadata.labels : {}" }],
      validations: o.params
        ? [
            {
              expression: "params.spec.requiredLabels.all(l, l in variables.labels && variables.labels[l] != '')",
              messageExpression:
                "'Deployment ' + object.metadata.name + ' must have the labels ' + params.spec.requiredLabels.join(', ')",
              reason: "Invalid",
            },
          ]
        : [
            {
              expression: `${label} in variables.labels && variables.labels[${label}] != ''`,
              messageExpression: `'Deployment ' + object.metadata.name + ' must have the label ' + ${celString(o.label).replace(/"/g, "'")}`,
              reason: "Invalid",
            },
          ],
    },
  }
  const binding: Obj = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: { name: o.name, labels: appLabels(o.name, "policy") },
    spec: {
      policyName: o.name,
      validationActions: actions,
      ...(o.params ? { paramRef: { name: "default", parameterNotFoundAction: "Deny" } } : {}),
      matchResources: {
        namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: EXCLUDED_NAMESPACES }] },
      },
    },
  }
  const files: StarterFile[] = [
    { path: "deploy/policy.yaml", content: yamlDoc(policy) },
    { path: "deploy/binding.yaml", content: yamlDoc(binding) },
    { path: "test/policy/allowed/labelled.yaml", content: yamlDoc(deployment("labelled", o.namespace, { [o.label]: "payments" })) },
    { path: "test/policy/denied/unlabelled.yaml", content: yamlDoc(deployment("unlabelled", o.namespace, {})) },
  ]
  const resources = ["policy.yaml", "binding.yaml"]
  if (o.params) {
    files.push(
      { path: "deploy/params-crd.yaml", content: yamlDoc(paramsCrd(o)) },
      {
        path: "deploy/params.yaml",
        content: yamlDoc({ apiVersion: `${o.group}/v1`, kind: o.paramKind, metadata: { name: "default" }, spec: { requiredLabels: [o.label] } }),
      },
      { path: "deploy/params-rbac.yaml", content: yamlDocs(paramsRbac(o)) },
    )
    resources.unshift("params-crd.yaml", "params-rbac.yaml")
    resources.push("params.yaml")
  }
  files.push(
    kustomization("deploy", { resources }),
    {
      path: "hack/test-policy.sh",
      executable: true,
      content: text`
        #!/usr/bin/env bash
        # Server-side dry-run against the installed policy: CEL runs in admission, nothing is stored.
        # Fails when the cluster cannot be reached, when the policy or its binding is not installed,
        # and when a denied object is rejected for any other reason than this policy.
        # With validationActions Warn/Audit nothing is denied: the policy's warning counts instead.
        set -euo pipefail
        cd "$(dirname "$0")/.."
        KUBECTL="\${KUBECTL:-kubectl}"
        POLICY='${token(o.name)}'
        BINDING='${token(o.name)}'
        ${policyPreflight([["validatingadmissionpolicy", o.name], ["validatingadmissionpolicybinding", o.name]])}
        fail=0
        for f in test/policy/allowed/*.yaml; do
          if out="$("$KUBECTL" apply --dry-run=server -f "$f" 2>&1)"; then echo "ok    allowed $f"; else echo "FAIL  rejected $f: $out"; fail=1; fi
        done
        for f in test/policy/denied/*.yaml; do
          # A policy takes a moment to take effect after make deploy: an allowed object is retried briefly.
          verdict=""
          for _ in 1 2 3 4 5 6 7 8 9 10; do
            if out="$("$KUBECTL" apply --dry-run=server -f "$f" 2>&1)"; then
              if grep -qF "Validation failed for ValidatingAdmissionPolicy '$POLICY' with binding '$BINDING'" <<<"$out"; then
                verdict="ok    warned $f"; break
              fi
              verdict="FAIL  allowed $f"; sleep 1
            elif grep -qF "ValidatingAdmissionPolicy '$POLICY' with binding '$BINDING' denied request" <<<"$out"; then
              verdict="ok    denied $f"; break
            else
              verdict="FAIL  $f was rejected, but not by $POLICY: $out"; break
            fi
          done
          echo "$verdict"
          [[ "$verdict" == ok* ]] || fail=1
        done
        exit $fail
      `,
    },
    makefile(
      [["KUBECTL", "kubectl"]],
      [
        { name: "deploy", help: "Install the policy and its binding", recipe: ["$(KUBECTL) apply -k deploy"] },
        { name: "test", help: "Dry-run the test Deployments against the installed policy", recipe: ["./hack/test-policy.sh"] },
        { name: "undeploy", help: "Remove the binding and the policy", recipe: ["$(KUBECTL) delete -k deploy --ignore-not-found"] },
      ],
    ),
    readme({
      mechanism: "validating-admission-policy",
      title: `ValidatingAdmissionPolicy: ${o.name}`,
      what:
        `Requires ${o.params ? "the labels listed in a parameter object" : `the \`${o.label}\` label`} on every Deployment, with a CEL rule that kube-apiserver evaluates in-process: ` +
        "no webhook server, no certificates, no network hop. The binding applies it to every namespace except kube-system and kube-node-lease" +
        ` with validationActions \`${actions.join(", ")}\`.`,
      k8s: o.k8s,
      versionNotes: [
        "`admissionregistration.k8s.io/v1` ValidatingAdmissionPolicy is GA on every supported minor (1.30+).",
        ...(getMechanism("validating-admission-policy").states[o.k8s].note ? [getMechanism("validating-admission-policy").states[o.k8s].note!.en] : []),
      ],
      files: [
        { path: "deploy/policy.yaml", purpose: "the ValidatingAdmissionPolicy (matchConstraints, variables, validations)" },
        { path: "deploy/binding.yaml", purpose: "the ValidatingAdmissionPolicyBinding (where and how it is enforced)" },
        ...(o.params
          ? [
              { path: "deploy/params-crd.yaml", purpose: `the ${o.paramKind} parameter CRD` },
              { path: "deploy/params.yaml", purpose: "the parameter object the binding refers to" },
              { path: "deploy/params-rbac.yaml", purpose: "read access for viewers; only cluster admins may change parameters" },
            ]
          : []),
        { path: "test/policy/allowed/*.yaml, test/policy/denied/*.yaml", purpose: "objects the policy must allow / deny" },
        { path: "hack/test-policy.sh", purpose: "server-side dry-run of the test objects" },
      ],
      deploy: [`kubectl create namespace ${o.namespace}   # for the test objects`, "make deploy"],
      test: ["make test   # fails if the cluster is unreachable or the policy is not installed"],
      try: [
        `kubectl apply -f test/policy/denied/unlabelled.yaml   # ${o.validationActions === "Deny" ? "denied" : "admitted with a warning"}`,
        "kubectl apply -f test/policy/allowed/labelled.yaml",
        `kubectl create deployment unlabelled --image=registry.k8s.io/pause:3.10 -n kube-system --dry-run=server   # kube-system is not bound`,
      ],
      removeNotes: ["The binding and the policy go together; removing them stops enforcement at once (no server to drain)."],
      remove: [`kubectl delete -f test/policy/allowed/labelled.yaml --ignore-not-found`, "make undeploy", `kubectl delete namespace ${o.namespace} --ignore-not-found`],
      nextSteps: [
        "Roll out safely (KEP-3488): bind with `validationActions: [Warn, Audit]`, watch warnings and audit annotations, then switch to `[Deny]`.",
        "Narrow `matchResources` (namespaceSelector/objectSelector) or add `matchConditions` to exempt system users.",
        "Move thresholds and lists into the params object so one policy serves several bindings.",
      ],
    }),
  )
  return { root: o.name, files }
}

function paramsCrd(o: VapOptions): Obj {
  const n = kindNames(o.paramKind, o.group)
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: n.crdName, labels: appLabels(o.name, "policy-params") },
    spec: {
      group: o.group,
      names: { kind: o.paramKind, listKind: `${o.paramKind}List`, plural: n.plural, singular: n.lower },
      scope: "Cluster",
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: "object",
              required: ["spec"],
              properties: {
                apiVersion: { type: "string" },
                kind: { type: "string" },
                metadata: { type: "object" },
                spec: {
                  type: "object",
                  required: ["requiredLabels"],
                  properties: {
                    requiredLabels: {
                      type: "array",
                      minItems: 1,
                      maxItems: 20,
                      "x-kubernetes-list-type": "set",
                      items: { type: "string", minLength: 1, maxLength: 316 },
                    },
                  },
                },
              },
            },
          },
        },
      ],
    },
  }
}

function paramsRbac(o: VapOptions): Obj[] {
  const n = kindNames(o.paramKind, o.group)
  // Only cluster admins should change what the policy enforces: no aggregation into edit.
  return [
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: `${n.crdName}-viewer`, labels: { ...appLabels(o.name, "rbac"), "rbac.authorization.k8s.io/aggregate-to-view": "true" } },
      rules: [{ apiGroups: [o.group], resources: [n.plural], verbs: ["get", "list", "watch"] }],
    },
  ]
}

export const vapStarter = defineStarter({
  id: "validating-admission-policy",
  schema: vapSchema,
  languages: [],
  targets: KUBERNETES_MINORS,
  variants: [{ name: "params", options: { params: true, validationActions: "Warn-Audit" } }],
  generate: generateVap,
})

// ---------------------------------------------------------------- MAP

const MAP_MECHANISM = getMechanism("mutating-admission-policy")
/** Minors that serve MutatingAdmissionPolicy at all (alpha included: it can be enabled). */
export const MAP_TARGETS = KUBERNETES_MINORS.filter((m) => stateAt(MAP_MECHANISM, m).maturity !== "unavailable") as KubernetesMinor[]

function mapApiVersion(kindName: string, minor: KubernetesMinor): string {
  const obj = MAP_MECHANISM.apiObjects.find((a) => a.kind === kindName)
  const v = obj ? apiVersionAt(obj, minor) : undefined
  if (!v) throw new Error(`catalog has no ${kindName} apiVersion for ${minor}`)
  return v
}

const mapSchema = z
  .object({
    name: dnsLabel().default("default-team-label"),
    label: labelKey().default("team"),
    value: labelValue().default("unassigned"),
    failurePolicy: choice(["Fail", "Ignore"], "Fail"),
    namespace: namespace().default("demo"),
    k8s: k8sMinor(MAP_TARGETS),
  })
  .strict()
type MapOptions = z.output<typeof mapSchema>

function generateMap(o: MapOptions) {
  const state = stateAt(MAP_MECHANISM, o.k8s)
  const apiVersion = mapApiVersion("MutatingAdmissionPolicy", o.k8s)
  const label = celString(o.label)
  const policy: Obj = {
    apiVersion,
    kind: "MutatingAdmissionPolicy",
    metadata: { name: o.name, labels: appLabels(o.name, "policy") },
    spec: {
      failurePolicy: o.failurePolicy,
      reinvocationPolicy: "Never",
      matchConstraints: {
        resourceRules: [{ apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["deployments"] }],
      },
      // Only mutate when the label is missing, so an explicit value always wins.
      matchConditions: [{ name: "label-missing", expression: `!has(object.metadata.labels) || !(${label} in object.metadata.labels)` }],
      mutations: [
        {
          patchType: "ApplyConfiguration",
          applyConfiguration: {
            expression: `Object{metadata: Object.metadata{labels: {${label}: ${celString(o.value)}}}}`,
          },
        },
      ],
    },
  }
  const binding: Obj = {
    apiVersion: mapApiVersion("MutatingAdmissionPolicyBinding", o.k8s),
    kind: "MutatingAdmissionPolicyBinding",
    metadata: { name: o.name, labels: appLabels(o.name, "policy") },
    spec: {
      policyName: o.name,
      matchResources: {
        namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: EXCLUDED_NAMESPACES }] },
      },
    },
  }
  const flags: string[] = []
  if (!state.enabledByDefault) {
    if (state.featureGate) flags.push(`--feature-gates=${state.featureGate}=true`)
    if (state.runtimeConfig) flags.push(`--runtime-config=${state.runtimeConfig}`)
  }
  const stateLine =
    `MutatingAdmissionPolicy is **${state.maturity.toUpperCase()}** in Kubernetes ${o.k8s} (\`${apiVersion}\`), ` +
    (state.enabledByDefault ? "on by default." : `off by default: start kube-apiserver with \`${flags.join(" ")}\`.`)
  const files: StarterFile[] = [
    { path: "deploy/policy.yaml", content: yamlDoc(policy) },
    { path: "deploy/binding.yaml", content: yamlDoc(binding) },
    kustomization("deploy", { resources: ["policy.yaml", "binding.yaml"] }),
    { path: "test/policy/mutated/unlabelled.yaml", content: yamlDoc(deployment("unlabelled", o.namespace, {})) },
    { path: "test/policy/unchanged/labelled.yaml", content: yamlDoc(deployment("labelled", o.namespace, { [o.label]: "payments" })) },
    {
      path: "hack/test-policy.sh",
      executable: true,
      content: text`
        #!/usr/bin/env bash
        # Server-side dry-run against the installed policy and check the returned labels.
        set -euo pipefail
        cd "$(dirname "$0")/.."
        KUBECTL="\${KUBECTL:-kubectl}"
        LABEL='${token(o.label)}'
        ${policyPreflight([["mutatingadmissionpolicy", o.name], ["mutatingadmissionpolicybinding", o.name]])}
        fail=0
        check() { # file expected-value (a policy takes a moment to take effect after make deploy)
          for _ in 1 2 3 4 5 6 7 8 9 10; do
            got="$("$KUBECTL" create --dry-run=server -f "$1" -o jsonpath="{.metadata.labels['\${LABEL//./\\\\.}']}")"
            [ "$got" = "$2" ] && break
            sleep 1
          done
          if [ "$got" = "$2" ]; then echo "ok    $1 -> $got"; else echo "FAIL  $1: got '$got', want '$2'"; fail=1; fi
        }
        check test/policy/mutated/unlabelled.yaml '${token(o.value)}'
        check test/policy/unchanged/labelled.yaml payments
        exit $fail
      `,
    },
    makefile(
      [["KUBECTL", "kubectl"]],
      [
        { name: "deploy", help: "Install the policy and its binding", recipe: ["$(KUBECTL) apply -k deploy"] },
        { name: "test", help: "Dry-run the test Deployments and check the mutation", recipe: ["./hack/test-policy.sh"] },
        { name: "undeploy", help: "Remove the binding and the policy", recipe: ["$(KUBECTL) delete -k deploy --ignore-not-found"] },
      ],
    ),
    readme({
      mechanism: "mutating-admission-policy",
      title: `MutatingAdmissionPolicy: ${o.name}`,
      what:
        `Adds \`${o.label}: ${o.value}\` to new Deployments that do not set the label, with a CEL apply configuration that kube-apiserver ` +
        "evaluates in-process (no webhook server). A matchCondition skips objects that already have the label.",
      k8s: o.k8s,
      versionNotes: [
        stateLine,
        "apiVersion by minor: 1.32–1.33 `v1alpha1`, 1.34–1.35 `v1beta1` (both off by default), 1.36+ `admissionregistration.k8s.io/v1` (GA, on).",
        ...(state.note ? [state.note.en] : []),
      ],
      files: [
        { path: "deploy/policy.yaml", purpose: "the MutatingAdmissionPolicy" },
        { path: "deploy/binding.yaml", purpose: "the MutatingAdmissionPolicyBinding" },
        { path: "test/policy/**", purpose: "Deployments the policy must mutate / leave unchanged" },
        { path: "hack/test-policy.sh", purpose: "server-side dry-run check of the mutation" },
      ],
      deploy: [
        ...(flags.length ? [`# kube-apiserver needs: ${flags.join(" ")}`] : []),
        `kubectl api-resources --api-group=admissionregistration.k8s.io | grep -i mutatingadmissionpolic`,
        `kubectl create namespace ${o.namespace}   # for the test objects`,
        "make deploy",
      ],
      test: ["make test   # fails if the cluster is unreachable or the policy is not installed"],
      try: [
        "kubectl apply -f test/policy/mutated/unlabelled.yaml",
        `kubectl get deployment unlabelled -n ${o.namespace} -o jsonpath='{.metadata.labels}'   # ${o.label}: ${o.value}`,
      ],
      removeNotes: ["Objects already mutated keep their label; removing the policy only stops future mutations."],
      remove: [`kubectl delete -f test/policy/mutated/unlabelled.yaml --ignore-not-found`, "make undeploy", `kubectl delete namespace ${o.namespace} --ignore-not-found`],
      nextSteps: [
        "Use `patchType: JSONPatch` for list edits (e.g. appending a sidecar) that apply configurations cannot express.",
        "Keep mutations idempotent: reinvocation may run them again after other mutators.",
        "Pair with a ValidatingAdmissionPolicy that checks the final object.",
      ],
    }),
  ]
  return { root: o.name, files }
}

export const mapStarter = defineStarter({
  id: "mutating-admission-policy",
  schema: mapSchema,
  languages: [],
  targets: MAP_TARGETS,
  variants: [{ name: "1.34-beta", options: { k8s: "1.34" } }],
  generate: generateMap,
})

