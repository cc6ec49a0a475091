import AxeBuilder from "@axe-core/playwright"
import { expect, test } from "@playwright/test"

import { holdAnswers, layoutShiftSum, recordLayoutShifts } from "./layout-shifts"

// The e2e server runs without any kubeconfig, so the cluster page is in demo mode: the bundled
// report recorded from the real test cluster (npm run demo:record).

test("cluster page shows the demo report, labelled as demo data", async ({ page }) => {
  await page.goto("/en/cluster")
  await expect(page.getByRole("heading", { level: 1, name: "Cluster inspector" })).toBeVisible()
  const banner = page.getByTestId("demo-banner")
  await expect(banner).toContainText("Demo data", { timeout: 30_000 })
  // Every section has finished (no "Loading" chips) and the risky webhook is flagged.
  await expect(page.locator('[data-section="webhooks"]')).toHaveAttribute("data-status", "ok", { timeout: 30_000 })
  await expect(page.locator('[data-status="loading"]')).toHaveCount(0)
  const risky = page.locator('[data-row="validate.risky-policy.example.com"]')
  await expect(risky.locator('[data-risk="fail-broad-match"]')).toContainText("Fails closed on a broad match")
  await expect(risky.locator('[data-risk="timeout-over-10s"]')).toContainText("timeoutSeconds is 30")
  // What the API cannot show is stated as such (point 1's section, opened).
  await page.locator('details[data-point="1"] > summary').click()
  await expect(page.locator('[data-not-observable="kubectl-plugin"]')).toBeVisible()
  // Guides are linked.
  await expect(page.locator('[data-section="crds"]').getByRole("link", { name: "Custom resource definitions" }).or(page.locator('[data-section="crds"] a[href="/en/mechanisms/custom-resource-definition"]')).first()).toHaveAttribute("href", "/en/mechanisms/custom-resource-definition")
})

test("search and filters narrow the report", async ({ page }) => {
  await page.goto("/en/cluster")
  await expect(page.locator('[data-section="crds"]')).toHaveAttribute("data-status", "ok", { timeout: 30_000 })
  const filters = page.getByRole("search", { name: "Filter the report" })
  await filters.getByLabel("Search", { exact: true }).fill("widgets")
  await expect(page.locator('[data-row="widgets.demo.example.com"]')).toBeVisible()
  await expect(page.locator('[data-row="gadgets.demo.example.com"]')).toHaveCount(0)
  await expect(page.getByText("1 matching item")).toBeVisible()
  await filters.getByLabel("Search", { exact: true }).fill("")
  await filters.getByLabel("Show", { exact: true }).selectOption("risky")
  await expect(page.locator('[data-row="validate.risky-policy.example.com"]')).toBeVisible()
  await expect(page.locator('[data-row="defaults.careful.example.com"]')).toHaveCount(0)
  await filters.getByLabel("Show", { exact: true }).selectOption("all")
  await filters.getByLabel("Extension point", { exact: true }).selectOption("7")
  await expect(page.locator("details[data-point]")).toHaveCount(1)
  await expect(page.locator('[data-row="example.com/gpu"]')).toBeVisible()
})

test("the report API serves demo data and rejects bad input", async ({ request }) => {
  const contexts = await request.get("/api/cluster/contexts")
  expect(contexts.status()).toBe(200)
  expect((await contexts.json()).state).toBe("unconfigured")
  const demo = await request.get("/api/cluster/report?demo=1")
  expect(demo.status()).toBe(200)
  expect((await demo.json()).report.source).toBe("demo")
  const bad = await request.get("/api/cluster/report?refresh=maybe")
  expect(bad.status()).toBe(400)
  expect((await bad.json()).errors[0].field).toBe("refresh")
})

for (const locale of ["en", "zh-CN"]) {
  test(`cluster page has no serious accessibility violations (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}/cluster`)
    await expect(page.locator('[data-section="webhooks"]')).toHaveAttribute("data-status", "ok", { timeout: 30_000 })
    await page.getByTestId("risk-legend").locator("summary").click()
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([])
  })
}

