// The JSON protocol of the WebAssembly engine (engine/*.go). Field names match the Go structs.

export const KUBERNETES_MINORS = ["1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36", "1.37"] as const
export type Minor = (typeof KUBERNETES_MINORS)[number]

export type K8sObject = {
  apiVersion?: string
  kind?: string
  metadata?: {
    name?: string
    generateName?: string
    namespace?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
    [k: string]: unknown
  }
  [k: string]: unknown
}

export type ResourceInfo = {
  group: string
  version: string
  resource: string
  kind: string
  subresource?: string
  namespaced: boolean
}

export type MatchStep = { criterion: string; matched: boolean; detail?: string }

export type AuthzRule = {
  users?: string[]
  groups?: string[]
  verbs?: string[]
  apiGroups?: string[]
  resources?: string[]
  subresource?: string
  namespaces?: string[]
  names?: string[]
  paths?: string[]
  decision: "allow" | "deny"
  reason?: string
}
export type AuthorizerConfig = { default?: "allow" | "deny" | ""; rules?: AuthzRule[] }

export type CompileRequest = {
  minor: Minor
  policy: K8sObject
  bindings?: K8sObject[]
  params?: K8sObject[]
  paramResource?: ResourceInfo
  namespaces?: K8sObject[]
  authorizer?: AuthorizerConfig
  crds?: K8sObject[]
  equivalents?: ResourceInfo[][]
}

export type Diagnostic = {
  path: string
  severity: "error" | "warning"
  message: string
  line?: number
  column?: number
  phase: "write" | "runtime" | "lab"
}

export type ExpressionInfo = {
  path: string
  expression: string
  estimatedMin?: number
  estimatedMax?: number
  limit: number
  outputType?: string
  runtimeError?: string
}

export type BindingInfo = { name: string; policyName: string; applies: boolean; diagnostics?: Diagnostic[] }

export type PolicyKind = "ValidatingAdmissionPolicy" | "MutatingAdmissionPolicy" | "CustomResourceDefinition"

export type CompileResult = {
  handle: number
  kind: PolicyKind
  name: string
  minor: string
  diagnostics: Diagnostic[]
  expressions: ExpressionInfo[]
  bindings: BindingInfo[]
}

export type Operation = "CREATE" | "UPDATE" | "DELETE" | "CONNECT"

export type UserInfo = { username: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> }

export type Case = {
  id: string
  operation: Operation
  object?: K8sObject | null
  oldObject?: K8sObject | null
  resource: ResourceInfo
  userInfo?: UserInfo
  dryRun?: boolean
  options?: Record<string, unknown>
}

export type ExpressionResult = {
  index: number
  expression: string
  outcome: "pass" | "fail" | "error" | "skipped"
  value?: string
  message?: string
  reason?: string
  error?: string
  cost?: number
  messageExpression?: string
  messageExpressionResult?: string
  messageExpressionError?: string
  messageExpressionCost?: number
}

export type AuditAnnotationResult = { key: string; action: "publish" | "exclude" | "error"; value?: string; error?: string; cost?: number }

export type ParamEvaluation = {
  param?: string
  matchConditions?: { matches: boolean; failedCondition?: string; error?: string }
  validations?: ExpressionResult[]
  auditAnnotations?: AuditAnnotationResult[]
  error?: string
  validationCost: number
  messageCost: number
  auditCost: number
}

export type Effect = "admit" | "deny" | "warn" | "audit"

export type BindingResult = {
  name: string
  matched: boolean
  why?: MatchStep[]
  configError?: string
  actions: string[]
  evaluations?: ParamEvaluation[]
  effects: Effect[]
}

export type Status = { code: number; reason: string; message: string; causes?: string[] }

export type Verdict = { allowed: boolean; status?: Status; warnings: string[]; auditAnnotations?: Record<string, string> }

export type MutationStep = {
  pass: number
  binding: string
  param?: string
  index: number
  patchType: string
  value?: unknown
  error?: string
  cost: number
  changed: boolean
  skipped?: string
}

export type MutationResult = {
  before?: K8sObject
  after?: K8sObject
  steps: MutationStep[]
  errors?: string[]
  passes: number
}

export type CRDFieldError = { field: string; type: string; detail: string; text: string; source: "cel" | "schema" }
export type CRDResult = { errors: CRDFieldError[]; warnings?: string[]; cost: number; budget: number; celSkipped?: boolean }

export type CaseResult = {
  id: string
  inputError?: string
  inputWarnings?: string[]
  policy?: { matched: boolean; why?: MatchStep[]; matchedResource?: string; matchedKind?: string; configError?: string }
  bindings?: BindingResult[]
  verdict?: Verdict
  mutation?: MutationResult
  crd?: CRDResult
  elapsedUs: number
}

export type EvaluateRequest = {
  handle: number
  cases: Case[]
  /** Per-expression detail only for what did not pass (thousands of live objects). */
  summary?: boolean
  /** The same objects will be sent again (the lab re-evaluates them after every edit): the engine keeps built-in objects decoded. */
  keepDecoded?: boolean
}
export type EvaluateResult = { results: CaseResult[] }

export type EngineInfo = {
  engineVersion: number
  kubernetesVersion: string
  celGoVersion: string
  goVersion: string
  minors: string[]
}

/** Anything that can run the engine: the browser worker pool or the Node instance. */
export interface Engine {
  compile(req: CompileRequest): Promise<CompileResult>
  evaluate(req: EvaluateRequest): Promise<EvaluateResult>
  release(handle: number): Promise<void>
  info(): Promise<EngineInfo>
}

/** Runtime limits of kube-apiserver 1.37 (k8s.io/apiserver/pkg/apis/cel/config.go). */
export const CEL_LIMITS = {
  perCall: 1_000_000,
  runtimeBudget: 10_000_000,
  matchConditionsBudget: 2_500_000,
  crdRuleEstimate: 10_000_000,
  crdTotalEstimate: 100_000_000,
} as const

/** The effective outcome of a case: what the request would experience. */
export type Outcome = "denied" | "warned" | "audited" | "mutated" | "allowed" | "not-matched" | "error"

export function outcomeOf(r: CaseResult): Outcome {
  if (r.inputError) return "error"
  if (r.verdict && !r.verdict.allowed) return "denied"
  if (r.crd) return r.verdict?.allowed === false ? "denied" : "allowed"
  if (r.policy && !r.policy.matched) return "not-matched"
  if (r.verdict?.warnings.length) return "warned"
  if (r.bindings?.some((b) => b.effects.includes("audit"))) return "audited"
  if (r.mutation?.steps.some((s) => s.changed)) return "mutated"
  if (r.bindings && r.bindings.length > 0 && !r.bindings.some((b) => b.matched)) return "not-matched"
  return "allowed"
}
