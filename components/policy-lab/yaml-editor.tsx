"use client"

// A plain textarea with line numbers and marked error lines. Everything typed stays as typed:
// parse errors are shown next to it, never "fixed".
import { forwardRef, useImperativeHandle, useRef, useState, type UIEvent } from "react"

export type EditorMark = { line: number; column?: number; message: string }

export type YamlEditorHandle = { focusLine(line: number, column?: number): void }

type Props = {
  id: string
  label: string
  value: string
  onChange(v: string): void
  marks?: EditorMark[]
  rows?: number
  testId?: string
  describedBy?: string
}

export const YamlEditor = forwardRef<YamlEditorHandle, Props>(function YamlEditor({ id, label, value, onChange, marks = [], rows = 18, testId, describedBy }, ref) {
  const area = useRef<HTMLTextAreaElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const lines = value.split("\n").length
  const marked = new Map(marks.map((m) => [m.line, m]))

  useImperativeHandle(ref, () => ({
    focusLine(line: number, column = 1) {
      const el = area.current
      if (!el) return
      const text = el.value.split("\n")
      let offset = 0
      for (let i = 0; i < Math.min(line - 1, text.length); i++) offset += text[i]!.length + 1
      offset += Math.max(0, column - 1)
      el.focus()
      el.setSelectionRange(offset, offset)
      const lineHeight = el.scrollHeight / Math.max(1, text.length)
      el.scrollTop = Math.max(0, (line - 3) * lineHeight)
    },
  }))

  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="relative flex overflow-hidden rounded-md border border-[var(--border)] bg-[var(--card)] font-mono text-xs leading-5">
        <div aria-hidden className="pointer-events-none select-none overflow-hidden border-r border-[var(--border)] bg-[var(--muted)] px-2 py-2 text-right text-[var(--muted-foreground)]" style={{ minWidth: "3.2em" }}>
          <div style={{ transform: `translateY(-${scrollTop}px)` }}>
            {Array.from({ length: lines }, (_, i) => (
              <div key={i} className={marked.has(i + 1) ? "bg-red-200 font-bold text-red-900 dark:bg-red-900 dark:text-red-100" : undefined} title={marked.get(i + 1)?.message}>
                {i + 1}
              </div>
            ))}
          </div>
        </div>
        <textarea
          ref={area}
          id={id}
          data-testid={testId}
          value={value}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          wrap="off"
          rows={rows}
          aria-invalid={marks.length > 0}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e: UIEvent<HTMLTextAreaElement>) => setScrollTop(e.currentTarget.scrollTop)}
          className="w-full resize-y bg-transparent px-2 py-2 outline-none"
        />
      </div>
    </div>
  )
})
