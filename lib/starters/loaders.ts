// One dynamic import per starter, so the browser loads the chosen starter's generator (and what it
// imports: zod, yaml, its templates) only, and only when it has to generate. Starters defined in
// the same module (the two admission webhooks, the apiserver webhooks, the schedulers…) share a
// chunk. registry.ts remains the list the server, the API and the verifier use; loaders.test.ts
// checks that both list the same generators.
import type { MechanismId } from "@/lib/catalog/types"

import type { GenerateContext } from "./context"
import type { GenerateResult } from "./run"
import type { AnyStarterGenerator } from "./types"

export const STARTER_LOADERS: Partial<Record<MechanismId, () => Promise<AnyStarterGenerator>>> = {
  "custom-resource-definition": () => import("./generators/crd").then((m) => m.crdStarter),
  controller: () => import("./generators/controller").then((m) => m.controllerStarter),
  operator: () => import("./generators/operator").then((m) => m.operatorStarter),
  "api-aggregation": () => import("./generators/api-aggregation").then((m) => m.apiAggregationStarter),
  "validating-admission-webhook": () => import("./generators/admission-webhook").then((m) => m.validatingWebhookStarter),
  "mutating-admission-webhook": () => import("./generators/admission-webhook").then((m) => m.mutatingWebhookStarter),
  "validating-admission-policy": () => import("./generators/admission-policy").then((m) => m.vapStarter),
  "mutating-admission-policy": () => import("./generators/admission-policy").then((m) => m.mapStarter),
  "image-policy-webhook": () => import("./generators/apiserver-webhooks").then((m) => m.imagePolicyStarter),
  "authentication-webhook": () => import("./generators/apiserver-webhooks").then((m) => m.authnWebhookStarter),
  "structured-authentication": () => import("./generators/apiserver-webhooks").then((m) => m.structuredAuthnStarter),
  "authorization-webhook": () => import("./generators/apiserver-webhooks").then((m) => m.authzWebhookStarter),
  "policy-apis": () => import("./generators/policy-apis").then((m) => m.policyApisStarter),
  "kubectl-plugin": () => import("./generators/kubectl-plugin").then((m) => m.kubectlPluginStarter),
  "exec-credential-plugin": () => import("./generators/exec-credential-plugin").then((m) => m.execCredentialPluginStarter),
  "image-credential-provider": () => import("./generators/image-credential-provider").then((m) => m.imageCredentialProviderStarter),
  "device-plugin": () => import("./generators/device-plugin").then((m) => m.devicePluginStarter),
  "dra-driver": () => import("./generators/dra-driver").then((m) => m.draDriverStarter),
  "cni-plugin": () => import("./generators/cni-plugin").then((m) => m.cniPluginStarter),
  "csi-driver": () => import("./generators/csi-driver").then((m) => m.csiDriverStarter),
  "scheduler-configuration": () => import("./generators/scheduler").then((m) => m.schedulerConfigurationStarter),
  "multiple-schedulers": () => import("./generators/scheduler").then((m) => m.multipleSchedulersStarter),
  "scheduler-plugin": () => import("./generators/scheduler").then((m) => m.schedulerPluginStarter),
  "scheduler-extender": () => import("./generators/scheduler").then((m) => m.schedulerExtenderStarter),
}

const loaded = new Map<string, Promise<AnyStarterGenerator>>()

/** The generator of `id`, imported once; rejects for an id without a starter (or a failed import, retried next time). */
export function loadStarter(id: string): Promise<AnyStarterGenerator> {
  let pending = loaded.get(id)
  if (!pending) {
    const load = STARTER_LOADERS[id as MechanismId]
    if (!load) return Promise.reject(new Error(`No starter for "${id}"`))
    pending = load().catch((error: unknown) => {
      loaded.delete(id)
      throw error
    })
    loaded.set(id, pending)
  }
  return pending
}

export type StarterRunner = (rawOptions: unknown, context?: GenerateContext) => GenerateResult

/**
 * generate() for one starter: its generator and the option checks (zod, the catalog) are imported
 * on first use, so a page that only shows the server's files loads neither.
 */
export async function loadStarterRunner(id: string): Promise<StarterRunner> {
  const [g, { runGenerator }] = await Promise.all([loadStarter(id), import("./run")])
  return (rawOptions, context) => runGenerator(g, rawOptions, context)
}
