import AxeBuilder from "@axe-core/playwright"
import { expect, test } from "@playwright/test"

import { advisorHandoffHref, starterTargetFor } from "../lib/advisor/handoff"
import { getMechanism, LOCALES, MECHANISMS } from "../lib/catalog"

// Run locally with: NEXT_DIST_DIR=.next-guides E2E_PORT=3206 npx playwright test e2e/guides.spec.ts

function decode(html: string): string {
  return html
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
}

/** Visible text of server-rendered HTML (scripts hold the RSC payload, which includes message JSON). */
function visibleText(html: string): string {
  return decode(
    html
      .replace(/<script[\s\S]*?<\/script>/g, " ")
      .replace(/<style[\s\S]*?<\/style>/g, " ")
      .replace(/<[^>]+>/g, " "),
  ).replace(/\s+/g, " ")
}

for (const locale of LOCALES) {
  test(`every guide renders in ${locale}`, async ({ request }) => {
    for (const m of MECHANISMS) {
      const response = await request.get(`/${locale}/mechanisms/${m.id}`)
      expect(response.status(), m.id).toBe(200)
      const html = await response.text()
      const h1 = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)
      // Titles carry <wbr> between the words of compound API names (no mid-word breaks).
      expect(decode((h1?.[1] ?? "").replace(/<[^>]+>/g, "")), `h1 of ${m.id}`).toBe(m.name[locale])
      // Booleans, not toContain: a failure should not dump the whole page into the report.
      expect(html.includes("data-missing-guide"), `${m.id} is missing its MDX body`).toBe(false)
      expect(html.includes('data-slot="feature-states"'), `${m.id} feature states`).toBe(true)
      expect(html.includes('data-slot="example-object"'), `${m.id} example`).toBe(true)
      expect(html.includes('data-slot="flow"'), `${m.id} flow`).toBe(true)
      const text = visibleText(html)
      expect(text.includes("MISSING_MESSAGE"), `${m.id} has a missing message`).toBe(false)
      expect(text.match(/\bguide\.[a-z][A-Za-z-]*(\.[A-Za-z-]+)*/)?.[0], `${m.id} shows a raw message key`).toBeUndefined()
      // Hand-offs: its starter (or its replacement's), the advisor walked to it; none to a 404.
      const starter = starterTargetFor(m.id)
      if (starter) expect(html.includes(`href="/${locale}/starters/${starter}"`), `${m.id} links to a starter`).toBe(true)
      else expect(html.includes(`/${locale}/starters/${m.id}"`), `${m.id} has no starter link`).toBe(false)
      const advisor = advisorHandoffHref(m.id)
      if (advisor) expect(html.includes(`href="/${locale}${advisor.replaceAll("&", "&amp;")}"`), `${m.id} links to the advisor walked to it`).toBe(true)
      // Both near the top: in the header, before the guide's body.
      expect(html.indexOf('data-slot="guide-actions-top"'), `${m.id} actions at the top`).toBeGreaterThan(-1)
      expect(html.indexOf('data-slot="guide-actions-top"') < html.indexOf('class="guide-prose"'), `${m.id} actions before the body`).toBe(true)
    }
  })
}

test("unknown mechanism ids are 404", async ({ request }) => {
  expect((await request.get("/en/mechanisms/not-a-mechanism")).status()).toBe(404)
})

test("feature state table is rendered from the catalog", async ({ page }) => {
  await page.goto("/en/mechanisms/mutating-admission-policy")
  const table = page.locator('[data-slot="feature-states"] table')
  await expect(table.locator("tbody tr")).toHaveCount(8)
  await expect(table.locator('tr[data-minor="1.37"] [data-slot="maturity-badge"]')).toHaveAttribute("data-maturity", "ga")
  await expect(table.locator('tr[data-minor="1.34"] [data-slot="maturity-badge"]')).toHaveAttribute("data-maturity", "beta")
  await expect(table.locator('tr[data-minor="1.34"]')).toContainText("--runtime-config=admissionregistration.k8s.io/v1beta1=true")
  await expect(table.locator('tr[data-minor="1.31"] [data-slot="maturity-badge"]')).toHaveAttribute("data-maturity", "unavailable")
})

