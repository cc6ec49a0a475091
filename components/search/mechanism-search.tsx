"use client"

import { useLocale, useTranslations } from "next-intl"
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react"

import type { Localized, PointId } from "@/lib/catalog/types"
import { useRouter } from "@/i18n/navigation"

import { rankMechanisms, type SearchEntry } from "./search-index"

type SearchData = { entries: readonly SearchEntry[]; pointNames: Record<PointId, Localized> }

let dataPromise: Promise<SearchData> | null = null
function loadSearchData(): Promise<SearchData> {
  dataPromise ??= import("./search-data")
    .then((m) => ({ entries: m.SEARCH_ENTRIES, pointNames: m.POINT_NAMES }))
    .catch((error: unknown) => {
      dataPromise = null // allow a retry
      throw error
    })
  return dataPromise
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)
}

/** Header search over mechanisms: `/` or Ctrl/⌘+K opens it; arrows choose; Enter opens the guide. */
export function MechanismSearch() {
  const t = useTranslations("search")
  const locale = useLocale()
  const router = useRouter()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState("")
  const [active, setActive] = useState(0)
  const [data, setData] = useState<SearchData | null>(null)
  const [failed, setFailed] = useState(false)
  const baseId = useId()
  const listId = `${baseId}-list`
  const optionId = (i: number) => `${baseId}-option-${i}`

  const ensureData = useCallback(() => {
    loadSearchData().then(
      (d) => {
        setData(d)
        setFailed(false)
      },
      () => setFailed(true),
    )
  }, [])

  const show = useCallback(() => {
    ensureData()
    setOpen(true)
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [ensureData])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (dialogRef.current?.open) return
      const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target)
      const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k"
      if (!slash && !ctrlK) return
      event.preventDefault()
      show()
    }
    document.addEventListener("keydown", onKeyDown)
    return () => document.removeEventListener("keydown", onKeyDown)
  }, [show])

  const results = useMemo(() => {
    if (!data) return []
    if (!query.trim()) return data.entries.map((entry) => ({ entry, score: 0 }))
    return rankMechanisms(data.entries, query, locale, 12)
  }, [data, query, locale])

  const activeIndex = results.length === 0 ? -1 : Math.min(active, results.length - 1)

  function go(entry: SearchEntry) {
    dialogRef.current?.close()
    router.push(`/mechanisms/${entry.id}`)
  }

  function onInputKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Escape") {
      event.preventDefault()
      dialogRef.current?.close()
      return
    }
    if (results.length === 0) return
    const last = results.length - 1
    let next: number | null = null
    if (event.key === "ArrowDown") next = activeIndex >= last ? 0 : activeIndex + 1
    else if (event.key === "ArrowUp") next = activeIndex <= 0 ? last : activeIndex - 1
    else if (event.key === "Home" && event.ctrlKey) next = 0
    else if (event.key === "End" && event.ctrlKey) next = last
    else if (event.key === "Enter") {
      event.preventDefault()
      const chosen = results[activeIndex]
      if (chosen) go(chosen.entry)
      return
    }
    if (next === null) return
    event.preventDefault()
    setActive(next)
    document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" })
  }

  const other = locale === "en" ? "zh-CN" : "en"

  return (
    <>
      <button
        type="button"
        onClick={show}
        onPointerEnter={ensureData}
        onFocus={ensureData}
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
        title={t("shortcut")}
        data-testid="search-open"
        className="flex items-center gap-2 rounded-md border border-[var(--border)] px-2 py-1 text-sm hover:bg-[var(--muted)]"
      >
        <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className="sr-only sm:not-sr-only">{t("open")}</span>
        <kbd aria-hidden="true" className="hidden rounded border border-[var(--border)] px-1 text-xs text-[var(--muted-foreground)] sm:inline">
          /
        </kbd>
      </button>
      <dialog
        ref={dialogRef}
        aria-label={t("dialogLabel")}
        data-testid="search-dialog"
        onClose={() => {
          setOpen(false)
          setQuery("")
          setActive(0)
        }}
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself) closes it.
          if (event.target === event.currentTarget) dialogRef.current?.close()
        }}
        className="mx-auto mt-[10vh] w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-[var(--border)] bg-[var(--card)] p-0 text-[var(--foreground)] shadow-xl backdrop:bg-black/50"
      >
        {open ? (
          <div className="flex max-h-[75vh] flex-col">
            <div className="flex items-center gap-2 border-b border-[var(--border)] p-3">
              <input
                ref={inputRef}
                autoFocus
                type="text"
                autoComplete="off"
                spellCheck={false}
                role="combobox"
                aria-label={t("inputLabel")}
                aria-expanded={results.length > 0}
                aria-controls={listId}
                aria-autocomplete="list"
                aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
                placeholder={t("placeholder")}
                value={query}
                onChange={(event) => {
                  setQuery(event.target.value)
                  setActive(0)
                }}
                onKeyDown={onInputKeyDown}
                className="min-w-0 flex-1 rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 text-base"
                data-testid="search-input"
              />
              <button
                type="button"
                onClick={() => dialogRef.current?.close()}
                className="rounded-md border border-[var(--border)] px-2 py-1.5 text-sm hover:bg-[var(--muted)]"
              >
                Esc<span className="sr-only">{` – ${t("close")}`}</span>
              </button>
            </div>
            <p className="px-3 pt-2 text-xs text-[var(--muted-foreground)]">{t("help")}</p>
            <p role="status" className="px-3 pt-1 text-sm text-[var(--muted-foreground)]">
              {failed
                ? t("loadError")
                : !data
                  ? t("loading")
                  : query.trim() && results.length === 0
                    ? t("noResults", { query: query.trim() })
                    : t("results", { count: results.length })}
            </p>
            <ul id={listId} role="listbox" aria-label={t("dialogLabel")} className="mt-2 overflow-y-auto px-2 pb-3">
              {results.map(({ entry }, i) => (
                <li
                  key={entry.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === activeIndex}
                  data-mechanism={entry.id}
                  onClick={() => go(entry)}
                  onPointerMove={() => setActive(i)}
                  className={`cursor-pointer rounded-lg px-3 py-2 ${i === activeIndex ? "bg-blue-50 ring-2 ring-brand dark:bg-blue-950" : ""}`}
                >
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <span className="font-medium">{entry.name[locale]}</span>
                    <span className="text-xs text-[var(--muted-foreground)]">
                      {entry.point === "configuration" ? t("configuration") : t("point", { number: entry.point })}
                      {data ? ` · ${data.pointNames[entry.point][locale]}` : ""}
                    </span>
                  </div>
                  <p className="line-clamp-2 text-sm text-[var(--muted-foreground)]" lang={locale}>
                    {entry.summary[locale]}
                  </p>
                  {/* Chinese hits also show the English name (the term used in manifests and docs); English hits show nothing more. */}
                  {locale !== "en" && entry.name[other] !== entry.name[locale] ? (
                    <p className="text-xs text-[var(--muted-foreground)]" lang={other}>
                      {entry.name[other]}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </dialog>
    </>
  )
}
