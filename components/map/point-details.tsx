"use client"

import { useTranslations } from "next-intl"

import type { KubernetesMinor, MechanismId, PointId } from "@/lib/catalog/types"
import { MaturityBadge } from "@/components/ui/maturity-badge"
import { Link } from "@/i18n/navigation"

import { REQUEST_PATH_POINT } from "./map-graph"
import type { MapModel, MechanismView } from "./map-model"

type Level = 2 | 3 | 4
const H = { 2: "h2", 3: "h3", 4: "h4", 5: "h5" } as const

function MechanismItem({ m, model, version, level }: { m: MechanismView; model: MapModel; version: KubernetesMinor; level: 3 | 4 | 5 }) {
  const t = useTranslations("map.panel")
  const state = m.states[version]
  const Heading = H[level]
  const greyed = state.availability !== "available"
  const linkClass =
    "rounded px-1.5 py-0.5 font-medium text-brand-strong underline underline-offset-2 hover:bg-[var(--muted)] dark:text-blue-300"
  return (
    <li
      data-mechanism={m.id}
      data-availability={state.availability}
      className={`rounded-lg border p-3 ${
        greyed ? "border-dashed border-[var(--border)] bg-[var(--muted)] text-[var(--muted-foreground)]" : "border-[var(--border)] bg-[var(--card)]"
      }`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading className={`text-sm font-semibold ${greyed ? "" : "text-[var(--foreground)]"}`}>{m.name}</Heading>
        <MaturityBadge maturity={state.maturity} enabledByDefault={state.enabledByDefault} version={version} />
      </div>
      {state.availability === "unavailable" ? (
        <p className="mt-1 text-xs font-medium">{t("notAvailable", { version })}</p>
      ) : state.availability === "needs-enabling" ? (
        <p className="mt-1 text-xs font-medium">{t("needsEnabling", { version })}</p>
      ) : null}
      <p className="mt-1 text-sm">{m.summary}</p>
      <div className="mt-2 flex flex-wrap gap-x-2 gap-y-1 text-sm">
        {/* Visible text first, the mechanism name for screen readers after it (WCAG 2.5.3). */}
        <Link href={`/mechanisms/${m.id}`} className={linkClass}>
          {t("guide")}
          <span className="sr-only">{t("about", { name: m.name })}</span>
        </Link>
        {/* Walked to the answers that lead to this mechanism (lib/advisor/handoff); none when no route does. */}
        {m.advisorAnswers ? (
          <Link href={`/advisor?a=${m.advisorAnswers}&v=${version}`} className={linkClass} data-slot="advisor-link">
            {t("advisor")}
            <span className="sr-only">{t("about", { name: m.name })}</span>
          </Link>
        ) : null}
        {m.starter ? (
          <Link href={`/starters/${m.starter}`} className={linkClass} data-slot="starter-link">
            {m.starter === m.id ? t("starter") : t("starterReplacement", { name: model.mechanisms[m.starter]?.name ?? m.starter })}
            {m.starter === m.id ? <span className="sr-only">{t("about", { name: m.name })}</span> : null}
          </Link>
        ) : null}
      </div>
    </li>
  )
}

function MechanismList({ ids, model, version, level }: { ids: readonly MechanismId[]; model: MapModel; version: KubernetesMinor; level: 3 | 4 | 5 }) {
  const items = ids.map((id) => model.mechanisms[id]).filter((m) => m !== undefined)
  return (
    <ul className="mt-2 space-y-2">
      {items.map((m) => (
        <MechanismItem key={m.id} m={m} model={model} version={version} level={level} />
      ))}
    </ul>
  )
}

/**
 * What a point is and which mechanisms hook in there; point 2 is broken down by request stage.
 * Shared by the side panel and the list view, so both always show the same facts.
 */
export function PointDetails({
  pointId,
  model,
  version,
  level,
}: {
  pointId: PointId
  model: MapModel
  version: KubernetesMinor
  /** Heading level for the sections inside (mechanism names go one deeper). */
  level: Level
}) {
  const t = useTranslations("map")
  const point = model.points.find((p) => p.id === pointId)
  if (!point) return null
  const Section = H[level]
  const inner = (level + 1) as 3 | 4 | 5
  return (
    <div className="space-y-3" data-point-details={pointId}>
      <p className="text-sm text-[var(--muted-foreground)]">{t("panel.runsOn", { component: point.component })}</p>
      <p className="text-sm">{point.summary}</p>
      <p className="text-sm">
        <a href={point.docUrl} rel="noreferrer" className="text-brand-strong underline underline-offset-2 dark:text-blue-300">
          {t("panel.docs")}
        </a>
      </p>
      {pointId === REQUEST_PATH_POINT ? (
        <section data-testid="request-path">
          <Section className="text-base font-semibold">{t("panel.requestPath")}</Section>
          <p className="mt-1 text-sm text-[var(--muted-foreground)]">{t("panel.requestPathIntro")}</p>
          <ol className="mt-2 space-y-3">
            {model.stages.map((s, i) => (
              <li key={s.stage} data-stage={s.stage} className="border-l-4 border-slate-500 pl-3">
                <p className="text-sm font-semibold">
                  <span className="mr-1 rounded bg-slate-700 px-1.5 text-xs text-white">{i + 1}</span>
                  {t(`stages.${s.stage}`)}
                </p>
                {s.mechanisms.length === 0 ? (
                  <p className="mt-1 text-sm text-[var(--muted-foreground)]">{t("panel.stageEmpty")}</p>
                ) : (
                  <MechanismList ids={s.mechanisms} model={model} version={version} level={inner} />
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <section>
          <Section className="text-base font-semibold">{t("panel.mechanisms")}</Section>
          <MechanismList ids={point.mechanisms} model={model} version={version} level={inner} />
        </section>
      )}
    </div>
  )
}
