// Types of the advisor's decision model: a DAG of questions, pass-through section nodes
// (the official chart's "Go to …" boxes) and outcomes that name catalog mechanisms.
import type {
  Availability,
  FeatureState,
  KubernetesMinor,
  Localized,
  LocalizedList,
  ManagedAvailability,
  MechanismId,
} from "@/lib/catalog"

/** Groups of the chart; the first is the official flowchart, the rest continue its terminals. */
export const ADVISOR_SECTIONS = [
  "official",
  "api",
  "access",
  "infrastructure",
  "automation",
  "client",
  "configuration",
] as const
export type AdvisorSection = (typeof ADVISOR_SECTIONS)[number]

export type AnswerOption = {
  /** Short id used in URLs (`q:answer`); lowercase letters, digits and dashes. */
  id: string
  label: Localized
  /** One sentence for the outcome's "why", phrased from the user's side. */
  reason: Localized
  /** Id of the node this answer leads to. */
  next: string
  /** Mechanisms this answer adds to whatever outcome the path ends in (e.g. a webhook for external checks). */
  adds?: readonly MechanismId[]
}

export type QuestionNode = {
  kind: "question"
  id: string
  section: AdvisorSection
  /** True for the four questions of the official chart (wording kept verbatim). */
  official?: boolean
  text: Localized
  /** Explains the terms in the question. */
  help: Localized
  examples: LocalizedList
  answers: readonly AnswerOption[]
}

/** A pass-through node: the official chart's terminal boxes, continued by our questions. */
export type SectionNode = {
  kind: "section"
  id: string
  section: AdvisorSection
  official?: boolean
  label: Localized
  /** Heading of the matching part of the official page. */
  title: Localized
  next: string
}

export type OutcomeNode = {
  kind: "outcome"
  id: string
  section: AdvisorSection
  title: Localized
  summary: Localized
  primary: MechanismId
  /** Becomes the primary when `primary` is not usable by default at the target minor. */
  fallbackPrimary?: MechanismId
  also: readonly MechanismId[]
  /** What to use instead when the primary does not fit (e.g. the webhook next to an admission policy). */
  alternatives?: readonly MechanismId[]
  /** Mechanisms the recommendation replaces (e.g. a deprecated FlexVolume driver); never "used with it". */
  replaces?: readonly MechanismId[]
  /** A built-in feature to use first, when one exists (nothing to build). */
  builtIn?: { name: Localized; how: Localized }
  tradeoffs: readonly Localized[]
  /** Used instead of title/summary/tradeoffs when `fallbackPrimary` becomes the primary. */
  fallback?: { title: Localized; summary: Localized; tradeoffs: readonly Localized[] }
  /** The simpler option that was considered, and why it is or is not enough. */
  simpler: { mechanism?: MechanismId; text: Localized }
}

export type AdvisorNode = QuestionNode | SectionNode | OutcomeNode

/** Facts read from a live cluster by the inspector; every field is optional. */
export type ClusterFacts = {
  /** `gitVersion` from /version, e.g. "v1.33.4" or "v1.33.4-eks-1a2b3c". */
  version?: string
  /** Served group/versions from discovery, e.g. "admissionregistration.k8s.io/v1beta1" or "v1". */
  servedApiVersions?: readonly string[]
  /** Names of ValidatingWebhookConfiguration objects. */
  validatingWebhooks?: readonly string[]
  /** Names of MutatingWebhookConfiguration objects. */
  mutatingWebhooks?: readonly string[]
  /** API groups of installed CRDs. */
  crdGroups?: readonly string[]
}

export type AdvisorAnswers = ReadonlyArray<readonly [questionId: string, answerId: string]>

export type EvaluateOptions = {
  /** Target minor; when absent the cluster's version is used, then the latest minor. */
  minor?: KubernetesMinor
  clusterFacts?: ClusterFacts
}

export type FieldError = { field: string; message: string }
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] }

export type PathStep = { question: string; answer: string }

export type QuestionView = {
  node: QuestionNode
  /** Notes derived from cluster facts (e.g. "your cluster already has 3 validating webhooks"). */
  clusterNotes: Localized[]
  /** An answer the cluster facts point to; the user still decides. */
  suggested?: { answer: string; reason: Localized }
}

export type MechanismRole = "primary" | "also" | "alternative" | "replaced"

export type MechanismView = {
  id: MechanismId
  role: MechanismRole
  state: FeatureState
  availability: Availability
  /** True when the cluster serves the mechanism's API at this minor although it is off by default. */
  enabledInCluster: boolean
  /** First supported minor where the mechanism is on by default, if any. */
  availableFrom?: KubernetesMinor
  managed: { availability: ManagedAvailability; note: Localized }
}

export type OutcomeView = {
  node: OutcomeNode
  /** True when the version (or cluster) made `fallbackPrimary` the primary. */
  fellBack: boolean
  /** Resolved for the effective primary (the fallback's texts when fellBack). */
  title: Localized
  summary: Localized
  tradeoffs: readonly Localized[]
  primary: MechanismView
  others: MechanismView[]
  /** One sentence per answered question, in path order. */
  why: Localized[]
  /** Derived from the catalog states at the target minor. */
  versionNotes: Localized[]
  clusterNotes: Localized[]
}

export type Evaluation = {
  minor: KubernetesMinor
  minorSource: "option" | "cluster" | "default"
  path: PathStep[]
  /** Every node id passed, in order (questions, sections and the outcome). */
  visited: string[]
  nextQuestion?: QuestionView
  outcome?: OutcomeView
  /** Notes about the cluster as a whole (version mismatch, unsupported version). */
  clusterNotes: Localized[]
}
