import { describe, expect, it } from "vitest"

import { KUBERNETES_MINORS, type KubernetesMinor, type MechanismId } from "@/lib/catalog"

import {
  OUTCOMES,
  QUESTIONS,
  START_NODE_ID,
  advisorPageTitle,
  evaluate,
  getNode,
  getOutcome,
  getQuestion,
  questionProgress,
  type ClusterFacts,
  type Evaluation,
  type MechanismRole,
} from "./index"

const API = ["new-types:yes"]
const ACCESS = ["new-types:no", "restrict-or-edit:yes"]
const INFRA = ["new-types:no", "restrict-or-edit:no", "change-implementation:yes", "change-volumes-services:yes"]
const AUTO = ["new-types:no", "restrict-or-edit:no", "change-implementation:no"]
const AUTO_VIA_Q4 = ["new-types:no", "restrict-or-edit:no", "change-implementation:yes", "change-volumes-services:no"]
/** "No" to all official questions, then "nothing should act on its own". */
const OTHER = [...AUTO, "automation-target:none"]
const MUTATE = [...ACCESS, "access-goal:change"]
const VALIDATE = [...ACCESS, "access-goal:reject"]
const SCHED = [...AUTO, "automation-target:scheduling"]
const EXISTING_CR = [...OTHER, "other-need:existing-cr"]

type Scenario = {
  name: string
  path: string[]
  minor?: KubernetesMinor
  clusterFacts?: ClusterFacts
  outcome: string
  primary: MechanismId
  /** Mechanisms that must be listed besides the primary (any role). */
  others?: MechanismId[]
  /** Roles that must match exactly. */
  roles?: Partial<Record<MechanismId, MechanismRole>>
  /** Mechanisms that must not be listed at all. */
  absent?: MechanismId[]
}

const pairs = (path: string[]) => path.map((p) => p.split(":") as [string, string])

function run(path: string[], minor?: KubernetesMinor, clusterFacts?: ClusterFacts): Evaluation {
  const r = evaluate(pairs(path), { ...(minor ? { minor } : {}), ...(clusterFacts ? { clusterFacts } : {}) })
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.value
}

