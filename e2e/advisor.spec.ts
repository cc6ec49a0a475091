import AxeBuilder from "@axe-core/playwright"
import { expect as baseExpect, test, type Page } from "@playwright/test"

import { holdAnswers, layoutShiftSum, recordLayoutShifts } from "./layout-shifts"

// The page hydrates a chart of ~150 nodes; on a loaded CI machine 5 s is too tight.
const expect = baseExpect.configure({ timeout: 20_000 })

// Path for "every Deployment must have an owner label": official Q1 no, Q2 yes, then the continuation.
const VAP_PATH = [
  ["new-types", "no"],
  ["restrict-or-edit", "yes"],
  ["access-goal", "reject"],
  ["validate-kind", "fields"],
  ["validate-expr", "yes"],
] as const
const VAP_QUERY = `a=${VAP_PATH.map(([q, a]) => `${q}:${a}`).join(",")}&v=1.37`
const VAP_CHART_NODES = [
  "q:new-types",
  "a:new-types:no",
  "q:restrict-or-edit",
  "a:restrict-or-edit:yes",
  "s:api-access-extensions",
  "q:access-goal",
  "a:access-goal:reject",
  "q:validate-kind",
  "a:validate-kind:fields",
  "q:validate-expr",
  "a:validate-expr:yes",
  "o:vap",
]

const wizard = (page: Page) => page.getByTestId("advisor-wizard")

/** Tabs until the wizard's answer button is focused, then presses Enter (no mouse involved). */
async function answerByKeyboard(page: Page, question: string, answer: string) {
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", question)
  const button = wizard(page).locator(`button[data-answer-id="${answer}"]`)
  for (let i = 0; i < 80; i++) {
    if (await button.evaluate((el) => el === document.activeElement)) break
    await page.keyboard.press("Tab")
  }
  await expect(button).toBeFocused()
  await page.keyboard.press("Enter")
}

/** The path view of the chart shows exactly these nodes as on the path (chosen answers included). */
async function expectChartPath(page: Page, ids: string[]) {
  const chart = page.getByTestId("advisor-chart")
  for (const id of ids) {
    await expect(chart.locator(`[data-chart-id="${id}"][data-on-path="true"]`), id).toHaveCount(1)
  }
  await expect(chart.locator('[data-on-path="true"]')).toHaveCount(ids.length)
}

test("a full path by keyboard only, highlighted in the chart, kept by reload and history, shareable", async ({ page, browser }) => {
  test.setTimeout(180_000)
  await page.goto("/en/advisor")
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which extension should you build?")
  for (const [q, a] of VAP_PATH) await answerByKeyboard(page, q, a)

  const result = page.getByTestId("advisor-result")
  await expect(result).toHaveAttribute("data-outcome-id", "vap")
  await expect(page.getByTestId("advisor-outcome-title")).toBeFocused()
  await expect(result.getByTestId("primary-mechanism")).toHaveAttribute("data-mechanism-id", "validating-admission-policy")
  await expect(page).toHaveURL(new RegExp(`\\?${VAP_QUERY.replace(/[.?]/g, "\\$&")}$`))
  await expectChartPath(page, VAP_CHART_NODES)

  await page.reload()
  await expect(page.getByTestId("advisor-result")).toHaveAttribute("data-outcome-id", "vap")
  await expectChartPath(page, VAP_CHART_NODES)

  await page.goBack()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "validate-expr")
  await expectChartPath(page, VAP_CHART_NODES.slice(0, -2))
  await page.goBack()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "validate-kind")
  await page.goForward()
  await page.goForward()
  await expect(page.getByTestId("advisor-result")).toHaveAttribute("data-outcome-id", "vap")

  const shareUrl = await page.getByTestId("advisor-share-url").inputValue()
  expect(shareUrl).toMatch(/\/en\/advisor\?a=new-types:no,.*&v=1\.37$/)
  const other = await browser.newPage()
  await other.goto(shareUrl)
  await expect(other.getByTestId("advisor-result")).toHaveAttribute("data-outcome-id", "vap")
  await expect(other.getByTestId("advisor-outcome-title")).toHaveText(await page.getByTestId("advisor-outcome-title").innerText())
  await other.close()
})

