// Shared file builders: README, kustomization, Makefile, .gitignore. Values that end up in
// Makefile recipes or shell commands are passed as `token`s (validated charset), see code.ts.
import { getMechanism, type KubernetesMinor, type MechanismId } from "@/lib/catalog"
import { generationLocale } from "./context"
import { yamlDoc } from "./yaml"
import type { StarterFile } from "./types"

export type ReadmeSection = { heading: string; body: string | readonly string[] }

export type ReadmeInput = {
  mechanism: MechanismId
  title: string
  /** One paragraph: what this starter is. */
  what: string
  k8s: KubernetesMinor
  /** Extra notes about the target minor (feature state, gates, runtime-config). */
  versionNotes?: readonly string[]
  files: readonly { path: string; purpose: string }[]
  build?: readonly string[]
  deploy: readonly string[]
  test: readonly string[]
  /** "Try" section: what to do against the deployed starter to see it work. */
  try?: readonly string[]
  /** "Remove" section: commands that take everything out again, in a safe order. */
  remove?: readonly string[]
  /** Prose under the Remove heading, before the commands (why the order matters). */
  removeNotes?: readonly string[]
  nextSteps: readonly string[]
  extra?: readonly ReadmeSection[]
}

const sh = (cmds: readonly string[]) => ["```sh", ...cmds, "```"].join("\n")

/**
 * Our guide for the mechanism (path on the advisor site, in the locale the starter was generated
 * from) and the Kubernetes docs page (English: not every page has a zh-cn translation).
 */
export function guideLinks(mechanism: MechanismId): { guide: string; docs: string } {
  const m = getMechanism(mechanism)
  return { guide: `/${generationLocale()}/mechanisms/${mechanism}`, docs: `https://kubernetes.io${m.docPath}` }
}

export function readme(input: ReadmeInput): StarterFile {
  const links = guideLinks(input.mechanism)
  const parts: string[] = [`# ${input.title}`, "", input.what, "", `Target: Kubernetes ${input.k8s}.`]
  if (input.versionNotes?.length) parts.push("", ...input.versionNotes.map((n) => `> ${n}`))
  parts.push("", "## Files", "", ...input.files.map((f) => `- \`${f.path}\`: ${f.purpose}`))
  if (input.build?.length) parts.push("", "## Build", "", sh(input.build))
  parts.push("", "## Deploy", "", sh(input.deploy))
  parts.push("", "## Test", "", sh(input.test))
  if (input.try?.length) parts.push("", "## Try", "", sh(input.try))
  if (input.remove?.length) {
    parts.push("", "## Remove", "")
    if (input.removeNotes?.length) parts.push(...input.removeNotes, "")
    parts.push(sh(input.remove))
  }
  for (const s of input.extra ?? []) {
    parts.push("", `## ${s.heading}`, "", typeof s.body === "string" ? s.body : s.body.join("\n"))
  }
  parts.push("", "## Next steps", "", ...input.nextSteps.map((n) => `- ${n}`))
  parts.push(
    "",
    "## Learn more",
    "",
    `- Guide in the Kubernetes extension-point advisor: \`${links.guide}\``,
    `- Kubernetes documentation: ${links.docs}`,
    "",
  )
  return { path: "README.md", content: parts.join("\n") }
}

export type KustomizationInput = {
  resources: readonly string[]
  namespace?: string
  labels?: Record<string, string>
}

/** deploy/kustomization.yaml (or any other directory's). */
export function kustomization(dir: string, input: KustomizationInput): StarterFile {
  const obj: Record<string, unknown> = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
  }
  if (input.namespace) obj.namespace = input.namespace
  if (input.labels) obj.labels = [{ pairs: input.labels, includeSelectors: false }]
  obj.resources = [...input.resources]
  return { path: `${dir}/kustomization.yaml`, content: yamlDoc(obj) }
}

export type MakeTarget = {
  name: string
  help: string
  deps?: readonly string[]
  recipe: readonly string[]
}

/** A Makefile with a `help` target listing every target (the first target is the default). */
export function makefile(vars: readonly [string, string][], targets: readonly MakeTarget[]): StarterFile {
  for (const [k, v] of vars) {
    if (!/^[A-Z_][A-Z0-9_]*$/.test(k) || /[\n$`"'\\;|&<>]/.test(v.replace(/\$\([A-Z_][A-Z0-9_]*\)/g, "")))
      throw new Error(`unsafe Makefile variable ${k}`)
  }
  const lines: string[] = []
  for (const [k, v] of vars) lines.push(`${k} ?= ${v}`)
  if (vars.length) lines.push("")
  const names = ["help", ...targets.map((t) => t.name)]
  lines.push(`.PHONY: ${names.join(" ")}`, "")
  lines.push("help: ## Show this help")
  lines.push(
    "\t@awk 'BEGIN {FS = \":.*##\"} /^[a-zA-Z_-]+:.*##/ {printf \"  %-16s %s\\n\", $$1, $$2}' $(MAKEFILE_LIST)",
  )
  for (const t of targets) {
    lines.push("", `${t.name}:${t.deps?.length ? ` ${t.deps.join(" ")}` : ""} ## ${t.help}`)
    for (const r of t.recipe) lines.push(`\t${r}`)
  }
  return { path: "Makefile", content: `${lines.join("\n")}\n` }
}

export function gitignore(entries: readonly string[]): StarterFile {
  return { path: ".gitignore", content: `${entries.join("\n")}\n` }
}