const SCENARIOS: Scenario[] = [
  // API extensions
  { name: "metrics-like API computed on request", path: [...API, "api-storage:no"], outcome: "aggregated-api", primary: "api-aggregation" },
  { name: "plain data type with schema only", path: [...API, "api-storage:yes", "api-rules:schema", "api-behaviour:no"], outcome: "crd", primary: "custom-resource-definition" },
  { name: "data type with cross-field CEL rules", path: [...API, "api-storage:yes", "api-rules:cel", "api-behaviour:no"], outcome: "crd", primary: "custom-resource-definition" },
  { name: "data type with admin policies", path: [...API, "api-storage:yes", "api-rules:policy", "api-behaviour:no"], outcome: "crd", primary: "custom-resource-definition", others: ["validating-admission-policy"] },
  { name: "data type checked against inventory", path: [...API, "api-storage:yes", "api-rules:external", "api-behaviour:no"], outcome: "crd", primary: "custom-resource-definition", others: ["validating-admission-webhook"] },
  { name: "not sure the type fits ordinary storage: CRD first", path: [...API, "api-storage:not-sure", "api-rules:schema", "api-behaviour:no"], outcome: "crd", primary: "custom-resource-definition" },
  { name: "MySQL clusters via operator", path: [...API, "api-storage:yes", "api-rules:cel", "api-behaviour:yes"], outcome: "operator", primary: "operator", others: ["custom-resource-definition", "controller"] },
  { name: "operator with external checks", path: [...API, "api-storage:yes", "api-rules:external", "api-behaviour:yes"], outcome: "operator", primary: "operator", others: ["custom-resource-definition", "controller", "validating-admission-webhook"] },
  { name: "operator with policy", path: [...API, "api-storage:yes", "api-rules:policy", "api-behaviour:yes"], outcome: "operator", primary: "operator", others: ["custom-resource-definition", "controller", "validating-admission-policy"] },
  // API access: authentication
  { name: "OIDC SSO", path: [...ACCESS, "access-goal:identity", "authn-kind:oidc"], outcome: "structured-authn", primary: "structured-authentication", others: ["exec-credential-plugin"] },
  { name: "own opaque tokens", path: [...ACCESS, "access-goal:identity", "authn-kind:token"], outcome: "authn-webhook", primary: "authentication-webhook" },
  { name: "corporate auth proxy", path: [...ACCESS, "access-goal:identity", "authn-kind:proxy"], outcome: "authn-proxy", primary: "authenticating-proxy" },
  { name: "kubectl must fetch tokens", path: [...ACCESS, "access-goal:identity", "authn-kind:client"], outcome: "exec-credential", primary: "exec-credential-plugin" },
  // authorization
  { name: "team read access: RBAC is primary", path: [...ACCESS, "access-goal:permission", "authz-shape:yes"], outcome: "rbac", primary: "policy-apis" },
  { name: "on-call ticket based access", path: [...ACCESS, "access-goal:permission", "authz-shape:no"], outcome: "authz-webhook", primary: "authorization-webhook", others: ["policy-apis"] },
  { name: "not sure the rule fits RBAC: RBAC first", path: [...ACCESS, "access-goal:permission", "authz-shape:not-sure"], outcome: "rbac", primary: "policy-apis" },
  // validation
  { name: "owner label on Deployments", path: [...VALIDATE, "validate-kind:fields", "validate-expr:yes"], outcome: "vap", primary: "validating-admission-policy", roles: { "validating-admission-webhook": "alternative" } },
  { name: "not sure CEL can express the rule: VAP first, webhook alternative", path: [...VALIDATE, "validate-kind:fields", "validate-expr:not-sure"], outcome: "vap", primary: "validating-admission-policy", roles: { "validating-admission-webhook": "alternative" } },
  { name: "owner must exist in HR system", path: [...VALIDATE, "validate-kind:fields", "validate-expr:no"], outcome: "validating-webhook", primary: "validating-admission-webhook", others: ["validating-admission-policy"] },
  { name: "no privileged pods: Pod Security Admission is primary", path: [...VALIDATE, "validate-kind:pod-security"], outcome: "pod-security", primary: "pod-security-admission", roles: { "validating-admission-policy": "alternative" } },
  { name: "signed images, self-managed", path: [...VALIDATE, "validate-kind:images", "image-control:yes"], outcome: "image-policy-webhook", primary: "image-policy-webhook" },
  { name: "signed images, managed cluster", path: [...VALIDATE, "validate-kind:images", "image-control:no"], outcome: "validating-webhook", primary: "validating-admission-webhook" },
  { name: "signed images, not sure about flags: webhook works everywhere", path: [...VALIDATE, "validate-kind:images", "image-control:not-sure"], outcome: "validating-webhook", primary: "validating-admission-webhook" },
  // validating an existing custom resource
  {
    name: "validating an existing custom resource routes to CRD schema validation",
    path: [...VALIDATE, "validate-kind:crd", "cr-rules:object"],
    outcome: "crd-validation",
    primary: "custom-resource-definition",
    roles: { "validating-admission-policy": "alternative", "validating-admission-webhook": "alternative" },
  },
  { name: "existing custom resource, not sure what the rule needs: CRD first", path: [...VALIDATE, "validate-kind:crd", "cr-rules:not-sure"], outcome: "crd-validation", primary: "custom-resource-definition" },
  { name: "existing custom resource, per-namespace policy", path: [...VALIDATE, "validate-kind:crd", "cr-rules:policy"], outcome: "vap", primary: "validating-admission-policy" },
  { name: "existing custom resource, bucket must exist", path: [...VALIDATE, "validate-kind:crd", "cr-rules:external"], outcome: "validating-webhook", primary: "validating-admission-webhook" },
  { name: "existing custom resource validation reached without Q2", path: [...EXISTING_CR, "cr-change:validation", "cr-rules:object"], outcome: "crd-validation", primary: "custom-resource-definition" },
  // mutation, version-aware
  { name: "sidecar injection via CEL on 1.37: MAP, mutating webhook as alternative", path: [...MUTATE, "mutate-expr:yes"], minor: "1.37", outcome: "mutating-policy", primary: "mutating-admission-policy", roles: { "mutating-admission-webhook": "alternative", "validating-admission-policy": "also" } },
  { name: "sidecar injection via CEL on 1.36: MAP, mutating webhook as alternative", path: [...MUTATE, "mutate-expr:yes"], minor: "1.36", outcome: "mutating-policy", primary: "mutating-admission-policy", roles: { "mutating-admission-webhook": "alternative" } },
  { name: "defaulting a field via CEL on 1.35 (beta, off): webhook, MAP alternative", path: [...MUTATE, "mutate-expr:yes"], minor: "1.35", outcome: "mutating-policy", primary: "mutating-admission-webhook", roles: { "mutating-admission-policy": "alternative" } },
  { name: "sidecar via CEL on 1.34 (beta, off)", path: [...MUTATE, "mutate-expr:yes"], minor: "1.34", outcome: "mutating-policy", primary: "mutating-admission-webhook", others: ["mutating-admission-policy"] },
  { name: "sidecar via CEL on 1.33 (alpha)", path: [...MUTATE, "mutate-expr:yes"], minor: "1.33", outcome: "mutating-policy", primary: "mutating-admission-webhook" },
  { name: "sidecar via CEL on 1.30 (absent)", path: [...MUTATE, "mutate-expr:yes"], minor: "1.30", outcome: "mutating-policy", primary: "mutating-admission-webhook" },
  { name: "not sure CEL can express the change on 1.37: MAP first, webhook alternative", path: [...MUTATE, "mutate-expr:not-sure"], minor: "1.37", outcome: "mutating-policy", primary: "mutating-admission-policy", roles: { "mutating-admission-webhook": "alternative" } },
  { name: "inject Vault secrets", path: [...MUTATE, "mutate-expr:no"], outcome: "mutating-webhook", primary: "mutating-admission-webhook" },
  {
    name: "defaulting a field of your own CRD: schema default, MAP and webhook as alternatives",
    path: [...MUTATE, "mutate-expr:crd-default"],
    outcome: "crd-defaults",
    primary: "custom-resource-definition",
    roles: { "mutating-admission-policy": "alternative", "mutating-admission-webhook": "alternative" },
  },
  { name: "force image pulls: AlwaysPullImages admission plugin, MAP alternative", path: [...MUTATE, "mutate-expr:always-pull"], outcome: "always-pull-images", primary: "always-pull-images", roles: { "mutating-admission-policy": "alternative" } },
  { name: "namespace quotas", path: [...ACCESS, "access-goal:quota"], outcome: "quota", primary: "policy-apis" },
  // Infrastructure
  { name: "storage array", path: [...INFRA, "infra-area:storage", "storage-kind:no"], outcome: "csi", primary: "csi-driver" },
  { name: "FlexVolume migration: the FlexVolume driver is what CSI replaces", path: [...INFRA, "infra-area:storage", "storage-kind:yes"], outcome: "csi-migration", primary: "csi-driver", roles: { flexvolume: "replaced" } },
  { name: "new pod network", path: [...INFRA, "infra-area:network", "network-kind:implement"], outcome: "cni", primary: "cni-plugin" },
  { name: "bandwidth limits", path: [...INFRA, "infra-area:network", "network-kind:chain"], outcome: "cni", primary: "cni-plugin" },
  { name: "namespace isolation", path: [...INFRA, "infra-area:network", "network-kind:isolate"], outcome: "network-policy", primary: "policy-apis", others: ["cni-plugin"] },
  { name: "whole FPGAs", path: [...INFRA, "infra-area:hardware", "hardware-kind:count"], outcome: "device-plugin", primary: "device-plugin" },
  { name: "GPU sharing on 1.37", path: [...INFRA, "infra-area:hardware", "hardware-kind:select"], minor: "1.37", outcome: "dra", primary: "dra-driver" },
  { name: "GPU sharing on 1.34", path: [...INFRA, "infra-area:hardware", "hardware-kind:select"], minor: "1.34", outcome: "dra", primary: "dra-driver" },
  { name: "GPU sharing on 1.33 falls back", path: [...INFRA, "infra-area:hardware", "hardware-kind:select"], minor: "1.33", outcome: "dra", primary: "device-plugin", others: ["dra-driver"] },
  { name: "not sure how Pods ask for devices on 1.37: DRA", path: [...INFRA, "infra-area:hardware", "hardware-kind:not-sure"], minor: "1.37", outcome: "dra", primary: "dra-driver" },
  { name: "ECR-like registry", path: [...INFRA, "infra-area:image-pull"], outcome: "credential-provider", primary: "image-credential-provider" },
  { name: "own ingress proxy", path: [...INFRA, "infra-area:traffic"], outcome: "traffic-controller", primary: "controller", others: ["cni-plugin"] },
  // the container runtime
  { name: "gVisor sandboxes: RuntimeClass is primary", path: [...INFRA, "infra-area:runtime", "runtime-kind:handler"], outcome: "runtime-class", primary: "runtime-class", roles: { "container-runtime": "also" } },
  { name: "inject devices as containers are created: NRI plugin", path: [...INFRA, "infra-area:runtime", "runtime-kind:adjust"], outcome: "runtime-plugin", primary: "container-runtime", roles: { "runtime-class": "alternative" } },
  { name: "a new kind of isolation: CRI runtime", path: [...INFRA, "infra-area:runtime", "runtime-kind:implement"], outcome: "runtime-plugin", primary: "container-runtime" },
  { name: "sandboxes reached without Q4", path: [...OTHER, "other-need:runtime", "runtime-kind:handler"], outcome: "runtime-class", primary: "runtime-class" },
  // Automation
  { name: "label new namespaces", path: [...AUTO, "automation-target:builtin"], outcome: "controller", primary: "controller" },
  { name: "database from automation", path: [...AUTO, "automation-target:app"], outcome: "operator", primary: "operator" },
  { name: "pack pods", path: [...SCHED, "sched-config:yes"], outcome: "scheduler-configuration", primary: "scheduler-configuration" },
  { name: "not sure configuration is enough: scheduler configuration first", path: [...SCHED, "sched-config:not-sure"], outcome: "scheduler-configuration", primary: "scheduler-configuration" },
  { name: "checkout before batch: PriorityClass is primary", path: [...SCHED, "sched-config:priority"], outcome: "priority-class", primary: "priority-class", roles: { "policy-apis": "also" } },
  { name: "licence-aware filter in Go", path: [...SCHED, "sched-config:no", "sched-fit:yes", "sched-build:yes"], outcome: "scheduler-plugin", primary: "scheduler-plugin" },
  { name: "Python placement service", path: [...SCHED, "sched-config:no", "sched-fit:yes", "sched-build:no"], outcome: "scheduler-extender", primary: "scheduler-extender" },
  { name: "batch system with its own queues", path: [...SCHED, "sched-config:no", "sched-fit:no"], outcome: "second-scheduler", primary: "multiple-schedulers" },
  // gang scheduling, per minor
  { name: "gang scheduling on 1.37: built in but off by default, second scheduler until switched on", path: [...SCHED, "sched-config:gang"], minor: "1.37", outcome: "gang-scheduling", primary: "multiple-schedulers", roles: { "gang-scheduling": "alternative" } },
  {
    name: "gang scheduling on a 1.37 cluster that serves the Workload API: the default scheduler's plugin",
    path: [...SCHED, "sched-config:gang"],
    clusterFacts: { version: "v1.37.2", servedApiVersions: ["v1", "scheduling.k8s.io/v1", "scheduling.k8s.io/v1beta1"] },
    outcome: "gang-scheduling",
    primary: "gang-scheduling",
    absent: ["multiple-schedulers"],
  },
  { name: "gang scheduling on 1.35 (alpha)", path: [...SCHED, "sched-config:gang"], minor: "1.35", outcome: "gang-scheduling", primary: "multiple-schedulers", roles: { "gang-scheduling": "alternative" } },
  { name: "gang scheduling on 1.34 (not in the default scheduler)", path: [...SCHED, "sched-config:gang"], minor: "1.34", outcome: "gang-scheduling", primary: "multiple-schedulers" },
  // "nothing should act on its own": configuration and existing things
  { name: "audit who changes RBAC: audit policy", path: [...OTHER, "other-need:audit"], outcome: "audit", primary: "audit-policy" },
  { name: "release command", path: [...OTHER, "other-need:cli"], outcome: "kubectl-plugin", primary: "kubectl-plugin" },
  { name: "team quotas", path: [...OTHER, "other-need:baseline", "configure-kind:quota"], outcome: "quota", primary: "policy-apis" },
  { name: "team permissions", path: [...OTHER, "other-need:baseline", "configure-kind:permissions"], outcome: "rbac", primary: "policy-apis" },
  { name: "team isolation", path: [...OTHER, "other-need:baseline", "configure-kind:isolation"], outcome: "network-policy", primary: "policy-apis" },
  { name: "team Pod security levels", path: [...OTHER, "other-need:baseline", "configure-kind:pod-security"], outcome: "pod-security", primary: "pod-security-admission" },
  { name: "GPUs reached without Q4", path: [...OTHER, "other-need:node", "infra-area:hardware", "hardware-kind:count"], outcome: "device-plugin", primary: "device-plugin" },
  { name: "SSO reached after answering no to Q2", path: [...OTHER, "other-need:access", "access-goal:identity", "authn-kind:oidc"], outcome: "structured-authn", primary: "structured-authentication" },
  { name: "Q4 no goes to automation", path: [...AUTO_VIA_Q4, "automation-target:builtin"], outcome: "controller", primary: "controller" },
  // an existing custom resource
  { name: "existing CR, v1beta1 to v1 with the same fields: CRD versions, conversion webhook alternative", path: [...EXISTING_CR, "cr-change:versions", "cr-versions:yes"], outcome: "crd-versions", primary: "custom-resource-definition", roles: { "crd-conversion-webhook": "alternative" } },
  { name: "existing CR, renamed fields: conversion webhook", path: [...EXISTING_CR, "cr-change:versions", "cr-versions:no"], outcome: "crd-conversion", primary: "crd-conversion-webhook", roles: { "custom-resource-definition": "also" } },
  { name: "existing CR, kubectl get columns: additionalPrinterColumns", path: [...EXISTING_CR, "cr-change:columns"], outcome: "crd-columns", primary: "custom-resource-definition", roles: { "kubectl-plugin": "alternative" } },
  { name: "existing CR, defaults", path: [...EXISTING_CR, "cr-change:defaults"], outcome: "crd-defaults", primary: "custom-resource-definition" },
]

