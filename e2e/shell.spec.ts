import AxeBuilder from "@axe-core/playwright"
import { expect, test } from "@playwright/test"

import { starterIds } from "../lib/starters"

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

test("prerendered pages carry the language links in their HTML (no JavaScript needed)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto("/en/advisor")
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "简体中文" }).click()
  await expect(page).toHaveURL(/\/zh-CN\/advisor$/)
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN")
  await expect(page.getByRole("navigation", { name: "语言" }).getByRole("link", { name: "English" })).toHaveAttribute("href", "/en/advisor")
  await context.close()
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
  // 'wasm-unsafe-eval' (the policy lab compiles WebAssembly) is allowed; eval of JavaScript is not.
  expect(headers["content-security-policy"]?.split(/[\s;]+/)).not.toContain("'unsafe-eval'")
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

// Every route of the app: pages, a guide, the advisor start and a result, every starter, a 404.
const ROUTES = [
  "",
  "/mechanisms",
  "/mechanisms/validating-admission-policy",
  "/mechanisms/authentication-webhook",
  "/advisor",
  "/advisor?a=new-types:no,restrict-or-edit:yes&v=1.37",
  "/starters",
  ...starterIds().map((id) => `/starters/${id}`),
  "/cluster",
  "/no-such-page",
]

for (const locale of ["en", "zh-CN"]) {
  test(`375 px: no page scrolls sideways, the header is compact (${locale})`, async ({ page }) => {
    test.setTimeout(300_000)
    await page.setViewportSize({ width: 375, height: 812 })
    const overflowing: string[] = []
    for (const route of ROUTES) {
      await page.goto(`/${locale}${route}`)
      // Late content (the cluster overlay, hydrated widgets) must not widen the page either.
      await page.waitForLoadState("networkidle")
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      if (overflow > 0) overflowing.push(`${route || "/"}: ${overflow}px`)
    }
    expect(overflowing).toEqual([])
    // Header: logo and tools on one row, the navigation on one more.
    await page.goto(`/${locale}`)
    const header = await page.locator("header").boundingBox()
    expect(header?.height ?? 999).toBeLessThanOrEqual(100)
    const tops = await page.getByRole("navigation", { name: locale === "en" ? "Main" : "主导航" }).getByRole("link").evaluateAll((els) =>
      els.map((e) => Math.round(e.getBoundingClientRect().top)),
    )
    expect(new Set(tops).size).toBe(1)
    await page.screenshot({ path: test.info().outputPath(`header-375-${locale}.png`) })
  })
}

for (const width of [1366, 375]) {
  test(`one content grid: every page's title starts at the same left edge (${width} px)`, async ({ page }) => {
    test.setTimeout(120_000)
    await page.setViewportSize({ width, height: 900 })
    const edges = new Map<string, number>()
    for (const route of ["", "/mechanisms", "/mechanisms/validating-admission-policy", "/advisor", "/starters", "/starters/operator", "/cluster"]) {
      await page.goto(`/en${route}`)
      const box = await page.locator("main h1").first().boundingBox()
      edges.set(route || "/", Math.round(box?.x ?? -1))
    }
    const logo = await page.locator("header a").nth(1).boundingBox()
    expect(new Set(edges.values()).size, JSON.stringify(Object.fromEntries(edges))).toBe(1)
    expect([...edges.values()][0]).toBe(Math.round(logo?.x ?? -2))
  })
}

test("guide titles wrap between words, never inside one (375 px)", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 })
  for (const path of ["/en/mechanisms/validating-admission-policy", "/en/mechanisms/mutating-admission-policy", "/zh-CN/mechanisms/validating-admission-policy", "/en/starters/validating-admission-policy"]) {
    await page.goto(path)
    const h1 = page.locator("main h1").first()
    // Each word of the title fits the line: no word is wider than the heading box.
    const ok = await h1.evaluate((el) => {
      const range = document.createRange()
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        range.selectNodeContents(n)
        if (range.getClientRects().length > 1 && !/\s/.test(n.textContent ?? "")) {
          // A single text node without spaces spread over two lines was broken inside a word.
          if (!/[\u4e00-\u9fff]/.test(n.textContent ?? "")) return false
        }
      }
      return el.scrollWidth <= el.clientWidth
    })
    expect(ok, path).toBe(true)
  }
})
