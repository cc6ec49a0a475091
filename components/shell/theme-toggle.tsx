"use client"

import { useTheme } from "next-themes"

import { useHydrated } from "@/components/ui/use-hydrated"

const THEMES = ["system", "light", "dark"] as const
type Theme = (typeof THEMES)[number]

/** `labels[theme]`: the theme's name and the button's accessible name while it is the current one. */
export function ThemeToggle({ labels }: { labels: Record<Theme, { name: string; label: string }> }) {
  const { theme, setTheme } = useTheme()
  // The stored theme is only known in the browser; render a stable label on the server.
  const mounted = useHydrated()
  const current: Theme = mounted && THEMES.includes(theme as Theme) ? (theme as Theme) : "system"
  const next = THEMES[(THEMES.indexOf(current) + 1) % THEMES.length] ?? "system"
  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      className="rounded-md border border-[var(--border)] px-2 py-1 text-sm hover:bg-[var(--muted)]"
      aria-label={labels[current].label}
      title={labels[current].label}
      data-testid="theme-toggle"
    >
      <span aria-hidden="true">{current === "dark" ? "☾" : current === "light" ? "☀" : "◐"}</span>
      <span className="sr-only">{labels[current].name}</span>
    </button>
  )
}
