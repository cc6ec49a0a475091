// evaluate(answers, options): walks the decision graph from the official first question and
// returns either the next question or the outcome, with everything version- and cluster-specific
// derived from the catalog at the target minor.
import { z } from "zod"

import {
  KUBERNETES_MINORS,
  LATEST_MINOR,
  apiVersionAt,
  availabilityAt,
  getMechanism,
  isKubernetesMinor,
  stateAt,
  type KubernetesMinor,
  type Localized,
  type MechanismId,
} from "@/lib/catalog"

import { ADVISOR_NODES, START_NODE_ID, getNode } from "./graph"
import { l, zh } from "./text"
import type {
  AdvisorAnswers,
  ClusterFacts,
  Evaluation,
  EvaluateOptions,
  FieldError,
  MechanismRole,
  MechanismView,
  OutcomeNode,
  OutcomeView,
  PathStep,
  QuestionNode,
  QuestionView,
  Result,
} from "./types"

const nameList = z.array(z.string().min(1).max(253)).max(10_000)

export const clusterFactsSchema = z.strictObject({
  version: z.string().max(100).optional(),
  servedApiVersions: z.array(z.string().min(1).max(300)).max(10_000).optional(),
  validatingWebhooks: nameList.optional(),
  mutatingWebhooks: nameList.optional(),
  crdGroups: nameList.optional(),
})

const VERSION_RE = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/

/** Parses a cluster gitVersion ("v1.33.4-eks-…") into "1.33"; undefined when malformed. */
export function minorFromVersion(version: string): string | undefined {
  const m = VERSION_RE.exec(version.trim())
  if (!m) return undefined
  return `${Number(m[1])}.${Number(m[2])}`
}

// Managed control planes whose gitVersion carries a provider suffix.
const MANAGED_SUFFIX = /-(eks|gke)[.-]/i

function compareMinor(a: string, b: string): number {
  const [am = 0, an = 0] = a.split(".").map(Number)
  const [bm = 0, bn = 0] = b.split(".").map(Number)
  return am - bm || an - bn
}

function join(items: readonly string[], max = 5, separator = ", "): string {
  const shown = items.slice(0, max).join(separator)
  return items.length > max ? `${shown}${separator}…` : shown
}

// MECHANISMS -----------------------------------------------------------------------------------

export function availableFrom(id: MechanismId): KubernetesMinor | undefined {
  const m = getMechanism(id)
  return KUBERNETES_MINORS.find((minor) => availabilityAt(m, minor) === "available")
}

/** The cluster serves one of the mechanism's own API versions at this minor (so it was switched on). */
function servedInCluster(id: MechanismId, minor: KubernetesMinor, facts?: ClusterFacts): string | undefined {
  if (!facts?.servedApiVersions) return undefined
  const served = new Set(facts.servedApiVersions)
  for (const obj of getMechanism(id).apiObjects) {
    if (obj.form !== "served") continue
    const v = apiVersionAt(obj, minor)
    if (v && v.includes("/") && served.has(v)) return v
  }
  return undefined
}

function mechanismView(id: MechanismId, role: MechanismRole, minor: KubernetesMinor, facts?: ClusterFacts): MechanismView {
  const m = getMechanism(id)
  const availability = availabilityAt(m, minor)
  const from = availableFrom(id)
  return {
    id,
    role,
    state: stateAt(m, minor),
    availability,
    enabledInCluster: availability === "needs-enabling" && servedInCluster(id, minor, facts) !== undefined,
    ...(from ? { availableFrom: from } : {}),
    managed: m.managedClusters,
  }
}

function usable(v: MechanismView): boolean {
  return v.availability === "available" || v.enabledInCluster
}

const MATURITY_TEXT: Record<string, Localized> = {
  alpha: l("alpha", "Alpha"),
  beta: l("beta", "Beta"),
  ga: l("GA", "正式发布（GA）"),
  deprecated: l("deprecated", "已弃用"),
  unavailable: l("not available", "不可用"),
}

