// Live mode: "what would this policy do to the objects already in my cluster?". Reads only what
// the policy's matchConstraints name (GET/LIST through the inspector's read-only transport;
// Secrets are never read), paged and capped, strips managedFields, and evaluates every object with
// the engine as it arrives, streaming progress and rows.
import { readDiscovery, gvKey, type Discovery } from "@/lib/inspector/discovery"
import type { Get } from "@/lib/inspector/api-reader"

import { buildBundle, namespaceObject } from "./cases"
import { groupOf, type PolicyBundleParts } from "./parse"
import type { AuthorizerConfig, Case, CaseResult, CompileResult, K8sObject, Minor, ResourceInfo, UserInfo } from "./protocol"
import { rowFor, type ReportRow } from "./report"
import { versionPriority, type RuleLike } from "./resources"

export type LiveOptions = {
  minor: Minor
  parts: PolicyBundleParts
  operation: "CREATE" | "UPDATE"
  userInfo: UserInfo
  authorizer?: AuthorizerConfig
  /** Objects read per resource before the resource is marked as sampled. */
  maxPerResource: number
  /** Objects read in total. */
  maxTotal: number
  pageSize: number
  /** The run's first list request asks for this many (default pageSize): the first table shows sooner. */
  firstPageSize?: number
}

export type LiveEngine = {
  compile(req: unknown): CompileResult
  evaluate(handle: number, cases: Case[]): CaseResult[]
  release(handle: number): void
}

export type LiveResource = ResourceInfo & { read: number; capped: boolean; error?: string }

export type LiveEvent =
  | { type: "plan"; resources: ResourceInfo[]; notes: string[] }
  | { type: "compiled"; diagnostics: CompileResult["diagnostics"] }
  | { type: "progress"; read: number; evaluated: number; resource: string }
  | { type: "rows"; rows: ReportRow[] }
  | { type: "resource"; resource: LiveResource }
  | { type: "done"; read: number; evaluated: number; capped: boolean; elapsedMs: number; resources: LiveResource[] }
  | { type: "error"; message: string }

type ApiResource = { name: string; kind: string; namespaced: boolean; verbs?: string[] }

const SECRETS = (group: string, resource: string) => group === "" && resource === "secrets"

function ruleMatches(list: string[] | undefined, v: string): boolean {
  return !!list && (list.includes("*") || list.includes(v))
}

/** The resources the policy's resource rules name, resolved against the cluster's discovery. */
export async function resolveLiveResources(get: Get, discovery: Discovery, rules: RuleLike[]): Promise<{ resources: ResourceInfo[]; notes: string[] }> {
  const notes: string[] = []
  const gvs = new Set<string>()
  for (const g of discovery.groups) {
    for (const v of g.versions) {
      if (!discovery.served.has(gvKey(g.group, v))) continue
      if (rules.some((r) => ruleMatches(r.apiGroups, g.group) && ruleMatches(r.apiVersions, v))) gvs.add(gvKey(g.group, v))
    }
  }
  const found = new Map<string, ResourceInfo>()
  for (const gv of [...gvs].sort((a, b) => versionPriority(b.split("/").pop()!) - versionPriority(a.split("/").pop()!))) {
    const group = gv.includes("/") ? gv.slice(0, gv.indexOf("/")) : ""
    const version = gv.includes("/") ? gv.slice(gv.indexOf("/") + 1) : gv
    let list: { resources?: ApiResource[] }
    try {
      list = (await get(group ? `/apis/${gv}` : `/api/${gv}`)) as { resources?: ApiResource[] }
    } catch (err) {
      notes.push(`${gv}: ${(err as Error).message}`)
      continue
    }
    for (const r of list.resources ?? []) {
      if (r.name.includes("/")) continue
      const named = rules.some(
        (rule) =>
          ruleMatches(rule.apiGroups, group) &&
          ruleMatches(rule.apiVersions, version) &&
          (rule.resources ?? []).some((n) => n === "*" || n === "*/*" || n === r.name || n === `${r.name}/*`) &&
          !(rule.scope === "Namespaced" && !r.namespaced) &&
          !(rule.scope === "Cluster" && r.namespaced),
      )
      if (!named) continue
      if (SECRETS(group, r.name)) {
        notes.push("secrets are never read by the lab")
        continue
      }
      if (r.verbs && !r.verbs.includes("list")) continue
      const key = `${group}/${r.name}`
      if (!found.has(key)) found.set(key, { group, version, resource: r.name, kind: r.kind, namespaced: r.namespaced })
    }
  }
  return { resources: [...found.values()], notes: [...new Set(notes)] }
}

