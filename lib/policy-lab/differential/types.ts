// The differential corpus: admission policies and requests that the test tier sends to a real
// kube-apiserver 1.37 (policy installed, request with dryRun=All) and to the lab's engine.
import type { K8sObject, Operation } from "../protocol"

export type DiffUser = "admin" | "alice"

export type DiffRequest = {
  /** Short, unique within the group; becomes part of the case id. */
  name: string
  operation: Operation
  /** The object sent (CREATE, UPDATE). Its name and the group label are set by the harness. */
  object?: K8sObject
  /** The stored object (UPDATE, DELETE): created for real before the policies are installed. */
  oldObject?: K8sObject
  user?: DiffUser
  /** A known difference: the reason is shown in the lab's UI. */
  known?: string
}

export type DiffGroup = {
  /** DNS-safe id; the policy, binding and namespace are named after it. */
  id: string
  /** What the group exercises (library function, feature …), for the report. */
  covers: string[]
  policy: K8sObject
  /** Binding spec fields merged over { policyName, validationActions: ["Deny"] }; null: no binding. */
  binding?: Record<string, unknown> | null
  /** Extra bindings (names are suffixed). */
  moreBindings?: Record<string, unknown>[]
  /** Param objects created in the group's namespace (or cluster-wide for cluster-scoped kinds). */
  params?: K8sObject[]
  namespaceLabels?: Record<string, string>
  namespaceAnnotations?: Record<string, string>
  requests: DiffRequest[]
  /** The policy itself must be rejected at write time (compile errors, invalid fields). */
  rejectedAtWrite?: boolean
}

export const GROUP_LABEL = "policy-lab.test/group"
export const ALICE = { username: "alice", groups: ["team-a", "system:authenticated"] }
