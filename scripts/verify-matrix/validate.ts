// Validates a starter's API objects against one minor's schemas, strictly (ajv): unknown
// fields, missing required fields, wrong types, enum values and group/versions the release does
// not serve are errors. Custom resources are validated against the CRD the starter ships; kinds
// with neither (cert-manager's, …) are reported as not checked. A served alpha/beta version that
// is off by default in that minor (catalog states) is an error unless the README names the
// feature gate and runtime-config and the starter's own catalog state (shown in the UI's target
// selector) carries them.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv"
import { parseAllDocuments } from "yaml"
import { MECHANISMS, getMechanism, type KubernetesMinor, type MechanismId } from "@/lib/catalog"
import type { StarterFile } from "@/lib/starters"
import { strictSchema, type JsonSchema, type ReleaseSchemas } from "./schemas"

export type ManifestReport = { errors: string[]; notChecked: string[] }

type K8sObject = { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown }; [k: string]: unknown }
type Located = { file: string; obj: K8sObject }

const OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"

const ajvByRelease = new Map<string, { ajv: Ajv; validators: Map<string, ValidateFunction> }>()

function ajvFor(schemas: ReleaseSchemas) {
  let entry = ajvByRelease.get(schemas.release)
  if (!entry) {
    // strict: false lets ajv accept Kubernetes' x-kubernetes-* keywords; validation strictness
    // comes from the schemas (additionalProperties: false, required, enum, type).
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, allowUnionTypes: true })
    entry = { ajv, validators: new Map() }
    ajvByRelease.set(schemas.release, entry)
  }
  return entry
}

function builtinValidator(schemas: ReleaseSchemas, gv: string, kind: string): ValidateFunction | "not-served" | "no-kind" {
  const doc = schemas.groupVersion(gv)
  if (!doc) return "not-served"
  const component = doc.kinds[kind]
  if (!component) return "no-kind"
  const { ajv, validators } = ajvFor(schemas)
  const key = `${gv}#${kind}`
  let v = validators.get(key)
  if (!v) {
    if (!ajv.getSchema(doc.$id)) ajv.addSchema({ $id: doc.$id, $defs: doc.$defs })
    v = ajv.compile({ $ref: `${doc.$id}#/$defs/${component}` })
    validators.set(key, v)
  }
  return v
}

type CrdVersion = { name?: string; served?: boolean; schema?: { openAPIV3Schema?: JsonSchema } }
type Crd = { spec?: { group?: string; names?: { kind?: string }; versions?: CrdVersion[] } }

/** Strict schema of a custom resource from its CRD: metadata is an ObjectMeta, like the apiserver's. */
function crdValidator(schemas: ReleaseSchemas, crd: Crd, version: CrdVersion): ValidateFunction {
  const { ajv } = ajvFor(schemas)
  const core = schemas.groupVersion("v1")
  if (core && !ajv.getSchema(core.$id)) ajv.addSchema({ $id: core.$id, $defs: core.$defs })
  const own = (strictSchema(version.schema?.openAPIV3Schema ?? { type: "object" }) ?? {}) as JsonSchema
  const props = (own.properties ?? {}) as Record<string, unknown>
  return ajv.compile({
    ...withIntOrString(own),
    properties: {
      ...Object.fromEntries(Object.entries(props).map(([k, s]) => [k, withIntOrString(s)])),
      apiVersion: { type: "string" },
      kind: { type: "string" },
      metadata: { $ref: `k8s:v1#/$defs/${OBJECT_META}` },
    },
    additionalProperties: own["x-kubernetes-preserve-unknown-fields"] === true ? undefined : false,
  })
}

