// Validating admission webhook starter, Go and TypeScript (see webhooks.ts for what is checked).
// Removing one webhook starter while the other keeps working is checked in the mutating test: a
// validating webhook that denies unlabelled Deployments also denies the mutating starter's own
// Deployment unless the mutating webhook is there first to label it.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { BUILD_TIMEOUT_MS, runReadme } from "./readme"
import { deployWebhook, rotateCertificates, tryWebhook, webhookActs, type DeployedWebhook } from "./webhooks"

describe("validating-admission-webhook starter", () => {
  let cp: ControlPlane
  const deployed: DeployedWebhook[] = []

  beforeAll(async () => {
    // kube-controller-manager: make undeploy deletes the namespace.
    cp = await startControlPlane({ controllerManager: true })
  })
  afterAll(async () => {
    for (const d of deployed) await d.server.stop()
    await cp?.stop()
  })

  for (const language of ["go", "typescript"] as const) {
    it(`${language}: README Build, Deploy, Try; keeps serving after its certificate is replaced; Remove leaves nothing that rejects requests`, { timeout: BUILD_TIMEOUT_MS }, async () => {
      const v = await deployWebhook(cp, "validating", language)
      deployed.push(v)
      await tryWebhook(cp, v)
      await rotateCertificates(cp, v)

      await runReadme(cp, v.starter.dir, "Remove", {}, { timeoutMs: 180_000 })
      await v.server.stop()
      expect((await cp.kubectl(["get", "namespace", v.namespace])).code).not.toBe(0)
      expect((await cp.kubectl(["get", "validatingwebhookconfiguration", "deployment-policy"])).code).not.toBe(0)
      // Nothing left behind that rejects requests: Deployments are admitted again.
      expect(await webhookActs(cp, "validating")).toBe(false)
    })
  }
})
