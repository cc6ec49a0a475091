// Vitest global setup for the "cluster" tier: builds (if needed) and starts a fresh real
// kube-apiserver for this run, exports its kubeconfigs, and stops it afterwards.
// Any build or start failure throws, so the tier fails loudly instead of skipping.
import path from "node:path"
import type { TestProject } from "vitest/node"
import { pruneStaleRunDirs, startCluster, stopCluster } from "../../scripts/cluster/cluster.mjs"
import { cacheDir } from "../../scripts/cluster/paths.mjs"

declare module "vitest" {
  export interface ProvidedContext {
    kubeTestCluster: { server: string; adminKubeconfig: string; limitedKubeconfig: string }
  }
}

export default async function setup(project: TestProject) {
  // Own run dir per Vitest process, so it never collides with `npm run cluster:up`.
  const runDir = path.join(cacheDir, `vitest-${process.pid}`)
  const log = (m: string) => process.stderr.write(`${m}\n`)
  await pruneStaleRunDirs(cacheDir, "vitest-")
  let state: Awaited<ReturnType<typeof startCluster>>
  try {
    state = await startCluster({ runDir, attached: true, log })
  } catch (err) {
    await stopCluster(runDir)
    throw new Error(`[cluster] the real test cluster could not be built or started:\n${(err as Error).message}`)
  }
  log(`[cluster] kube-apiserver ready at ${state.server} in ${state.startSeconds}s`)

  // Workers are spawned after global setup, so they inherit these.
  process.env.KUBECONFIG_ADMIN = state.adminKubeconfig
  process.env.KUBECONFIG_LIMITED = state.limitedKubeconfig
  process.env.KUBE_TEST_SERVER = state.server
  project.provide("kubeTestCluster", {
    server: state.server,
    adminKubeconfig: state.adminKubeconfig,
    limitedKubeconfig: state.limitedKubeconfig,
  })

  return async () => {
    const { peakRssMiB } = await stopCluster(runDir)
    log(`[cluster] kube-apiserver stopped (peak RSS ${peakRssMiB ?? "?"} MiB)`)
  }
}
