// Per-minor API schemas from each release's own k8s.io/kubernetes module: the checked-in
// api/openapi-spec/v3 group/version documents, made strict for validation and cached under
// .cache/k8s-schemas/<release>/ (never in git).
//
// Strict means what kube-apiserver's fieldValidation=Strict means: an object schema that lists
// its properties rejects any other field (additionalProperties: false) unless it preserves
// unknown fields. The checked-in documents are generated with the OpenAPIEnums gate off
// (hack/update-openapi-spec.sh), so enum values are taken from the same release's
// pkg/generated/openapi/zz_generated.openapi.go (scripts/verify-matrix/openapi-enums).
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs"
import path from "node:path"
import type { KubernetesMinor } from "@/lib/catalog"
import { K8S_RELEASES } from "./releases"
import { goEnv } from "../go-env.mjs"

const root = path.resolve(import.meta.dirname, "..", "..")
export const CACHE_DIR = path.join(root, ".cache", "k8s-schemas")
const BIN_DIR = path.join(root, ".cache", "bin")
/** Bump when the processing below changes, so cached documents are rebuilt. */
const FORMAT = 3

export const GO_ENV = { ...process.env, ...goEnv("-mod=mod") }

export type JsonSchema = { [key: string]: unknown }

/** One group/version document, ready for ajv: `$defs` plus the kinds it serves. */
export type GroupVersionSchema = {
  $id: string
  $defs: Record<string, JsonSchema>
  /** kind → component name in $defs (from x-kubernetes-group-version-kind). */
  kinds: Record<string, string>
}

export type ReleaseSchemas = {
  minor: KubernetesMinor
  release: string
  /** Every group/version the release's spec has ("v1", "apps/v1", "resource.k8s.io/v1beta1" …). */
  served: ReadonlySet<string>
  /** The strict document of one served group/version (extracted on first use, then cached). */
  groupVersion(gv: string): GroupVersionSchema | undefined
}

export type Timing = { label: string; ms: number; bytes?: number }
export const timings: Timing[] = []

function timed<T>(label: string, fn: () => T, bytes?: () => number | undefined): T {
  const started = Date.now()
  const out = fn()
  timings.push({ label, ms: Date.now() - started, bytes: bytes?.() })
  return out
}

type Download = { Dir?: string; Zip?: string; Error?: string }

