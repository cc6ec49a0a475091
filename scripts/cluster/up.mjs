#!/usr/bin/env node
// npm run cluster:up — build if needed, start kube-apiserver + embedded etcd on 127.0.0.1 in the
// background, write kubeconfigs. Idempotent: a cluster already running is left as is.
import { readState, startCluster } from "./cluster.mjs";
import { runDir } from "./paths.mjs";

const running = readState(runDir);
if (running) {
  console.log(`[cluster] already running at ${running.server} (pid ${running.pid})`);
} else {
  try {
    const state = await startCluster({ runDir });
    console.log(`[cluster] kube-apiserver ready at ${state.server} (pid ${state.pid}) in ${state.startSeconds}s`);
    console.log(`[cluster] admin kubeconfig:   ${state.adminKubeconfig}`);
    console.log(`[cluster] limited kubeconfig: ${state.limitedKubeconfig}`);
    console.log(`[cluster] run \`eval "$(npm run -s cluster:env)"\` to use it; \`npm run cluster:down\` to stop it`);
  } catch (err) {
    console.error(`[cluster] start failed: ${err.message}`);
    process.exit(1);
  }
}
