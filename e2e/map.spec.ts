import AxeBuilder from "@axe-core/playwright"
import { expect, test, type Page } from "@playwright/test"

const point = (page: Page, id: string) => page.getByTestId(`map-point-${id}`)
const panel = (page: Page) => page.getByTestId("map-panel")

/** Opens a map URL and waits for hydration, so clicks and keys reach React. */
async function openMap(page: Page, url: string) {
  await page.goto(url)
  await expect(page.locator("[data-map-ready]")).toBeAttached()
}

async function tabTo(page: Page, target: ReturnType<Page["getByTestId"]>, maxTabs = 60) {
  for (let i = 0; i < maxTabs && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab")
  }
  await expect(target).toBeFocused()
}

test("the map shows the seven numbered extension points", async ({ page }) => {
  await page.goto("/en")
  const diagram = page.getByTestId("map-diagram")
  await expect(diagram).toBeVisible()
  for (const n of ["1", "2", "3", "4", "5", "6", "7"]) {
    const p = point(page, n)
    await expect(p).toBeVisible()
    await expect(p).toContainText(n)
    await expect(p).toHaveAccessibleName(new RegExp(`^Extension point ${n}: .+ available in Kubernetes 1\\.37$`))
  }
  await expect(diagram.locator("[data-point-button]")).toHaveCount(8) // seven + "configure first"
  // The cluster the points sit on is drawn too.
  for (const label of ["kubectl", "client-go", "kube-apiserver", "API resources", "kube-scheduler", "Controllers", "Pod network"]) {
    await expect(diagram.getByText(label, { exact: true }).first()).toBeVisible()
  }
})

test("the diagram is in the server-rendered HTML, before any JavaScript runs", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto("/en?point=2")
  await expect(page.locator(".react-flow__node")).not.toHaveCount(0)
  await expect(point(page, "4")).toBeVisible()
  await expect(page.getByTestId("map-stage-validating-admission")).toBeVisible()
  await context.close()
})

test("keyboard only: Tab to point 4, Enter opens the scheduler panel, Esc closes it", async ({ page }) => {
  await openMap(page, "/en")
  await tabTo(page, point(page, "4"))
  await page.keyboard.press("Enter")
  const p = panel(page)
  await expect(p).toBeVisible()
  await expect(p.getByRole("heading", { level: 2 })).toHaveText("Point 4: Scheduling extensions")
  await expect(p.getByRole("heading", { level: 2 })).toBeFocused()
  for (const name of ["Scheduler profiles and plugin configuration", "Scheduling framework plugin", "Scheduler extender (webhook)", "Additional scheduler"]) {
    await expect(p.getByRole("heading", { name, exact: true })).toBeVisible()
  }
  // Each mechanism links to its guide, the advisor and its starter.
  await expect(p.getByRole("link", { name: "Guide (Scheduling framework plugin)" })).toHaveAttribute("href", "/en/mechanisms/scheduler-plugin")
  await expect(p.getByRole("link", { name: "Generate a starter (Scheduling framework plugin)" })).toHaveAttribute("href", "/en/starters/scheduler-plugin")
  await expect(p.getByRole("link", { name: "Is this right for me? (Scheduling framework plugin)" })).toHaveAttribute("href", "/en/advisor")
  await expect(page).toHaveURL(/\/en\?point=4$/)
  await page.keyboard.press("Escape")
  await expect(p).toBeHidden()
  await expect(point(page, "4")).toBeFocused()
  await expect(page).toHaveURL(/\/en$/)
})

test("arrow keys move between points, Space opens one", async ({ page }) => {
  await openMap(page, "/en")
  await tabTo(page, point(page, "1"))
  await page.keyboard.press("ArrowDown")
  await expect(point(page, "2")).toBeFocused()
  await page.keyboard.press("ArrowRight")
  await expect(point(page, "3")).toBeFocused()
  await page.keyboard.press("ArrowUp")
  await expect(point(page, "2")).toBeFocused()
  await page.keyboard.press("End")
  await expect(point(page, "configuration")).toBeFocused()
  await page.keyboard.press("Home")
  await expect(point(page, "1")).toBeFocused()
  await page.keyboard.press("ArrowLeft")
  await expect(point(page, "configuration")).toBeFocused()
  await page.keyboard.press("Space")
  await expect(panel(page)).toContainText("Built-in policy APIs")
})

test("point 2 expands into the request path through the API server", async ({ page }) => {
  await openMap(page, "/en")
  await point(page, "2").click()
  const stages = ["authentication", "authorization", "mutating-admission", "schema-validation", "validating-admission", "storage"]
  for (const [i, stage] of stages.entries()) {
    await expect(page.getByTestId(`map-stage-${stage}`)).toBeVisible()
    await expect(page.getByTestId(`map-stage-${stage}`)).toContainText(`Step ${i + 1}`)
  }
  await expect(page.getByTestId("map-stage-validating-admission")).toContainText("ValidatingAdmissionPolicy (CEL)")
  await expect(page.getByTestId("map-stage-schema-validation")).toContainText("CustomResourceDefinition")
  // The panel lists the same stages in order, each with its mechanisms.
  const path = panel(page).getByTestId("request-path")
  await expect(path.locator("[data-stage]")).toHaveCount(6)
  expect(await path.locator("[data-stage]").evaluateAll((els) => els.map((e) => e.getAttribute("data-stage")))).toEqual(stages)
  await expect(path.locator('[data-stage="authentication"] [data-mechanism]')).toHaveCount(3)
  // Closing collapses the path again.
  await page.getByRole("button", { name: "Close panel" }).click()
  await expect(page.getByTestId("map-stage-authentication")).toHaveCount(0)
  await expect(point(page, "2")).toBeFocused()
})

