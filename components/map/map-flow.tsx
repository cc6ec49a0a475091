"use client"

// React Flow's map: pan, zoom and the controls. Loaded by map-diagram.tsx when the user reaches for
// the diagram; until then the static drawing (map-static.tsx) shows the same thing.
import "@xyflow/react/dist/style.css"

import { applyNodeChanges, Background, Controls, ReactFlow, type OnNodesChange, type ReactFlowInstance, type Viewport } from "@xyflow/react"
import { useTranslations } from "next-intl"
import { useTheme } from "next-themes"
import { useCallback, useEffect, useMemo, useRef, useState } from "react"

import type { PointId } from "@/lib/catalog/types"
import { useHydrated } from "@/components/ui/use-hydrated"

import {
  buildMapGraph,
  componentNodeId,
  focusNodeIds,
  pointNodeId,
  stageNodeId,
  type MapLayout,
  type MapNode,
  type PointBadges,
} from "./map-graph"
import { focusPointButton, scrollPointToTop } from "./map-ids"
import type { MapModel } from "./map-model"
import { MAP_NODE_TYPES } from "./map-nodes"
import { FIT_PADDING, FOCUS_MAX_ZOOM, MAX_ZOOM, MIN_ZOOM, SSR_HEIGHT, SSR_WIDTH } from "./map-static"
import { useMapStore } from "./map-store-provider"

const FIT_OPTIONS = { padding: FIT_PADDING }

function useNodeLabels(model: MapModel) {
  const t = useTranslations("map")
  return useMemo(() => {
    const labels = new Map<string, string>()
    for (const p of model.points) labels.set(pointNodeId(p.id), p.name)
    for (const key of ["kubectl", "clientGo", "apiserver", "resources", "scheduler", "controllers", "kubeletA", "kubeletB", "network", "devices"] as const)
      labels.set(componentNodeId(key), t(`components.${key}`))
    for (const s of model.stages) labels.set(stageNodeId(s.stage), t(`stages.${s.stage}`))
    return labels
  }, [model, t])
}

export type FlowProps = {
  model: MapModel
  badges?: PointBadges
  layout: MapLayout
  /** Where the static drawing was: React Flow starts there, so the swap does not move anything. */
  initialViewport: Viewport
  /** The point button that had focus in the static drawing, focused again after the swap. */
  restoreFocus?: PointId
}

