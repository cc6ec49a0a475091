"use client"

// File tree + file view of the generated project. Highlighting loads lazily; until it has, the
// file is shown as plain text, so typing never waits for it.
import { useTranslations } from "next-intl"
import { useEffect, useMemo, useState } from "react"

import type { StarterOutput } from "@/lib/starters"

import { buildTree, defaultFile, type TreeNode } from "./file-tree"
import { highlightToHtml, langOf } from "./highlighter"

type Props = { output: StarterOutput; onCopy: (path: string, content: string) => void }

export function ExplorePane({ output, onCopy }: Props) {
  const t = useTranslations("starters.workbench")
  const paths = useMemo(() => output.files.map((f) => f.path), [output])
  const tree = useMemo(() => buildTree(paths), [paths])
  const [chosen, setChosen] = useState<string | undefined>(undefined)
  const selected = chosen && paths.includes(chosen) ? chosen : defaultFile(paths)
  const file = output.files.find((f) => f.path === selected)
  const [html, setHtml] = useState<{ key: string; html: string } | undefined>(undefined)
  const key = file ? `${file.path}\u0000${file.content}` : ""

  useEffect(() => {
    if (!file) return
    let cancelled = false
    highlightToHtml(file.content, langOf(file.path))
      .then((h) => {
        if (!cancelled) setHtml({ key, html: h })
      })
      .catch(() => {
        // Highlighting is an enhancement; the plain view stays.
      })
    return () => {
      cancelled = true
    }
  }, [file, key])

  return (
    <div className="mt-3 grid gap-3 md:grid-cols-[minmax(12rem,16rem)_1fr]">
      <nav aria-label={t("files")} className="max-h-[70vh] overflow-auto rounded-md border border-[var(--border)] p-2 text-sm">
        <Tree nodes={tree} selected={selected} onSelect={setChosen} />
      </nav>
      <div className="min-w-0 rounded-md border border-[var(--border)]">
        {file ? (
          <>
            <div className="flex items-center justify-between gap-2 border-b border-[var(--border)] px-3 py-2">
              <span className="truncate font-mono text-sm" data-testid="file-path">
                {file.path}
              </span>
              <button
                type="button"
                onClick={() => onCopy(file.path, file.content)}
                className="shrink-0 rounded border border-[var(--border)] px-2 py-1 text-xs font-semibold hover:bg-[var(--muted)]"
              >
                {t("copyFile")}
              </button>
            </div>
            <div
              className="starter-code max-h-[70vh] overflow-auto text-[13px] leading-5"
              data-testid="file-content"
              role="region"
              tabIndex={0}
              aria-label={t("fileViewer", { path: file.path })}
            >
              {html && html.key === key ? (
                <div dangerouslySetInnerHTML={{ __html: html.html }} />
              ) : (
                <pre className="p-3">
                  <code>{file.content}</code>
                </pre>
              )}
            </div>
          </>
        ) : null}
      </div>
    </div>
  )
}

function Tree({ nodes, selected, onSelect }: { nodes: TreeNode[]; selected: string | undefined; onSelect: (p: string) => void }) {
  return (
    <ul className="space-y-0.5">
      {nodes.map((n) =>
        n.children ? (
          <li key={n.path}>
            <span className="font-mono text-xs font-semibold text-[var(--muted-foreground)]">{n.name}/</span>
            <div className="ml-3 border-l border-[var(--border)] pl-2">
              <Tree nodes={n.children} selected={selected} onSelect={onSelect} />
            </div>
          </li>
        ) : (
          <li key={n.path}>
            <button
              type="button"
              data-path={n.path}
              aria-current={n.path === selected ? "true" : undefined}
              onClick={() => onSelect(n.path)}
              className={`w-full truncate rounded px-1.5 py-1 text-left font-mono text-xs ${
                n.path === selected ? "bg-brand text-white" : "hover:bg-[var(--muted)]"
              }`}
            >
              {n.name}
            </button>
          </li>
        ),
      )}
    </ul>
  )
}