test("?point=7 deep link survives a reload", async ({ page }) => {
  await page.goto("/en?point=7")
  await expect(panel(page)).toContainText("Device and storage plugins")
  await expect(panel(page).getByRole("heading", { name: "Device plugin", exact: true })).toBeVisible()
  await page.reload()
  await expect(panel(page)).toContainText("Device and storage plugins")
  await expect(point(page, "7")).toHaveAttribute("aria-expanded", "true")
  await expect(page).toHaveURL(/\?point=7$/)
})

test("version 1.30 greys out mechanisms that were not GA or beta then", async ({ page }) => {
  await openMap(page, "/en?point=2")
  const map = panel(page).locator('[data-mechanism="mutating-admission-policy"]')
  await expect(map).toHaveAttribute("data-availability", "available")
  await page.getByLabel("Kubernetes version").selectOption("1.30")
  await expect(page).toHaveURL(/v=1\.30/)
  await expect(map).toHaveAttribute("data-availability", "unavailable")
  await expect(map).toContainText("Not available in Kubernetes 1.30.")
  await expect(map.locator('[data-slot="maturity-badge"]')).toHaveText(/Not available/)
  // Still-GA mechanisms stay available.
  await expect(panel(page).locator('[data-mechanism="validating-admission-webhook"]')).toHaveAttribute("data-availability", "available")
  // In the diagram too: the request path strikes MutatingAdmissionPolicy through.
  await expect(page.getByTestId("map-stage-mutating-admission").locator("li", { hasText: "MutatingAdmissionPolicy" })).toHaveAttribute(
    "data-availability",
    "unavailable",
  )
  // DRA was alpha, off by default, in 1.30.
  await point(page, "7").click()
  const dra = panel(page).locator('[data-mechanism="dra-driver"]')
  await expect(dra).toHaveAttribute("data-availability", "needs-enabling")
  await expect(dra.locator('[data-slot="maturity-badge"]')).toHaveText(/Alpha · off by default/)
  // The version survives a reload.
  await page.reload()
  await expect(page.locator("[data-map-ready]")).toBeAttached()
  await expect(page.getByLabel("Kubernetes version")).toHaveValue("1.30")
  await expect(panel(page).locator('[data-mechanism="dra-driver"]')).toHaveAttribute("data-availability", "needs-enabling")
})

test("the diagram has working zoom and fit controls", async ({ page }) => {
  await openMap(page, "/en")
  const viewport = page.locator(".react-flow__viewport")
  const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await viewport.getAttribute("style")) ?? "")?.[1] ?? 0)
  const before = await scale()
  await page.getByRole("button", { name: "Zoom in" }).click()
  // Zooming is animated: wait until it has settled at the larger scale before fitting again.
  await expect.poll(scale).toBeCloseTo(before * 1.2, 2)
  await page.getByRole("button", { name: "Fit the whole diagram" }).click()
  // After fitting, every point lies inside the diagram's frame.
  for (const n of ["1", "4", "7", "configuration"]) {
    await expect
      .poll(async () => {
        const frame = await page.getByTestId("map-diagram").boundingBox()
        const box = await point(page, n).boundingBox()
        return !!frame && !!box && box.x >= frame.x && box.y >= frame.y && box.x + box.width <= frame.x + frame.width && box.y + box.height <= frame.y + frame.height
      })
      .toBe(true)
  }
})

test("the 375 px viewport shows the list view instead of the diagram", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await page.goto("/en?point=4")
  await expect(page.getByTestId("map-diagram")).toBeHidden()
  const list = page.getByTestId("map-list")
  await expect(list).toBeVisible()
  await expect(list.locator("[data-list-point]")).toHaveCount(8)
  for (const n of ["1", "2", "3", "4", "5", "6", "7"]) {
    await expect(list.getByRole("heading", { level: 3, name: new RegExp(`^Point ${n}: `) })).toBeVisible()
  }
  await expect(list.locator('[data-list-point="7"] [data-mechanism="dra-driver"]')).toBeVisible()
  await expect(list.locator('[data-list-point="4"]')).toHaveAttribute("aria-current", "true")
  await expect(list.locator('[data-list-point="4"]')).toBeInViewport()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test("the Chinese map is translated", async ({ page }) => {
  await page.goto("/zh-CN?point=4")
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kubernetes 可以在哪里扩展？")
  await expect(point(page, "4")).toHaveAccessibleName(/^扩展点 4: 调度扩展/)
  await expect(panel(page).getByRole("heading", { level: 2 })).toHaveText("扩展点 4：调度扩展")
  await expect(panel(page).getByRole("link", { name: /^指南\s*（调度框架插件）$/ })).toHaveAttribute("href", "/zh-CN/mechanisms/scheduler-plugin")
})

for (const locale of ["en", "zh-CN"]) {
  test(`map has no serious accessibility violations (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}?point=2&v=1.30`)
    await expect(page.getByTestId("map-stage-storage")).toBeVisible()
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([])
  })

  test(`list view has no serious accessibility violations (${locale}, 375 px)`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto(`/${locale}`)
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([])
  })
}
