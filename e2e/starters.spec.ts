import { readFile } from "node:fs/promises"

import AxeBuilder from "@axe-core/playwright"
import { expect, test, type Page } from "@playwright/test"
import { unzipSync } from "fflate"

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.length}`)
}

const fileContent = (page: Page) => page.getByTestId("file-content")

test("pick a mechanism, change an option, explore, download, share, remember, reset", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"])
  await page.goto("/en/starters")
  expect(await seriousViolations(page)).toEqual([])
  await page.getByRole("link", { name: "Open the CustomResourceDefinition" }).first().click()
  await expect(page).toHaveURL(/\/en\/starters\/custom-resource-definition$/)

  await page.locator('[data-path="deploy/crd.yaml"]').click()
  await expect(page.getByTestId("file-path")).toHaveText("deploy/crd.yaml")
  await expect(fileContent(page)).toContainText("name: widgets.example.com")

  // Change an option: the Explore pane follows as you type.
  const kind = page.getByLabel("Kind", { exact: true })
  await kind.fill("Gadget")
  await expect(fileContent(page)).toContainText("name: gadgets.example.com")
  await expect(fileContent(page)).toContainText("kind: Gadget")

  // Invalid input is kept and explained; the files stay at the last valid state.
  const group = page.getByLabel("API group")
  await group.fill("NoDot")
  await expect(page.getByTestId("error-group")).toContainText("at least one dot")
  await expect(group).toHaveValue("NoDot")
  await expect(fileContent(page)).toContainText("name: gadgets.example.com")
  await group.fill("acme.io")
  await expect(page.getByTestId("error-group")).toHaveCount(0)
  await expect(fileContent(page)).toContainText("name: gadgets.acme.io")
  expect(await seriousViolations(page)).toEqual([])

  // Download: file name and contents.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()])
  expect(download.suggestedFilename()).toBe("gadgets-crd.zip")
  const entries = unzipSync(new Uint8Array(await readFile((await download.path())!)))
  const crd = new TextDecoder().decode(entries["gadgets-crd/deploy/crd.yaml"])
  expect(crd).toContain("name: gadgets.acme.io")
  expect(Object.keys(entries)).toContain("gadgets-crd/README.md")

  // Ctrl+Enter downloads too.
  const [again] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+Enter")])
  expect(again.suggestedFilename()).toBe("gadgets-crd.zip")

  // Share link reproduces the same files in a fresh page.
  await page.getByTestId("share").click()
  await expect(page.getByTestId("status")).toHaveText("Share link copied.")
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link).toContain("kind=Gadget")
  const shared = await context.newPage()
  await shared.goto(link)
  await expect(shared.getByTestId("status")).toHaveText("Options loaded from the link.")
  await shared.locator('[data-path="deploy/crd.yaml"]').click()
  await expect(fileContent(shared)).toHaveText(await fileContent(page).innerText())
  await shared.close()

  // Remembered across reloads, until reset.
  await page.goto("/en/starters/custom-resource-definition")
  await expect(page.getByLabel("Kind", { exact: true })).toHaveValue("Gadget")
  await page.getByTestId("reset").click()
  await expect(page.getByLabel("Kind", { exact: true })).toHaveValue("Widget")
})

test("k8s from the advisor hand-off selects apiVersions (MAP beta on 1.34)", async ({ page }) => {
  await page.goto("/en/starters/mutating-admission-policy?k8s=1.34")
  await page.locator('[data-path="deploy/policy.yaml"]').click()
  await expect(fileContent(page)).toContainText("apiVersion: admissionregistration.k8s.io/v1beta1")
  await expect(page.getByTestId("state-note")).toContainText("--runtime-config=admissionregistration.k8s.io/v1beta1=true")
})

test("zh-CN starter page is translated and accessible", async ({ page }) => {
  await page.goto("/zh-CN/starters/validating-admission-webhook")
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN")
  await expect(page.getByRole("heading", { level: 1 })).toContainText("起步项目")
  await expect(page.getByLabel("名称", { exact: true })).toHaveValue("deployment-policy")
  await expect(page.getByRole("button", { name: "下载 zip" })).toBeVisible()
  await page.getByLabel("名字空间").fill("kube-system")
  await expect(page.getByTestId("error-namespace")).toContainText("kube-* 名字空间")
  expect(await seriousViolations(page)).toEqual([])
})

test("unknown starter is a 404", async ({ page }) => {
  const res = await page.goto("/en/starters/not-a-mechanism")
  expect(res?.status()).toBe(404)
})

for (const locale of ["en", "zh-CN"] as const) {
  test(`options that depend on a switch are disabled while it is off; Warn + Audit; switches on one line (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}/starters/validating-admission-policy`)
    const field = (name: string) => page.locator(`[data-field="${name}"]`)
    const params = field("params").locator('input[type="checkbox"]')
    await expect(params).not.toBeChecked()
    await expect(field("group").locator("input")).toBeDisabled()
    await expect(field("paramKind").locator("input")).toBeDisabled()
    await expect(field("group")).toContainText(locale === "en" ? "Used only when “Parameter CRD” is on." : "仅在开启“参数 CRD”时使用。")
    await params.check()
    await expect(field("group").locator("input")).toBeEnabled()
    await expect(field("paramKind").locator("input")).toBeEnabled()
    await expect(field("paramKind").locator("input")).toHaveValue("LabelPolicy")
    // The option reads as the API's two actions.
    await expect(field("validationActions").locator("option")).toHaveText(["Deny", "Warn + Audit"])
    // The checkbox and its label share a line.
    const box = await params.boundingBox()
    const label = await field("params").locator("label").boundingBox()
    expect(box && label && Math.abs(box.y + box.height / 2 - (label.y + label.height / 2)) < 8 && label.x > box.x).toBe(true)
    await page.setViewportSize({ width: 375, height: 812 })
    await field("params").scrollIntoViewIfNeeded()
    await page.screenshot({ path: test.info().outputPath(`starter-form-${locale}-375.png`) })
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
  })
}