/** Explains why a mechanism is not usable by default at the minor, from its catalog state. */
function stateNote(v: MechanismView, minor: KubernetesMinor): Localized | undefined {
  const name = getMechanism(v.id).name
  const from = v.availableFrom && compareMinor(v.availableFrom, minor) > 0 ? v.availableFrom : undefined
  const fromEn = from ? ` It is on by default from ${from}.` : ""
  const fromZh = from ? zh`从${from}起默认启用。` : ""
  if (v.state.maturity === "unavailable") {
    return l(`${name.en} does not exist in Kubernetes ${minor}.${fromEn}`, zh`Kubernetes ${minor}中没有${name["zh-CN"]}。` + fromZh)
  }
  if (v.availability === "needs-enabling") {
    const switches = [
      v.state.featureGate ? `--feature-gates=${v.state.featureGate}=true` : undefined,
      v.state.runtimeConfig ? `--runtime-config=${v.state.runtimeConfig}` : undefined,
    ].filter((s): s is string => s !== undefined)
    const how = switches.length > 0 ? ` (${switches.join(", ")})` : ""
    const howZh = switches.length > 0 ? `（${switches.join(" ")}）` : ""
    const mat = MATURITY_TEXT[v.state.maturity] ?? l(v.state.maturity, v.state.maturity)
    if (v.enabledInCluster) {
      return l(
        `${name.en} is ${mat.en} and off by default in ${minor}, but your cluster serves its API, so it appears to be switched on.`,
        zh`${name["zh-CN"]}在${minor}中为${mat["zh-CN"]}且默认关闭，但你的集群提供了它的 API，看来已被启用。`,
      )
    }
    return l(
      `${name.en} is ${mat.en} and off by default in ${minor}; it must be switched on${how}.${fromEn}`,
      zh`${name["zh-CN"]}在${minor}中为${mat["zh-CN"]}且默认关闭，需要手动启用${howZh}。` + fromZh,
    )
  }
  if (v.state.maturity === "deprecated") {
    const repl = getMechanism(v.id).replacedBy
    const replName = repl ? getMechanism(repl).name : undefined
    return l(
      `${name.en} is deprecated in ${minor}${replName ? `; use ${replName.en} instead` : ""}.`,
      zh`${name["zh-CN"]}在${minor}中已弃用` + (replName ? zh`；请改用${replName["zh-CN"]}` : "") + "。",
    )
  }
  return undefined
}

function buildOutcome(
  node: OutcomeNode,
  why: Localized[],
  adds: MechanismId[],
  minor: KubernetesMinor,
  facts?: ClusterFacts,
): OutcomeView {
  const versionNotes: Localized[] = []
  const clusterNotes: Localized[] = []
  let primary = mechanismView(node.primary, "primary", minor, facts)
  const alternatives: MechanismView[] = []
  let fellBack = false

  if (node.fallbackPrimary && !usable(primary)) {
    fellBack = true
    const displaced = { ...primary, role: "alternative" as const }
    primary = mechanismView(node.fallbackPrimary, "primary", minor, facts)
    alternatives.push(displaced)
    const a = getMechanism(displaced.id).name
    const b = getMechanism(primary.id).name
    versionNotes.push(
      l(
        `Because ${a.en} is not on by default in ${minor}, the recommendation for ${minor} is ${b.en}; ${a.en} stays the alternative.`,
        zh`由于${a["zh-CN"]}在${minor}中并未默认启用，针对${minor}推荐使用${b["zh-CN"]}；${a["zh-CN"]}作为备选。`,
      ),
    )
  }

  const seen = new Set<MechanismId>([primary.id, ...alternatives.map((a) => a.id)])
  const others: MechanismView[] = [...alternatives]
  const add = (ids: readonly MechanismId[], role: MechanismRole) => {
    for (const id of ids) {
      if (seen.has(id)) continue
      seen.add(id)
      others.push(mechanismView(id, role, minor, facts))
    }
  }
  add(node.alternatives ?? [], "alternative")
  add([...node.also, ...adds], "also")
  add(node.replaces ?? [], "replaced")

  for (const v of [primary, ...others]) {
    const note = stateNote(v, minor)
    if (note) versionNotes.push(note)
    if (v.enabledInCluster) {
      const gv = servedInCluster(v.id, minor, facts)
      clusterNotes.push(
        l(
          `Your cluster serves ${gv}, so ${getMechanism(v.id).name.en} is usable there.`,
          zh`你的集群提供${gv ?? ""}，因此可以在其中使用${getMechanism(v.id).name["zh-CN"]}。`,
        ),
      )
    }
  }

  const ids = new Set([primary.id, ...others.map((o) => o.id)])
  if (facts?.validatingWebhooks && (ids.has("validating-admission-webhook") || ids.has("validating-admission-policy"))) {
    clusterNotes.push(validatingWebhookNote(facts.validatingWebhooks))
  }
  if (facts?.mutatingWebhooks && (ids.has("mutating-admission-webhook") || ids.has("mutating-admission-policy"))) {
    clusterNotes.push(mutatingWebhookNote(facts.mutatingWebhooks))
  }

  const texts = fellBack && node.fallback ? node.fallback : node
  return {
    node,
    fellBack,
    title: texts.title,
    summary: texts.summary,
    tradeoffs: texts.tradeoffs,
    primary,
    others,
    why,
    versionNotes,
    clusterNotes,
  }
}

