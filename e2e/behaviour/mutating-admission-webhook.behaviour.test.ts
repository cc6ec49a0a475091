// Mutating admission webhook starter, Go and TypeScript (see webhooks.ts for what is checked).
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startControlPlane, type ControlPlane } from "@/e2e/cluster/control-plane"
import { BUILD_TIMEOUT_MS, runReadme } from "./readme"
import { deployWebhook, rotateCertificates, tryWebhook, webhookActs, type DeployedWebhook } from "./webhooks"

describe("mutating-admission-webhook starter", () => {
  let cp: ControlPlane
  const deployed: DeployedWebhook[] = []

  beforeAll(async () => {
    cp = await startControlPlane({ controllerManager: true })
  })
  afterAll(async () => {
    for (const d of deployed) await d.server.stop()
    await cp?.stop()
  })

  for (const language of ["go", "typescript"] as const) {
    it(`${language}: README Build, Deploy, Try; keeps serving after its certificate is replaced; removing it leaves the validating webhook working`, { timeout: BUILD_TIMEOUT_MS }, async () => {
      const m = await deployWebhook(cp, "mutating", language)
      deployed.push(m)
      await tryWebhook(cp, m)
      await rotateCertificates(cp, m)

      // The validating starter next to it (its own namespace by default): its Deployment has no
      // team label, and is admitted because this webhook adds one before validation runs.
      const v = await deployWebhook(cp, "validating", language)
      deployed.push(v)

      await runReadme(cp, m.starter.dir, "Remove", {}, { timeoutMs: 180_000 })
      await m.server.stop()
      expect((await cp.kubectl(["get", "namespace", m.namespace])).code).not.toBe(0)
      // The validating webhook still denies unlabelled Deployments (nothing labels them now).
      expect(await webhookActs(cp, "validating")).toBe(true)

      await runReadme(cp, v.starter.dir, "Remove", {}, { timeoutMs: 180_000 })
      await v.server.stop()
      expect(await webhookActs(cp, "validating")).toBe(false)
    })
  }
})
