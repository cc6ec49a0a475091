// What the lab's engine evaluates while the page is idle, so that the first large evaluation and
// the first switch of Kubernetes version do not pay for starting up.
//
// Two costs fall on the first calls. V8 runs the engine's WebAssembly first with its baseline
// compiler and compiles the hot functions again, optimized, on background threads; while the
// engine workers keep both cores busy those threads wait, so back-to-back evaluations of 1,000
// Pods took 440, 435, 300, 240 … 125 ms before reaching their pace (scripts/policy-lab/
// bench-engine.mjs, 2 workers). And the first compile for a minor builds that minor's CEL
// environments (50–140 ms in the browser). The workload is generic (sample Pods and
// Deployments, a policy of common library functions), not any policy the user has written.
import { buildBundle, buildCases } from "./cases"
import { splitPolicyDocuments } from "./parse"
import { KUBERNETES_MINORS, type Case, type CompileRequest, type K8sObject, type Minor } from "./protocol"
import { samplesFor } from "./samples"

const RULES = [
  "has(object.metadata.labels) && 'team' in object.metadata.labels",
  "object.metadata.name.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')",
  "object.kind != 'Pod' || object.spec.containers.all(c, !c.image.endsWith(':latest') && c.image.contains('/'))",
  "object.kind != 'Pod' || !has(object.spec.hostNetwork) || !object.spec.hostNetwork",
  "object.kind != 'Pod' || object.spec.containers.all(c, !has(c.resources.limits) || !('memory' in c.resources.limits) || quantity(c.resources.limits.memory).isLessThan(quantity('4Gi')))",
  "object.kind != 'Deployment' || !has(object.spec.replicas) || object.spec.replicas <= 10",
  "object.kind != 'Deployment' || object.spec.template.spec.containers.exists(c, has(c.securityContext) && has(c.securityContext.runAsNonRoot))",
  "!has(object.spec.volumes) || object.spec.volumes.all(v, !has(v.hostPath))",
]

const POLICY: K8sObject = {
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "ValidatingAdmissionPolicy",
  metadata: { name: "policy-lab-warm-up" },
  spec: {
    failurePolicy: "Fail",
    matchConstraints: {
      resourceRules: [
        { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["pods"] },
        { apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"] },
      ],
    },
    validations: RULES.map((expression, i) => ({ expression, messageExpression: `'rule ${i} failed for ' + object.metadata.name` })),
  },
}

/** Objects per warm-up evaluate call: one call delays a real request queued behind it by ~5–40 ms. */
export const WARM_UP_CHUNK = 25

export type WarmUpStep = { request: CompileRequest; cases: Case[]; rounds: number }

function objects(count: number): K8sObject[] {
  const samples = samplesFor([
    { group: "", resource: "pods" },
    { group: "apps", resource: "deployments" },
  ]).map((s) => s.object)
  return Array.from({ length: count }, (_, i) => {
    const o = samples[i % samples.length]!
    return { ...o, metadata: { ...o.metadata, name: `${o.metadata?.name ?? "sample"}-${i}`, namespace: `warm-up-${i % 4}` } }
  })
}

/**
 * The warm-up, in order: the minor being shown, evaluated a few rounds (the code that gets
 * optimized), then every other minor once with a few objects (their environments), nearest
 * first, as a version select is usually moved a step at a time.
 */
export function warmUpSteps(current: Minor, { objectsPerRound = 100, rounds = 3 } = {}): WarmUpStep[] {
  const parts = splitPolicyDocuments([POLICY])
  if (!parts.ok) throw new Error("the warm-up policy does not parse")
  const step = (minor: Minor, count: number, n: number): WarmUpStep => {
    const objs = objects(count)
    const { request } = buildBundle({ minor, parts: parts.value, objects: objs, authorizer: { default: "allow" } })
    const cases = buildCases(objs, { operation: "CREATE", crds: [] }).flatMap((b) => (b.case ? [b.case] : []))
    return { request, cases, rounds: n }
  }
  const at = KUBERNETES_MINORS.indexOf(current)
  const others = KUBERNETES_MINORS.filter((m) => m !== current).sort((a, b) => Math.abs(KUBERNETES_MINORS.indexOf(a) - at) - Math.abs(KUBERNETES_MINORS.indexOf(b) - at) || KUBERNETES_MINORS.indexOf(b) - KUBERNETES_MINORS.indexOf(a))
  return [step(current, objectsPerRound, rounds), ...others.map((m) => step(m, 4, 1))]
}
