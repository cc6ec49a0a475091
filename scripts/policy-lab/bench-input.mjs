// The input of `npm run bench:policy-lab` (browser) and scripts/policy-lab/bench-engine.mjs (the
// same engine calls in Node): a 10-rule ValidatingAdmissionPolicy and n Pods, 1 in 7 violating.
export const RULES = [
  "object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))",
  "has(object.metadata.labels) && 'team' in object.metadata.labels",
  "object.spec.containers.all(c, has(c.resources.limits) && 'memory' in c.resources.limits)",
  "!has(object.spec.hostNetwork) || !object.spec.hostNetwork",
  "object.metadata.name.matches('^[a-z0-9-]+$')",
  "object.spec.containers.size() <= 5",
  "object.spec.containers.all(c, !c.image.endsWith(':latest'))",
  "!has(object.spec.volumes) || object.spec.volumes.all(v, !has(v.hostPath))",
  "object.spec.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged) || !c.securityContext.privileged)",
  "object.spec.containers.all(c, !has(c.resources.limits.memory) || quantity(c.resources.limits.memory).isLessThan(quantity('2Gi')))",
]

export const POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: pod-baseline}
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [pods]}]
  validations:
${RULES.map((r) => `  - expression: ${JSON.stringify(r)}`).join("\n")}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: pod-baseline}
spec: {policyName: pod-baseline, validationActions: [Deny]}
`

export function podsYaml(n) {
  const docs = []
  for (let i = 0; i < n; i++) {
    const bad = i % 7 === 0
    docs.push(`apiVersion: v1
kind: Pod
metadata: {name: web-${i}, namespace: ns-${i % 20}, labels: {${bad ? "" : "team: a, "}app: web}}
spec:
  containers:
  - {name: app, image: ${bad ? "docker.io/nginx:latest" : "registry.example.com/web:1.2"}, resources: {limits: {memory: 512Mi, cpu: "1"}}, securityContext: {privileged: false}}
  - {name: side, image: registry.example.com/side:2, resources: {limits: {memory: 64Mi}}}`)
  }
  return docs.join("\n---\n")
}
