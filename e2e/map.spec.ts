import AxeBuilder from "@axe-core/playwright"
import { expect, test, type Page } from "@playwright/test"

import { layoutShiftSum, recordLayoutShifts } from "./layout-shifts"

// Both drawings (wide, narrow) are in the page; CSS shows one. Locators pick the one on screen.
const diagram = (page: Page) => page.getByTestId("map-diagram").filter({ visible: true })
const point = (page: Page, id: string) => diagram(page).getByTestId(`map-point-${id}`)
const stage = (page: Page, id: string) => diagram(page).getByTestId(`map-stage-${id}`)
const panel = (page: Page) => page.getByTestId("map-panel")

type Box = { x: number; y: number; width: number; height: number }
const inside = (a: Box, b: Box) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1
const disjoint = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y

/** Opens a map URL and waits for hydration, so clicks and keys reach React. */
async function openMap(page: Page, url: string) {
  await page.goto(url)
  await expect(page.locator("[data-map-ready]")).toBeAttached()
}

async function tabTo(page: Page, target: ReturnType<Page["getByTestId"]>, maxTabs = 60) {
  for (let i = 0; i < maxTabs && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab")
    // Focus entering the static drawing swaps React Flow in, which gives the same point focus
    // again: the next key waits for that, as a person would see the focus ring come back.
    if (await page.evaluate(() => !!document.activeElement?.closest("[data-map-static]"))) {
      await page.waitForFunction(() => !!document.activeElement?.closest(".react-flow [data-point-button]"))
    }
  }
  await expect(target).toBeFocused()
}

test("the map shows the seven numbered extension points", async ({ page }) => {
  await page.goto("/en")
  const frame = diagram(page)
  await expect(frame).toBeVisible()
  for (const n of ["1", "2", "3", "4", "5", "6", "7"]) {
    const p = point(page, n)
    await expect(p).toBeVisible()
    await expect(p).toContainText(n)
    await expect(p).toHaveAccessibleName(new RegExp(`^Extension point ${n}: .+ available in Kubernetes 1\\.37$`))
  }
  await expect(frame.locator("[data-point-button]")).toHaveCount(8) // seven + "configure first"
  // The cluster the points sit on is drawn too.
  for (const label of ["kubectl", "client-go", "kube-apiserver", "API resources", "kube-scheduler", "Controllers", "Pod network"]) {
    await expect(frame.getByText(label, { exact: true }).first()).toBeVisible()
  }
})

test("the diagram is in the server-rendered HTML, before any JavaScript runs", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto("/en?point=2")
  await expect(diagram(page).locator("[data-map-node]")).not.toHaveCount(0)
  await expect(point(page, "4")).toBeVisible()
  await expect(stage(page, "validating-admission")).toBeVisible()
  await context.close()
})

test("React Flow loads when the user reaches for the diagram, in place of the same drawing", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 })
  const scripts: string[] = []
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url())
  })
  await openMap(page, "/en")
  await expect(diagram(page).locator("[data-map-static]")).toBeVisible()
  await expect(diagram(page).locator(".react-flow")).toHaveCount(0)
  const before = await point(page, "4").boundingBox()
  const loadedBefore = scripts.length
  await diagram(page).hover({ position: { x: 5, y: 5 } })
  await expect(diagram(page)).toHaveAttribute("data-map-interactive", "true")
  await expect(diagram(page).locator(".react-flow__viewport")).toBeVisible()
  expect(scripts.length).toBeGreaterThan(loadedBefore)
  // Same place, same size: the swap moves nothing.
  const after = await point(page, "4").boundingBox()
  expect(before && after && Math.abs(before.x - after.x) < 1 && Math.abs(before.y - after.y) < 1 && Math.abs(before.width - after.width) < 1).toBe(true)
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
  // "Is this right for me?" opens the advisor walked to the answers that lead to the mechanism.
  const advisor = p.getByRole("link", { name: "Is this right for me? (Scheduling framework plugin)" })
  await expect(advisor).toHaveAttribute("href", /^\/en\/advisor\?a=new-types:[a-z0-9-]+(,[a-z0-9-]+:[a-z0-9-]+)+&v=1\.37$/)
  await expect(page).toHaveURL(/\/en\?point=4$/)
  await page.keyboard.press("Escape")
  await expect(p).toBeHidden()
  await expect(point(page, "4")).toBeFocused()
  await expect(page).toHaveURL(/\/en$/)
})

