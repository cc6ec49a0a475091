import AxeBuilder from "@axe-core/playwright"
import { expect as baseExpect, test, type Page } from "@playwright/test"

// The e2e server runs without a kubeconfig, so the advisor and the starters offer the bundled
// demo report (lib/inspector/demo-report.json), labelled "demo data".
const expect = baseExpect.configure({ timeout: 20_000 })

async function noSeriousAxe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([])
}

test("advisor: demo data annotates questions, is labelled and stays in the share URL", async ({ page }) => {
  await page.goto("/en/advisor?a=new-types:yes&v=1.37")
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "api-storage")
  const box = page.getByTestId("advisor-cluster")
  await expect(box.getByLabel("Try with demo data")).not.toBeChecked()
  await expect(box.getByTestId("advisor-cluster-demo-label")).toHaveText("demo data")
  // Off by default: no annotation from the cluster yet.
  await expect(page.getByText("Your cluster already serves custom resources")).toHaveCount(0)

  await box.getByLabel("Try with demo data").check()
  await expect(box.getByTestId("advisor-cluster-summary")).toContainText("Kubernetes v1.37.2")
  await expect(page.getByTestId("advisor-wizard")).toContainText(
    "Your cluster already serves custom resources in 2 API group(s) (crd.projectcalico.org, demo.example.com)",
  )
  await expect(page).toHaveURL(/[?&]demo=1(&|$)/)
  await noSeriousAxe(page)

  // A webhook question shows the demo cluster's validating webhook configuration by name.
  await page.goto("/en/advisor?a=new-types:no,restrict-or-edit:yes,access-goal:reject&v=1.37&demo=1")
  await expect(page.getByTestId("advisor-cluster").getByLabel("Try with demo data")).toBeChecked()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "validate-kind")
  await expect(page.getByTestId("advisor-wizard")).toContainText("risky-policy")

  // Opting out removes the facts and the URL parameter; the advisor keeps its answers.
  await page.getByTestId("advisor-cluster").getByLabel("Try with demo data").uncheck()
  await expect(page.getByTestId("advisor-wizard")).not.toContainText("risky-policy")
  await expect(page).not.toHaveURL(/demo=1/)
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "validate-kind")
})

test("advisor: an unknown cluster context shows a readable error and the advisor keeps working", async ({ page }) => {
  await page.goto("/en/advisor?a=new-types:yes&v=1.37&cluster=no-such-context")
  const error = page.getByTestId("advisor-cluster-error")
  await expect(error).toContainText("The cluster inspector is switched off or no cluster is configured")
  await expect(error).toContainText("keeps working")
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "api-storage")
})

test("advisor zh-CN labels the demo data in Chinese", async ({ page }) => {
  await page.goto("/zh-CN/advisor")
  await expect(page.getByTestId("advisor-cluster-demo-label")).toHaveText("演示数据")
  await expect(page.getByTestId("advisor-cluster")).toContainText("使用演示数据试用")
})

test("starters: CRD group/kind present in the demo report is flagged", async ({ page }) => {
  await page.goto("/en/starters/custom-resource-definition")
  const box = page.getByTestId("starter-cluster")
  await box.getByLabel("Check names against demo data").check()
  // Defaults (example.com / Widget) do not clash with the demo cluster.
  await expect(box.getByTestId("starter-cluster-clear")).toBeVisible()
  await page.locator('input[name="group"]').fill("demo.example.com")
  await page.locator('input[name="kind"]').fill("Widget")
  const conflicts = box.getByTestId("starter-cluster-conflicts")
  await expect(conflicts).toContainText("widgets.demo.example.com")
  await expect(conflicts).toContainText("1 other CRD in the API group demo.example.com")
  await expect(box).toContainText("demo data")
  await noSeriousAxe(page)
})

test("starters: an existing webhook configuration name is flagged (opt-in from ?demo=1)", async ({ page }) => {
  await page.goto("/en/starters/validating-admission-webhook?demo=1")
  const box = page.getByTestId("starter-cluster")
  await expect(box.getByLabel("Check names against demo data")).toBeChecked()
  await expect(box.getByTestId("starter-cluster-clear")).toBeVisible()
  await page.locator('input[name="name"]').fill("risky-policy")
  await expect(box.getByTestId("starter-cluster-conflicts")).toContainText("a ValidatingWebhookConfiguration named risky-policy")
})
