import { describe, expect, it } from "vitest"

import { retryableExit } from "./cluster.mjs"

// Lines as kube-apiserver 1.37 logged them when it exited during startup.
describe("retryableExit", () => {
  it("starts again when a port was taken before etcd or kube-apiserver bound it", () => {
    expect(retryableExit('{"level":"fatal","msg":"listen tcp 127.0.0.1:41235: bind: address already in use"}')).toBe("a port was taken")
  })

  it("starts again when a post-start hook timed out on a loaded machine", () => {
    const log = [
      "I1203 10:08:12.724336   25860 storage_scheduling.go:194] going to retry, unable to create PriorityClass system-node-critical: wait for storage version registration to complete for resource: priorityclasses.scheduling.k8s.io, last seen error: <nil>",
      'F1203 10:08:12.726556   25860 hooks.go:203] PostStartHook "scheduling/bootstrap-system-priority-classes" failed: unable to add default system priority classes: timed out waiting for the condition',
    ].join("\n")
    expect(retryableExit(log)).toBe("post-start hook scheduling/bootstrap-system-priority-classes timed out")
  })

  it("does not start again when the configuration is wrong: it would fail the same way", () => {
    expect(retryableExit('E1203 10:00:00.000000 1 run.go:72] "command failed" err="invalid authentication config: issuer.url: Required value"')).toBeUndefined()
    expect(retryableExit('F1203 10:00:00.000000 1 hooks.go:203] PostStartHook "x" failed: open /etc/kubernetes/x.yaml: permission denied')).toBeUndefined()
  })
})
