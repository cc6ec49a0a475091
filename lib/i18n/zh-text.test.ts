import { readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"

import ts from "typescript"
import { describe, expect, it } from "vitest"

import { evaluate, getNode, START_NODE_ID, type ClusterFacts } from "@/lib/advisor"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { MESSAGES } from "@/messages"

import { GLOSSARY } from "./glossary"
import { icuLiterals, lintZh, mdxProse, type ZhIssue } from "./zh-lint"

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..")
const HAN = /[\u3400-\u9fff]/

type Found = ZhIssue & { where: string }

function report(pieces: Array<{ where: string; text: string }>): string[] {
  const found: Found[] = []
  for (const { where, text } of pieces) for (const issue of lintZh(text)) found.push({ ...issue, where })
  return found.map((f) => `${f.where}: ${f.rule}${f.term ? ` (use ${f.term})` : ""}: “${f.match}” in “${f.context}”`)
}

function leaves(value: unknown, prefix: string): Array<{ where: string; text: string }> {
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
  return [{ where: prefix, text: String(value) }]
}

function walk(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return walk(full, ext)
    return name.endsWith(ext) ? [full] : []
  })
}

/** Every string literal (and template literal part) with Chinese in a TypeScript file. */
function tsChineseStrings(file: string): Array<{ where: string; text: string }> {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true)
  const out: Array<{ where: string; text: string }> = []
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      // Search aliases (aliases(...) in the catalog) deliberately list the variants people type.
      const inAliases = ts.isCallExpression(node.parent) && ts.isIdentifier(node.parent.expression) && node.parent.expression.text === "aliases"
      const inAliasList = ts.isArrayLiteralExpression(node.parent) && ts.isCallExpression(node.parent.parent) && ts.isIdentifier(node.parent.parent.expression) && node.parent.parent.expression.text === "aliases"
      if (HAN.test(node.text) && !inAliases && !inAliasList) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart())
        out.push({ where: `${path.relative(ROOT, file)}:${line + 1}`, text: node.text })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

