// The data the map needs, cut from the catalog for one locale. Built on the server and passed to
// the client as props, so the browser bundle does not carry the whole bilingual catalog.
import {
  API_REQUEST_STAGES,
  EXTENSION_POINTS,
  KUBERNETES_MINORS,
  MECHANISMS,
  availabilityAt,
  mechanismsAtPoint,
  mechanismsAtStage,
  stateAt,
  type ApiRequestStage,
  type Availability,
  type KubernetesMinor,
  type Locale,
  type Maturity,
  type MechanismId,
  type PointId,
} from "@/lib/catalog"
import { handoffFor, starterTargetFor } from "@/lib/advisor/handoff"

export type MechanismStateView = {
  maturity: Maturity
  enabledByDefault: boolean
  availability: Availability
}

export type MechanismView = {
  id: MechanismId
  point: PointId
  stage?: ApiRequestStage
  name: string
  summary: string
  states: Record<KubernetesMinor, MechanismStateView>
  /** The advisor's answers that lead to this mechanism (`q:a,q:a`), derived from the decision graph; absent when none do. */
  advisorAnswers?: string
  /** The starter to offer: its own or its replacement's; absent when there is none. */
  starter?: MechanismId
}

export type PointView = {
  id: PointId
  /** "1".."7" for the numbered points of the figure; null for "configure before you extend". */
  number: string | null
  name: string
  component: string
  summary: string
  docUrl: string
  mechanisms: MechanismId[]
}

export type StageView = { stage: ApiRequestStage; mechanisms: MechanismId[] }

export type MapModel = {
  points: PointView[]
  mechanisms: Partial<Record<MechanismId, MechanismView>>
  stages: StageView[]
}

const DOCS_BASE = "https://kubernetes.io/docs/concepts/extend-kubernetes/"
// kubernetes.io serves the Chinese translation under /zh-cn/.
const DOCS_BASE_ZH = "https://kubernetes.io/zh-cn/docs/concepts/extend-kubernetes/"

export function buildMapModel(locale: Locale): MapModel {
  const mechanisms: Partial<Record<MechanismId, MechanismView>> = {}
  for (const m of MECHANISMS) {
    const states = {} as Record<KubernetesMinor, MechanismStateView>
    for (const minor of KUBERNETES_MINORS) {
      const s = stateAt(m, minor)
      states[minor] = {
        maturity: s.maturity,
        enabledByDefault: s.enabledByDefault,
        availability: availabilityAt(m, minor),
      }
    }
    mechanisms[m.id] = {
      id: m.id,
      point: m.point,
      ...(m.apiStage ? { stage: m.apiStage } : {}),
      name: m.name[locale],
      summary: m.summary[locale],
      states,
      ...handoffFields(m.id),
    }
  }
  // Numbered points first (figure order), then "configure before you extend".
  const ordered = [...EXTENSION_POINTS].sort((a, b) => rank(a.id) - rank(b.id))
  const points = ordered.map((p) => ({
    id: p.id,
    number: p.id === "configuration" ? null : p.id,
    name: p.name[locale],
    component: p.component[locale],
    summary: p.summary[locale],
    docUrl: (locale === "zh-CN" ? DOCS_BASE_ZH : DOCS_BASE) + p.docAnchor,
    mechanisms: mechanismsAtPoint(p.id).map((m) => m.id),
  }))
  const stages = API_REQUEST_STAGES.map((stage) => ({
    stage,
    mechanisms: mechanismsAtStage(stage).map((m) => m.id),
  }))
  return { points, mechanisms, stages }
}

function handoffFields(id: MechanismId): Pick<MechanismView, "advisorAnswers" | "starter"> {
  const handoff = handoffFor(id)
  const starter = starterTargetFor(id)
  return {
    ...(handoff ? { advisorAnswers: handoff.answers.map((s) => `${s.question}:${s.answer}`).join(",") } : {}),
    ...(starter ? { starter } : {}),
  }
}

function rank(id: PointId): number {
  return id === "configuration" ? 99 : Number(id)
}
