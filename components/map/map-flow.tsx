"use client"

import { applyNodeChanges, Background, Controls, ReactFlow, type OnNodesChange, type ReactFlowInstance } from "@xyflow/react"
import { useTranslations } from "next-intl"
import { useTheme } from "next-themes"
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react"

import {
  buildMapGraph,
  componentNodeId,
  isExpanded,
  pointNodeId,
  stageNodeId,
  type MapNode,
  type PointBadges,
} from "./map-graph"
import type { MapModel } from "./map-model"
import { MAP_NODE_TYPES } from "./map-nodes"
import { useMapStore } from "./map-store-provider"

// Size assumed for the server render's fitView; the client re-fits to the real container.
const SSR_WIDTH = 960
const SSR_HEIGHT = 720
const FIT_OPTIONS = { padding: 0.06 }

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

const subscribeNever = () => () => {}

function Flow({ model, badges }: { model: MapModel; badges?: PointBadges }) {
  const t = useTranslations("map")
  // The theme is only known in the browser; the server (and hydration) render light controls.
  const { resolvedTheme } = useTheme()
  const mounted = useSyncExternalStore(subscribeNever, () => true, () => false)
  const colorMode = mounted && resolvedTheme === "dark" ? "dark" : "light"
  const point = useMapStore((s) => s.point)
  const version = useMapStore((s) => s.version)
  const labels = useNodeLabels(model)
  // No ReactFlowProvider: its store would start empty on the server. The instance from onInit
  // is enough to re-fit the view.
  const flowRef = useRef<ReactFlowInstance<MapNode> | null>(null)

  const graph = useMemo(() => buildMapGraph({ model, version, selected: point, badges }), [model, version, point, badges])
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

  // Opening or closing the request path changes the diagram's height: re-fit once it rendered.
  const expanded = isExpanded(point)
  const firstRender = useRef(true)
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    const id = requestAnimationFrame(() => void flowRef.current?.fitView({ ...FIT_OPTIONS, duration: 250 }))
    return () => cancelAnimationFrame(id)
  }, [expanded])

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
    <ReactFlow<MapNode>
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      nodeTypes={MAP_NODE_TYPES}
      onInit={(instance) => {
        flowRef.current = instance
      }}
      width={SSR_WIDTH}
      height={SSR_HEIGHT}
      fitView
      fitViewOptions={FIT_OPTIONS}
      minZoom={0.3}
      maxZoom={2}
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
      ariaLabelConfig={ariaLabelConfig}
      colorMode={colorMode}
      // The attribution's default grey fails WCAG contrast.
      className="[&_.react-flow\_\_attribution_a]:!text-gray-700"
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS} />
    </ReactFlow>
  )
}

export function MapFlow({ model, badges }: { model: MapModel; badges?: PointBadges }) {
  const t = useTranslations("map")
  return (
    <div
      role="group"
      aria-label={t("diagramLabel")}
      aria-describedby="map-diagram-hint"
      data-testid="map-diagram"
      className="relative h-[min(78vh,760px)] min-h-[480px] w-full overflow-hidden rounded-xl border border-[var(--border)] bg-[var(--background)]"
    >
      <p id="map-diagram-hint" className="sr-only">
        {t("diagramHint")}
      </p>
      <Flow model={model} badges={badges} />
    </div>
  )
}
