import AxeBuilder from "@axe-core/playwright"
import { expect as baseExpect, test, type Page } from "@playwright/test"

// The policy lab in the browser: the engine (Kubernetes' CEL libraries in WebAssembly) starts in a
// web worker; these journeys edit a policy, paste objects and read the results in en and zh-CN.
// Starting the engine takes seconds on a loaded machine, hence the long timeouts.
const expect = baseExpect.configure({ timeout: 90_000 })
test.setTimeout(240_000)

async function engineReady(page: Page) {
  await expect(page.getByTestId("policy-lab")).toHaveAttribute("data-engine", "ready")
  await expect(page.getByTestId("policy-lab")).toHaveAttribute("data-busy", "0")
}

const card = (page: Page, title: string) => page.locator(`[data-testid="case-card"][data-case="${title}"]`)

test("edit a policy: a failing sample turns green, a compile error points at its line", async ({ page }) => {
  await page.goto("/en/policy-lab")
  await expect(page.getByRole("heading", { level: 1, name: "Policy lab" })).toBeVisible()
  await engineReady(page)
  // The VAP starter's policy requires the label "team"; the risky sample Deployment has none.
  await expect(card(page, "Deployment team-a/legacy")).toHaveAttribute("data-outcome", "denied")
  await expect(card(page, "Deployment team-a/web")).toHaveAttribute("data-outcome", "allowed")
  await expect(page.getByTestId("compiles")).toContainText("compiles for Kubernetes 1.37")

  await card(page, "Deployment team-a/legacy").getByRole("button").click()
  await expect(card(page, "Deployment team-a/legacy").getByTestId("verdict-status")).toContainText(
    "422 Invalid: deployments.apps \"legacy\" is forbidden: ValidatingAdmissionPolicy 'require-team-label' with binding 'require-team-label' denied request: Deployment legacy must have the label team",
  )

  const editor = page.getByTestId("policy-editor")
  const text = await editor.inputValue()
  // The starter writes the expression as a single-quoted YAML scalar ('' is one quote).
  const strict = `'"team" in variables.labels && variables.labels["team"] != '''''`
  const lenient = `'!("team" in variables.labels) || variables.labels["team"] != '''''`
  const relaxed = text.replace(strict, lenient)
  expect(relaxed).not.toBe(text)
  await editor.fill(relaxed)
  await expect(card(page, "Deployment team-a/legacy")).toHaveAttribute("data-outcome", "allowed")

  // A syntax error: the apiserver's message, with a line to jump to; the text stays as typed.
  const broken = relaxed.replace("variables.labels[", "variables.labels[[")
  await editor.fill(broken)
  const diagnostics = page.getByTestId("diagnostics")
  await expect(diagnostics).toContainText("spec.validations[0].expression: Invalid value")
  await expect(diagnostics).toContainText("compilation failed: ERROR: <input>:1:")
  await expect(diagnostics.locator('[data-phase="write"]')).toHaveCount(1)
  await diagnostics.getByRole("button", { name: /line \d+, column \d+/ }).click()
  await expect(editor).toBeFocused()
  await expect(editor).toHaveValue(broken)

  // Per-minor environments: a 1.34 library is rejected when written on 1.34, accepted on 1.35.
  await editor.fill(relaxed.replace(lenient, `"[3, 1].sort() == [1, 3]"`))
  await page.getByLabel("Kubernetes version").selectOption("1.34")
  await expect(page.getByTestId("diagnostics")).toContainText("undeclared reference to 'sort'")
  await page.getByLabel("Kubernetes version").selectOption("1.35")
  await expect(page.getByTestId("compiles")).toContainText("1.35")
  // Meanwhile the engine's warm-up (lib/policy-lab/warm-up.ts) ran to its end on every minor, between
  // these edits (the attribute is set only when it completed).
  await expect(page.getByTestId("policy-lab")).toHaveAttribute("data-warm-up-ms", /^\d+$/)

  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([])
})

