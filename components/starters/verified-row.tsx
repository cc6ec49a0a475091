// A starter's row of the verification matrix (lib/starters/verified-matrix.json): one cell per
// Kubernetes minor, ✓ verified, ✗ failed (with the reason), – not offered (with why). Server and
// client safe. The text carries the meaning; glyph and colour repeat it (WCAG 1.4.1).
import { useTranslations } from "next-intl"

import { getMechanism, type Locale, type MechanismId } from "@/lib/catalog"
import type { FieldError } from "@/lib/starters"
import { VERIFIED_MATRIX, verifiedRow, type MinorStatus } from "@/lib/starters/matrix"

const STYLES: Record<MinorStatus["status"], { glyph: string; className: string }> = {
  ok: { glyph: "✓", className: "border-green-700 bg-green-50 text-green-900 dark:border-green-500 dark:bg-green-950 dark:text-green-100" },
  failed: { glyph: "✗", className: "border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100" },
  refused: { glyph: "–", className: "border-dashed border-gray-500 bg-gray-50 text-gray-700 dark:border-gray-500 dark:bg-gray-900 dark:text-gray-300" },
  unverified: { glyph: "?", className: "border-amber-700 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100" },
}

type T = ReturnType<typeof useTranslations<"starters">>

/**
 * Why a minor is not offered: the option schema's reason when it has a specific message key, else
 * the starter's translated refusal (matrix.refusals), else the catalog's state at that minor.
 */
function refusalText(mechanism: MechanismId, cell: MinorStatus, t: T, locale: Locale): string {
  const reason = cell.reason as FieldError | undefined
  const key = `errors.${reason?.key}` as "errors.invalid"
  if (reason && !["oneOf", "invalid"].includes(reason.key) && t.has(key)) return t(key, (reason.params ?? {}) as Record<string, string>)
  const own = `matrix.refusals.${mechanism}` as "matrix.refusals.dra-driver"
  if (t.has(own)) return t(own)
  const state = getMechanism(mechanism).states[cell.minor]
  const maturity = t(`maturity.${state.maturity}`)
  return `${t("matrix.notOffered", { minor: cell.minor })} ${t("workbench.state", { maturity, minor: cell.minor })}.${state.note ? ` ${state.note[locale]}` : ""}`
}

type Run = { first: MinorStatus; cells: MinorStatus[]; minors: string; text: string }

/** Neighbouring minors with the same text share one entry: "1.30–1.33". */
function groupRuns(cells: MinorStatus[], text: (cell: MinorStatus) => string): Run[] {
  const runs: Run[] = []
  for (const cell of cells) {
    const key = text(cell)
    const prev = runs[runs.length - 1]
    if (prev && prev.text === key) {
      prev.cells.push(cell)
      prev.minors = `${prev.first.minor}–${cell.minor}`
    } else runs.push({ first: cell, cells: [cell], minors: cell.minor, text: key })
  }
  return runs
}

/** "Kubernetes 1.30: verified against v1.30.14"; for a run of minors, every release they were checked against. */
function cellLabel({ first, cells, minors }: Pick<Run, "first" | "cells" | "minors">, t: T): string {
  const release = cells.map((c) => VERIFIED_MATRIX.releases[c.minor] ?? c.minor).join(t("index.listSeparator"))
  return t(`matrix.status.${first.status}`, { minor: minors, release })
}

/**
 * ✓/✗/– per minor; `details` adds the reasons below (starter page). Without details (the index,
 * one row per starter) neighbouring minors with the same outcome share one cell, "✓ 1.30–1.37":
 * the same facts, one cell instead of eight for most starters, on a page that lists them all.
 */
export function VerifiedRow({ mechanism, locale, details = false }: { mechanism: MechanismId; locale: Locale; details?: boolean }) {
  const t = useTranslations("starters")
  const row = verifiedRow(mechanism)
  const failed = row.filter((c) => c.status === "failed")
  const refused = row.filter((c) => c.status === "refused")
  const notChecked = [...new Set(row.flatMap((c) => c.notChecked ?? []))]
  const why = (cell: MinorStatus) => (cell.status === "refused" ? refusalText(mechanism, cell, t, locale) : cell.errors?.[0]?.message)
  // A failed minor keeps its own cell: its title names its own first error.
  const cells = details ? groupRuns(row, (cell) => cell.minor) : groupRuns(row, (cell) => (cell.status === "failed" ? cell.minor : `${cell.status}\0${why(cell) ?? ""}`))
  return (
    <div data-testid="verified-row" data-mechanism={mechanism}>
      <ul className="flex flex-wrap gap-1" aria-label={t("matrix.rowLabel")}>
        {cells.map((run) => {
          const { first, minors } = run
          const style = STYLES[first.status]
          const label = cellLabel(run, t)
          const reason = why(first)
          return (
            <li
              key={minors}
              data-minor={minors}
              data-status={first.status}
              title={reason ? `${label}: ${reason}` : label}
              className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 font-mono text-xs ${style.className}`}
            >
              <span aria-hidden="true">{style.glyph}</span>
              <span aria-hidden="true">{minors}</span>
              <span className="sr-only">{label}</span>
            </li>
          )
        })}
      </ul>
      {details ? (
        <div className="mt-2 space-y-2 text-sm">
          <p className="text-[var(--muted-foreground)]">{t("matrix.explain")}</p>
          {failed.length ? (
            <ul className="space-y-1" data-testid="verified-failures">
              {failed.map((cell) => (
                <li key={cell.minor}>
                  <span className="font-semibold">{cellLabel({ first: cell, cells: [cell], minors: cell.minor }, t)}</span>
                  <ul className="ml-4 list-disc">
                    {(cell.errors ?? []).map((e, i) => (
                      <li key={i} className="break-all font-mono text-xs">
                        {e.variant === "default" ? "" : `[${e.variant}] `}
                        {e.message}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          ) : null}
          {refused.length ? (
            <ul className="space-y-1" data-testid="verified-refusals">
              {groupRuns(refused, (cell) => refusalText(mechanism, cell, t, locale)).map(({ minors, text }) => (
                <li key={minors}>
                  <span className="font-semibold">{t("matrix.status.refused", { minor: minors })}</span>: {text}
                </li>
              ))}
            </ul>
          ) : null}
          {notChecked.length ? (
            <p data-testid="verified-not-checked">
              {t("matrix.notChecked")} <span className="font-mono text-xs">{notChecked.join(", ")}</span>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