// CLUSTER NOTES ------------------------------------------------------------------------------------

function validatingWebhookNote(names: readonly string[]): Localized {
  return names.length === 0
    ? l("Your cluster has no validating webhook configurations yet.", "你的集群目前还没有验证性准入 Webhook 配置。")
    : l(
        `Your cluster already has ${names.length} validating webhook configuration(s) (${join(names)}); each one adds latency and a failure point to matched requests.`,
        zh`你的集群已有${names.length}个验证性准入 Webhook 配置（${join(names, 5, "、")}）；每一个都会给匹配的请求增加延迟和失效点。`,
      )
}

function mutatingWebhookNote(names: readonly string[]): Localized {
  return names.length === 0
    ? l("Your cluster has no mutating webhook configurations yet.", "你的集群目前还没有变更性准入 Webhook 配置。")
    : l(
        `Your cluster already has ${names.length} mutating webhook configuration(s) (${join(names)}); check whether one already makes this change.`,
        zh`你的集群已有${names.length}个变更性准入 Webhook 配置（${join(names, 5, "、")}）；请检查其中是否已有实现此修改的配置。`,
      )
}

function questionView(node: QuestionNode, minor: KubernetesMinor, facts?: ClusterFacts): QuestionView {
  const notes: Localized[] = []
  let suggested: QuestionView["suggested"]
  if (facts) {
    if ((node.id === "validate-kind" || node.id === "validate-expr") && facts.validatingWebhooks) {
      notes.push(validatingWebhookNote(facts.validatingWebhooks))
    }
    if (node.id === "mutate-expr" && facts.mutatingWebhooks) notes.push(mutatingWebhookNote(facts.mutatingWebhooks))
    if (node.id === "api-storage" && facts.crdGroups && facts.crdGroups.length > 0) {
      const groups = [...new Set(facts.crdGroups)].sort()
      notes.push(
        l(
          `Your cluster already serves custom resources in ${groups.length} API group(s) (${join(groups)}); check whether one already provides the type you need.`,
          zh`你的集群已在${groups.length}个 API 组中提供定制资源（${join(groups, 5, "、")}）；请检查其中是否已有你需要的类别。`,
        ),
      )
    }
    if (node.id === "hardware-kind") {
      const gv = servedInCluster("dra-driver", minor, facts)
      if (gv) notes.push(l(`Your cluster serves ${gv}: Dynamic Resource Allocation is on.`, zh`你的集群提供${gv}：动态资源分配已启用。`))
    }
    if (node.id === "image-control" && facts.version && MANAGED_SUFFIX.test(facts.version)) {
      suggested = {
        answer: "no",
        reason: l(
          `Your cluster's version ${facts.version} indicates a managed control plane, whose kube-apiserver flags you cannot set.`,
          zh`你的集群版本${facts.version}表明它是托管控制平面，无法设置其 kube-apiserver 参数。`,
        ),
      }
    }
  }
  return { node, clusterNotes: notes, ...(suggested ? { suggested } : {}) }
}

// MINOR ------------------------------------------------------------------------------------------------

