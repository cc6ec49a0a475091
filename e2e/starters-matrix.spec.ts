// The verification matrix on the starters pages: a row per starter on the index, the row with
// reasons on a starter page, and refused minors explained — in both locales.
import AxeBuilder from "@axe-core/playwright"
import { expect, test, type Page } from "@playwright/test"

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('[data-testid="verified-row"]').analyze()
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.length}`)
}

test("the index shows a ✓ or – for every minor of every starter, neighbouring minors with the same outcome in one cell", async ({ page }) => {
  await page.goto("/en/starters")
  const rows = page.getByTestId("verified-row")
  await expect(rows.first()).toBeVisible()
  const crd = page.locator('[data-testid="verified-row"][data-mechanism="custom-resource-definition"]')
  await expect(crd.locator("li")).toHaveCount(1)
  await expect(crd.locator('li[data-minor="1.30–1.37"]')).toHaveAttribute("data-status", "ok")
  await expect(crd.getByText(/^Kubernetes 1\.30–1\.37: verified against v1\.30\.14, v1\.31\.\d+, .*, v1\.37\.\d+$/)).toBeAttached()
  // DRA's v1 API starts at 1.34: earlier minors are refused, not failed.
  const dra = page.locator('[data-testid="verified-row"][data-mechanism="dra-driver"]')
  await expect(dra.locator("li")).toHaveCount(2)
  await expect(dra.locator('li[data-minor="1.30–1.33"]')).toHaveAttribute("data-status", "refused")
  await expect(dra.locator('li[data-minor="1.30–1.33"]')).toHaveAttribute("title", /^Kubernetes 1\.30–1\.33: not offered: DRA's resource\.k8s\.io\/v1 API is served from Kubernetes 1\.34/)
  await expect(dra.locator('li[data-minor="1.34–1.37"]')).toHaveAttribute("data-status", "ok")
  // Every starter's row covers all eight minors.
  for (const row of await rows.all()) {
    const minors = (await row.locator("li").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-minor") ?? ""))).flatMap((m) => {
      const [first = NaN, last = first] = m.split("–").map((v) => Number(v.split(".")[1]))
      return Array.from({ length: last - first + 1 }, (_, i) => first + i)
    })
    expect(minors).toEqual([30, 31, 32, 33, 34, 35, 36, 37])
  }
  expect(await seriousViolations(page)).toEqual([])
})

test("the index in zh-CN lists the releases of a run with the Chinese enumeration comma", async ({ page }) => {
  await page.goto("/zh-CN/starters")
  const crd = page.locator('[data-testid="verified-row"][data-mechanism="custom-resource-definition"]')
  await expect(crd.getByText(/^Kubernetes 1\.30–1\.37：已针对 v1\.30\.14、v1\.31\.\d+、.*、v1\.37\.\d+ 验证$/)).toBeAttached()
})

test("a starter page shows its row with the reasons for refused minors (zh-CN)", async ({ page }) => {
  await page.goto("/zh-CN/starters/dra-driver")
  const section = page.getByRole("region", { name: "按 Kubernetes 次要版本逐一检查" })
  await expect(section).toBeVisible()
  await expect(section.getByText("Kubernetes 1.37：已针对 v1.37.2 验证")).toBeAttached()
  await expect(section.getByTestId("verified-refusals")).toContainText("Kubernetes 1.30–1.33：不提供")
  await expect(section.getByTestId("verified-refusals")).toContainText("DRA 的 resource.k8s.io/v1 API 从 Kubernetes 1.34 起提供")
  expect(await seriousViolations(page)).toEqual([])
})

test("a starter whose manifests include kinds without a schema says they were not checked", async ({ page }) => {
  await page.goto("/en/starters/validating-admission-webhook")
  await expect(page.getByTestId("verified-not-checked")).toContainText("cert-manager.io/v1 Certificate")
})
