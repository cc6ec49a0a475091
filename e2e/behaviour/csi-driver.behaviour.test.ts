// csi-driver: the CSI conformance suite (kubernetes-csi/csi-test's csi-sanity v5.6.0, from the Go
// module proxy) against the driver built as its README says, the controller and the node service
// as separate processes on local unix sockets (`make sanity`), for both attach modes.
// Proves: the Identity/Controller/Node services follow the CSI spec for everything the driver
// advertises, including idempotency and error codes; NodePublish bind mounts really happen (root).
// Cannot prove here: the sidecars (csi-provisioner, csi-attacher, node-driver-registrar) and the
// kubelet calling the node plugin; the shared filesystem is a temp dir, not NFS.
import { describe, expect, it } from "vitest"
import { GO_ENV, goInstall, isRoot, mustRun, writeStarter } from "./starter-project"

describe("csi-driver passes csi-sanity", () => {
  const sanity = () => goInstall("github.com/kubernetes-csi/csi-test/v5/cmd/csi-sanity", "v5.6.0")
  for (const [variant, options, minPassed] of [
    ["default", {}, 28],
    ["attach", { attachRequired: true }, 36],
  ] as const) {
    it(`${variant}: make build && make sanity`, () => {
      if (!isRoot) throw new Error("csi-sanity's NodePublishVolume cases bind-mount: run this tier as root")
      const dir = writeStarter("csi-driver", options)
      mustRun("make", ["build"], { cwd: dir, env: GO_ENV })
      const r = mustRun("make", ["sanity", "CSI_TEST_VERSION=v5.6.0"], { cwd: dir, env: { ...GO_ENV, CSI_SANITY: `${sanity()} --ginkgo.no-color` } })
      const m = r.text.match(/(\d+) Passed \| (\d+) Failed \| (\d+) Pending \| (\d+) Skipped/)
      expect(m, r.text.slice(-3000)).not.toBeNull()
      const [passed, failed] = [Number(m![1]), Number(m![2])]
      expect(failed).toBe(0)
      expect(passed).toBeGreaterThanOrEqual(minPassed)
    }, 30 * 60_000)
  }
})
