"use client"

import { useTranslations } from "next-intl"

import { Link } from "@/components/shell/locale-link"
import type { MechanismId, PointId } from "@/lib/catalog/types"
import type { RiskFlag, Section, SectionId, SectionStatus } from "@/lib/cluster-report/types"

import type { Field, FieldValue, Row } from "./section-rows"
import { sectionFacts } from "./section-rows"

export type Filters = { query: string; point: PointId | "all"; show: "all" | "risky" | "problems"; builtIn: boolean }

// Text carries the meaning; colour only repeats it (WCAG 1.4.1).
const STATUS_STYLE: Record<SectionStatus | "loading", string> = {
  loading: "border-gray-500 text-gray-800 dark:text-gray-200",
  ok: "border-green-700 bg-green-50 text-green-900 dark:border-green-500 dark:bg-green-950 dark:text-green-100",
  forbidden: "border-amber-700 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100",
  unavailable: "border-gray-600 bg-gray-50 text-gray-800 dark:border-gray-400 dark:bg-gray-900 dark:text-gray-100",
  error: "border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100",
}

export function StatusChip({ status }: { status: SectionStatus | "loading" }) {
  const t = useTranslations("cluster.status")
  return (
    <span className={`inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`} data-status={status}>
      {status === "loading" ? <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 animate-pulse rounded-full bg-current" /> : null}
      {t(status)}
    </span>
  )
}

export function RiskChip({ risk }: { risk: RiskFlag }) {
  const t = useTranslations("cluster")
  const high = risk.severity === "high"
  return (
    <li
      className={`rounded border-l-4 px-2 py-1 text-sm ${high ? "border-red-700 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50" : "border-amber-700 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50"}`}
      data-risk={risk.id}
    >
      <span className="font-semibold">
        {high ? t("risk.high") : t("risk.warning")}: {t(`risks.${risk.id}.title`)}
      </span>{" "}
      <span>{t(`risks.${risk.id}.explain`, Object.fromEntries(Object.entries(risk.params).map(([k, v]) => [k, String(v)])) as Record<string, string>)}</span>
    </li>
  )
}

function Value({ value }: { value: FieldValue }) {
  const t = useTranslations("cluster.values")
  if (typeof value === "boolean") return <>{value ? t("yes") : t("no")}</>
  if (Array.isArray(value)) {
    if (value.length === 0) return <>{t("none")}</>
    if (value.length === 1) return <code className="break-all">{value[0]}</code>
    return (
      <ul className="list-none">
        {value.map((v) => (
          <li key={v}>
            <code className="break-all">{v}</code>
          </li>
        ))}
      </ul>
    )
  }
  if (typeof value === "object" && "t" in value) return <>{t(value.t)}</>
  return <code className="break-all">{String(value)}</code>
}

function Fields({ fields }: { fields: Field[] }) {
  const t = useTranslations("cluster.fields")
  return (
    <dl className="mt-1 grid grid-cols-1 gap-x-4 gap-y-0.5 text-sm sm:grid-cols-[max-content_1fr]">
      {fields.map((f) => (
        <div key={f.label} className="contents">
          <dt className="text-[var(--muted-foreground)]">{t(f.label)}</dt>
          <dd>
            <Value value={f.value} />
          </dd>
        </div>
      ))}
    </dl>
  )
}

function visibleRows(rows: Row[], filters: Filters): Row[] {
  const q = filters.query.trim().toLowerCase()
  return rows.filter((r) => (!r.builtIn || filters.builtIn) && (filters.show !== "risky" || r.risks.length > 0) && (!q || r.search.includes(q)))
}

export function SectionCard({
  id,
  section,
  rows,
  filters,
  mechanismNames,
}: {
  id: SectionId
  section: Section | undefined
  rows: Row[]
  filters: Filters
  mechanismNames: Partial<Record<MechanismId, string>>
}) {
  const t = useTranslations("cluster")
  const tv = useTranslations("cluster.values")
  const status = section?.status ?? "loading"
  const shown = visibleRows(rows, filters)
  const facts = section ? sectionFacts(section).filter((f) => !(Array.isArray(f.value) && f.value.length === 0)) : []
  const headingId = `section-${id}`
  const truncated = section?.reads.some((r) => r.truncated)
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-[var(--border)] bg-[var(--card)] p-3" data-section={id} data-status={status}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-semibold">
          {t(`sections.${id}.title`)}
        </h3>
        <StatusChip status={status} />
        {section ? <span className="text-xs text-[var(--muted-foreground)]">{t("duration", { ms: section.durationMs })}</span> : null}
        {section?.inference ? (
          <span className="rounded border border-dashed border-[var(--border)] px-1.5 py-0.5 text-xs" title={t("inferenceHelp")}>
            {t("inference")}
          </span>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-[var(--muted-foreground)]">{t(`sections.${id}.description`)}</p>
      {section?.inference ? <p className="mt-1 text-xs text-[var(--muted-foreground)]">{t("inferenceHelp")}</p> : null}
      {section && section.status !== "ok" ? (
        <div className="mt-2 text-sm">
          <p>{t(`statusHelp.${section.status}`)}</p>
          {section.reason ? <p className="mt-1 break-words font-mono text-xs text-[var(--muted-foreground)]">{section.reason}</p> : null}
        </div>
      ) : null}
      {truncated ? <p className="mt-1 text-sm">{t("truncated")}</p> : null}
      {facts.length > 0 ? <Fields fields={facts} /> : null}
      {section?.data !== undefined ? (
        rows.length === 0 ? (
          <p className="mt-2 text-sm">{t("empty")}</p>
        ) : shown.length === 0 ? (
          <p className="mt-2 text-sm text-[var(--muted-foreground)]">{t("noMatches")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {shown.map((r) => (
              <li key={r.key} className="rounded border border-[var(--border)] p-2" data-row={typeof r.title === "string" ? r.title : r.title.t}>
                <p className="font-medium">
                  <span className="break-all">{typeof r.title === "string" ? r.title : tv(r.title.t)}</span>
                  {r.subtitle ? <span className="ml-2 text-sm font-normal text-[var(--muted-foreground)]">{r.subtitle}</span> : null}
                </p>
                {r.risks.length > 0 ? (
                  <ul className="mt-1 space-y-1">
                    {r.risks.map((risk) => (
                      <RiskChip key={risk.id} risk={risk} />
                    ))}
                  </ul>
                ) : null}
                <Fields fields={r.fields} />
              </li>
            ))}
          </ul>
        )
      ) : null}
      {section && section.mechanisms.length > 0 ? (
        <p className="mt-2 flex flex-wrap gap-x-2 text-sm">
          <span>{t("guides")}</span>
          {section.mechanisms.map((m) => (
            <Link key={m} href={`/mechanisms/${m}`} className="text-brand-strong underline underline-offset-2 dark:text-blue-300">
              {mechanismNames[m] ?? m}
            </Link>
          ))}
        </p>
      ) : null}
    </article>
  )
}