describe("advisor scenarios", () => {
  it("has at least 70 scenarios covering every outcome", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(70)
    const covered = new Set(SCENARIOS.map((s) => s.outcome))
    expect(OUTCOMES.map((o) => o.id).filter((id) => !covered.has(id))).toEqual([])
  })

  for (const s of SCENARIOS) {
    it(`${s.name} → ${s.primary}`, () => {
      const v = run(s.path, s.minor, s.clusterFacts)
      expect(v.nextQuestion).toBeUndefined()
      expect(v.outcome?.node.id).toBe(s.outcome)
      expect(v.outcome?.primary.id).toBe(s.primary)
      const others = v.outcome?.others ?? []
      for (const o of s.others ?? []) expect(others.map((x) => x.id)).toContain(o)
      for (const [id, role] of Object.entries(s.roles ?? {})) {
        expect(others.find((x) => x.id === id)?.role, `${id} role`).toBe(role)
      }
      for (const id of s.absent ?? []) expect(others.map((x) => x.id)).not.toContain(id)
      expect(v.path.map((p) => `${p.question}:${p.answer}`)).toEqual(s.path)
      expect(v.outcome?.why).toHaveLength(s.path.length)
    })
  }
})

// Every way through the graph, as answer lists (the graph is a small DAG).
function allPaths(): string[][] {
  const out: string[][] = []
  const walk = (id: string, path: string[]) => {
    const node = getNode(id)
    if (!node) throw new Error(`missing ${id}`)
    if (node.kind === "outcome") out.push(path)
    else if (node.kind === "section") walk(node.next, path)
    else for (const a of node.answers) walk(a.next, [...path, `${node.id}:${a.id}`])
  }
  walk(START_NODE_ID, [])
  return out
}

