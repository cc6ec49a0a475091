// ValidatingAdmissionPolicy starter on the real control plane, run the way its README says: its
// own test script passes with the policy installed, and fails when the policy is absent and when
// the cluster cannot be reached. kube-apiserver evaluates the CEL itself: nothing else to run.
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { unpackStarter } from "./starter"
import { kjson, ok, runReadme, unreachableKubeconfig } from "./readme"

describe("validating-admission-policy starter", () => {
  let cp: ControlPlane
  const starter = unpackStarter("validating-admission-policy")

  beforeAll(async () => {
    // kube-controller-manager: the README's removal deletes the test namespace.
    cp = await startControlPlane({ controllerManager: true })
  })
  afterAll(async () => {
    await cp?.stop()
  })

  it("README Deploy, Test and Try: the policy denies the unlabelled Deployment and admits the labelled one", async () => {
    await runReadme(cp, starter.dir, "Deploy")
    const test = await runReadme(cp, starter.dir, "Test")
    expect(Object.values(test)[0]!.stdout).toMatch(/ok {4}denied test\/policy\/denied\/unlabelled\.yaml/)
    const tried = await runReadme(cp, starter.dir, "Try", {}, { expectFailure: ["kubectl apply -f test/policy/denied/"] })
    expect(tried["kubectl apply -f test/policy/denied/unlabelled.yaml"]!.stderr).toContain(
      "ValidatingAdmissionPolicy 'require-team-label' with binding 'require-team-label' denied request: Deployment unlabelled must have the label team",
    )
    // kube-system is not bound (the binding's namespaceSelector): the same Deployment is admitted there.
    expect(Object.entries(tried).find(([l]) => l.includes("-n kube-system"))![1].code).toBe(0)
    const labelled = await kjson<{ metadata: { labels: Record<string, string> } }>(cp, ["-n", "demo", "get", "deployment", "labelled"])
    expect(labelled.metadata.labels.team).toBe("payments")
  })

  it("make test fails when the cluster is unreachable", async () => {
    const r = await cp.run("make", ["test"], { cwd: starter.dir, env: { KUBECONFIG: unreachableKubeconfig(path.dirname(starter.dir)) } })
    expect(r.code).not.toBe(0)
    expect(r.stdout + r.stderr).toContain("cannot reach the cluster")
  })

  it("README Remove: afterwards make test fails because the policy is absent, and the Deployment is admitted", async () => {
    await runReadme(cp, starter.dir, "Remove")
    expect((await cp.kubectl(["get", "validatingadmissionpolicy", "require-team-label"])).code).not.toBe(0)
    ok(await cp.kubectl(["create", "namespace", "demo"]), "namespace for the check")
    const r = await cp.run("make", ["test"], { cwd: starter.dir })
    expect(r.code).not.toBe(0)
    expect(r.stdout + r.stderr).toContain("validatingadmissionpolicy/require-team-label is not installed")
    // And with the script's preflight bypassed, the "denied" object would now be admitted: the
    // check above is what keeps a missing policy from passing.
    ok(await cp.kubectl(["apply", "--dry-run=server", "-f", path.join(starter.dir, "test/policy/denied/unlabelled.yaml")]), "admitted without the policy")
  })
})