test("clicking an answer in the chart answers it, and the wizard follows", async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto("/en/advisor")
  const chart = page.getByTestId("advisor-chart")
  await chart.locator('[data-chart-id="a:new-types:yes"]').click()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "api-storage")
  await expect(page).toHaveURL(/a=new-types:yes&v=1\.37$/)
  // Changing an earlier answer in the chart drops the later ones.
  await chart.locator('[data-chart-id="a:api-storage:no"]').click()
  await expect(page.getByTestId("advisor-result")).toHaveAttribute("data-outcome-id", "aggregated-api")
  await chart.locator('[data-chart-id="a:new-types:no"]').click()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "restrict-or-edit")
  // In the whole chart, answers of questions the path has not reached are not clickable.
  await page.getByTestId("advisor-chart-toggle").click()
  const whole = page.getByTestId("advisor-whole-chart")
  await expect(whole.locator('.react-flow__node[data-id="a:new-types:no"] button')).toHaveAttribute("aria-pressed", "true")
  await expect(whole.locator('.react-flow__node[data-id="a:access-goal:quota"] button')).toBeDisabled()
})

for (const width of [1366, 375]) {
  for (const locale of ["en", "zh-CN"] as const) {
    test(`the chart is legible at every step, the whole chart on demand, wheel scrolls the page (${locale}, ${width} px)`, async ({ page }) => {
      test.setTimeout(120_000)
      await page.setViewportSize({ width, height: width > 500 ? 900 : 812 })
      await page.goto(`/${locale}/advisor?a=new-types:no,restrict-or-edit:yes&v=1.37`)
      const chart = page.getByTestId("advisor-chart")
      await expect(chart.locator('[data-current="true"]')).toHaveCount(1)
      // The path view: every node's text at 11 px or more, nothing wider than the page.
      const sizes = await chart.locator("[data-chart-id]").evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)))
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11)
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
      await chart.scrollIntoViewIfNeeded()
      await page.screenshot({ path: test.info().outputPath(`advisor-path-${locale}-${width}.png`) })

      await page.getByTestId("advisor-chart-toggle").click()
      const whole = page.getByTestId("advisor-whole-chart")
      const viewport = whole.locator(".react-flow__viewport")
      const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await viewport.getAttribute("style")) ?? "")?.[1] ?? 0)
      // It opens on the current question at full size (its 11 px text is drawn at 11 px).
      await expect.poll(scale).toBeCloseTo(1, 2)
      await expect(whole.locator('.react-flow__node[data-id="q:access-goal"]')).toBeInViewport()
      // Controls sit above the chart, never over it; their names are the page's language.
      const toolbar = page.getByRole("toolbar", { name: locale === "en" ? "Chart controls" : "流程图控件" })
      const tb = await toolbar.boundingBox()
      const fr = await whole.boundingBox()
      expect(tb && fr && tb.y + tb.height <= fr.y).toBe(true)
      await expect(toolbar.getByRole("button", { name: locale === "en" ? "Zoom in" : "放大" })).toBeVisible()
      expect(await page.locator('[aria-label*="Edge from"], [aria-label="Zoom In"], [aria-label="Control Panel"]').count()).toBe(0)
      const edgeName = await whole.locator(".react-flow__edge").first().getAttribute("aria-label")
      expect(edgeName).toMatch(locale === "en" ? /^From “.+” to “.+”$/ : /^从“.+”到“.+”$/)
      await page.screenshot({ path: test.info().outputPath(`advisor-whole-${locale}-${width}.png`) })

      if (width > 500) {
        // Not activated: the wheel scrolls the page and leaves the chart alone.
        await page.evaluate(() => window.scrollTo(0, 0))
        const before = await viewport.getAttribute("style")
        const box = await whole.boundingBox()
        await page.mouse.move((box?.x ?? 0) + 40, (box?.y ?? 0) + 40)
        await page.mouse.wheel(0, 300)
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
        expect(await viewport.getAttribute("style")).toBe(before)
        // Activated by a click: now the wheel zooms the chart.
        await whole.click({ position: { x: 20, y: 20 } })
        await expect(whole).toHaveAttribute("data-active", "true")
        const zoomed = await scale()
        const box2 = await whole.boundingBox()
        await page.mouse.move((box2?.x ?? 0) + 60, (box2?.y ?? 0) + 60)
        await page.mouse.wheel(0, 300)
        await expect.poll(scale).not.toBeCloseTo(zoomed, 3)
      }
    })
  }
}

test("the wizard's Back steps back in history instead of adding an entry", async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto("/en/advisor")
  await wizard(page).locator('button[data-answer-id="no"]').click()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "restrict-or-edit")
  await wizard(page).locator('button[data-answer-id="yes"]').click()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "access-goal")
  await page.getByTestId("advisor-back").click()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "restrict-or-edit")
  await page.getByTestId("advisor-back").click()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "new-types")
  await expect(page).toHaveURL(/\/en\/advisor$/)
  // Forward walks the same answers again: nothing was added on top of them.
  await page.goForward()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "restrict-or-edit")
  await page.goForward()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "access-goal")

  // Arriving from a hand-off (a full path in one link), Back drops answers in place; the
  // browser's Back then leaves the advisor instead of bouncing between two states.
  await page.goto("/en/mechanisms")
  await page.goto("/en/advisor?a=new-types:no,restrict-or-edit:yes&v=1.37")
  await page.getByTestId("advisor-back").click()
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "restrict-or-edit")
  await expect(page).toHaveURL(/a=new-types:no&v=1\.37$/)
  await page.goBack()
  await expect(page).toHaveURL(/\/en\/mechanisms$/)
})

