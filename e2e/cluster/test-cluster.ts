// Helpers for *.cluster.test.ts: configured KubeConfigs for the real test cluster started by
// e2e/cluster/global-setup.ts (or by `npm run cluster:up` + `eval "$(npm run -s cluster:env)"`).
//
// Users (see e2e/cluster/README.md):
//  - admin:   group system:masters (everything)
//  - limited: ClusterRole test-cluster:limited-reader — get/list/watch namespaces, nodes,
//             storageclasses, csidrivers, runtimeclasses, apiservices; 403 on anything else
//             (CRDs, webhook configurations, admission policies, secrets, …)
import { KubeConfig } from "@kubernetes/client-node"

export type TestUser = "admin" | "limited"

const ENV: Record<TestUser, string> = { admin: "KUBECONFIG_ADMIN", limited: "KUBECONFIG_LIMITED" }

/** Path of the kubeconfig file for a test user; throws if the cluster tier is not set up. */
export function kubeconfigPath(user: TestUser): string {
  const p = process.env[ENV[user]]
  if (!p) {
    throw new Error(
      `${ENV[user]} is not set: run cluster tests with \`npx vitest run --config vitest.cluster.config.ts\` ` +
        "(or `npm run cluster:up` and `eval \"$(npm run -s cluster:env)\"`)",
    )
  }
  return p
}

/** A KubeConfig loaded from the test user's kubeconfig file (token auth, cluster CA). */
export function testKubeConfig(user: TestUser = "admin"): KubeConfig {
  const kc = new KubeConfig()
  kc.loadFromFile(kubeconfigPath(user))
  return kc
}

export const adminKubeConfig = (): KubeConfig => testKubeConfig("admin")
export const limitedKubeConfig = (): KubeConfig => testKubeConfig("limited")

/** https://127.0.0.1:<port> of the test cluster. */
export function testServerUrl(): string {
  const s = process.env.KUBE_TEST_SERVER
  if (!s) throw new Error("KUBE_TEST_SERVER is not set (see kubeconfigPath)")
  return s
}

/** A unique, DNS-safe name so tests sharing one cluster never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`
}