describe("zh lint rules", () => {
  const rules = (text: string) => lintZh(text).map((i) => i.rule)

  it("catches the glued and word-for-word strings from issue 13", () => {
    expect(rules("在 Kubernetes 1.37 中为 正式发布（GA）. 也可以用")).toEqual(expect.arrayContaining(["ascii-punctuation", "space-between-han"]))
    expect(rules("正式发布（GA）, 默认启用")).toContain("ascii-punctuation")
    expect(rules("语言: Go, TypeScript")).toContain("ascii-punctuation")
    expect(rules("1.37(当前)")).toContain("ascii-parenthesis")
    expect(rules("状态（GA ）")).toContain("space-next-to-full-width")
  })

  it("flags banned variants and names the glossary term", () => {
    const issues = lintZh("在命名空间中创建验证准入 Webhook，并用选择器筛选")
    expect(issues.filter((i) => i.rule === "banned-term").map((i) => i.term)).toEqual(
      expect.arrayContaining(["名字空间", "验证性准入 Webhook", "选择算符"]),
    )
    expect(lintZh("编组调度").filter((i) => i.rule === "banned-term")).toEqual([])
    expect(lintZh("变更性准入 Webhook 在变更准入阶段运行").filter((i) => i.rule === "banned-term")).toEqual([])
  })

  it("leaves code, URLs, flags and version numbers alone", () => {
    for (const ok of [
      "在 Kubernetes 1.37 中的状态：正式发布（GA）。",
      "运行 `kubectl get pods -o wide, json` 即可。",
      "参阅 https://kubernetes.io/zh-cn/docs/concepts/overview/ 了解更多。",
      "通过 --runtime-config=admissionregistration.k8s.io/v1beta1=true 启用。",
      "默认值为 10.244.0.0/16，可在 /etc/cni/net.d 中修改。",
      "语言：Go、TypeScript",
      "第 4 题，也是最后一题",
    ])
      expect(lintZh(ok), ok).toEqual([])
  })

  it("reads ICU messages and MDX the way users see them", () => {
    expect(icuLiterals("{left, plural, =0 {第 {current} 题，也是最后一题} other {第 {current} 题，之后最多还有 # 题}}")).not.toMatch(/plural|\{/)
    expect(lintZh(icuLiterals("{maturity}, {onOff}"))).toEqual([])
    expect(lintZh(icuLiterals("状态: {maturity}")).map((i) => i.rule)).toContain("ascii-punctuation")
    const [prose, ...attrs] = mdxProse('## 它是什么\n\n正文。\n\n<Flow steps={["第一步", "第二步"]} />\n\n```bash\necho "a, b"\n```\n')
    expect(prose).toContain("正文。")
    expect(prose).not.toContain("echo")
    expect(attrs).toEqual(["第一步", "第二步"])
  })

  it("has one term per concept, each checked against an official zh-cn page", () => {
    const terms = GLOSSARY.map((g) => g.term)
    expect(new Set(terms).size).toBe(terms.length)
    for (const g of GLOSSARY) {
      expect(g.source, g.concept).toMatch(/^https:\/\/kubernetes\.io\/zh-cn\//)
      expect(g.banned.length, g.concept).toBeGreaterThan(0)
      // A term must not be banned by its own (or another entry's) variants.
      for (const part of g.term.split(" / ")) expect(lintZh(part).filter((i) => i.rule === "banned-term"), part).toEqual([])
    }
  })
})

describe("Chinese text follows the glossary and full-width punctuation", () => {
  it("in messages/zh-CN", () => {
    const pieces = leaves(MESSAGES["zh-CN"], "").map(({ where, text }) => ({ where: `messages/zh-CN ${where}`, text: icuLiterals(text) }))
    expect(report(pieces)).toEqual([])
  })

  it("in content/zh-CN", () => {
    const pieces = walk(path.join(ROOT, "content/zh-CN"), ".mdx").flatMap((file) =>
      mdxProse(readFileSync(file, "utf8")).map((text) => ({ where: path.relative(ROOT, file), text })),
    )
    expect(report(pieces)).toEqual([])
  })

  it("in zh strings under lib/", () => {
    const files = walk(path.join(ROOT, "lib"), ".ts").filter((f) => !f.endsWith(".test.ts") && !f.includes(`${path.sep}i18n${path.sep}`))
    const pieces = files.flatMap(tsChineseStrings)
    expect(pieces.length).toBeGreaterThan(500)
    expect(report(pieces)).toEqual([])
  })

  it("in the advisor's generated notes, for every path, minor and cluster state", () => {
    const facts: Array<ClusterFacts | undefined> = [
      undefined,
      {
        version: "v1.34.2-eks-1a2b3c",
        servedApiVersions: ["v1", "admissionregistration.k8s.io/v1beta1", "scheduling.k8s.io/v1alpha1", "resource.k8s.io/v1"],
        validatingWebhooks: ["gatekeeper", "kyverno"],
        mutatingWebhooks: [],
        crdGroups: ["cert-manager.io"],
      },
    ]
    const pieces: Array<{ where: string; text: string }> = []
    const walkGraph = (id: string, path: Array<[string, string]>) => {
      const node = getNode(id)
      if (!node || node.kind === "outcome") {
        for (const minor of KUBERNETES_MINORS)
          for (const clusterFacts of facts) {
            const r = evaluate(path, clusterFacts ? { minor, clusterFacts } : { minor })
            if (!r.ok || !r.value.outcome) continue
            const o = r.value.outcome
            for (const n of [...o.versionNotes, ...o.clusterNotes, ...r.value.clusterNotes])
              pieces.push({ where: `${path.map((p) => p.join(":")).join(",")}@${minor}`, text: n["zh-CN"] })
          }
        return
      }
      if (node.kind === "section") return walkGraph(node.next, path)
      for (const clusterFacts of facts) {
        const r = evaluate(path, clusterFacts ? { clusterFacts } : {})
        if (r.ok && r.value.nextQuestion) for (const n of r.value.nextQuestion.clusterNotes) pieces.push({ where: id, text: n["zh-CN"] })
      }
      for (const a of node.answers) walkGraph(a.next, [...path, [node.id, a.id]])
    }
    walkGraph(START_NODE_ID, [])
    expect(pieces.length).toBeGreaterThan(100)
    expect([...new Set(report(pieces))]).toEqual([])
  })
})
