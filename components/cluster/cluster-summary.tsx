"use client"

import { useTranslations } from "next-intl"

import type { PointId } from "@/lib/catalog/types"
import { SECTION_IDS, SECTION_POINTS, type ClusterReport, type SectionId } from "@/lib/inspector/types"

import type { PointInfo } from "./cluster-inspector"
import type { Row } from "./section-rows"

const CONTEXT_SECTIONS: ReadonlySet<SectionId> = new Set(["server", "discovery"])

/**
 * At a glance, per extension point: what is installed (items per section) and how many risks were
 * flagged, with a link that opens the point's section. While the report loads the same grid is
 * drawn with placeholders, so nothing moves when it arrives.
 */
export function ClusterSummary({
  points,
  report,
  rowsBySection,
  onOpen,
}: {
  points: PointInfo[]
  report: ClusterReport | undefined
  rowsBySection: ReadonlyMap<SectionId, Row[]>
  onOpen: (id: PointId) => void
}) {
  const t = useTranslations("cluster")
  return (
    <section aria-labelledby="cluster-summary-heading" data-testid="cluster-summary">
      <h2 id="cluster-summary-heading" className="text-lg font-semibold">
        {t("summary.heading")}
      </h2>
      <ul className="mt-2 grid gap-2 sm:grid-cols-2">
        {points.map((p) => {
          const sections = SECTION_IDS.filter((id) => SECTION_POINTS[id] === p.id)
          if (sections.length === 0) return null
          // What extends the cluster: discovery (served groups) and the server itself are context, not installs.
          const extensions = sections.filter((id) => !CONTEXT_SECTIONS.has(id))
          const counts = extensions.map((id) => ({ id, n: report ? (rowsBySection.get(id) ?? []).filter((r) => !r.builtIn).length : undefined }))
          const rows = extensions.flatMap((id) => rowsBySection.get(id) ?? []).filter((r) => !r.builtIn)
          const risks = rows.flatMap((r) => r.risks)
          const high = risks.filter((r) => r.severity === "high").length
          const unreadable = report ? sections.filter((id) => report.sections[id].status !== "ok").length : 0
          return (
            <li key={p.id} className="flex flex-col rounded-lg border border-[var(--border)] bg-[var(--card)] p-3 text-sm" data-summary-point={p.id}>
              <div className="flex items-baseline justify-between gap-2">
                <h3 className="font-semibold">
                  {p.id === "configuration" ? t("pointConfiguration") : t("point", { id: p.id })} — {p.name}
                </h3>
                <button type="button" onClick={() => onOpen(p.id)} className="shrink-0 text-brand-strong underline underline-offset-2 dark:text-blue-300">
                  {t("summary.details")}
                  <span className="sr-only">{` (${p.name})`}</span>
                </button>
              </div>
              {/* The same lines before and after the report arrives (counts as "…"): nothing moves. */}
              <p className="mt-1" data-summary-installed>
                {counts.map(({ id, n }) => t("summary.item", { section: t(`sections.${id}.title`), count: n ?? "…" })).join(t("summary.separator"))}
              </p>
              <p
                className={`mt-1 font-medium ${high > 0 ? "text-red-800 dark:text-red-300" : risks.length > 0 ? "text-amber-900 dark:text-amber-200" : "text-[var(--muted-foreground)]"}`}
                data-summary-risks={report ? risks.length : undefined}
              >
                {report ? t("summary.risks", { count: risks.length, high }) : t("summary.loading")}
                {unreadable > 0 ? ` ${t("summary.unreadable", { count: unreadable })}` : ""}
              </p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
