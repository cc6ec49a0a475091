"use client"

import { useTranslations } from "next-intl"

import type { MapModel } from "./map-model"
import { useMapStore } from "./map-store-provider"
import { PointDetails } from "./point-details"

/** Every point and mechanism as plain HTML: a reliable reading order for screen readers and search. */
export function MapList({ model }: { model: MapModel }) {
  const t = useTranslations("map")
  const version = useMapStore((s) => s.version)
  const selected = useMapStore((s) => s.point)

  return (
    <section aria-labelledby="map-list-heading" data-testid="map-list" className="mt-10">
      <h2 id="map-list-heading" className="text-xl font-semibold">
        {t("list.heading")}
      </h2>
      <p className="mt-1 text-sm text-[var(--muted-foreground)]">{t("list.intro")}</p>
      <ol className="mt-4 grid gap-4 md:grid-cols-2">
        {model.points.map((p) => (
          <li
            key={p.id}
            id={`point-${p.id}`}
            data-list-point={p.id}
            aria-current={selected === p.id ? "true" : undefined}
            className={`scroll-mt-4 rounded-xl border p-4 ${
              selected === p.id ? "border-brand ring-2 ring-brand/40" : "border-[var(--border)]"
            }`}
          >
            <h3 className="flex items-center gap-2 text-lg font-semibold">
              <span
                aria-hidden="true"
                className={`inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full ${
                  p.number ? "bg-brand-strong text-white" : "border-2 border-dashed border-[var(--muted-foreground)]"
                }`}
              >
                {p.number ?? "⚙"}
              </span>
              {p.number ? t("panel.pointHeading", { number: p.number, name: p.name }) : p.name}
            </h3>
            <div className="mt-2">
              <PointDetails pointId={p.id} model={model} version={version} level={4} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