function stripManagedFields(o: K8sObject): K8sObject {
  if (o.metadata && "managedFields" in o.metadata) delete o.metadata.managedFields
  return o
}

/**
 * Pages of a list (limit + continue) until `max` objects; the last value says whether it was
 * capped. The first request asks for `firstPageSize` objects.
 */
async function* pages(get: Get, path: string, pageSize: number, max: number, firstPageSize = pageSize): AsyncGenerator<K8sObject[], { read: number; capped: boolean }> {
  let cont: string | undefined
  let read = 0
  do {
    const q = new URLSearchParams({ limit: String(Math.min(read === 0 ? firstPageSize : pageSize, max - read)) })
    if (cont) q.set("continue", cont)
    const page = (await get(`${path}?${q}`)) as { items?: K8sObject[]; metadata?: { continue?: string } }
    const items = page.items ?? []
    read += items.length
    yield items
    cont = page.metadata?.continue || undefined
  } while (cont && read < max)
  return { read, capped: !!cont }
}

async function listAll(get: Get, path: string, pageSize: number, max: number): Promise<K8sObject[]> {
  const out: K8sObject[] = []
  for await (const items of pages(get, path, pageSize, max)) out.push(...items)
  return out
}

const collectionPath = (r: ResourceInfo) => (r.group ? `/apis/${r.group}/${r.version}/${r.resource}` : `/api/${r.version}/${r.resource}`)

/**
 * Runs live mode; events are yielded as pages are read and evaluated. The engine may still be
 * starting: it is awaited only when the policy is compiled, after discovery and the reads before.
 */