test("zh-CN labels the demo data in Chinese", async ({ page }) => {
  await page.goto("/zh-CN/cluster")
  await expect(page.getByTestId("demo-banner")).toContainText("演示数据", { timeout: 30_000 })
})

test("the map shows per-point cluster badges from the demo report, labelled as demo", async ({ page }) => {
  await page.goto("/en")
  const overlay = page.getByTestId("map-cluster-overlay")
  await expect(overlay).toContainText("Demo data", { timeout: 30_000 })
  await expect(overlay.getByRole("link")).toHaveAttribute("href", "/en/cluster")
  // Point 2: two webhooks + VAP + MAP, four risk flags on the risky webhook.
  await expect(page.getByTestId("map-point-badge-2").filter({ visible: true })).toHaveText("4 in cluster · 4 risks")
  await expect(page.getByTestId("map-point-badge-3").filter({ visible: true })).toHaveText("4 in cluster · 2 risks")
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([])
})

test("the map's cluster line keeps its room while the report loads: the map does not move (375 px)", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 })
  const release = await holdAnswers(page, "**/api/cluster/report**")
  await recordLayoutShifts(page)
  await page.goto("/en")
  const drawing = page.getByTestId("map-diagram").filter({ visible: true })
  await expect(drawing).toBeVisible()
  const before = await drawing.boundingBox()
  release()
  await expect(page.getByTestId("map-cluster-overlay")).toContainText("Demo data")
  expect((await drawing.boundingBox())?.y).toBe(before?.y)
  expect(await layoutShiftSum(page)).toBeLessThan(0.001)
})

for (const width of [1366, 375]) {
  for (const locale of ["en", "zh-CN"]) {
    test(`cluster page: summary first, sections collapsed, no shift while loading, no console error (${locale}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 812 })
      const errors: string[] = []
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text())
      })
      await recordLayoutShifts(page)
      await page.goto(`/${locale}/cluster`)
      const summary = page.getByTestId("cluster-summary")
      await expect(summary.locator('[data-summary-point="2"] [data-summary-risks]')).toHaveAttribute("data-summary-risks", "4", { timeout: 30_000 })
      await expect(page.locator('[data-section="webhooks"]')).toHaveAttribute("data-status", "ok")
      // The summary comes before the sections; every section starts collapsed.
      const summaryBox = await summary.boundingBox()
      const firstSection = await page.locator("details[data-point]").first().boundingBox()
      expect(summaryBox && firstSection && summaryBox.y < firstSection.y).toBe(true)
      await expect(page.locator("details[data-point][open]")).toHaveCount(0)
      await expect(page.locator('[data-row="validate.risky-policy.example.com"]')).toBeHidden()
      await page.screenshot({ path: test.info().outputPath(`cluster-${locale}-${width}.png`) })
      // "Details" opens the point's section.
      await summary.locator('[data-summary-point="2"]').getByRole("button").click()
      await expect(page.locator('details[data-point="2"]')).toHaveAttribute("open", "")
      await expect(page.locator('[data-row="validate.risky-policy.example.com"]')).toBeVisible()
      const cls = await layoutShiftSum(page)
      // The banner or picker, the report line and the summary keep their room (0.04-0.05 at 375 px before they did).
      expect(cls).toBeLessThan(0.01)
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
      expect(errors).toEqual([])
    })
  }
}

test("no console error on the map and the advisor without a cluster", async ({ page }) => {
  const errors: string[] = []
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text())
  })
  await page.goto("/en")
  await expect(page.getByTestId("map-cluster-overlay")).toContainText("Demo data", { timeout: 30_000 })
  await page.goto("/en/advisor")
  await expect(page.getByTestId("advisor-cluster")).toBeVisible({ timeout: 30_000 })
  expect(errors).toEqual([])
})