test("arrow keys move by the drawn layout, Space opens one", async ({ page }) => {
  await openMap(page, "/en")
  await tabTo(page, point(page, "1"))
  // Point 1 is top left; point 4 is the next one down the left column, point 5 right of it.
  await page.keyboard.press("ArrowDown")
  await expect(point(page, "4")).toBeFocused()
  await page.keyboard.press("ArrowRight")
  await expect(point(page, "5")).toBeFocused()
  await page.keyboard.press("ArrowUp")
  await expect(point(page, "3")).toBeFocused()
  await page.keyboard.press("ArrowUp")
  await expect(point(page, "2")).toBeFocused()
  await page.keyboard.press("ArrowLeft")
  await expect(point(page, "1")).toBeFocused()
  await page.keyboard.press("ArrowRight")
  await expect(point(page, "configuration")).toBeFocused()
  await page.keyboard.press("Home")
  await expect(point(page, "1")).toBeFocused()
  await page.keyboard.press("End")
  await expect(point(page, "configuration")).toBeFocused()
  await page.keyboard.press("Space")
  await expect(panel(page)).toContainText("Built-in policy APIs")
})

test("opening a point adds a history entry: Back closes it, Forward reopens it, closing goes back", async ({ page }) => {
  await openMap(page, "/en")
  await point(page, "4").click()
  await expect(panel(page)).toBeVisible()
  await expect(page).toHaveURL(/\/en\?point=4$/)
  // The first click brings React Flow in place of the static drawing; a click that lands while
  // the buttons are being replaced is lost (known; the swap waits for a pressed pointer, not for
  // one about to press). Wait for the swap before the second click.
  await expect(diagram(page)).toHaveAttribute("data-map-interactive", "true")
  // Switching points replaces the entry: one Back still closes the panel. By keyboard: while the
  // diagram re-fits beside the opened panel a pointer click can be dispatched where the button no
  // longer is (React Flow's pane took it, on a loaded machine); this test is about history.
  await point(page, "7").press("Enter")
  await expect(page).toHaveURL(/\/en\?point=7$/)
  await page.goBack()
  await expect(panel(page)).toBeHidden()
  await expect(page).toHaveURL(/\/en$/)
  await page.goForward()
  await expect(panel(page)).toContainText("Device and storage plugins")
  // Closing with the button steps back instead of adding an entry.
  await page.getByRole("button", { name: "Close panel" }).click()
  await expect(panel(page)).toBeHidden()
  await expect(page).toHaveURL(/\/en$/)
  await page.goForward()
  await expect(panel(page)).toContainText("Device and storage plugins")
})

test("opening point 2 fits the point and its request path into the space beside the panel, names in full", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 })
  await openMap(page, "/en")
  await point(page, "2").click()
  await expect(panel(page)).toBeVisible()
  const stages = ["authentication", "authorization", "mutating-admission", "schema-validation", "validating-admission", "storage"]
  // After the animated re-fit, the point and every step box lie inside the diagram's frame, and
  // nothing of it is under the panel.
  await expect
    .poll(async () => {
      const frame = await diagram(page).boundingBox()
      const side = await panel(page).boundingBox()
      if (!frame || !side) return false
      for (const box of [await point(page, "2").boundingBox(), ...(await Promise.all(stages.map((s) => stage(page, s).boundingBox())))]) {
        if (!box || !inside(box, frame) || !disjoint(box, side)) return false
      }
      return true
    })
    .toBe(true)
  // Every mechanism name shows in full: no box or line is cut.
  for (const s of stages) {
    const cut = await stage(page, s).evaluate((el) =>
      [el, ...el.querySelectorAll("li")].some((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1),
    )
    expect(cut, s).toBe(false)
  }
  await expect(stage(page, "authentication")).toContainText("Structured authentication configuration (JWT)")
  await expect(stage(page, "validating-admission")).toContainText("ValidatingAdmissionPolicy (CEL)")
  await page.screenshot({ path: test.info().outputPath("map-1366-point-2.png") })
})

test("point 2 expands into the request path through the API server", async ({ page }) => {
  await openMap(page, "/en")
  await point(page, "2").click()
  const stages = ["authentication", "authorization", "mutating-admission", "schema-validation", "validating-admission", "storage"]
  for (const [i, s] of stages.entries()) {
    await expect(stage(page, s)).toBeVisible()
    await expect(stage(page, s)).toContainText(`Step ${i + 1}`)
  }
  await expect(stage(page, "validating-admission")).toContainText("ValidatingAdmissionPolicy (CEL)")
  await expect(stage(page, "schema-validation")).toContainText("CustomResourceDefinition")
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
  await expect(stage(page, "mutating-admission").locator("li", { hasText: "MutatingAdmissionPolicy" })).toHaveAttribute(
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
  // React Flow (pan, zoom, controls) loads when the pointer comes over the diagram and takes the
  // static drawing's place.
  await diagram(page).hover()
  await expect(diagram(page)).toHaveAttribute("data-map-interactive", "true")
  const viewport = diagram(page).locator(".react-flow__viewport")
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
        const frame = await diagram(page).boundingBox()
        const box = await point(page, n).boundingBox()
        return !!frame && !!box && box.x >= frame.x && box.y >= frame.y && box.x + box.width <= frame.x + frame.width && box.y + box.height <= frame.y + frame.height
      })
      .toBe(true)
  }
})

