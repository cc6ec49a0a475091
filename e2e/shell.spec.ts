import AxeBuilder from "@axe-core/playwright"
import { expect, test } from "@playwright/test"

test("/ redirects by Accept-Language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } })
  const page = await context.newPage()
  await page.goto("/")
  await expect(page).toHaveURL(/\/zh-CN$/)
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN")
  await context.close()
})

test("language switch keeps the page and its query", async ({ page }) => {
  await page.goto("/en?point=4")
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "简体中文" }).click()
  await expect(page).toHaveURL(/\/zh-CN\?point=4$/)
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN")
  await expect(page.getByRole("navigation", { name: "语言" })).toBeVisible()
})

test("main navigation works by keyboard", async ({ page }) => {
  await page.goto("/en")
  const nav = page.getByRole("navigation", { name: "Main" })
  const links = nav.getByRole("link")
  const count = await links.count()
  expect(count).toBeGreaterThan(0)
  // Tab until the last nav link has focus, then follow it with Enter.
  const last = links.nth(count - 1)
  const href = await last.getAttribute("href")
  for (let i = 0; i < 30 && !(await last.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab")
  }
  await expect(last).toBeFocused()
  await page.keyboard.press("Enter")
  await expect(page).toHaveURL(new RegExp(`${href}$`))
})

test("theme toggle switches to dark mode", async ({ page }) => {
  await page.goto("/en")
  const toggle = page.getByTestId("theme-toggle")
  await toggle.click() // system -> light
  await toggle.click() // light -> dark
  await expect(page.locator("html")).toHaveClass(/dark/)
})

test("security headers are sent", async ({ request }) => {
  const response = await request.get("/en")
  const headers = response.headers()
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'")
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval")
  expect(headers["x-content-type-options"]).toBe("nosniff")
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin")
})

for (const locale of ["en", "zh-CN"]) {
  test(`shell has no serious accessibility violations (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}`)
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  })
}

test("375 px viewport keeps the header usable", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await page.goto("/en")
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})
