// Part-2 starters in the UI: download a Go starter (device plugin) and a bash starter (kubectl
// plugin), check file names, contents and the executable bit; FlexVolume explains itself.
import { readFile } from "node:fs/promises"

import AxeBuilder from "@axe-core/playwright"
import { expect, test, type Page } from "@playwright/test"
import { unzipSync } from "fflate"

async function download(page: Page) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()])
  return { name: dl.suggestedFilename(), entries: unzipSync(new Uint8Array(await readFile((await dl.path())!))) }
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)

test("download the Go device plugin starter", async ({ page }) => {
  await page.goto("/en/starters/device-plugin")
  await page.getByLabel("Resource name").fill("fpga")
  await page.locator('[data-path="main.go"]').click()
  await expect(page.getByTestId("file-content")).toContainText('ResourceName = "example.com/fpga"')
  const axe = await new AxeBuilder({ page }).analyze()
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([])

  const { name, entries } = await download(page)
  expect(name).toBe("fpga-device-plugin.zip")
  expect(Object.keys(entries)).toEqual(expect.arrayContaining(["fpga-device-plugin/go.mod", "fpga-device-plugin/plugin.go", "fpga-device-plugin/plugin_test.go", "fpga-device-plugin/deploy/daemonset.yaml"]))
  expect(text(entries["fpga-device-plugin/go.mod"])).toContain("k8s.io/kubelet v0.37.2")
  expect(text(entries["fpga-device-plugin/deploy/sample-pod.yaml"])).toContain("example.com/fpga: 1")
})

test("download the bash kubectl plugin starter", async ({ page }) => {
  await page.goto("/en/starters/kubectl-plugin?language=bash&command=node-report")
  await page.locator('[data-path="kubectl-node_report"]').click()
  await expect(page.getByTestId("file-content")).toContainText("kubectl node-report")
  const { name, entries } = await download(page)
  expect(name).toBe("kubectl-node_report.zip")
  expect(text(entries["kubectl-node_report/kubectl-node_report"])).toMatch(/^#!\/usr\/bin\/env bash/)
  expect(Object.keys(entries)).toContain("kubectl-node_report/test/plugin_test.sh")

  // A built-in command name is refused with an explanation.
  await page.getByLabel("kubectl command").fill("get")
  await expect(page.getByTestId("error-command")).toContainText("built-in")
})

test("FlexVolume offers the CSI starter instead", async ({ request }) => {
  const res = await request.get("/api/starters/flexvolume.zip")
  expect(res.ok()).toBe(false)
  expect(await res.text()).toContain("csi-driver")
})