export default function Flow({ model, badges, layout, initialViewport, restoreFocus }: FlowProps) {
  const t = useTranslations("map")
  // The theme is only known in the browser; the server (and hydration) render light controls.
  const { resolvedTheme } = useTheme()
  const mounted = useHydrated()
  const colorMode = mounted && resolvedTheme === "dark" ? "dark" : "light"
  const point = useMapStore((s) => s.point)
  const version = useMapStore((s) => s.version)
  const labels = useNodeLabels(model)
  const narrow = layout === "narrow"
  // No ReactFlowProvider: its store would start empty on the server. The instance from onInit
  // is enough to re-fit the view.
  const flowRef = useRef<ReactFlowInstance<MapNode> | null>(null)
  const frameRef = useRef<HTMLDivElement>(null)

  const graph = useMemo(() => buildMapGraph({ model, version, selected: point, badges, layout }), [model, version, point, badges, layout])
  // Edges are drawn as labelled images for assistive technology (React Flow's default label is English).
  const edges = useMemo(
    () =>
      graph.edges.map((e) => ({
        ...e,
        ariaLabel: t("edge", { from: labels.get(e.source) ?? e.source, to: labels.get(e.target) ?? e.target }),
      })),
    [graph, labels, t],
  )
  // Nodes live in state so React Flow's measurements (dimension changes) are applied: its
  // fitView (Controls, re-fit on expand) only runs once the controlled nodes count as measured.
  const [nodes, setNodes] = useState<MapNode[]>(graph.nodes)
  const [shownGraph, setShownGraph] = useState(graph)
  if (shownGraph !== graph) {
    setShownGraph(graph)
    setNodes(graph.nodes)
  }
  const onNodesChange: OnNodesChange<MapNode> = useCallback((changes) => setNodes((current) => applyNodeChanges(changes, current)), [])

  // What the view should show: the whole drawing (narrow: always, scaled to the width), or the
  // open point with what it extends and, for point 2, the request path.
  const fit = useCallback(
    (duration: number) => {
      const flow = flowRef.current
      // The drawing CSS hides (wide on phones, narrow on desktops) has no size: fitting it would
      // divide by zero.
      const frame = frameRef.current
      if (!flow || !frame || frame.clientWidth === 0 || frame.clientHeight === 0) return
      // Narrow: the drawing from its origin (margins for routed edges and badges included), scaled to the width.
      if (narrow) void flow.setViewport({ x: 0, y: 0, zoom: frame.clientWidth / graph.width }, { duration })
      else if (!point) void flow.fitView({ ...FIT_OPTIONS, duration })
      else void flow.fitView({ ...FIT_OPTIONS, nodes: focusNodeIds(graph, point).map((id) => ({ id })), maxZoom: FOCUS_MAX_ZOOM, duration })
    },
    [graph, point, narrow],
  )
  const fitRef = useRef(fit)
  useEffect(() => {
    fitRef.current = fit
  })

  // Opening or closing a point changes the drawing and (wide: the panel opens beside it) the
  // frame's size: re-fit once both have been laid out, two frames later. The first render starts
  // where the static drawing was, already fitted.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    let inner = 0
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => {
        fitRef.current(narrow ? 0 : 250)
        if (narrow && point) scrollPointToTop(frameRef.current, graph, point)
      })
    })
    return () => {
      cancelAnimationFrame(outer)
      cancelAnimationFrame(inner)
    }
    // The graph is read for the point's position; it changes with the point (and version) anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [point, narrow])

  // The frame changes size with the window (and the narrow frame with the drawing's height).
  useEffect(() => {
    const frame = frameRef.current?.closest("[data-map-diagram]")
    if (!frame) return
    let last = ""
    const observer = new ResizeObserver(([entry]) => {
      const size = `${Math.round(entry?.contentRect.width ?? 0)}x${Math.round(entry?.contentRect.height ?? 0)}`
      if (size === last) return
      const initial = last === ""
      last = size
      if (!initial) requestAnimationFrame(() => fitRef.current(0))
    })
    observer.observe(frame)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (!restoreFocus) return
    // Once, after the swap. React Flow keeps nodes hidden (visibility: hidden) until it has
    // measured them, and a hidden button cannot take focus: retry each frame until it has it
    // (for up to ~2 s), unless the user has moved focus elsewhere meanwhile.
    const frame = frameRef.current ?? undefined
    const startedOn = document.activeElement
    let tries = 0
    let raf = 0
    const attempt = () => {
      if (document.activeElement !== startedOn && document.activeElement !== document.body) return
      focusPointButton(restoreFocus, frame)
      const focused = document.activeElement?.getAttribute("data-point-button") === restoreFocus
      if (!focused && ++tries < 120) raf = requestAnimationFrame(attempt)
    }
    attempt()
    return () => cancelAnimationFrame(raf)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const ariaLabelConfig = useMemo(
    () => ({
      "controls.ariaLabel": t("controls.label"),
      "controls.zoomIn.ariaLabel": t("controls.zoomIn"),
      "controls.zoomOut.ariaLabel": t("controls.zoomOut"),
      "controls.fitView.ariaLabel": t("controls.fitView"),
      "controls.interactive.ariaLabel": t("controls.interactive"),
    }),
    [t],
  )

  return (
    <div ref={frameRef} className="h-full w-full">
      <ReactFlow<MapNode>
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        nodeTypes={MAP_NODE_TYPES}
        onInit={(instance) => {
          flowRef.current = instance
        }}
        width={narrow ? graph.width : SSR_WIDTH}
        height={narrow ? graph.height : SSR_HEIGHT}
        fitViewOptions={FIT_OPTIONS}
        defaultViewport={initialViewport}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        // Our point buttons handle the keyboard; React Flow's node-moving keys would fight them.
        disableKeyboardA11y
        // Let the page scroll over the diagram; zoom with the controls, pinch or Ctrl+wheel.
        zoomOnScroll={false}
        preventScrolling={false}
        zoomOnDoubleClick={false}
        // Narrow: the drawing is scaled to the width and scrolls with the page; touch drags scroll.
        panOnDrag={!narrow}
        zoomOnPinch={!narrow}
        ariaLabelConfig={ariaLabelConfig}
        colorMode={colorMode}
        // flow-contrast: the attribution's default grey fails WCAG contrast (globals.css).
        className={narrow ? "flow-contrast flow-touch-scroll" : "flow-contrast"}
      >
        <Background gap={24} size={1} />
        {narrow ? null : <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS} />}
      </ReactFlow>
    </div>
  )
}
