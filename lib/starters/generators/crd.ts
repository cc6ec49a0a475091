// CustomResourceDefinition starter: a structural schema with OpenAPI and CEL validation, the
// status subresource, printer columns, aggregated view/edit roles, a sample, and rejection
// tests (invalid objects the API server must refuse) run with server-side dry-run.
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { text } from "../code"
import { apiGroup, apiVersion, choice, k8sMinor, kind, namespace } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc, yamlDocs } from "../yaml"
import { appLabels, atLeast, kindNames } from "./common"

const schema = z
  .object({
    group: apiGroup().default("example.com"),
    version: apiVersion().default("v1alpha1"),
    kind: kind().default("Widget"),
    scope: choice(["Namespaced", "Cluster"], "Namespaced"),
    namespace: namespace().default("demo"),
    k8s: k8sMinor(),
  })
  .strict()

export type CrdOptions = z.output<typeof schema>

/** spec.owner may be set once (absent → value) and never changed or removed afterwards. */
export const OWNER_IMMUTABLE_RULE = "!has(oldSelf.owner) || (has(self.owner) && self.owner == oldSelf.owner)"

/** The CRD object; exported for the operator starter, which ships the same API. */
export function crdObject(o: Pick<CrdOptions, "group" | "version" | "kind" | "scope" | "k8s">): Record<string, unknown> {
  const n = kindNames(o.kind, o.group)
  const condition = {
    type: "object",
    required: ["lastTransitionTime", "message", "reason", "status", "type"],
    properties: {
      type: { type: "string", maxLength: 316, pattern: "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$" },
      status: { type: "string", enum: ["True", "False", "Unknown"] },
      observedGeneration: { type: "integer", format: "int64", minimum: 0 },
      lastTransitionTime: { type: "string", format: "date-time" },
      reason: { type: "string", minLength: 1, maxLength: 1024, pattern: "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$" },
      message: { type: "string", maxLength: 32768 },
    },
  }
  const version: Record<string, unknown> = {
    name: o.version,
    served: true,
    storage: true,
    schema: {
      openAPIV3Schema: {
        type: "object",
        description: `${o.kind} is the Schema for the ${n.plural} API.`,
        required: ["spec"],
        properties: {
          apiVersion: { type: "string" },
          kind: { type: "string" },
          metadata: { type: "object" },
          spec: {
            type: "object",
            description: `Desired state of the ${o.kind}.`,
            required: ["size"],
            properties: {
              size: { type: "integer", format: "int32", minimum: 1, maximum: 10, default: 1, description: "How many units to run (1–10)." },
              color: { type: "string", enum: ["red", "green", "blue"], default: "blue", description: "Display color." },
              owner: {
                type: "string",
                maxLength: 63,
                description: "Team that owns this object; cannot change or be removed once set.",
              },
              tags: {
                type: "array",
                maxItems: 10,
                "x-kubernetes-list-type": "set",
                items: { type: "string", maxLength: 63 },
              },
            },
            "x-kubernetes-validations": [
              {
                rule: "self.color != 'red' || self.size <= 5",
                message: `red ${n.plural} can be at most size 5`,
              },
              // On the parent, not on the field: a rule on an optional field is skipped when the
              // field is absent on either side, so "clear it, then set another value" would pass.
              // Transition rules on spec (always present) run on every update (1.30–1.37).
              { rule: OWNER_IMMUTABLE_RULE, message: "owner is immutable once set" },
            ],
          },
          status: {
            type: "object",
            description: `Observed state of the ${o.kind}.`,
            properties: {
              observedGeneration: { type: "integer", format: "int64", minimum: 0 },
              conditions: {
                type: "array",
                "x-kubernetes-list-type": "map",
                "x-kubernetes-list-map-keys": ["type"],
                maxItems: 16,
                items: condition,
              },
            },
          },
        },
      },
    },
    subresources: { status: {} },
    additionalPrinterColumns: [
      { name: "Size", type: "integer", jsonPath: ".spec.size" },
      { name: "Color", type: "string", jsonPath: ".spec.color" },
      { name: "Ready", type: "string", jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
      { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
    ],
  }
  // Field selectors on custom resources are GA (and on) from 1.32.
  if (atLeast(o.k8s, "1.32")) version.selectableFields = [{ jsonPath: ".spec.color" }]
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: n.crdName, labels: appLabels(n.plural, "api") },
    spec: {
      group: o.group,
      names: { kind: o.kind, listKind: `${o.kind}List`, plural: n.plural, singular: n.lower },
      scope: o.scope,
      versions: [version],
    },
  }
}