describe("advisor coverage", () => {
  it("ends every path in a recommendation with a usable or explained primary, at every minor", () => {
    const paths = allPaths()
    expect(paths.length).toBeGreaterThan(100)
    for (const minor of KUBERNETES_MINORS) {
      for (const path of paths) {
        const v = run(path, minor)
        expect(v.outcome, path.join(",")).toBeDefined()
        const primary = v.outcome!.primary
        // A primary that is not on by default must say why in the version notes.
        if (primary.availability !== "available") expect(v.outcome!.versionNotes.length, `${path.join(",")}@${minor}`).toBeGreaterThan(0)
      }
    }
  })

  it("makes the built-in feature the primary whenever it fits, with the extension as alternative", () => {
    const builtIns: Array<[string, MechanismId]> = [
      ["pod-security", "pod-security-admission"],
      ["priority-class", "priority-class"],
      ["runtime-class", "runtime-class"],
      ["rbac", "policy-apis"],
      ["audit", "audit-policy"],
      ["crd-validation", "custom-resource-definition"],
      ["crd-defaults", "custom-resource-definition"],
      ["crd-columns", "custom-resource-definition"],
      ["crd-versions", "custom-resource-definition"],
      ["always-pull-images", "always-pull-images"],
    ]
    for (const [outcome, primary] of builtIns) {
      const o = getOutcome(outcome)
      expect(o?.primary, outcome).toBe(primary)
      expect(o?.builtIn, `${outcome}: the built-in is the primary, not a side note`).toBeUndefined()
    }
    // Built-ins never hide as a side note under an extension marked primary.
    for (const o of OUTCOMES) if (o.builtIn) expect(o.primary, o.id).toBe("policy-apis")
  })

  it("offers an honest 'not sure' answer where the answer depends", () => {
    for (const id of ["api-storage", "authz-shape", "validate-expr", "image-control", "mutate-expr", "hardware-kind", "sched-config", "cr-rules"]) {
      const q = getQuestion(id)
      const notSure = q?.answers.find((a) => a.id === "not-sure")
      expect(notSure, id).toBeDefined()
      expect(notSure?.label.en, id).toMatch(/^Not sure/)
      expect(notSure?.label["zh-CN"], id).toMatch(/确定/)
      // The why says what to try first, not just "you were unsure".
      expect(notSure?.reason.en, id).toMatch(/start with|try|use|keeps/i)
    }
  })

  it("asks only about automation in 'What should the automation do?', with a way out for everything else", () => {
    const q = getQuestion("automation-target")!
    expect(q.text.en).toBe("What should the automation do?")
    expect(q.answers.map((a) => a.id)).toEqual(["builtin", "app", "scheduling", "none"])
    for (const a of q.answers) {
      expect(["kubectl-plugin", "authn-kind", "configure-kind", "infra-area"], a.id).not.toContain(a.next)
      expect(a.label.en, a.id).not.toMatch(/log in|command|limits|permissions/i)
    }
    expect(q.answers.find((a) => a.id === "none")?.next).toBe("other-need")
  })

  it("words Q2's hint consistently with the question: fields first, and why logins also answer yes", () => {
    const q = getQuestion("restrict-or-edit")!
    expect(q.help.en).toMatch(/fields/)
    expect(q.help.en).toMatch(/restricting or changing objects/)
    expect(q.help.en).toMatch(/who may call/)
    expect(q.help["zh-CN"]).toMatch(/字段/)
    // The examples say which part of the hint each one is.
    expect(q.examples.en.every((e) => /\((restrict fields|edit fields|who may call)\)$/.test(e))).toBe(true)
    // Official section names appear in Chinese inside Chinese hints.
    for (const node of QUESTIONS) expect(node.help["zh-CN"], node.id).not.toMatch(/“(API Access Extensions|API Extensions|Infrastructure|Automation)”/)
  })

  it("does not contradict itself about gang scheduling", () => {
    const fit = getQuestion("sched-fit")!
    expect(fit.help.en).toMatch(/Gang scheduling alone does not need one/)
    expect(fit.examples.en.join(" ")).not.toMatch(/gang|whole job groups/i)
    // The scheduler-configuration card's 1.37 note (gang scheduling beta in the default scheduler) now has a route.
    expect(getQuestion("sched-config")!.answers.find((a) => a.id === "gang")?.next).toBe("gang-scheduling")
    const v = run([...SCHED, "sched-config:gang"], "1.37")
    const notes = v.outcome!.versionNotes.map((n) => n.en).join(" ")
    expect(notes).toContain("--feature-gates=GenericWorkload=true")
    expect(notes).toContain("--runtime-config=scheduling.k8s.io/v1beta1=true")
    expect(v.outcome!.title.en).toMatch(/second scheduler/)
  })

  it("lists the FlexVolume driver as what CSI replaces, never as 'used with it'", () => {
    const v = run([...INFRA, "infra-area:storage", "storage-kind:yes"])
    const flex = v.outcome!.others.find((o) => o.id === "flexvolume")
    expect(flex?.role).toBe("replaced")
    expect(v.outcome!.others.filter((o) => o.role === "also").map((o) => o.id)).not.toContain("flexvolume")
  })

  it("gives the exec-plugin result a why that is about credentials, not automation", () => {
    const paths = [
      [...ACCESS, "access-goal:identity", "authn-kind:client"],
      [...OTHER, "other-need:access", "access-goal:identity", "authn-kind:client"],
    ]
    for (const path of paths) {
      const v = run(path)
      expect(v.outcome?.primary.id).toBe("exec-credential-plugin")
      for (const w of v.outcome!.why) expect(w.en, path.join(",")).not.toMatch(/automation around/i)
    }
    // Q3's "no" no longer claims the user wants automation.
    expect(getQuestion("change-implementation")!.answers.find((a) => a.id === "no")?.reason.en).not.toMatch(/automation/i)
  })

  it("points the VAP result's simpler option at the CRD guide, not the policy APIs", () => {
    expect(getOutcome("vap")?.simpler.mechanism).toBe("custom-resource-definition")
  })
})

