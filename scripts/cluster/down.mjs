#!/usr/bin/env node
// npm run cluster:down — stops only the process recorded by `up` (pid file) and removes its data.
import { stopCluster } from "./cluster.mjs";
import { runDir } from "./paths.mjs";

const { stopped, peakRssMiB, log } = await stopCluster(runDir);
console.log(stopped ? `[cluster] stopped (peak RSS ${peakRssMiB ?? "?"} MiB; log kept at ${log})` : "[cluster] not running");