export async function* runLive(get: Get, engineStarting: LiveEngine | Promise<LiveEngine>, opts: LiveOptions): AsyncGenerator<LiveEvent> {
  const started = Date.now()
  const policy = opts.parts.policy!
  const spec = (policy.spec ?? {}) as { matchConstraints?: { resourceRules?: RuleLike[] }; paramKind?: { apiVersion?: string; kind?: string } }
  const isCRD = policy.kind === "CustomResourceDefinition"
  let discovery: Discovery
  try {
    discovery = await readDiscovery(get)
  } catch (err) {
    yield { type: "error", message: `discovery failed: ${(err as Error).message}` }
    return
  }
  const rules: RuleLike[] = isCRD
    ? (() => {
        const s = policy.spec as { group?: string; names?: { plural?: string }; versions?: { name?: string; served?: boolean }[] }
        return [{ apiGroups: [s.group ?? ""], apiVersions: (s.versions ?? []).filter((v) => v.served !== false).map((v) => v.name ?? ""), resources: [s.names?.plural ?? ""] }]
      })()
    : (spec.matchConstraints?.resourceRules ?? [])
  const { resources, notes } = await resolveLiveResources(get, discovery, rules)
  yield { type: "plan", resources, notes }
  if (resources.length === 0) {
    yield { type: "done", read: 0, evaluated: 0, capped: false, elapsedMs: Date.now() - started, resources: [] }
    return
  }

  // Namespaces (namespaceSelector, namespaceObject): read them when allowed, else standard ones.
  const namespaces: K8sObject[] = []
  try {
    namespaces.push(...(await listAll(get, "/api/v1/namespaces", opts.pageSize, 10_000)).map(stripManagedFields))
  } catch (err) {
    notes.push(`namespaces could not be read (${(err as Error).message}); standard namespace objects are used`)
  }

  // Params: the paramKind's objects (never Secrets).
  const parts: PolicyBundleParts = { ...opts.parts, params: [...opts.parts.params], crds: [...opts.parts.crds] }
  if (spec.paramKind?.kind && parts.params.length === 0) {
    const group = groupOf(spec.paramKind.apiVersion ?? "")
    if (group === "" && spec.paramKind.kind === "Secret") notes.push("params of kind Secret are never read: the lab evaluates without them")
    else {
      const version = spec.paramKind.apiVersion?.split("/").pop() ?? "v1"
      try {
        const list = (await get(group ? `/apis/${group}/${version}` : `/api/${version}`)) as { resources?: ApiResource[] }
        const r = list.resources?.find((x) => x.kind === spec.paramKind!.kind && !x.name.includes("/"))
        if (r) {
          const items = await listAll(get, collectionPath({ group, version, resource: r.name, kind: r.kind, namespaced: r.namespaced }), opts.pageSize, 1000)
          parts.params.push(...items.map((o) => stripManagedFields({ ...o, apiVersion: spec.paramKind!.apiVersion, kind: spec.paramKind!.kind })))
        }
      } catch (err) {
        notes.push(`params could not be read: ${(err as Error).message}`)
      }
    }
  }
  // Custom resources: their CRDs give schemas (MAP merges); optional.
  for (const r of resources) {
    if (r.group === "" || r.group.endsWith(".k8s.io") || !r.group.includes(".")) continue
    if (parts.crds.some((c) => (c.spec as { group?: string; names?: { plural?: string } })?.group === r.group && (c.spec as { names?: { plural?: string } })?.names?.plural === r.resource)) continue
    try {
      parts.crds.push((await get(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${r.resource}.${r.group}`)) as K8sObject)
    } catch {
      notes.push(`the CustomResourceDefinition of ${r.resource}.${r.group} could not be read`)
    }
  }

  const bundle = buildBundle({ minor: opts.minor, parts, objects: [], extraNamespaces: namespaces, ...(opts.authorizer ? { authorizer: opts.authorizer } : {}) })
  let engine: LiveEngine
  let compiled: CompileResult
  try {
    engine = await engineStarting
    compiled = engine.compile(bundle.request)
  } catch (err) {
    yield { type: "error", message: (err as Error).message }
    return
  }
  yield { type: "compiled", diagnostics: compiled.diagnostics }

  const known = new Set(namespaces.map((n) => n.metadata?.name))
  let read = 0
  let evaluated = 0
  let anyCapped = false
  const done: LiveResource[] = []
  try {
    for (const r of resources) {
      const budget = Math.min(opts.maxPerResource, opts.maxTotal - read)
      if (budget <= 0) {
        anyCapped = true
        done.push({ ...r, read: 0, capped: true })
        yield { type: "resource", resource: done[done.length - 1]! }
        continue
      }
      const it = pages(get, collectionPath(r), opts.pageSize, budget, read === 0 ? (opts.firstPageSize ?? opts.pageSize) : opts.pageSize)
      try {
        for (;;) {
          const next = await it.next()
          if (next.done) {
            anyCapped ||= next.value.capped
            done.push({ ...r, read: next.value.read, capped: next.value.capped })
            break
          }
          const objects = next.value.map((o) => stripManagedFields({ ...o, apiVersion: r.group ? `${r.group}/${r.version}` : r.version, kind: r.kind }))
          read += objects.length
          const missing = objects.map((o) => o.metadata?.namespace).filter((ns): ns is string => !!ns && !known.has(ns))
          if (missing.length) {
            // A namespace created after we listed them: recompile with a standard object for it.
            for (const ns of new Set(missing)) {
              known.add(ns)
              bundle.request.namespaces = [...(bundle.request.namespaces ?? []), namespaceObject(ns)]
            }
            engine.release(compiled.handle)
            compiled = engine.compile(bundle.request)
          }
          const cases: Case[] = objects.map((o, i) =>
            opts.operation === "UPDATE"
              ? { id: String(i), operation: "UPDATE", object: o, oldObject: o, resource: r, userInfo: opts.userInfo }
              : { id: String(i), operation: "CREATE", object: o, resource: r, userInfo: opts.userInfo },
          )
          const results = engine.evaluate(compiled.handle, cases)
          evaluated += results.length
          yield { type: "rows", rows: results.map((res, i) => rowFor(objects[i]!, res)) }
          yield { type: "progress", read, evaluated, resource: `${r.group || "core"}/${r.resource}` }
        }
      } catch (err) {
        done.push({ ...r, read: 0, capped: false, error: (err as Error).message })
      }
      yield { type: "resource", resource: done[done.length - 1]! }
    }
  } finally {
    engine.release(compiled.handle)
  }
  yield { type: "done", read, evaluated, capped: anyCapped, elapsedMs: Date.now() - started, resources: done }
}