for (const locale of ["en", "zh-CN"] as const) {
  test(`375 px: a vertical map you can tap; the opened point sits above the panel's sheet (${locale})`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 })
    await openMap(page, `/${locale}`)
    const frame = diagram(page)
    await expect(frame).toHaveAttribute("data-map-diagram", "narrow")
    await expect(frame.locator("[data-point-button]")).toHaveCount(8)
    // Points are stacked top to bottom, each a comfortable tap target.
    let lastY = -1
    for (const n of ["1", "2", "3", "4", "5", "6", "7"]) {
      const box = await point(page, n).boundingBox()
      expect(box && box.y > lastY && box.height >= 40 && box.width >= 100, `point ${n}`).toBe(true)
      lastY = box?.y ?? lastY
    }
    await page.screenshot({ path: test.info().outputPath(`map-375-${locale}.png`) })
    await point(page, "2").click()
    const sheet = panel(page)
    await expect(sheet).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`/${locale}\\?point=2$`))
    await expect(stage(page, "authentication")).toBeVisible()
    // The opened point is on screen and not under the sheet.
    await expect
      .poll(async () => {
        const p = await point(page, "2").boundingBox()
        const s = await sheet.boundingBox()
        return !!p && !!s && p.y >= 0 && p.y + p.height <= s.y
      })
      .toBe(true)
    await page.screenshot({ path: test.info().outputPath(`map-375-${locale}-point-2.png`) })
    // Back closes it.
    await page.goBack()
    await expect(sheet).toBeHidden()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    // The list below the map has the same content for reading in order.
    await expect(page.getByTestId("map-list").locator("[data-list-point]")).toHaveCount(8)
  })
}

test("1366 px zh-CN: opening point 7 fits it beside the panel", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 })
  await openMap(page, "/zh-CN")
  await point(page, "7").click()
  await expect(panel(page)).toBeVisible()
  await expect
    .poll(async () => {
      const frame = await diagram(page).boundingBox()
      const side = await panel(page).boundingBox()
      const p = await point(page, "7").boundingBox()
      return !!frame && !!side && !!p && inside(p, frame) && disjoint(p, side)
    })
    .toBe(true)
  await page.screenshot({ path: test.info().outputPath("map-1366-zh-point-7.png") })
})

test("the list below the map keeps its server HTML, follows the selection and the version, and its links stay in the app", async ({ page }) => {
  await openMap(page, "/en")
  const list = page.getByTestId("map-list")
  const items = list.locator("[data-list-point]")
  await expect(items).toHaveCount(8)
  // Hydration kept the server's HTML: React did not claim the list's elements.
  const hydrated = (el: Element) => Object.keys(el).some((k) => k.startsWith("__reactFiber"))
  expect(await items.first().evaluate(hydrated)).toBe(false)
  await expect(list.locator("[aria-current]")).toHaveCount(0)

  // The opened point is marked in the list too, and moves with the selection.
  await point(page, "4").click()
  await expect(list.locator('[data-list-point="4"]')).toHaveAttribute("aria-current", "true")
  await expect(diagram(page)).toHaveAttribute("data-map-interactive", "true") // see the history test
  await expect(list.locator("[aria-current]")).toHaveCount(1)
  await point(page, "7").press("Enter")
  await expect(list.locator('[data-list-point="7"]')).toHaveAttribute("aria-current", "true")
  await expect(list.locator("[aria-current]")).toHaveCount(1)

  // A guide link in the kept HTML navigates client-side (the page's JavaScript state survives).
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }))
  await list.locator('[data-list-point="2"] [data-mechanism="validating-admission-policy"] a[href$="/mechanisms/validating-admission-policy"]').click()
  await expect(page).toHaveURL(/\/en\/mechanisms\/validating-admission-policy$/)
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
  expect(await page.evaluate(() => "__sameDocument" in window)).toBe(true)
  await page.goBack()
  await expect(items).toHaveCount(8)

  // Another version renders the list in the browser, with that version's states.
  await openMap(page, "/en?point=2")
  const mapInList = list.locator('[data-mechanism="mutating-admission-policy"]')
  await expect(mapInList).toHaveAttribute("data-availability", "available")
  await page.getByLabel("Kubernetes version").selectOption("1.30")
  await expect(mapInList).toHaveAttribute("data-availability", "unavailable")
  await expect(list.locator('[data-list-point="2"]')).toHaveAttribute("aria-current", "true")
  expect(await items.first().evaluate(hydrated)).toBe(true)
})

