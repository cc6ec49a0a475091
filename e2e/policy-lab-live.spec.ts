import { spawn, type ChildProcess } from "node:child_process"
import { readFileSync } from "node:fs"
import path from "node:path"

import { expect as baseExpect, test } from "@playwright/test"

import { request as kubeRequest, startCluster, stopCluster } from "../scripts/cluster/cluster.mjs"
import { cacheDir } from "../scripts/cluster/paths.mjs"

// Live mode against the real test cluster: a kube-apiserver 1.37 seeded with compliant and
// violating objects, and a second production server (same build) whose KUBECONFIG points at it.
// The main e2e server stays without a cluster (demo mode for the other journeys).
const expect = baseExpect.configure({ timeout: 120_000 })
test.describe.configure({ mode: "serial", timeout: 600_000 })

const port = Number(process.env.E2E_PORT ?? 3107) + 50
const base = `http://127.0.0.1:${port}`
const runDir = path.join(cacheDir, `e2e-policy-lab-${process.pid}`)
let server: ChildProcess | undefined

const POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: require-owner}
spec:
  failurePolicy: Fail
  matchConstraints:
    namespaceSelector: {matchLabels: {e2e-live: "yes"}}
    resourceRules:
    - {apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [configmaps, services]}
  validations:
  - expression: "has(object.metadata.labels) && 'owner' in object.metadata.labels"
    messageExpression: "object.kind + ' ' + object.metadata.name + ' has no owner label'"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: require-owner}
spec: {policyName: require-owner, validationActions: [Deny]}
`

test.beforeAll(async () => {
  test.setTimeout(900_000)
  const state = await startCluster({ runDir, attached: true, log: (m: string) => process.stderr.write(`${m}\n`) })
  const auth = { server: state.server, ca: readFileSync(state.caFile), token: state.tokens["test-admin"] }
  const post = async (p: string, body: unknown) => {
    const r = await kubeRequest(auth, "POST", p, body)
    if (r.status >= 300) throw new Error(`${p}: HTTP ${r.status} ${r.body}`)
  }
  for (const ns of ["shop", "billing"]) await post("/api/v1/namespaces", { metadata: { name: ns, labels: { "e2e-live": "yes" } } })
  // shop: 6 ConfigMaps, 2 without owner; billing: 3 ConfigMaps all owned, 1 Service without owner.
  for (let i = 0; i < 6; i++) await post("/api/v1/namespaces/shop/configmaps", { metadata: { name: `cfg-${i}`, ...(i < 2 ? {} : { labels: { owner: "shop-team" } }) } })
  for (let i = 0; i < 3; i++) await post("/api/v1/namespaces/billing/configmaps", { metadata: { name: `cfg-${i}`, labels: { owner: "billing-team" } } })
  await post("/api/v1/namespaces/billing/services", { metadata: { name: "legacy" }, spec: { ports: [{ port: 80 }] } })
  server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", KUBECONFIG: state.adminKubeconfig },
    stdio: "ignore",
    detached: true,
  })
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/en`)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error("the second next start did not come up")
})

test.afterAll(async () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM")
    } catch {
      // gone
    }
  }
  await stopCluster(runDir)
})

test("live mode: what would this reject today, by namespace and kind, with CSV download", async ({ page }) => {
  await page.goto(`${base}/en/policy-lab?source=live`)
  await expect(page.getByTestId("policy-lab")).toHaveAttribute("data-engine", "ready")
  await page.getByTestId("policy-editor").fill(POLICY)
  const panel = page.getByTestId("live-panel")
  await expect(panel).toBeVisible()
  await expect(panel.getByLabel("Cluster context")).toHaveValue(/.+/)
  await panel.getByRole("button", { name: "What would this reject today?" }).click()
  await expect(panel).toHaveAttribute("data-phase", "done")
  await expect(page.getByTestId("live-progress")).toContainText("objects read")
  const table = page.getByTestId("live-table")
  await expect(table.locator('[data-row="shop/ConfigMap"] [data-col="denied"]')).toHaveText("2")
  await expect(table.locator('[data-row="shop/ConfigMap"] [data-col="allowed"]')).toHaveText("4")
  await expect(table.locator('[data-row="billing/Service"] [data-col="denied"]')).toHaveText("1")
  await expect(table.locator('[data-row="billing/ConfigMap"] [data-col="allowed"]')).toHaveText("3")
  await expect(page.getByTestId("rollout-advice")).toHaveAttribute("data-advice", "warn-audit-first")
  await expect(page.getByTestId("rollout-advice")).toContainText("[Warn, Audit]")
  await expect(page.getByTestId("live-sample")).toHaveCount(0)

  await panel.getByLabel("Filter rows").fill("billing")
  await expect(table.locator("[data-row]")).toHaveCount(2)
  const download = page.waitForEvent("download")
  await panel.getByRole("button", { name: "Download CSV" }).click()
  const file = await (await download).path()
  const csv = readFileSync(file!, "utf8")
  expect(csv).toContain('"billing","Service","legacy","denied"')
  expect(csv).not.toContain('"shop"')
})

test("live mode in zh-CN", async ({ page }) => {
  await page.goto(`${base}/zh-CN/policy-lab?source=live`)
  await expect(page.getByTestId("policy-lab")).toHaveAttribute("data-engine", "ready")
  await page.getByTestId("policy-editor").fill(POLICY)
  await page.getByTestId("live-panel").getByRole("button", { name: "今天会拒绝哪些对象？" }).click()
  await expect(page.getByTestId("live-panel")).toHaveAttribute("data-phase", "done")
  await expect(page.getByTestId("rollout-advice")).toContainText("3 个现有对象会被拒绝")
  await expect(page.getByTestId("live-table").locator("caption")).toContainText("按名字空间和类别统计的对象")
})