describe("wizard progress", () => {
  it("never reads 'Question 4, about 4 at most': the last question says so", () => {
    // Three answers, then the last question (authz-shape leads only to outcomes).
    const v = run([...ACCESS, "access-goal:permission"])
    const p = questionProgress(v)!
    expect(p.current).toBe(4)
    expect(p.left).toBe(0)
    expect(p.total).toBe(4)
    const first = questionProgress(run([]))!
    expect(first.current).toBe(1)
    expect(first.left).toBeGreaterThan(0)
    expect(questionProgress(run([...ACCESS, "access-goal:permission", "authz-shape:yes"]))).toBeUndefined()
  })
})

describe("page title", () => {
  it("names the recommendation and the minor once there is one", () => {
    const v = run([...MUTATE, "mutate-expr:yes"], "1.37")
    expect(advisorPageTitle(v, "en")).toBe("Recommendation: MutatingAdmissionPolicy (CEL) for Kubernetes 1.37")
    expect(advisorPageTitle(v, "zh-CN")).toBe("推荐方案：MutatingAdmissionPolicy（CEL 变更准入策略）（Kubernetes 1.37）")
    // The fallback's title when the version made the webhook the primary.
    expect(advisorPageTitle(run([...MUTATE, "mutate-expr:yes"], "1.33"), "en")).toMatch(/^Recommendation: Mutating admission webhook/)
    expect(advisorPageTitle(run([]), "en")).toBe("Advisor")
    expect(advisorPageTitle(undefined, "zh-CN")).toBe("选型顾问")
  })
})