/** `go mod download` of k8s.io/kubernetes at the minor's pinned patch; returns the module dir. */
export function releaseModuleDir(minor: KubernetesMinor): string {
  const release = K8S_RELEASES[minor]
  const out = timed(
    `go mod download k8s.io/kubernetes@${release}`,
    () => execFileSync("go", ["mod", "download", "-json", `k8s.io/kubernetes@${release}`], { env: GO_ENV, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
  )
  const info = JSON.parse(out) as Download
  if (info.Error || !info.Dir) throw new Error(`go mod download k8s.io/kubernetes@${release}: ${info.Error ?? "no Dir"}`)
  const last = timings[timings.length - 1]
  if (last && info.Zip && existsSync(info.Zip)) last.bytes = statSync(info.Zip).size
  return info.Dir
}

/** "apis__apps__v1_openapi.json" → "apps/v1"; "api__v1_openapi.json" → "v1"; group index files → undefined. */
export function groupVersionOfFile(name: string): string | undefined {
  const core = /^api__(v[0-9a-z]+)_openapi\.json$/.exec(name)
  if (core) return core[1]
  const named = /^apis__(.+)__(v[0-9a-z]+)_openapi\.json$/.exec(name)
  return named ? `${named[1]}/${named[2]}` : undefined
}

function fileOfGroupVersion(gv: string): string {
  const [group, version] = gv.includes("/") ? gv.split("/") : ["", gv]
  return group ? `apis__${group}__${version}_openapi.json` : `api__${version}_openapi.json`
}

let enumsBinary: string | undefined
function buildEnumsTool(): string {
  if (enumsBinary) return enumsBinary
  const bin = path.join(BIN_DIR, "openapi-enums")
  mkdirSync(BIN_DIR, { recursive: true })
  timed("go build openapi-enums", () =>
    execFileSync("go", ["build", "-p", "2", "-o", bin, "."], { cwd: path.join(import.meta.dirname, "openapi-enums"), env: GO_ENV, stdio: ["ignore", "pipe", "pipe"] }),
  )
  enumsBinary = bin
  return bin
}

type Enums = Record<string, Record<string, string[]>>

/**
 * Makes one component schema strict and ajv-ready: $refs point into $defs, object schemas with
 * properties reject unknown fields, and enum values of the release are added at their paths.
 */
export function strictSchema(node: unknown, enums: Record<string, string[]> = {}, at = ""): unknown {
  if (Array.isArray(node)) return node.map((n) => strictSchema(n, enums, at))
  if (!node || typeof node !== "object") return node
  const src = node as JsonSchema
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(src)) {
    if (key === "$ref" && typeof value === "string") out.$ref = value.replace("#/components/schemas/", "#/$defs/")
    else if (key === "properties" && value && typeof value === "object" && !Array.isArray(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([name, sub]) => [name, strictSchema(sub, enums, `${at}/properties/${name}`)]),
      )
    } else if (key === "items" || key === "additionalProperties") out[key] = strictSchema(value, enums, `${at}/${key}`)
    else if (key === "description" || key === "default" || key === "example") continue
    else out[key] = strictSchema(value, enums, at)
  }
  const values = enums[at.replace(/^\//, "")]
  if (values && !out.enum) out.enum = values
  if (out.properties && out.additionalProperties === undefined && src["x-kubernetes-preserve-unknown-fields"] !== true)
    out.additionalProperties = false
  return out
}

function extractGroupVersion(specDir: string, gv: string, enums: Enums): GroupVersionSchema {
  const doc = JSON.parse(readFileSync(path.join(specDir, fileOfGroupVersion(gv)), "utf8")) as {
    components?: { schemas?: Record<string, JsonSchema> }
  }
  const $defs: Record<string, JsonSchema> = {}
  const kinds: Record<string, string> = {}
  const [group, version] = gv.includes("/") ? gv.split("/") : ["", gv]
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    $defs[name] = strictSchema(schema, enums[name]) as JsonSchema
    const gvks = (schema["x-kubernetes-group-version-kind"] ?? []) as { group: string; version: string; kind: string }[]
    for (const gvk of gvks) if (gvk.group === group && gvk.version === version && !gvk.kind.endsWith("List")) kinds[gvk.kind] = name
  }
  return { $id: `k8s:${gv}`, $defs, kinds }
}

const opened = new Map<KubernetesMinor, ReleaseSchemas>()

/**
 * The schemas of one minor. Downloads the release module (Go module cache) when the extracted
 * cache is missing, and extracts group/version documents on first use.
 */
export function releaseSchemas(minor: KubernetesMinor): ReleaseSchemas {
  const cached = opened.get(minor)
  if (cached) return cached
  const release = K8S_RELEASES[minor]
  const dir = path.join(CACHE_DIR, `${release}-f${FORMAT}`)
  const indexFile = path.join(dir, "index.json")
  let moduleDir: string | undefined
  const specDir = () => path.join((moduleDir ??= releaseModuleDir(minor)), "api", "openapi-spec", "v3")

  let index: { served: string[] }
  if (existsSync(indexFile)) index = JSON.parse(readFileSync(indexFile, "utf8"))
  else {
    const files = readdirSync(specDir())
    index = { served: files.map(groupVersionOfFile).filter((gv): gv is string => !!gv).sort() }
    mkdirSync(path.join(dir, "gv"), { recursive: true })
    const enumsFile = path.join(dir, "enums.json")
    const generated = path.join(moduleDir!, "pkg", "generated", "openapi", "zz_generated.openapi.go")
    const enums = timed(`extract enums ${release}`, () =>
      execFileSync(buildEnumsTool(), [generated], { encoding: "utf8", maxBuffer: 64 << 20 }),
    )
    writeFileSync(enumsFile, enums)
    writeFileSync(indexFile, JSON.stringify(index, null, 1))
  }
  let enums: Enums | undefined
  const docs = new Map<string, GroupVersionSchema | undefined>()
  const served = new Set(index.served)
  const schemas: ReleaseSchemas = {
    minor,
    release,
    served,
    groupVersion(gv) {
      if (docs.has(gv)) return docs.get(gv)
      let doc: GroupVersionSchema | undefined
      if (served.has(gv)) {
        const file = path.join(dir, "gv", `${gv.replace("/", "_")}.json`)
        if (existsSync(file)) doc = JSON.parse(readFileSync(file, "utf8"))
        else {
          enums ??= JSON.parse(readFileSync(path.join(dir, "enums.json"), "utf8")) as Enums
          doc = timed(`extract ${gv} ${release}`, () => extractGroupVersion(specDir(), gv, enums!))
          writeFileSync(file, JSON.stringify(doc))
        }
      }
      docs.set(gv, doc)
      return doc
    },
  }
  opened.set(minor, schemas)
  return schemas
}