test("FlexVolume points to CSI", async ({ page }) => {
  await page.goto("/zh-CN/mechanisms/flexvolume")
  const link = page.locator('[data-slot="replaced-by"]')
  await expect(link).toHaveText(getMechanism("csi-driver").name["zh-CN"])
  await link.click()
  await expect(page).toHaveURL(/\/zh-CN\/mechanisms\/csi-driver$/)
  await expect(page.locator("h1")).toHaveText(getMechanism("csi-driver").name["zh-CN"])
})

test("sections have the same anchors in both locales", async ({ page }) => {
  await page.goto("/zh-CN/mechanisms/validating-admission-webhook#what-can-go-wrong")
  await expect(page.locator("h2#what-can-go-wrong")).toHaveText("可能出现的问题")
  await expect(page.locator("h2#what-can-go-wrong")).toBeInViewport()
})

test("index lists every mechanism", async ({ page }) => {
  await page.goto("/en/mechanisms")
  for (const m of MECHANISMS) {
    await expect(page.getByRole("link", { name: m.name.en, exact: true })).toHaveAttribute("href", `/en/mechanisms/${m.id}`)
  }
})

test("copy button copies the example YAML", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"])
  await page.goto("/en/mechanisms/validating-admission-policy")
  const example = page.locator('[data-slot="example-object"]')
  const button = example.getByRole("button", { name: "Copy the example to the clipboard" })
  await button.click()
  await expect(button).toHaveText("Copied")
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toContain("kind: ValidatingAdmissionPolicy\n")
  expect(copied).toContain("apiVersion: admissionregistration.k8s.io/v1\n")
  // What is copied is exactly what is shown.
  expect(copied.trim()).toBe((await example.locator("pre").innerText()).trim())
})

test("code is highlighted at build time", async ({ request }) => {
  const html = await (await request.get("/en/mechanisms/validating-admission-policy")).text()
  // Both the ExampleObject block and the fenced ```bash block arrive as shiki HTML.
  expect(html.match(/<pre class="shiki/g)?.length ?? 0).toBeGreaterThanOrEqual(2)
})

for (const locale of LOCALES) {
  test(`guide page has no serious accessibility violations (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}/mechanisms/validating-admission-policy`)
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([])
  })
}

test("every guide fits a 375 px viewport", async ({ page }) => {
  test.setTimeout(240_000)
  await page.setViewportSize({ width: 375, height: 800 })
  const overflowing: string[] = []
  for (const locale of LOCALES) {
    for (const m of MECHANISMS) {
      await page.goto(`/${locale}/mechanisms/${m.id}`)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      if (overflow > 0) overflowing.push(`${locale}/${m.id}: ${overflow}px`)
    }
  }
  expect(overflowing).toEqual([])
})

for (const locale of LOCALES) {
  test(`"Is this right for me?" on a guide opens the advisor at a result that names the mechanism (${locale})`, async ({ page }) => {
    for (const id of ["scheduler-plugin", "validating-admission-webhook", "csi-driver"] as const) {
      await page.goto(`/${locale}/mechanisms/${id}`)
      const top = page.locator('[data-slot="guide-actions-top"]')
      await expect(top.locator('[data-slot="starter-link"]')).toBeInViewport()
      await top.locator('[data-slot="advisor-link"]').click()
      await expect(page.getByTestId("advisor-result").locator(`[data-mechanism-id="${id}"]`).first()).toBeVisible({ timeout: 20_000 })
    }
    await page.screenshot({ path: test.info().outputPath(`handoff-${locale}.png`) })
  })
}

test("FlexVolume offers the CSI driver's starter, and its old starter URL is a plain 404 in both locales", async ({ page, request }) => {
  await page.goto("/zh-CN/mechanisms/flexvolume")
  await expect(page.locator('[data-slot="guide-actions-top"] [data-slot="starter-link"]')).toHaveAttribute("href", "/zh-CN/starters/csi-driver")
  for (const locale of LOCALES) {
    const res = await request.get(`/${locale}/starters/flexvolume`, { maxRedirects: 5 })
    expect(res.status()).toBe(404)
  }
})
