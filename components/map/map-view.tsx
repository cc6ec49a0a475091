"use client"

import { useTranslations } from "next-intl"
import { useEffect, useRef } from "react"

import type { MapEdgePaths } from "./map-edges"
import type { PointBadges } from "./map-graph"
import { focusLater, focusPointButton } from "./map-ids"
import { MapDiagram } from "./map-diagram"
import { MapList } from "./map-list"
import type { MapModel } from "./map-model"
import { MapPanel } from "./map-panel"
import type { MapState } from "./map-store"
import { MapStoreProvider, useMapStore } from "./map-store-provider"
import { VersionSelect } from "./version-select"

export type MapViewProps = {
  model: MapModel
  /** The static drawing's edges, computed on the server (map-edges.ts). */
  edgePaths: MapEdgePaths
  initial: MapState
  /** Slot for the cluster overlay (inspector): per-point counts and risks. */
  pointBadges?: PointBadges
}

function MapLayout({ model, edgePaths, pointBadges }: Omit<MapViewProps, "initial">) {
  const t = useTranslations("map")
  const point = useMapStore((s) => s.point)
  const select = useMapStore((s) => s.select)
  // Marks the map interactive once hydrated (tests wait for it; the markup is usable before). Set
  // on the element, not as state: a re-render for it would run the whole map again after hydration.
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    root.current?.setAttribute("data-map-ready", "true")
  }, [])
  return (
    <div
      ref={root}
      onKeyDown={(event) => {
        // Esc closes the panel from anywhere in the map and returns focus to the point.
        if (event.key !== "Escape" || !point || event.defaultPrevented) return
        event.preventDefault()
        select(null)
        focusLater(() => focusPointButton(point))
      }}
    >
      <div className="mb-3">
        <VersionSelect />
      </div>
      <div className="flex flex-col gap-4 lg:flex-row">
        <div className="min-w-0 flex-1">
          {/* Both drawings are in the server HTML; CSS shows the one for the screen (no shift on load). */}
          {(["wide", "narrow"] as const).map((layout) => (
            <div key={layout} className={layout === "wide" ? "hidden lg:block" : "lg:hidden"}>
              <MapDiagram model={model} edgePaths={edgePaths} badges={pointBadges} layout={layout} />
              <p className="mt-2 text-xs text-[var(--muted-foreground)]" aria-hidden="true">
                {t(layout === "wide" ? "diagramHint" : "diagramHintTouch")}
              </p>
            </div>
          ))}
        </div>
        <MapPanel model={model} />
      </div>
      {/* Below lg the panel is a sheet over the bottom of the screen: leave room to scroll past it. */}
      {point ? <div aria-hidden="true" className="h-[50vh] lg:hidden" /> : null}
      <MapList model={model} />
    </div>
  )
}

export function MapView({ model, edgePaths, initial, pointBadges }: MapViewProps) {
  return (
    <MapStoreProvider initial={initial}>
      <MapLayout model={model} edgePaths={edgePaths} pointBadges={pointBadges} />
    </MapStoreProvider>
  )
}