function resolveMinor(
  options: EvaluateOptions,
  errors: FieldError[],
): { minor: KubernetesMinor; source: Evaluation["minorSource"]; notes: Localized[] } {
  const notes: Localized[] = []
  let clusterMinor: string | undefined
  const version = options.clusterFacts?.version
  if (version !== undefined) {
    clusterMinor = minorFromVersion(version)
    if (!clusterMinor) errors.push({ field: "clusterFacts.version", message: `"${version}" is not a Kubernetes version like v1.33.4` })
  }
  if (options.minor !== undefined) {
    if (!isKubernetesMinor(options.minor)) {
      errors.push({ field: "minor", message: `Unsupported Kubernetes minor "${String(options.minor)}"; use one of ${KUBERNETES_MINORS.join(", ")}` })
    } else if (clusterMinor && clusterMinor !== options.minor) {
      notes.push(
        l(
          `Your cluster runs ${clusterMinor}; this advice is for the selected ${options.minor}.`,
          zh`你的集群运行的是${clusterMinor}；本建议针对所选的${options.minor}。`,
        ),
      )
    }
    return { minor: isKubernetesMinor(options.minor) ? options.minor : LATEST_MINOR, source: "option", notes }
  }
  if (clusterMinor) {
    if (isKubernetesMinor(clusterMinor)) return { minor: clusterMinor, source: "cluster", notes }
    const oldest = KUBERNETES_MINORS[0]
    const nearest = compareMinor(clusterMinor, oldest) < 0 ? oldest : LATEST_MINOR
    notes.push(
      l(
        `Your cluster runs ${clusterMinor}, outside the supported ${oldest}–${LATEST_MINOR}; the advice is for ${nearest}.`,
        zh`你的集群运行的是${clusterMinor}，超出支持范围${`${oldest}–${LATEST_MINOR}`}；本建议针对${nearest}。`,
      ),
    )
    return { minor: nearest, source: "cluster", notes }
  }
  return { minor: LATEST_MINOR, source: "default", notes }
}

// EVALUATE ---------------------------------------------------------------------------------------------

export function evaluate(answers: AdvisorAnswers, options: EvaluateOptions = {}): Result<Evaluation> {
  const errors: FieldError[] = []
  let facts: ClusterFacts | undefined
  if (options.clusterFacts !== undefined) {
    const parsed = clusterFactsSchema.safeParse(options.clusterFacts)
    if (parsed.success) facts = parsed.data
    else
      for (const issue of parsed.error.issues)
        errors.push({ field: ["clusterFacts", ...issue.path.map(String)].join("."), message: issue.message })
  }
  const { minor, source, notes } = resolveMinor({ ...options, clusterFacts: facts }, errors)

  const given = new Map<string, string>()
  for (const [q, a] of answers) {
    const field = `a.${q}`
    const node = getNode(q)
    if (!node || node.kind !== "question") errors.push({ field, message: `Unknown question "${q}"` })
    else if (given.has(q)) errors.push({ field, message: `Question "${q}" is answered twice` })
    else if (!node.answers.some((x) => x.id === a)) {
      errors.push({ field, message: `"${a}" is not an answer to "${q}"; use one of ${node.answers.map((x) => x.id).join(", ")}` })
    } else given.set(q, a)
  }
  if (errors.length > 0) return { ok: false, errors }

  const path: PathStep[] = []
  const visited: string[] = []
  const why: Localized[] = []
  const adds: MechanismId[] = []
  let current = START_NODE_ID
  let nextQuestion: QuestionView | undefined
  let outcome: OutcomeView | undefined

  // Bounded by the node count: the graph is acyclic (checked by tests), this only guards bad data.
  for (let step = 0; step <= ADVISOR_NODES.length; step++) {
    const node = getNode(current)
    if (!node) return { ok: false, errors: [{ field: "graph", message: `Dangling edge to "${current}"` }] }
    visited.push(node.id)
    if (node.kind === "section") {
      current = node.next
      continue
    }
    if (node.kind === "outcome") {
      outcome = buildOutcome(node, why, adds, minor, facts)
      break
    }
    const answerId = given.get(node.id)
    if (answerId === undefined) {
      nextQuestion = questionView(node, minor, facts)
      break
    }
    const answer = node.answers.find((x) => x.id === answerId)
    if (!answer) break // unreachable: validated above
    given.delete(node.id)
    path.push({ question: node.id, answer: answer.id })
    why.push(answer.reason)
    adds.push(...(answer.adds ?? []))
    current = answer.next
  }

  for (const q of given.keys()) {
    errors.push({ field: `a.${q}`, message: `Question "${q}" is not on the path of the earlier answers` })
  }
  if (errors.length > 0) return { ok: false, errors }
  if (!nextQuestion && !outcome) return { ok: false, errors: [{ field: "graph", message: "The path does not terminate" }] }

  return {
    ok: true,
    value: {
      minor,
      minorSource: source,
      path,
      visited,
      ...(nextQuestion ? { nextQuestion } : {}),
      ...(outcome ? { outcome } : {}),
      clusterNotes: notes,
    },
  }
}