test("the list's cards are drawn only near the viewport, reached by a link to one, and nothing moves while scrolling through them (412 px)", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 })
  await recordLayoutShifts(page)
  await openMap(page, "/en")
  const card = (id: string) => page.getByTestId("map-list").locator(`[data-list-point="${id}"]`)
  // Far below the fold, the first frame skipped the card's content (content-visibility: auto).
  const drawn = (el: Element) => el.checkVisibility({ contentVisibilityAuto: true })
  expect(await card("7").locator("h3").evaluate(drawn)).toBe(false)
  await expect(card("7")).toBeAttached() // still in the page: find in page, screen readers, links

  // Scrolling down the whole list draws each card as it comes, with no visible shift.
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  for (let y = 0; y < height; y += 400) {
    await page.evaluate((top) => window.scrollTo({ top, behavior: "instant" }), y)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  }
  expect(await card("7").locator("h3").evaluate(drawn)).toBe(true)
  expect(await layoutShiftSum(page)).toBeLessThan(0.01)

  // A link to a card, opened in a new page, lands on that card with estimated heights above it
  // (in this page the cards were all drawn by the scroll, so they have their real heights).
  const linked = await page.context().newPage()
  await linked.setViewportSize({ width: 412, height: 823 })
  await linked.goto("/en#point-6")
  const target = linked.getByTestId("map-list").locator('[data-list-point="6"]')
  await expect(target).toBeInViewport()
  expect(await linked.getByTestId("map-list").locator('[data-list-point="2"] h3').evaluate(drawn)).toBe(false)
  const top = await target.evaluate((el) => el.getBoundingClientRect().top)
  expect(Math.abs(top - 16)).toBeLessThanOrEqual(2) // scroll-mt-4
})

/** Holds back the scripts the page asks for from now on (React Flow's chunks) until released. */
async function holdChunks(page: Page) {
  const held: (() => Promise<void>)[] = []
  let holding = true
  await page.route("**/_next/static/chunks/*.js", (route) => (holding ? void held.push(() => route.continue()) : route.continue()))
  return {
    /** Resolves once the import has asked for its chunks (they are requested together). */
    async requested() {
      await expect.poll(() => held.length).toBeGreaterThan(0)
      await page.waitForTimeout(200)
    },
    async release() {
      holding = false
      await Promise.all(held.map((go) => go()))
    },
  }
}

test("a long press on a point opens it while React Flow loads under the pressed pointer", async ({ page }) => {
  await openMap(page, "/en")
  // React Flow's chunks are held back until the button is pressed, so the import settles during
  // the press whatever the machine's speed (the earlier version of this test raced the import).
  const chunks = await holdChunks(page)
  await point(page, "4").hover()
  await page.mouse.down()
  await chunks.requested()
  await chunks.release()
  await page.waitForTimeout(1000) // React Flow arrives while the button is held down
  await page.mouse.up()
  await expect(panel(page)).toContainText("Point 4: Scheduling extensions")
  await expect(diagram(page)).toHaveAttribute("data-map-interactive", "true")
})

test("every hand-off link from the map reaches a page (advisor walked to a result, starters that exist)", async ({ page, request }) => {
  await openMap(page, "/en?point=2")
  const links = await panel(page).locator('a[data-slot="advisor-link"], a[data-slot="starter-link"]').evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""))
  expect(links.length).toBeGreaterThan(5)
  for (const href of links) expect((await request.get(href)).status(), href).toBe(200)
  // Authenticating proxy has no starter: no starter link, but the advisor still leads to it.
  const proxy = panel(page).locator('[data-mechanism="authenticating-proxy"]')
  await expect(proxy.locator('a[data-slot="starter-link"]')).toHaveCount(0)
  await proxy.locator('a[data-slot="advisor-link"]').click()
  await expect(page.getByTestId("advisor-result").locator('[data-mechanism-id="authenticating-proxy"]').first()).toBeVisible({ timeout: 20_000 })
  // FlexVolume offers the CSI driver's starter instead of a 404.
  await openMap(page, "/zh-CN?point=7")
  const flex = panel(page).locator('[data-mechanism="flexvolume"] a[data-slot="starter-link"]')
  await expect(flex).toHaveAttribute("href", "/zh-CN/starters/csi-driver")
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
    await expect(stage(page, "storage")).toBeVisible()
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([])
  })

  test(`narrow map has no serious accessibility violations (${locale}, 375 px)`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 })
    await openMap(page, `/${locale}?point=2`)
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([])
  })
}
