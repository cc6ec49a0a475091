"use client"

import { useState, useSyncExternalStore } from "react"
import { useTranslations } from "next-intl"

import { KUBERNETES_MINORS, LATEST_MINOR, isKubernetesMinor } from "@/lib/catalog/types"
import { serializeAdvisorParams } from "@/lib/advisor/query"

import { useAdvisorStore } from "./advisor-provider"

const noSubscribe = () => () => {}
const pageBase = () => `${window.location.origin}${window.location.pathname}`

export function AdvisorToolbar() {
  const t = useTranslations("advisor.toolbar")
  const minor = useAdvisorStore((s) => s.minor)
  const answers = useAdvisorStore((s) => s.answers)
  const cluster = useAdvisorStore((s) => s.cluster)
  const setMinor = useAdvisorStore((s) => s.setMinor)
  const restart = useAdvisorStore((s) => s.restart)
  // The share link is built from the store, so it is right even before the URL update lands.
  const base = useSyncExternalStore(noSubscribe, pageBase, () => "")
  const shareUrl = `${base}?${serializeAdvisorParams(answers, minor, cluster)}`
  // Remembering which link was copied makes the status reset by itself when the answers change.
  const [copy, setCopy] = useState<{ url: string; ok: boolean } | null>(null)
  const status = copy?.url === shareUrl ? (copy.ok ? "copied" : "failed") : "idle"

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(shareUrl)
      setCopy({ url: shareUrl, ok: true })
    } catch {
      setCopy({ url: shareUrl, ok: false })
    }
  }

  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col text-sm font-medium">
        {t("version")}
        <select
          className="mt-1 rounded-md border border-[var(--border)] bg-[var(--card)] px-2 py-1.5"
          value={minor}
          data-testid="advisor-version"
          onChange={(e) => {
            if (isKubernetesMinor(e.target.value)) setMinor(e.target.value)
          }}
        >
          {[...KUBERNETES_MINORS].reverse().map((m) => (
            <option key={m} value={m}>
              {m === LATEST_MINOR ? t("latest", { minor: m }) : m}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-[16rem] flex-1 flex-col text-sm font-medium">
        {t("shareLabel")}
        <input
          readOnly
          value={shareUrl}
          data-testid="advisor-share-url"
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 rounded-md border border-[var(--border)] bg-[var(--muted)] px-2 py-1.5 font-mono text-xs"
        />
      </label>
      <button
        type="button"
        onClick={copyLink}
        className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-strong"
        data-testid="advisor-copy"
      >
        {t("copy")}
      </button>
      <button
        type="button"
        onClick={restart}
        disabled={answers.length === 0}
        className="rounded-md border border-[var(--border)] px-3 py-1.5 text-sm font-medium hover:bg-[var(--muted)] disabled:opacity-50"
        data-testid="advisor-restart"
      >
        {t("restart")}
      </button>
      <p role="status" aria-live="polite" className="w-full text-sm" data-testid="advisor-copy-status">
        {status === "copied" ? t("copied") : status === "failed" ? t("copyFailed") : ""}
      </p>
    </div>
  )
}