/** x-kubernetes-int-or-string: an integer or a string (structural schemas carry no type then). */
function withIntOrString(node: unknown): JsonSchema {
  if (Array.isArray(node)) return node.map(withIntOrString) as unknown as JsonSchema
  if (!node || typeof node !== "object") return node as JsonSchema
  const out: JsonSchema = {}
  for (const [k, v] of Object.entries(node)) out[k] = k === "enum" || k === "required" ? v : withIntOrString(v)
  if (out["x-kubernetes-int-or-string"] === true && !out.anyOf && !out.oneOf) {
    delete out.type
    out.anyOf = [{ type: "integer" }, { type: "string" }]
  }
  // x-kubernetes-embedded-resource: apiVersion, kind and metadata are allowed without being listed.
  if (out["x-kubernetes-embedded-resource"] === true && out.properties) {
    out.properties = { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" }, ...(out.properties as JsonSchema) }
  }
  return out
}

function describe(file: string, obj: K8sObject): string {
  const name = typeof obj.metadata?.name === "string" ? `/${obj.metadata.name}` : ""
  return `${file}: ${String(obj.kind)}${name}`
}

/** One readable line per ajv error, most specific first, without anyOf/oneOf noise. */
export function formatAjvErrors(errors: readonly ErrorObject[]): string[] {
  const out: string[] = []
  for (const e of errors) {
    const at = e.instancePath || "/"
    let msg: string
    switch (e.keyword) {
      case "additionalProperties":
        msg = `${at}: unknown field "${String(e.params.additionalProperty)}"`
        break
      case "required":
        msg = `${at}: missing required field "${String(e.params.missingProperty)}"`
        break
      case "enum":
        msg = `${at}: unsupported value; supported values: ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`
        break
      case "type":
        msg = `${at}: must be ${String(e.params.type)}`
        break
      case "anyOf":
      case "oneOf":
      case "if":
        continue
      default:
        msg = `${at}: ${e.message ?? e.keyword}`
    }
    if (!out.includes(msg)) out.push(msg)
  }
  return out
}

function parseObjects(files: readonly StarterFile[]): { objects: Located[]; errors: string[] } {
  const objects: Located[] = []
  const errors: string[] = []
  for (const f of files) {
    if (!/\.ya?ml$/.test(f.path) || f.path.startsWith("config/")) continue
    for (const doc of parseAllDocuments(f.content)) {
      if (doc.errors.length) {
        errors.push(`${f.path}: YAML: ${doc.errors[0]!.message}`)
        continue
      }
      const obj = doc.toJS() as unknown
      if (obj === null || obj === undefined) continue
      if (typeof obj !== "object" || Array.isArray(obj)) {
        errors.push(`${f.path}: not a Kubernetes object`)
        continue
      }
      objects.push({ file: f.path, obj: obj as K8sObject })
    }
  }
  return { objects, errors }
}

/** Feature states of the catalog that switch a group/version on: "resource.k8s.io/v1beta1=true". */
function offByDefaultState(gv: string, minor: KubernetesMinor) {
  for (const m of MECHANISMS) {
    const s = m.states[minor]
    if (s.enabledByDefault || !s.runtimeConfig) continue
    if (s.runtimeConfig.split(",").some((rc) => rc.trim() === `${gv}=true`)) return { mechanism: m.id, state: s }
  }
  return undefined
}

/**
 * Off-by-default check for one served group/version. Alpha versions are never on by default;
 * beta ones are off when the catalog says so for that minor.
 */
export function checkOnByDefault(gv: string, minor: KubernetesMinor, mechanism: MechanismId, readme: string): string | undefined {
  const version = gv.split("/").pop() ?? gv
  if (!/(alpha|beta)\d*$/.test(version)) return undefined
  const found = offByDefaultState(gv, minor)
  if (!found) {
    return version.includes("alpha")
      ? `${gv} is alpha and off by default in ${minor}, and the catalog names no feature gate or runtime-config for it`
      : undefined
  }
  const gate = found.state.featureGate
  const flags = [gate ? `--feature-gates=${gate}=true` : "", `--runtime-config=${gv}=true`].filter(Boolean)
  const missing = flags.filter((flag) => !readme.includes(flag))
  const own = getMechanism(mechanism).states[minor]
  const uiShows = found.mechanism === mechanism && !own.enabledByDefault && own.runtimeConfig === found.state.runtimeConfig
  if (!missing.length && uiShows) return undefined
  const where = [missing.length ? `the README lacks ${missing.join(" and ")}` : "", uiShows ? "" : `the UI shows no gate for it (catalog state of ${found.mechanism})`]
  return `${gv} is off by default in ${minor}: ${where.filter(Boolean).join("; ")}`
}

/** Checks every API object of a generated starter against one minor's schemas. */
export function checkManifests(files: readonly StarterFile[], schemas: ReleaseSchemas, mechanism: MechanismId): ManifestReport {
  const { objects, errors } = parseObjects(files)
  const notChecked: string[] = []
  const readme = files.find((f) => f.path === "README.md")?.content ?? ""
  const crds = objects
    .filter(({ obj }) => obj.apiVersion === "apiextensions.k8s.io/v1" && obj.kind === "CustomResourceDefinition")
    .map(({ obj }) => obj as Crd)
  const gateChecked = new Set<string>()
  for (const { file, obj } of objects) {
    const where = describe(file, obj)
    if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
      errors.push(`${where}: apiVersion and kind are required`)
      continue
    }
    const gv = obj.apiVersion
    const group = gv.includes("/") ? gv.split("/")[0]! : ""
    const builtin = builtinValidator(schemas, gv, obj.kind)
    if (typeof builtin === "function") {
      if (!builtin(obj)) errors.push(...formatAjvErrors(builtin.errors ?? []).map((e) => `${where}: ${e}`))
      if (!gateChecked.has(gv)) {
        gateChecked.add(gv)
        const problem = checkOnByDefault(gv, schemas.minor, mechanism, readme)
        if (problem) errors.push(`${where}: ${problem}`)
      }
      continue
    }
    if (builtin === "no-kind") {
      errors.push(`${where}: ${gv} has no kind ${obj.kind} in ${schemas.release}`)
      continue
    }
    // Not a served built-in group/version: a custom resource of a CRD the starter ships?
    const crd = crds.find((c) => c.spec?.group === group && c.spec?.names?.kind === obj.kind)
    if (crd) {
      const version = crd.spec?.versions?.find((v) => `${group}/${v.name}` === gv)
      if (!version?.served) {
        errors.push(`${where}: the starter's CRD does not serve ${gv}`)
        continue
      }
      const validate = crdValidator(schemas, crd, version)
      if (!validate(obj)) errors.push(...formatAjvErrors(validate.errors ?? []).map((e) => `${where}: ${e}`))
      continue
    }
    // A built-in group the release knows, at a version it does not serve, is an error; an
    // unknown group is someone else's CRD (cert-manager …), which we cannot check.
    const builtinGroup = [...schemas.served].some((s) => (s.includes("/") ? s.split("/")[0] : "") === group)
    if (builtinGroup) errors.push(`${where}: ${gv} is not served by Kubernetes ${schemas.minor} (${schemas.release})`)
    else {
      const label = `${gv} ${obj.kind}`
      if (!notChecked.includes(label)) notChecked.push(label)
    }
  }
  return { errors, notChecked }
}