test("paste objects: results per object, bad YAML keeps the text", async ({ page }) => {
  await page.goto("/en/policy-lab")
  await engineReady(page)
  await page.getByRole("radio", { name: "Paste YAML" }).check()
  const paste = page.getByTestId("paste-editor")
  const yaml = [
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: billing, namespace: payments, labels: {team: payments}}\nspec: {selector: {matchLabels: {app: b}}, template: {metadata: {labels: {app: b}}, spec: {containers: [{name: c, image: nginx:1.27}]}}}",
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: orphan, namespace: payments}\nspec: {selector: {matchLabels: {app: o}}, template: {metadata: {labels: {app: o}}, spec: {containers: [{name: c, image: nginx:1.27}]}}}",
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: not-matched, namespace: payments}",
  ].join("\n---\n")
  await paste.fill(yaml)
  await expect(card(page, "Deployment payments/billing")).toHaveAttribute("data-outcome", "allowed")
  await expect(card(page, "Deployment payments/orphan")).toHaveAttribute("data-outcome", "denied")
  await expect(card(page, "ConfigMap payments/not-matched")).toHaveAttribute("data-outcome", "not-matched")
  await expect(page.getByTestId("summary").locator('[data-count="denied"]')).toHaveText("1")

  // DELETE of a Deployment: the policy only matches CREATE and UPDATE.
  await page.getByLabel("Operation").selectOption("DELETE")
  await expect(card(page, "Deployment payments/orphan")).toHaveAttribute("data-outcome", "not-matched")
  await page.getByLabel("Operation").selectOption("CREATE")

  const broken = `${yaml}\n---\nkind: [unclosed`
  await paste.fill(broken)
  await expect(page.getByTestId("paste-errors")).toContainText("line")
  await expect(paste).toHaveValue(broken)
})

test("MutatingAdmissionPolicy: the patched object is shown as a diff", async ({ page }) => {
  await page.goto("/en/policy-lab?from=mutating-admission-policy")
  await engineReady(page)
  const mutated = page.locator('[data-testid="case-card"][data-outcome="mutated"]').first()
  await expect(mutated).toBeVisible()
  await mutated.getByRole("button").first().click()
  await expect(mutated.getByTestId("mutation-diff")).toContainText("+ ")
})

test("zh-CN: the lab speaks Chinese and evaluates the same way", async ({ page }) => {
  await page.goto("/zh-CN/policy-lab")
  await expect(page.getByRole("heading", { level: 1, name: "策略实验室" })).toBeVisible()
  await engineReady(page)
  await expect(page.getByRole("radio", { name: "内置示例" })).toBeChecked()
  await expect(card(page, "Deployment team-a/legacy")).toHaveAttribute("data-outcome", "denied")
  await expect(card(page, "Deployment team-a/legacy").locator('[data-outcome="denied"]').first()).toHaveText("拒绝")
  await page.getByRole("radio", { name: "粘贴 YAML" }).check()
  await page.getByTestId("paste-editor").fill("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x, namespace: a, labels: {team: t}}\nspec: {selector: {matchLabels: {app: x}}, template: {metadata: {labels: {app: x}}, spec: {containers: [{name: c, image: i}]}}}")
  await expect(card(page, "Deployment a/x")).toHaveAttribute("data-outcome", "allowed")
  await expect(page.getByTestId("known-differences")).toContainText("与 kube-apiserver 的已知差异")
})

test("starters, guides and the advisor lead to the lab", async ({ page }) => {
  // The VAP starter's "Try it" tab opens the lab on the starter's own policy and test objects.
  await page.goto("/en/starters/validating-admission-policy")
  await page.getByTestId("pane-try").click()
  const tryIt = page.getByTestId("try-it")
  await expect(tryIt.getByTestId("policy-lab")).toHaveAttribute("data-engine", "ready")
  await expect(tryIt.locator('[data-testid="case-card"][data-case="Deployment demo/unlabelled"]')).toHaveAttribute("data-outcome", "denied")
  await expect(tryIt.locator('[data-testid="case-card"][data-case="Deployment demo/labelled"]')).toHaveAttribute("data-outcome", "allowed")
  await page.getByTestId("pane-explore").click()
  await expect(page.getByTestId("try-it")).toHaveCount(0)

  // The CRD guide links to the lab opened on the CRD starter.
  await page.goto("/en/mechanisms/custom-resource-definition")
  await page.locator('[data-slot="policy-lab-link"]').first().click()
  await expect(page).toHaveURL(/\/en\/policy-lab\?from=custom-resource-definition$/)
  await expect(page.getByTestId("policy-lab")).toHaveAttribute("data-engine", "ready")
  await expect(page.locator('[data-testid="case-card"][data-outcome="denied"]').first()).toBeVisible()

  // The advisor's policy outcome offers "try it on your cluster" (live mode; this server has no cluster).
  await page.goto("/en/advisor?a=new-types:no,restrict-or-edit:yes,access-goal:change,mutate-expr:yes&v=1.37")
  const primary = page.getByTestId("advisor-result").getByTestId("primary-mechanism")
  await expect(primary).toHaveAttribute("data-mechanism-id", "mutating-admission-policy")
  await primary.getByTestId("policy-lab-link").click()
  await expect(page).toHaveURL(/\/en\/policy-lab\?from=mutating-admission-policy&source=live$/)
  await expect(page.getByTestId("live-unavailable")).toBeVisible()
})
