// device-plugin and dra-driver on a fake kubelet. There is no kubelet here, so the starters'
// own Go tests stand in for it: the device plugin registers on a kubelet.sock served by a fake
// Registration server, streams ListAndWatch, answers Allocate/GetPreferredAllocation, and
// re-registers when kubelet.sock is recreated; as root, a child process running as UID 65532
// (the DaemonSet's user) creates its socket in a root-owned 0750 directory and connects to a
// root-only kubelet.sock after the init container's ACL grant — before and after a "kubelet
// restart". The DRA driver's kubelet-plugin helper publishes a ResourceSlice to a fake API client
// and prepares claims through CDI specs. The DRA ResourceSlice admission policy is proved against
// the real kube-apiserver in dra-driver's control-plane test.
// Cannot prove here: a real kubelet's device manager and DRA manager, a container runtime
// applying CDI edits, real devices.
import { describe, expect, it } from "vitest"
import { GO_ENV, goTestVerdicts, isRoot, mustRun, writeStarter } from "./starter-project"

describe("node plugins against a fake kubelet", () => {
  it("device-plugin: registration, allocation, re-registration, non-root socket access", () => {
    if (!isRoot) throw new Error("the non-root access test creates root-owned directories and runs a child as UID 65532: run as root")
    const dir = writeStarter("device-plugin", {})
    const r = mustRun("go", ["test", "-count=1", "-v", "./..."], { cwd: dir, env: GO_ENV })
    const v = goTestVerdicts(r.text)
    expect(v.TestGrantAccessLetsNonRootRegister, r.text).toBe("PASS")
    expect(v.TestRegisterListAndAllocate, r.text).toBe("PASS")
    expect(Object.values(v)).not.toContain("FAIL")
  }, 30 * 60_000)
  it("dra-driver: ResourceSlice publishing and CDI preparation", () => {
    const dir = writeStarter("dra-driver", {})
    const r = mustRun("go", ["test", "-count=1", "-v", "./..."], { cwd: dir, env: GO_ENV })
    const v = goTestVerdicts(r.text)
    expect(v.TestPublishesResourceSlice, r.text).toBe("PASS")
    expect(Object.values(v)).not.toContain("FAIL")
  }, 30 * 60_000)
})
