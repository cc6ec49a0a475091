import { describe, expect, it } from "vitest"

import type { KubernetesMinor, MechanismId } from "@/lib/catalog"

import { OUTCOMES, evaluate } from "./index"

const API = ["new-types:yes"]
const ACCESS = ["new-types:no", "restrict-or-edit:yes"]
const INFRA = ["new-types:no", "restrict-or-edit:no", "change-implementation:yes", "change-volumes-services:yes"]
const AUTO = ["new-types:no", "restrict-or-edit:no", "change-implementation:no"]
const AUTO_VIA_Q4 = ["new-types:no", "restrict-or-edit:no", "change-implementation:yes", "change-volumes-services:no"]

type Scenario = {
  name: string
  path: string[]
  minor?: KubernetesMinor
  outcome: string
  primary: MechanismId
  others?: MechanismId[]
}

const SCENARIOS: Scenario[] = [
  // API extensions
  { name: "metrics-like API computed on request", path: [...API, "api-storage:no"], outcome: "aggregated-api", primary: "api-aggregation" },
  { name: "plain data type with schema only", path: [...API, "api-storage:yes", "api-rules:schema", "api-behaviour:no"], outcome: "crd", primary: "custom-resource-definition" },
  { name: "data type with cross-field CEL rules", path: [...API, "api-storage:yes", "api-rules:cel", "api-behaviour:no"], outcome: "crd", primary: "custom-resource-definition" },
  { name: "data type with admin policies", path: [...API, "api-storage:yes", "api-rules:policy", "api-behaviour:no"], outcome: "crd", primary: "custom-resource-definition", others: ["validating-admission-policy"] },
  { name: "data type checked against inventory", path: [...API, "api-storage:yes", "api-rules:external", "api-behaviour:no"], outcome: "crd", primary: "custom-resource-definition", others: ["validating-admission-webhook"] },
  { name: "MySQL clusters via operator", path: [...API, "api-storage:yes", "api-rules:cel", "api-behaviour:yes"], outcome: "operator", primary: "operator", others: ["custom-resource-definition", "controller"] },
  { name: "operator with external checks", path: [...API, "api-storage:yes", "api-rules:external", "api-behaviour:yes"], outcome: "operator", primary: "operator", others: ["custom-resource-definition", "controller", "validating-admission-webhook"] },
  { name: "operator with policy", path: [...API, "api-storage:yes", "api-rules:policy", "api-behaviour:yes"], outcome: "operator", primary: "operator", others: ["custom-resource-definition", "controller", "validating-admission-policy"] },
  // API access: authentication
  { name: "OIDC SSO", path: [...ACCESS, "access-goal:identity", "authn-kind:oidc"], outcome: "structured-authn", primary: "structured-authentication", others: ["exec-credential-plugin"] },
  { name: "own opaque tokens", path: [...ACCESS, "access-goal:identity", "authn-kind:token"], outcome: "authn-webhook", primary: "authentication-webhook" },
  { name: "corporate auth proxy", path: [...ACCESS, "access-goal:identity", "authn-kind:proxy"], outcome: "authn-proxy", primary: "authenticating-proxy" },
  { name: "kubectl must fetch tokens", path: [...ACCESS, "access-goal:identity", "authn-kind:client"], outcome: "exec-credential", primary: "exec-credential-plugin" },
  // authorization
  { name: "team read access", path: [...ACCESS, "access-goal:permission", "authz-shape:yes"], outcome: "rbac", primary: "policy-apis" },
  { name: "on-call ticket based access", path: [...ACCESS, "access-goal:permission", "authz-shape:no"], outcome: "authz-webhook", primary: "authorization-webhook", others: ["policy-apis"] },
  // validation
  { name: "owner label on Deployments", path: [...ACCESS, "access-goal:reject", "validate-kind:fields", "validate-expr:yes"], outcome: "vap", primary: "validating-admission-policy" },
  { name: "owner must exist in HR system", path: [...ACCESS, "access-goal:reject", "validate-kind:fields", "validate-expr:no"], outcome: "validating-webhook", primary: "validating-admission-webhook", others: ["validating-admission-policy"] },
  { name: "no privileged pods", path: [...ACCESS, "access-goal:reject", "validate-kind:pod-security"], outcome: "pod-security", primary: "validating-admission-policy" },
  { name: "signed images, self-managed", path: [...ACCESS, "access-goal:reject", "validate-kind:images", "image-control:yes"], outcome: "image-policy-webhook", primary: "image-policy-webhook" },
  { name: "signed images, managed cluster", path: [...ACCESS, "access-goal:reject", "validate-kind:images", "image-control:no"], outcome: "validating-webhook", primary: "validating-admission-webhook" },
  // mutation, version-aware
  { name: "sidecar via CEL on 1.37", path: [...ACCESS, "access-goal:change", "mutate-expr:yes"], minor: "1.37", outcome: "mutating-policy", primary: "mutating-admission-policy", others: ["validating-admission-policy"] },
  { name: "sidecar via CEL on 1.36", path: [...ACCESS, "access-goal:change", "mutate-expr:yes"], minor: "1.36", outcome: "mutating-policy", primary: "mutating-admission-policy" },
  { name: "sidecar via CEL on 1.35 (beta, off)", path: [...ACCESS, "access-goal:change", "mutate-expr:yes"], minor: "1.35", outcome: "mutating-policy", primary: "mutating-admission-webhook", others: ["mutating-admission-policy"] },
  { name: "sidecar via CEL on 1.34 (beta, off)", path: [...ACCESS, "access-goal:change", "mutate-expr:yes"], minor: "1.34", outcome: "mutating-policy", primary: "mutating-admission-webhook", others: ["mutating-admission-policy"] },
  { name: "sidecar via CEL on 1.33 (alpha)", path: [...ACCESS, "access-goal:change", "mutate-expr:yes"], minor: "1.33", outcome: "mutating-policy", primary: "mutating-admission-webhook" },
  { name: "sidecar via CEL on 1.30 (absent)", path: [...ACCESS, "access-goal:change", "mutate-expr:yes"], minor: "1.30", outcome: "mutating-policy", primary: "mutating-admission-webhook" },
  { name: "inject Vault secrets", path: [...ACCESS, "access-goal:change", "mutate-expr:no"], outcome: "mutating-webhook", primary: "mutating-admission-webhook" },
  { name: "namespace quotas", path: [...ACCESS, "access-goal:quota"], outcome: "quota", primary: "policy-apis" },
  // Infrastructure
  { name: "storage array", path: [...INFRA, "infra-area:storage", "storage-kind:no"], outcome: "csi", primary: "csi-driver" },
  { name: "FlexVolume migration", path: [...INFRA, "infra-area:storage", "storage-kind:yes"], outcome: "csi-migration", primary: "csi-driver", others: ["flexvolume"] },
  { name: "new pod network", path: [...INFRA, "infra-area:network", "network-kind:implement"], outcome: "cni", primary: "cni-plugin" },
  { name: "bandwidth limits", path: [...INFRA, "infra-area:network", "network-kind:chain"], outcome: "cni", primary: "cni-plugin" },
  { name: "namespace isolation", path: [...INFRA, "infra-area:network", "network-kind:isolate"], outcome: "network-policy", primary: "policy-apis", others: ["cni-plugin"] },
  { name: "whole FPGAs", path: [...INFRA, "infra-area:hardware", "hardware-kind:count"], outcome: "device-plugin", primary: "device-plugin" },
  { name: "GPU sharing on 1.37", path: [...INFRA, "infra-area:hardware", "hardware-kind:select"], minor: "1.37", outcome: "dra", primary: "dra-driver" },
  { name: "GPU sharing on 1.34", path: [...INFRA, "infra-area:hardware", "hardware-kind:select"], minor: "1.34", outcome: "dra", primary: "dra-driver" },
  { name: "GPU sharing on 1.33 falls back", path: [...INFRA, "infra-area:hardware", "hardware-kind:select"], minor: "1.33", outcome: "dra", primary: "device-plugin", others: ["dra-driver"] },
  { name: "ECR-like registry", path: [...INFRA, "infra-area:image-pull"], outcome: "credential-provider", primary: "image-credential-provider" },
  { name: "own ingress proxy", path: [...INFRA, "infra-area:traffic"], outcome: "traffic-controller", primary: "controller", others: ["cni-plugin"] },
  // Automation
  { name: "label new namespaces", path: [...AUTO, "automation-target:builtin"], outcome: "controller", primary: "controller" },
  { name: "database from automation", path: [...AUTO, "automation-target:app"], outcome: "operator", primary: "operator" },
  { name: "pack pods", path: [...AUTO, "automation-target:scheduling", "sched-config:yes"], outcome: "scheduler-configuration", primary: "scheduler-configuration" },
  { name: "licence-aware filter in Go", path: [...AUTO, "automation-target:scheduling", "sched-config:no", "sched-fit:yes", "sched-build:yes"], outcome: "scheduler-plugin", primary: "scheduler-plugin" },
  { name: "Python placement service", path: [...AUTO, "automation-target:scheduling", "sched-config:no", "sched-fit:yes", "sched-build:no"], outcome: "scheduler-extender", primary: "scheduler-extender" },
  { name: "gang scheduling", path: [...AUTO, "automation-target:scheduling", "sched-config:no", "sched-fit:no"], outcome: "second-scheduler", primary: "multiple-schedulers" },
  { name: "release command", path: [...AUTO, "automation-target:cli"], outcome: "kubectl-plugin", primary: "kubectl-plugin" },
  { name: "team quotas via automation", path: [...AUTO, "automation-target:policy", "configure-kind:quota"], outcome: "quota", primary: "policy-apis" },
  { name: "team permissions", path: [...AUTO, "automation-target:policy", "configure-kind:permissions"], outcome: "rbac", primary: "policy-apis" },
  { name: "team isolation", path: [...AUTO, "automation-target:policy", "configure-kind:isolation"], outcome: "network-policy", primary: "policy-apis" },
  { name: "GPUs reached through automation", path: [...AUTO, "automation-target:node", "infra-area:hardware", "hardware-kind:count"], outcome: "device-plugin", primary: "device-plugin" },
  { name: "SSO reached after answering no to Q2", path: [...AUTO, "automation-target:login", "authn-kind:oidc"], outcome: "structured-authn", primary: "structured-authentication" },
  { name: "Q4 no goes to automation", path: [...AUTO_VIA_Q4, "automation-target:builtin"], outcome: "controller", primary: "controller" },
]

const pairs = (path: string[]) => path.map((p) => p.split(":") as [string, string])

describe("advisor scenarios", () => {
  it("has at least 40 scenarios covering every outcome", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(40)
    const covered = new Set(SCENARIOS.map((s) => s.outcome))
    expect(OUTCOMES.map((o) => o.id).filter((id) => !covered.has(id))).toEqual([])
  })

  for (const s of SCENARIOS) {
    it(`${s.name} → ${s.primary}`, () => {
      const r = evaluate(pairs(s.path), s.minor ? { minor: s.minor } : {})
      if (!r.ok) throw new Error(JSON.stringify(r.errors))
      expect(r.value.nextQuestion).toBeUndefined()
      expect(r.value.outcome?.node.id).toBe(s.outcome)
      expect(r.value.outcome?.primary.id).toBe(s.primary)
      const others = r.value.outcome?.others.map((o) => o.id) ?? []
      for (const o of s.others ?? []) expect(others).toContain(o)
      expect(r.value.path.map((p) => `${p.question}:${p.answer}`)).toEqual(s.path)
      expect(r.value.outcome?.why).toHaveLength(s.path.length)
    })
  }
})