/** Aggregated roles so namespace viewers/editors/admins get access to the new kind automatically. */
export function aggregatedRoles(o: Pick<CrdOptions, "group" | "kind">): Record<string, unknown>[] {
  const n = kindNames(o.kind, o.group)
  return [
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: {
        name: `${n.crdName}-viewer`,
        labels: { ...appLabels(n.plural, "rbac"), "rbac.authorization.k8s.io/aggregate-to-view": "true" },
      },
      rules: [{ apiGroups: [o.group], resources: [n.plural, `${n.plural}/status`], verbs: ["get", "list", "watch"] }],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: {
        name: `${n.crdName}-editor`,
        labels: {
          ...appLabels(n.plural, "rbac"),
          "rbac.authorization.k8s.io/aggregate-to-edit": "true",
          "rbac.authorization.k8s.io/aggregate-to-admin": "true",
        },
      },
      rules: [{ apiGroups: [o.group], resources: [n.plural], verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"] }],
    },
  ]
}

export function sampleObject(o: Pick<CrdOptions, "group" | "version" | "kind" | "scope" | "namespace">, spec: Record<string, unknown>, name = "sample") {
  const n = kindNames(o.kind, o.group)
  return {
    apiVersion: `${o.group}/${o.version}`,
    kind: o.kind,
    metadata: { name: `${n.lower}-${name}`, ...(o.scope === "Namespaced" ? { namespace: o.namespace } : {}) },
    spec,
  }
}

function generateCrd(o: CrdOptions) {
  const n = kindNames(o.kind, o.group)
  const nsArg = o.scope === "Namespaced" ? ` -n ${o.namespace}` : ""
  const invalid: { file: string; why: string; spec: Record<string, unknown> }[] = [
    { file: "size-too-large.yaml", why: "spec.size is above the schema maximum (10)", spec: { size: 11 } },
    { file: "red-too-large.yaml", why: "the CEL rule limits red objects to size 5", spec: { size: 7, color: "red" } },
    { file: "unknown-field.yaml", why: "spec.colour is not in the schema (strict field validation)", spec: { size: 1, colour: "red" } },
    { file: "bad-color.yaml", why: "spec.color must be one of red, green, blue", spec: { size: 1, color: "purple" } },
  ]
  const files: StarterFile[] = [
    readme({
      mechanism: "custom-resource-definition",
      title: `${o.kind} CustomResourceDefinition (${o.group}/${o.version})`,
      what:
        `Adds the \`${o.kind}\` kind (\`${n.crdName}\`, ${o.scope === "Namespaced" ? "namespaced" : "cluster-scoped"}) to the Kubernetes API. ` +
        "The schema validates with OpenAPI (ranges, enums, lengths) and CEL rules (cross-field and immutability), " +
        "has a status subresource and printer columns. A CRD on its own only stores objects; pair it with a controller to act on them.",
      k8s: o.k8s,
      versionNotes: atLeast(o.k8s, "1.32")
        ? [`\`selectableFields\` lets clients filter with \`--field-selector spec.color=blue\` (GA since 1.32).`]
        : ["Field selectors for custom resources (`selectableFields`) are GA only from 1.32, so this starter leaves them out."],
      files: [
        { path: "deploy/crd.yaml", purpose: "the CustomResourceDefinition" },
        { path: "deploy/rbac.yaml", purpose: "ClusterRoles aggregated into the built-in view, edit and admin roles" },
        { path: "deploy/kustomization.yaml", purpose: "kustomize entry point (`kubectl apply -k deploy`)" },
        { path: `deploy/samples/${n.lower}.yaml`, purpose: `a valid ${o.kind}` },
        { path: "test/invalid/*.yaml", purpose: "objects the API server must reject, one per validation rule" },
        { path: "hack/test-validation.sh", purpose: "server-side dry-run test of the samples and the invalid objects" },
      ],
      deploy: [
        "make install          # kubectl apply -k deploy",
        `kubectl wait --for condition=established crd/${n.crdName}`,
        ...(o.scope === "Namespaced" ? [`kubectl create namespace ${o.namespace}`] : []),
      ],
      test: ["make test             # valid samples accepted, every test/invalid object rejected (server-side dry-run)"],
      try: [
        "make sample           # kubectl apply -f deploy/samples",
        `kubectl get ${n.plural}${nsArg}   # printer columns SIZE, COLOR, READY, AGE`,
        `kubectl apply -f test/invalid/red-too-large.yaml   # rejected: red ${n.plural} can be at most size 5`,
        `kubectl patch ${n.lower} ${n.lower}-sample${nsArg} --type=merge -p '{"spec":{"owner":null}}'   # rejected: owner is immutable once set`,
        `kubectl explain ${n.plural}.spec`,
      ],
      removeNotes: [`Deleting the CRD deletes every \`${o.kind}\` in the cluster with it: \`make uninstall\` removes the sample first, then the CRD and its roles.`],
      remove: ["make uninstall", ...(o.scope === "Namespaced" ? [`kubectl delete namespace ${o.namespace} --ignore-not-found`] : [])],
      nextSteps: [
        "Rename the example fields (`size`, `color`, `owner`, `tags`) to your domain; keep `status` for your controller.",
        "Add a controller (see the controller and operator starters) that reconciles the spec and writes status conditions.",
        "Before you change a served version's schema, add a new version and plan conversion; CEL rules ratchet on updates since 1.33.",
      ],
    }),
    makefile(
      [["KUBECTL", "kubectl"]],
      [
        { name: "install", help: "Install the CRD and its roles", recipe: ["$(KUBECTL) apply -k deploy"] },
        { name: "sample", help: "Create the sample object", recipe: ["$(KUBECTL) apply -f deploy/samples"] },
        { name: "test", help: "Check validation with server-side dry-run", recipe: ["./hack/test-validation.sh"] },
        {
          name: "uninstall",
          help: "Remove the sample, then the CRD (deletes every object of this kind!) and its roles",
          recipe: ["$(KUBECTL) delete -f deploy/samples --ignore-not-found", "$(KUBECTL) delete -k deploy --ignore-not-found --wait"],
        },
      ],
    ),
    gitignore(["*.swp", ".DS_Store"]),
    { path: "deploy/crd.yaml", content: yamlDoc(crdObject(o)) },
    { path: "deploy/rbac.yaml", content: yamlDocs(aggregatedRoles(o)) },
    kustomization("deploy", { resources: ["crd.yaml", "rbac.yaml"] }),
    {
      path: `deploy/samples/${n.lower}.yaml`,
      content: yamlDoc(sampleObject(o, { size: 3, color: "green", owner: "team-a", tags: ["demo"] })),
    },
    ...invalid.map((c) => ({
      path: `test/invalid/${c.file}`,
      content: yamlDocs([sampleObject(o, c.spec, c.file.replace(/\.yaml$/, ""))], `Must be rejected: ${c.why}.`),
    })),
    {
      path: "hack/test-validation.sh",
      executable: true,
      content: text`
        #!/usr/bin/env bash
        # Server-side dry-run checks: the API server runs the real schema and CEL validation
        # without storing anything. Needs the CRD installed (make install).
        set -euo pipefail
        cd "$(dirname "$0")/.."
        KUBECTL="\${KUBECTL:-kubectl}"
        fail=0
        for f in deploy/samples/*.yaml; do
          if "$KUBECTL" apply --dry-run=server --validate=strict -f "$f" >/dev/null; then
            echo "ok    accepted $f"
          else
            echo "FAIL  rejected valid $f"; fail=1
          fi
        done
        for f in test/invalid/*.yaml; do
          if "$KUBECTL" apply --dry-run=server --validate=strict -f "$f" >/dev/null 2>&1; then
            echo "FAIL  accepted invalid $f ($(grep -m1 '^# Must' "$f"))"; fail=1
          else
            echo "ok    rejected $f"
          fi
        done
        exit $fail
      `,
    },
  ]
  return { root: `${n.plural}-crd`, files }
}

export const crdStarter = defineStarter({
  id: "custom-resource-definition",
  schema,
  languages: [],
  targets: KUBERNETES_MINORS,
  variants: [{ name: "cluster-1.30", options: { scope: "Cluster", k8s: "1.30" } }],
  generate: generateCrd,
})
