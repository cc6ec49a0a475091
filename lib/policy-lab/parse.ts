// Reading what the user typed or pasted: multi-document YAML (or JSON) into Kubernetes objects,
// with errors that point at a line and column and never lose the text.
import { LineCounter, parseAllDocuments } from "yaml"

import type { K8sObject } from "./protocol"

export type ParseError = { message: string; line?: number; column?: number; document?: number }
export type ParsedDocument = { object: K8sObject; line: number; index: number }
export type ParseResult = { ok: true; value: ParsedDocument[] } | { ok: false; errors: ParseError[] }

const MAX_DOCUMENTS = 5000
const MAX_BYTES = 16 * 1024 * 1024

/** Parses YAML or JSON text that holds one or more Kubernetes objects (or v1 List objects). */
export function parseObjects(text: string): ParseResult {
  if (text.length > MAX_BYTES) return { ok: false, errors: [{ message: `the text is larger than ${MAX_BYTES / 1024 / 1024} MiB` }] }
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const errors: ParseError[] = []
  const value: ParsedDocument[] = []
  const list = Array.isArray(docs) ? docs : [docs]
  list.forEach((doc, index) => {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0])
      errors.push({ message: e.message.split("\n")[0]!, line: pos.line, column: pos.col, document: index + 1 })
    }
    if (doc.errors.length) return
    const js: unknown = doc.toJS({ maxAliasCount: 100 })
    const line = doc.contents?.range ? lineCounter.linePos(doc.contents.range[0]).line : 1
    if (js === null || js === undefined) return // empty document (e.g. a trailing ---)
    for (const obj of expandLists(js)) {
      const problem = objectProblem(obj)
      if (problem) {
        errors.push({ message: problem, line, document: index + 1 })
        continue
      }
      value.push({ object: obj as K8sObject, line, index: value.length })
    }
  })
  if (value.length > MAX_DOCUMENTS) errors.push({ message: `more than ${MAX_DOCUMENTS} objects` })
  return errors.length ? { ok: false, errors } : { ok: true, value }
}

function expandLists(js: unknown): unknown[] {
  if (js && typeof js === "object" && !Array.isArray(js)) {
    const o = js as { kind?: unknown; items?: unknown }
    if (typeof o.kind === "string" && o.kind.endsWith("List") && Array.isArray(o.items)) return o.items
  }
  if (Array.isArray(js)) return js
  return [js]
}

function objectProblem(obj: unknown): string | undefined {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return "a document is not an object (expected apiVersion, kind, metadata …)"
  const o = obj as K8sObject
  if (typeof o.apiVersion !== "string" || !o.apiVersion) return "an object has no apiVersion"
  if (typeof o.kind !== "string" || !o.kind) return `an object (apiVersion ${o.apiVersion}) has no kind`
  if (o.metadata !== undefined && (typeof o.metadata !== "object" || o.metadata === null || Array.isArray(o.metadata))) return `${o.kind}: metadata must be an object`
  return undefined
}

export function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf("/")
  return i < 0 ? "" : apiVersion.slice(0, i)
}

export function versionOf(apiVersion: string): string {
  const i = apiVersion.indexOf("/")
  return i < 0 ? apiVersion : apiVersion.slice(i + 1)
}

const ADMISSION_GROUP = "admissionregistration.k8s.io"

export type PolicyBundleParts = {
  policy?: K8sObject
  bindings: K8sObject[]
  params: K8sObject[]
  crds: K8sObject[]
  namespaces: K8sObject[]
  others: K8sObject[]
}

export function isPolicyKind(o: K8sObject): boolean {
  const g = groupOf(o.apiVersion ?? "")
  return (
    (g === ADMISSION_GROUP && (o.kind === "ValidatingAdmissionPolicy" || o.kind === "MutatingAdmissionPolicy")) ||
    (g === "apiextensions.k8s.io" && o.kind === "CustomResourceDefinition")
  )
}

/**
 * Sorts a pasted policy file (policy, bindings, params, CRDs …) into its parts. The first
 * ValidatingAdmissionPolicy/MutatingAdmissionPolicy/CRD is the policy; a second one is an error.
 */
export function splitPolicyDocuments(objects: K8sObject[]): { ok: true; value: PolicyBundleParts } | { ok: false; errors: ParseError[] } {
  const parts: PolicyBundleParts = { bindings: [], params: [], crds: [], namespaces: [], others: [] }
  const errors: ParseError[] = []
  const policies = objects.filter((o) => groupOf(o.apiVersion ?? "") === ADMISSION_GROUP && /^(Validating|Mutating)AdmissionPolicy$/.test(o.kind ?? ""))
  if (policies.length > 1) errors.push({ message: `${policies.length} policies in one input; the lab evaluates one policy at a time` })
  parts.policy = policies[0]
  for (const o of objects) {
    const g = groupOf(o.apiVersion ?? "")
    if (o === parts.policy) continue
    if (g === ADMISSION_GROUP && /AdmissionPolicyBinding$/.test(o.kind ?? "")) parts.bindings.push(o)
    else if (g === ADMISSION_GROUP && /AdmissionPolicy$/.test(o.kind ?? "")) continue
    else if (g === "apiextensions.k8s.io" && o.kind === "CustomResourceDefinition") parts.crds.push(o)
    else if (g === "" && o.kind === "Namespace") parts.namespaces.push(o)
    else parts.others.push(o)
  }
  if (!parts.policy && parts.crds.length > 0) parts.policy = parts.crds[0]
  const paramKind = (parts.policy?.spec as { paramKind?: { apiVersion?: string; kind?: string } } | undefined)?.paramKind
  if (paramKind) {
    parts.params = parts.others.filter((o) => o.apiVersion === paramKind.apiVersion && o.kind === paramKind.kind)
    parts.others = parts.others.filter((o) => !parts.params.includes(o))
  }
  if (!parts.policy) errors.push({ message: "no ValidatingAdmissionPolicy, MutatingAdmissionPolicy or CustomResourceDefinition found" })
  return errors.length ? { ok: false, errors } : { ok: true, value: parts }
}

/**
 * Where a field of the policy (a diagnostic path such as `spec.validations[0].expression`) is in
 * the YAML text, as 1-based line and column; `exprLine` moves into a multi-line expression.
 */
export function locateField(text: string, kind: string, fieldPath: string, exprLine = 1): { line: number; column: number } | undefined {
  const segments: (string | number)[] = []
  for (const part of fieldPath.split(".")) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part)
    if (!m) return undefined
    segments.push(m[1]!)
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) segments.push(Number(idx[1]))
  }
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter })
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length || doc.get("kind") !== kind) continue
    const node = doc.getIn(segments, true) as { range?: [number, number, number]; type?: string } | undefined
    if (!node?.range) return undefined
    const start = lineCounter.linePos(node.range[0])
    // Block scalars (| and >) start on the line after the indicator.
    const block = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED"
    return { line: start.line + (block ? exprLine : exprLine - 1), column: start.col }
  }
  return undefined
}
