// From the lab's inputs to the engine's requests: the compile bundle (policy, bindings, params,
// namespaces, CRDs) and one admission request per object.
import type { AuthorizerConfig, Case, CompileRequest, K8sObject, Minor, Operation, ResourceInfo, UserInfo } from "./protocol"
import { groupOf, versionOf, type PolicyBundleParts } from "./parse"
import { builtinResource, equivalentResources } from "./resources"

export const DEFAULT_USER: UserInfo = { username: "jane@example.com", groups: ["developers", "system:authenticated"] }

export type CustomResourceDefinitionLike = {
  spec?: {
    group?: string
    names?: { kind?: string; plural?: string }
    scope?: string
    versions?: { name?: string }[]
  }
}

/** The REST resource an object is sent to: built-in table first, then the CRDs in the input. */
export function resolveResource(obj: Pick<K8sObject, "apiVersion" | "kind">, crds: K8sObject[]): ResourceInfo | undefined {
  const group = groupOf(obj.apiVersion ?? "")
  const version = versionOf(obj.apiVersion ?? "")
  const builtin = builtinResource(group, version, obj.kind ?? "")
  if (builtin) return builtin
  for (const c of crds as CustomResourceDefinitionLike[]) {
    const spec = c.spec
    if (spec?.group === group && spec.names?.kind === obj.kind && spec.names?.plural && spec.versions?.some((v) => v.name === version)) {
      return { group, version, resource: spec.names.plural, kind: obj.kind ?? "", namespaced: spec.scope !== "Cluster" }
    }
  }
  return undefined
}

export function namespaceObject(name: string, labels: Record<string, string> = {}): K8sObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { "kubernetes.io/metadata.name": name, ...labels } },
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  }
}

export type LabBundle = {
  request: CompileRequest
  /** True when the input had no binding and the lab added one (validationActions: [Deny]). */
  syntheticBinding: boolean
  /** Namespaces the objects use that the input did not define (the lab made standard ones). */
  syntheticNamespaces: string[]
}

export function policyKindOf(policy: K8sObject): "ValidatingAdmissionPolicy" | "MutatingAdmissionPolicy" | "CustomResourceDefinition" | undefined {
  const k = policy.kind
  return k === "ValidatingAdmissionPolicy" || k === "MutatingAdmissionPolicy" || k === "CustomResourceDefinition" ? k : undefined
}

export function buildBundle(opts: {
  minor: Minor
  parts: PolicyBundleParts
  objects: K8sObject[]
  extraNamespaces?: K8sObject[]
  authorizer?: AuthorizerConfig
}): LabBundle {
  const { parts } = opts
  const policy = parts.policy!
  const kind = policyKindOf(policy)
  let bindings = parts.bindings
  let syntheticBinding = false
  if (kind !== "CustomResourceDefinition" && bindings.length === 0) {
    syntheticBinding = true
    const name = policy.metadata?.name ?? "policy"
    bindings = [
      kind === "MutatingAdmissionPolicy"
        ? { apiVersion: policy.apiVersion, kind: "MutatingAdmissionPolicyBinding", metadata: { name: `${name}-binding` }, spec: { policyName: name } }
        : { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicyBinding", metadata: { name: `${name}-binding` }, spec: { policyName: name, validationActions: ["Deny"] } },
    ]
  }
  const namespaces = new Map<string, K8sObject>()
  for (const ns of [...(opts.extraNamespaces ?? []), ...parts.namespaces]) if (ns.metadata?.name) namespaces.set(ns.metadata.name, ns)
  const syntheticNamespaces: string[] = []
  const crds = kind === "CustomResourceDefinition" ? [policy, ...parts.crds] : parts.crds
  for (const o of [...opts.objects, ...parts.params]) {
    const res = resolveResource(o, crds)
    const ns = o.metadata?.namespace || (res?.namespaced ? "default" : undefined)
    if (ns && !namespaces.has(ns)) {
      namespaces.set(ns, namespaceObject(ns))
      syntheticNamespaces.push(ns)
    }
  }
  const paramKind = (policy.spec as { paramKind?: { apiVersion?: string; kind?: string } } | undefined)?.paramKind
  const paramResource = paramKind ? resolveResource({ apiVersion: paramKind.apiVersion, kind: paramKind.kind }, crds) : undefined
  return {
    request: {
      minor: opts.minor,
      policy,
      bindings,
      params: parts.params,
      ...(paramResource ? { paramResource } : {}),
      namespaces: [...namespaces.values()],
      crds,
      equivalents: equivalentResources(),
      ...(opts.authorizer ? { authorizer: opts.authorizer } : {}),
    },
    syntheticBinding,
    syntheticNamespaces,
  }
}

export function objectKey(o: K8sObject): string {
  const ns = o.metadata?.namespace ? `${o.metadata.namespace}/` : ""
  return `${o.apiVersion}/${o.kind}/${ns}${o.metadata?.name ?? o.metadata?.generateName ?? ""}`
}

export type CaseInput = {
  operation: Operation
  userInfo?: UserInfo
  /** For UPDATE: the old object per object key; an object without one is updated from itself. */
  oldObjects?: Map<string, K8sObject>
  crds: K8sObject[]
}

export type BuiltCase = { case?: Case; error?: string }

/** One admission request per object. Objects whose kind is unknown get an error instead. */
export function buildCases(objects: K8sObject[], input: CaseInput): BuiltCase[] {
  return objects.map((o, i) => {
    const resource = resolveResource(o, input.crds)
    if (!resource) return { error: `unknown kind ${o.kind} (${o.apiVersion}): add its CustomResourceDefinition to the policy input` }
    const id = String(i)
    const userInfo = input.userInfo ?? DEFAULT_USER
    switch (input.operation) {
      case "CREATE":
        return { case: { id, operation: "CREATE", object: o, resource, userInfo } }
      case "UPDATE":
        return { case: { id, operation: "UPDATE", object: o, oldObject: input.oldObjects?.get(objectKey(o)) ?? o, resource, userInfo } }
      case "DELETE":
        return { case: { id, operation: "DELETE", oldObject: o, resource, userInfo } }
      default:
        return { case: { id, operation: input.operation, object: o, resource, userInfo } }
    }
  })
}
