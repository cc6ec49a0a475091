// Policy APIs starter (team namespace: Pod Security, ResourceQuota, LimitRange, NetworkPolicy,
// RBAC) on the real control plane with kube-controller-manager (the quota controller fills in the
// ResourceQuota's status, which quota admission needs). Its `make test` passes on the cluster and
// fails when the policies are absent and when the cluster is unreachable.
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { unpackStarter } from "./starter"
import { kjson, ok, runReadme, unreachableKubeconfig, until } from "./readme"

describe("policy-apis starter", () => {
  let cp: ControlPlane
  const starter = unpackStarter("policy-apis")

  beforeAll(async () => {
    cp = await startControlPlane({ controllerManager: true })
  })
  afterAll(async () => {
    await cp?.stop()
  })

  it("README Deploy and Test: Pod Security, the quota, the LimitRange defaults and RBAC all hold", async () => {
    await runReadme(cp, starter.dir, "Deploy")
    // The quota controller (kube-controller-manager) computes status.hard; until then quota
    // admission answers "status unknown" — the same wait a user has after make deploy.
    await until("quota status", async () => (await kjson<{ status?: { hard?: object } }>(cp, ["-n", "team-a", "get", "resourcequota", "team-quota"])).status?.hard)
    const test = await runReadme(cp, starter.dir, "Test")
    const out = Object.values(test)[0]!.stdout
    expect(out).toContain("ok    rejected test/invalid/privileged-pod.yaml")
    expect(out).toContain("ok    rejected test/invalid/over-quota-pod.yaml")
    expect(out).toContain("cpu 100m")
    expect(out).toContain("ok    team-a-admins cannot change the quota")
    await runReadme(cp, starter.dir, "Try")
  })

  it("make test fails when the cluster is unreachable", async () => {
    const r = await cp.run("make", ["test"], { cwd: starter.dir, env: { KUBECONFIG: unreachableKubeconfig(path.dirname(starter.dir)) } })
    expect(r.code).not.toBe(0)
    expect(r.stdout + r.stderr).toContain("cannot reach the cluster")
  })

  it("make test fails when a policy is absent (the LimitRange deleted)", async () => {
    ok(await cp.kubectl(["-n", "team-a", "delete", "limitrange", "container-defaults"]), "delete LimitRange")
    const r = await cp.run("make", ["test"], { cwd: starter.dir })
    expect(r.code).not.toBe(0)
    expect(r.stdout + r.stderr).toContain("limitrange/container-defaults is not installed in team-a")
  })

  it("README Remove deletes the namespace and everything in it; make test then fails", async () => {
    await runReadme(cp, starter.dir, "Remove", {}, { timeoutMs: 180_000 })
    expect((await cp.kubectl(["get", "namespace", "team-a"])).code).not.toBe(0)
    const r = await cp.run("make", ["test"], { cwd: starter.dir })
    expect(r.code).not.toBe(0)
    expect(r.stdout + r.stderr).toContain("namespace/team-a is not installed")
  })
})
