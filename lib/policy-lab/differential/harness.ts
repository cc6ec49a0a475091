// Building the cluster objects of a corpus group and comparing the apiserver's answer with the lab's.
import { isDeepStrictEqual } from "node:util"

import { resolveResource } from "../cases"
import type { CaseResult, K8sObject } from "../protocol"
import { DIFFERENTIAL_CRDS } from "./corpus"
import { GROUP_LABEL, type DiffGroup, type DiffRequest } from "./types"

export const namespaceOf = (g: DiffGroup) => `pl-${g.id}`.slice(0, 63).replace(/-+$/, "")
export const policyNameOf = (g: DiffGroup) => `pl-${g.id}`
export const objectNameOf = (g: DiffGroup, r: DiffRequest) => `${g.id}-${r.name}`.slice(0, 253)
export const caseIdOf = (g: DiffGroup, r: DiffRequest) => `${g.id}/${r.name}`

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

export function isMutating(g: DiffGroup): boolean {
  return g.policy.kind === "MutatingAdmissionPolicy"
}

export function isCRD(g: DiffGroup): boolean {
  return g.policy.kind === "CustomResourceDefinition"
}

export function namedPolicy(g: DiffGroup): K8sObject {
  const p = clone(g.policy)
  if (isCRD(g)) return p
  p.metadata = { ...p.metadata, name: policyNameOf(g) }
  return p
}

/** Bindings restricted to the group's objects (by label), so groups never see each other's requests. */
export function bindingsOf(g: DiffGroup): K8sObject[] {
  if (g.binding === null || isCRD(g)) return []
  const kind = isMutating(g) ? "MutatingAdmissionPolicyBinding" : "ValidatingAdmissionPolicyBinding"
  const specs = [g.binding ?? {}, ...(g.moreBindings ?? [])]
  return specs.map((extra, i) => {
    const spec: Record<string, unknown> = { policyName: policyNameOf(g), ...(isMutating(g) ? {} : { validationActions: ["Deny"] }), ...clone(extra) }
    const mr = (spec.matchResources ?? {}) as { objectSelector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } }
    const sel = mr.objectSelector ?? {}
    mr.objectSelector = { ...sel, matchExpressions: [...(sel.matchExpressions ?? []), { key: GROUP_LABEL, operator: "In", values: [g.id] }] }
    spec.matchResources = mr
    return { apiVersion: "admissionregistration.k8s.io/v1", kind, metadata: { name: `${policyNameOf(g)}${i ? `-${i}` : ""}` }, spec }
  })
}

/** The object as sent: named, in the group's namespace (when namespaced), labelled for the group. */
export function placed(g: DiffGroup, r: DiffRequest, obj: K8sObject): K8sObject {
  const o = clone(obj)
  const res = resolveResource(o, DIFFERENTIAL_CRDS)
  o.metadata = {
    ...o.metadata,
    name: objectNameOf(g, r),
    ...(res?.namespaced ? { namespace: namespaceOf(g) } : {}),
    labels: { ...o.metadata?.labels, [GROUP_LABEL]: g.id },
  }
  return o
}

export function placedParam(g: DiffGroup, p: K8sObject): K8sObject {
  const o = clone(p)
  const res = resolveResource(o, [])
  o.metadata = { ...o.metadata, ...(res?.namespaced ? { namespace: namespaceOf(g) } : {}) }
  return o
}

// ---------------------------------------------------------------- comparison

export type ServerOutcome = {
  allowed: boolean
  code?: number
  reason?: string
  message?: string
  warnings: string[]
  auditAnnotations: Record<string, string>
  object?: K8sObject
}

export type Mismatch = { field: string; server: unknown; lab: unknown }

const POLICY_WARNING = /^Validation failed for ValidatingAdmissionPolicy /

/** Strips what the storage layer adds after admission, for comparing mutated objects. */
export function comparable(o: K8sObject | undefined): K8sObject | undefined {
  if (!o) return o
  const c = clone(o)
  const m = c.metadata ?? {}
  for (const k of ["uid", "resourceVersion", "creationTimestamp", "managedFields", "generation"]) delete m[k]
  delete c.status
  return c
}

export function compareOutcome(server: ServerOutcome, lab: CaseResult, policyName: string): Mismatch[] {
  const out: Mismatch[] = []
  const push = (field: string, s: unknown, l: unknown) => {
    if (!isDeepStrictEqual(s, l)) out.push({ field, server: s, lab: l })
  }
  if (lab.inputError) return [{ field: "inputError", server: server.message ?? "allowed", lab: lab.inputError }]
  const verdict = lab.verdict
  push("allowed", server.allowed, verdict?.allowed)
  if (!server.allowed || verdict?.allowed === false) {
    push("code", server.code, verdict?.status?.code)
    push("reason", server.reason, verdict?.status?.reason)
    push("message", server.message, verdict?.status?.message)
  }
  push("warnings", server.warnings.filter((w) => POLICY_WARNING.test(w)), (verdict?.warnings ?? []).filter((w) => POLICY_WARNING.test(w)))
  const serverAudit = Object.fromEntries(Object.entries(server.auditAnnotations).filter(([k]) => k === "validation.policy.admission.k8s.io/validation_failure" || k.startsWith(`${policyName}/`)))
  push("auditAnnotations", serverAudit, verdict?.auditAnnotations ?? {})
  if (lab.mutation && server.allowed && server.object) push("mutatedObject", comparable(server.object), comparable(lab.mutation.after ?? undefined))
  return out
}

/** The server's message for a rejected policy, as field errors ("path: detail"). */
export function writeErrorsOf(status: { details?: { causes?: { field?: string; message?: string }[] } }): string[] {
  return (status.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`).sort()
}
