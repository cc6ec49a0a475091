#!/usr/bin/env node
// npm run -s cluster:env — prints shell exports for the cluster started by `up`.
// Usage: eval "$(npm run -s cluster:env)"
import { readState } from "./cluster.mjs";
import { runDir } from "./paths.mjs";

const state = readState(runDir);
if (!state) {
  console.error("[cluster] not running; start it with `npm run cluster:up`");
  process.exit(1);
}
const q = (s) => `'${s.replaceAll("'", "'\\''")}'`;
console.log(`export KUBECONFIG=${q(state.adminKubeconfig)}`);
console.log(`export KUBECONFIG_ADMIN=${q(state.adminKubeconfig)}`);
console.log(`export KUBECONFIG_LIMITED=${q(state.limitedKubeconfig)}`);
console.log(`export KUBE_TEST_SERVER=${q(state.server)}`);
