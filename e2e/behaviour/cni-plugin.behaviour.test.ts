// cni-plugin: the chained plugin in a real chain. The reference ptp and host-local plugins
// (github.com/containernetworking/plugins v1.10.0, from the Go module proxy) attach a veth and
// an address in a network namespace the test creates (`ip netns add`, as root); libcni runs
// ADD, CHECK and DEL through the list like a container runtime, then the plugin's own checks
// (refusing an address outside allowedSubnets, DEL after a failed ADD) — the starter's
// TestChainInNetns, run as its README says with CNI_PLUGINS_DIR set.
// Proves: prevResult in / result out through libcni, the address really on eth0 in the netns,
// CHECK against the record, idempotent DEL. The installer (chain into the node's conflist,
// re-chain after a rewrite, unchain on SIGTERM) is proved by its Go tests (cmd/install,
// internal/chain) on real files. Cannot prove here: containerd/CRI-O reading /etc/cni/net.d and
// the DaemonSet on a node (no container runtime, no kubelet).
import { describe, expect, it } from "vitest"
import { GO_ENV, goInstall, goTestVerdicts, isRoot, mustRun, run, writeStarter } from "./starter-project"
import path from "node:path"

describe("cni-plugin chained after ptp + host-local in a network namespace", () => {
  it("ADD, CHECK, DEL through libcni", () => {
    if (!isRoot) throw new Error("creating a network namespace needs root")
    if (run("ip", ["netns", "list"], { cwd: "/" }).status !== 0) throw new Error("iproute2 (ip netns) is required")
    const version = "v1.10.0"
    const ptp = goInstall("github.com/containernetworking/plugins/plugins/main/ptp", version)
    goInstall("github.com/containernetworking/plugins/plugins/ipam/host-local", version)
    const dir = writeStarter("cni-plugin", {})
    mustRun("make", ["test"], { cwd: dir, env: GO_ENV })
    const r = mustRun("go", ["test", "-count=1", "-v", "-run", "^TestChainInNetns$", "."], {
      cwd: dir,
      env: { ...GO_ENV, CNI_PLUGINS_DIR: path.dirname(ptp) },
    })
    expect(goTestVerdicts(r.text), r.text).toEqual({ TestChainInNetns: "PASS" })
  }, 30 * 60_000)
})
