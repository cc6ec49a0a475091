"use client"

// One drawing of the map (wide or narrow) in its frame. The page shows the static drawing
// (map-static.tsx: same nodes, edges and fit, no React Flow) and loads React Flow (map-flow.tsx)
// when the user reaches for the diagram — pointer over it, focus or a touch inside it — then swaps
// it in at the same viewport, so nothing moves and the focused point keeps focus.
import { useTranslations } from "next-intl"
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from "react"

import type { PointId } from "@/lib/catalog/types"

import type { MapEdgePaths } from "./map-edges"
import { buildMapGraph, type MapLayout, type PointBadges } from "./map-graph"
import type { FlowProps } from "./map-flow"
import { scrollPointToTop } from "./map-ids"
import type { MapModel } from "./map-model"
import { mapViewport, StaticMapDrawing, type FrameSize } from "./map-static"
import { useMapStore } from "./map-store-provider"

let flowModule: Promise<{ default: ComponentType<FlowProps> }> | undefined
/** React Flow and the map's flow component, imported once for both drawings. */
function loadFlow() {
  flowModule ??= import("./map-flow").catch((error: unknown) => {
    flowModule = undefined // a later interaction retries
    throw error
  })
  return flowModule
}

/** The frame's size as laid out (undefined while it is hidden by CSS or not measured yet). */
function useFrameSize(frame: React.RefObject<HTMLDivElement | null>): FrameSize | undefined {
  const [size, setSize] = useState<FrameSize>()
  useEffect(() => {
    const el = frame.current
    if (!el) return
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0)
      const height = Math.round(entry?.contentRect.height ?? 0)
      if (width === 0 || height === 0) return
      setSize((s) => (s?.width === width && s.height === height ? s : { width, height }))
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [frame])
  return size
}

export function MapDiagram({ model, edgePaths, badges, layout }: { model: MapModel; edgePaths: MapEdgePaths; badges?: PointBadges; layout: MapLayout }) {
  const t = useTranslations("map")
  const point = useMapStore((s) => s.point)
  const version = useMapStore((s) => s.version)
  const frameRef = useRef<HTMLDivElement>(null)
  const frame = useFrameSize(frameRef)
  const graph = useMemo(() => buildMapGraph({ model, version, selected: point, badges, layout }), [model, version, point, badges, layout])
  const viewport = mapViewport(graph, layout, point, frame)

  // React Flow replaces the static drawing once loaded, and not while a press that began on the
  // static drawing lasts: the press and its release must land on the same element to make a click.
  // The hold is render state, not a check when the import settles, because React may render a swap
  // decided just before a press only after it (a busy main thread, a transition in progress), and
  // that render would remove the pressed button. The loaded component is rendered directly (no
  // lazy/Suspense): a suspended render would mount a fallback copy of the drawing in between and
  // drop the focus the swap is meant to keep.
  const [flow, setFlow] = useState<{ Flow: ComponentType<FlowProps>; restoreFocus?: PointId } | null>(null)
  const [holding, setHolding] = useState(false)
  const showFlow = flow !== null && !holding
  const wanted = useRef(false)
  const focusedPoint = useCallback(() => {
    const focused = frameRef.current?.contains(document.activeElement) ? document.activeElement?.closest("[data-point-button]") : null
    return (focused?.getAttribute("data-point-button") ?? undefined) as PointId | undefined
  }, [])
  const reach = useCallback(() => {
    if (wanted.current) return
    wanted.current = true
    loadFlow().then(
      ({ default: Flow }) => setFlow({ Flow, restoreFocus: focusedPoint() }),
      (error: unknown) => {
        wanted.current = false
        console.error("The interactive map could not be loaded:", error)
      },
    )
  }, [focusedPoint])
  const release = useCallback(() => {
    setHolding(false)
    // The press may have moved the focus to a point of the static drawing: React Flow takes it over.
    setFlow((f) => f && { ...f, restoreFocus: focusedPoint() })
  }, [focusedPoint])

  // Narrow: bring a point opened on the static drawing to the top of the screen. Only a new point
  // (or layout) restarts or cancels it, not the swap: React Flow scrolls only for points opened
  // after it mounted, and a swap right after the click (the press's release) used to cancel this.
  const firstPoint = useRef(true)
  useEffect(() => {
    if (firstPoint.current || showFlow || layout !== "narrow" || !point) {
      firstPoint.current = false
      return
    }
    let inner = 0
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => scrollPointToTop(frameRef.current, graph, point))
    })
    return () => {
      cancelAnimationFrame(outer)
      cancelAnimationFrame(inner)
    }
    // showFlow and graph as they were when the point was opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [point, layout])

  // The narrow frame takes the drawing's proportions, so nothing below it moves once it is scaled.
  const size = useMemo(() => {
    if (layout !== "narrow") return undefined
    const g = buildMapGraph({ model, version, selected: point, layout })
    return { aspectRatio: `${g.width} / ${g.height}` }
  }, [layout, model, version, point])
  const hintId = `map-diagram-hint-${layout}`
  const staticDrawing = <StaticMapDrawing graph={graph} viewport={viewport} layout={layout} point={point} edgePaths={edgePaths} />
  return (
    <div
      ref={frameRef}
      role="group"
      aria-label={t("diagramLabel")}
      aria-describedby={hintId}
      data-testid="map-diagram"
      data-map-diagram={layout}
      data-map-interactive={showFlow ? "true" : undefined}
      style={size}
      onPointerEnter={reach}
      onFocusCapture={reach}
      onTouchStartCapture={reach}
      onWheelCapture={reach}
      onPointerDownCapture={() => {
        if (!showFlow) setHolding(true)
        reach()
      }}
      // Released after this press's click, not before it: the click is dispatched after pointerup
      // in the same task, and React renders an update made in pointerup at once, so a swap then
      // would remove the pressed button before the click reaches it.
      onPointerUpCapture={() => {
        if (holding) setTimeout(release, 0)
      }}
      // A cancelled press (the browser took the touch for scrolling) makes no click.
      onPointerCancelCapture={() => {
        if (holding) release()
      }}
      className={
        layout === "narrow"
          ? "relative mx-auto w-full max-w-[30rem] overflow-hidden rounded-xl border border-[var(--border)] bg-[var(--background)]"
          : "relative h-[min(78vh,760px)] min-h-[480px] w-full overflow-hidden rounded-xl border border-[var(--border)] bg-[var(--background)]"
      }
    >
      <p id={hintId} className="sr-only">
        {layout === "narrow" ? t("diagramHintTouch") : t("diagramHint")}
      </p>
      {flow && showFlow ? (
        <flow.Flow model={model} badges={badges} layout={layout} initialViewport={viewport} restoreFocus={flow.restoreFocus} />
      ) : (
        staticDrawing
      )}
    </div>
  )
}