test("version-aware result and the starter hand-off carry the chosen version", async ({ page }) => {
  const mutate = "a=new-types:no,restrict-or-edit:yes,access-goal:change,mutate-expr:yes"
  await page.goto(`/en/advisor?${mutate}&v=1.33`)
  const result = page.getByTestId("advisor-result")
  await expect(result.getByTestId("primary-mechanism")).toHaveAttribute("data-mechanism-id", "mutating-admission-webhook")
  await expect(result.locator('[data-mechanism-id="mutating-admission-policy"]')).toHaveAttribute("data-role", "alternative")
  await expect(result.getByTestId("advisor-version-notes")).toContainText("on by default from 1.36")
  await expect(result.getByTestId("primary-mechanism").getByTestId("starter-link")).toHaveAttribute(
    "href",
    "/en/starters/mutating-admission-webhook?k8s=1.33",
  )
  await expect(result.getByTestId("primary-mechanism").getByTestId("guide-link")).toHaveAttribute("href", "/en/mechanisms/mutating-admission-webhook")

  await page.getByTestId("advisor-version").selectOption("1.37")
  await expect(page).toHaveURL(/v=1\.37$/)
  await expect(result.getByTestId("primary-mechanism")).toHaveAttribute("data-mechanism-id", "mutating-admission-policy")
  await expect(result.getByTestId("primary-mechanism").getByTestId("starter-link")).toHaveAttribute(
    "href",
    "/en/starters/mutating-admission-policy?k8s=1.37",
  )
  await page.goBack()
  await expect(page.getByTestId("advisor-version")).toHaveValue("1.33")
})

test("a broken link shows a readable error instead of crashing", async ({ page }) => {
  const response = await page.goto("/en/advisor?a=new-types:maybe&v=9.99&x=1")
  expect(response?.status()).toBe(200)
  await expect(page.getByTestId("advisor-url-errors")).toBeVisible()
  await expect(page.getByTestId("advisor-url-errors")).toContainText("9.99")
  await expect(page.getByTestId("advisor-question")).toHaveAttribute("data-question-id", "new-types")
})

test("zh-CN shows the questions in Chinese", async ({ page }) => {
  await page.goto("/zh-CN/advisor")
  await expect(page.getByTestId("advisor-question")).toHaveText("你是否想要在 Kubernetes API 中添加全新的类别？")
  await wizard(page).locator('button[data-answer-id="no"]').click()
  await expect(page.getByTestId("advisor-question")).toHaveText("你是否想要限制或自动编辑某些或所有 API 类别的字段？")
  // The chart's current step carries the same Chinese text as the wizard.
  await expect(page.getByTestId("advisor-chart").locator('[data-chart-id="q:restrict-or-edit"]')).toContainText(
    (await page.getByTestId("advisor-question").innerText()).trim(),
  )
})

for (const locale of ["en", "zh-CN"]) {
  for (const query of ["", `?${VAP_QUERY}`]) {
    test(`advisor has no serious accessibility violations (${locale}${query ? ", result" : ""})`, async ({ page }) => {
      // axe walks every chart node; on a loaded 2-core machine that can take a while.
      test.setTimeout(180_000)
      await page.goto(`/${locale}/advisor${query}`)
      await expect(page.getByTestId("advisor-chart").locator("[data-chart-id]").first()).toBeVisible()
      const results = await new AxeBuilder({ page }).analyze()
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")})`)).toEqual([])
    })
  }
}

test("the cluster box keeps its room while the server answers: the questions do not move (375 px)", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 })
  // The answer saying which cluster source the server offers comes late, as on a slow network.
  const answer = await holdAnswers(page, "**/api/cluster/contexts")
  await recordLayoutShifts(page)
  await page.goto("/en/advisor")
  await expect(wizard(page)).toBeVisible()
  const box = page.getByTestId("advisor-cluster")
  // Held and hidden: not visible, not in the accessibility tree, not focusable.
  await expect(box).toBeHidden()
  await expect(box).toHaveAttribute("inert", "")
  const before = await wizard(page).boundingBox()
  answer()
  await expect(box).toBeVisible()
  await expect(box.getByRole("checkbox", { name: "Try with demo data" })).toBeEnabled()
  const after = await wizard(page).boundingBox()
  expect(after?.y).toBe(before?.y)
  expect(await layoutShiftSum(page)).toBeLessThan(0.01)
})
