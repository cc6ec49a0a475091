"use client"

import { useTranslations } from "next-intl"

import { PANEL_HEADING_ID, PANEL_ID, focusLater, focusPointButton } from "./map-ids"
import type { MapModel } from "./map-model"
import { useMapStore } from "./map-store-provider"
import { PointDetails } from "./point-details"

/** Side panel for the selected point. Not modal: the diagram stays usable next to it. */
export function MapPanel({ model }: { model: MapModel }) {
  const t = useTranslations("map")
  const pointId = useMapStore((s) => s.point)
  const version = useMapStore((s) => s.version)
  const select = useMapStore((s) => s.select)
  const point = pointId ? model.points.find((p) => p.id === pointId) : undefined
  if (!pointId || !point) return null
  return (
    <aside
      id={PANEL_ID}
      aria-labelledby={PANEL_HEADING_ID}
      data-testid="map-panel"
      // Wide screens: beside the diagram, which re-fits into the space left. Narrower: a sheet over
      // the bottom half of the screen; the page scrolls the opened point above it.
      className="fixed inset-x-0 bottom-0 z-40 flex max-h-[50vh] flex-col overflow-hidden rounded-t-xl border border-[var(--border)] bg-[var(--card)] shadow-[0_-8px_24px_rgba(0,0,0,0.18)] lg:static lg:z-auto lg:max-h-[760px] lg:w-[26rem] lg:shrink-0 lg:rounded-xl lg:shadow-sm"
    >
      <div className="flex items-start gap-2 border-b border-[var(--border)] p-4">
        <h2 id={PANEL_HEADING_ID} tabIndex={-1} className="flex-1 text-lg font-semibold outline-offset-4">
          {point.number ? t("panel.pointHeading", { number: point.number, name: point.name }) : point.name}
        </h2>
        <button
          type="button"
          onClick={() => {
            select(null)
            focusLater(() => focusPointButton(pointId))
          }}
          className="rounded-md border border-[var(--border)] px-2 py-1 text-sm hover:bg-[var(--muted)]"
          aria-label={t("panel.close")}
          title={t("panel.closeHint")}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div className="overflow-y-auto p-4">
        <PointDetails pointId={pointId} model={model} version={version} level={3} />
      </div>
    </aside>
  )
}
