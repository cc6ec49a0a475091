"use client"

import { useTranslations } from "next-intl"
import { useEffect, useRef, useState } from "react"

import type { KubernetesMinor, PointId } from "@/lib/catalog/types"
import { ServerHtml } from "@/components/ui/server-html"

import type { MapModel } from "./map-model"
import { useMapStore } from "./map-store-provider"
import { PointDetails } from "./point-details"

function MapListItems({ model, version, selected }: { model: MapModel; version: KubernetesMinor; selected: PointId | null }) {
  const t = useTranslations("map")
  return (
    <>
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
            // Styled from aria-current, so the kept server HTML follows the selection by one attribute.
            // content-visibility: the list is 60% of the page's elements and starts below the fold;
            // the first frame skips laying out its cards until they near the viewport (Chromium's
            // layout time on /en at 412 px, 12 loads: 47 -> 35 ms). 1,200 px is about the cards'
            // mean height at 375-1,366 px in both locales; a card keeps its real height once drawn.
            className="scroll-mt-4 rounded-xl border border-[var(--border)] p-4 [contain-intrinsic-block-size:auto_1200px] [content-visibility:auto] aria-[current=true]:border-brand aria-[current=true]:ring-2 aria-[current=true]:ring-brand/40"
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
    </>
  )
}

/**
 * Every point and mechanism as plain HTML: a reliable reading order for screen readers and search.
 * It is most of the page's markup, so the server's HTML of the first version shown is kept as it is
 * when the page hydrates (ServerHtml; the selection is one attribute, set here); choosing another
 * version renders the list in the browser.
 */
export function MapList({ model }: { model: MapModel }) {
  const version = useMapStore((s) => s.version)
  const selected = useMapStore((s) => s.point)
  const [firstVersion] = useState(version)
  const kept = useRef<HTMLDivElement>(null)

  useEffect(() => {
    kept.current?.querySelectorAll<HTMLElement>("[data-list-point]").forEach((item) => {
      if (item.dataset.listPoint === selected) item.setAttribute("aria-current", "true")
      else item.removeAttribute("aria-current")
    })
  }, [selected])

  const items = <MapListItems model={model} version={version} selected={selected} />
  return (
    <section aria-labelledby="map-list-heading" data-testid="map-list" className="mt-10">
      {version === firstVersion ? (
        <ServerHtml key="first" ref={kept}>
          {items}
        </ServerHtml>
      ) : (
        <div key="other">{items}</div>
      )}
    </section>
  )
}
