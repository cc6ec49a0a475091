"use client"

import { useEffect, useRef, useState } from "react"

type Labels = { copy: string; copied: string; failed: string; label: string }

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text)
  // Fallback for browsers/contexts without the async clipboard API.
  const area = document.createElement("textarea")
  area.value = text
  area.setAttribute("readonly", "")
  area.style.position = "fixed"
  area.style.opacity = "0"
  document.body.appendChild(area)
  area.select()
  const ok = document.execCommand("copy")
  area.remove()
  if (!ok) throw new Error("copy failed")
}

export function CopyButton({ text, labels }: { text: string; labels: Labels }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle")
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  async function onClick() {
    try {
      await writeClipboard(text)
      setState("copied")
    } catch {
      setState("failed")
    }
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setState("idle"), 2000)
  }

  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={labels.label}
      data-slot="copy-button"
      className="rounded-md border border-[var(--border)] bg-[var(--card)] px-2 py-1 text-xs font-medium hover:bg-[var(--muted)]"
    >
      <span aria-live="polite">
        {state === "copied" ? labels.copied : state === "failed" ? labels.failed : labels.copy}
      </span>
    </button>
  )
}
