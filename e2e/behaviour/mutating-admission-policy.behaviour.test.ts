// MutatingAdmissionPolicy starter (1.37: admissionregistration.k8s.io/v1, on by default) on the
// real control plane: its test script passes with the policy installed and fails when the policy
// is absent and when the cluster cannot be reached.
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { unpackStarter } from "./starter"
import { kjson, ok, runReadme, unreachableKubeconfig } from "./readme"

describe("mutating-admission-policy starter", () => {
  let cp: ControlPlane
  const starter = unpackStarter("mutating-admission-policy")

  beforeAll(async () => {
    // kube-controller-manager: the README's removal deletes the test namespace.
    cp = await startControlPlane({ controllerManager: true })
  })
  afterAll(async () => {
    await cp?.stop()
  })

  it("README Deploy, Test and Try: new Deployments without the label get team=unassigned, labelled ones keep theirs", async () => {
    await runReadme(cp, starter.dir, "Deploy")
    const test = await runReadme(cp, starter.dir, "Test")
    expect(Object.values(test)[0]!.stdout).toContain("ok    test/policy/mutated/unlabelled.yaml -> unassigned")
    await runReadme(cp, starter.dir, "Try")
    const d = await kjson<{ metadata: { labels: Record<string, string> } }>(cp, ["-n", "demo", "get", "deployment", "unlabelled"])
    expect(d.metadata.labels.team).toBe("unassigned")
  })

  it("make test fails when the cluster is unreachable", async () => {
    const r = await cp.run("make", ["test"], { cwd: starter.dir, env: { KUBECONFIG: unreachableKubeconfig(path.dirname(starter.dir)) } })
    expect(r.code).not.toBe(0)
    expect(r.stdout + r.stderr).toContain("cannot reach the cluster")
  })

  it("README Remove: afterwards make test fails because the policy is absent", async () => {
    await runReadme(cp, starter.dir, "Remove")
    ok(await cp.kubectl(["create", "namespace", "demo"]), "namespace for the check")
    const r = await cp.run("make", ["test"], { cwd: starter.dir })
    expect(r.code).not.toBe(0)
    expect(r.stdout + r.stderr).toContain("mutatingadmissionpolicy/default-team-label is not installed")
  })
})
