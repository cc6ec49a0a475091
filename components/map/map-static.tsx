"use client"

// The map's drawing without React Flow: the same nodes (map-node-views.tsx) at the same places, the
// edge paths React Flow would draw (computed on the server, map-edges.ts) and the same fit. It is
// what the server renders and what the page shows until React Flow (pan, zoom, controls) loads;
// map-diagram.tsx then swaps React Flow in at this viewport. Nothing here imports React Flow at
// runtime: its module brings d3's pan/zoom code, which only the interactive map needs.
import { memo } from "react"

import type { PointId } from "@/lib/catalog/types"

import { focusNodeIds, isExpanded, type MapGraph, type MapLayout, type MapNode } from "./map-graph"
import type { MapEdgePaths } from "./map-edges"
import { ComponentNodeView, PointNodeView, StageNodeView } from "./map-node-views"

// Size assumed for the wide drawing's first fit (server, hydration); refitted to the real frame.
export const SSR_WIDTH = 960
export const SSR_HEIGHT = 720
export const FIT_PADDING = 0.06
// An opened point is shown at most this large, so its neighbourhood stays in view around it.
export const FOCUS_MAX_ZOOM = 1.1
export const MIN_ZOOM = 0.3
export const MAX_ZOOM = 2

export type Viewport = { x: number; y: number; zoom: number }
export type FrameSize = { width: number; height: number }

/**
 * React Flow's fitView for these nodes and a numeric padding (getNodesBounds, then
 * getViewportForBounds of @xyflow/system; map-static.test.ts compares the two).
 */
export function fitNodes(nodes: readonly MapNode[], width: number, height: number, minZoom: number, maxZoom: number, padding: number): Viewport {
  let x1 = Infinity
  let y1 = Infinity
  let x2 = -Infinity
  let y2 = -Infinity
  for (const n of nodes) {
    x1 = Math.min(x1, n.position.x)
    y1 = Math.min(y1, n.position.y)
    x2 = Math.max(x2, n.position.x + (n.width ?? 0))
    y2 = Math.max(y2, n.position.y + (n.height ?? 0))
  }
  if (nodes.length === 0) [x1, y1, x2, y2] = [0, 0, 0, 0]
  const padX = Math.floor((width - width / (1 + padding)) * 0.5)
  const padY = Math.floor((height - height / (1 + padding)) * 0.5)
  const zoom = Math.min(Math.max(Math.min((width - 2 * padX) / (x2 - x1), (height - 2 * padY) / (y2 - y1)), minZoom), maxZoom)
  const x = width / 2 - ((x1 + x2) / 2) * zoom
  const y = height / 2 - ((y1 + y2) / 2) * zoom
  // Where the fitted bounds would clip the padding on one side, shift them back in (as React Flow does).
  const left = Math.floor(x1 * zoom + x)
  const top = Math.floor(y1 * zoom + y)
  const right = Math.floor(width - (x2 * zoom + x))
  const bottom = Math.floor(height - (y2 * zoom + y))
  return {
    x: x - Math.min(left - padX, 0) + Math.min(right - padX, 0),
    y: y - Math.min(top - padY, 0) + Math.min(bottom - padY, 0),
    zoom,
  }
}

/**
 * Where the drawing sits in its frame: narrow, from its origin scaled to the frame's width; wide,
 * fitted to the frame, or to the open point and what it extends.
 */
export function mapViewport(graph: MapGraph, layout: MapLayout, point: PointId | null, frame: FrameSize | undefined): Viewport {
  if (layout === "narrow") return { x: 0, y: 0, zoom: frame ? frame.width / graph.width : 1 }
  const { width, height } = frame ?? { width: SSR_WIDTH, height: SSR_HEIGHT }
  const focus = point ? new Set(focusNodeIds(graph, point)) : undefined
  const nodes = focus ? graph.nodes.filter((n) => focus.has(n.id)) : graph.nodes
  return fitNodes(nodes, width, height, MIN_ZOOM, focus ? FOCUS_MAX_ZOOM : MAX_ZOOM, FIT_PADDING)
}

const VIEWS = { point: PointNodeView, component: ComponentNodeView, stage: StageNodeView } as const

type Props = { graph: MapGraph; viewport: Viewport; layout: MapLayout; point: PointId | null; edgePaths: MapEdgePaths }

/** The drawing at `viewport`; node views are the ones React Flow renders, so nothing moves on the swap. */
export const StaticMapDrawing = memo(function StaticMapDrawing({ graph, viewport, layout, point, edgePaths }: Props) {
  const paths = edgePaths[layout][isExpanded(point) ? "expanded" : "collapsed"]
  const markerId = `map-arrow-${layout}`
  const gap = 24 * viewport.zoom
  return (
    <div
      className="absolute inset-0 overflow-hidden dark:bg-[#141414]"
      data-map-static=""
      style={{
        // React Flow's <Background gap={24} size={1} />: dots that move and scale with the drawing.
        backgroundImage: "radial-gradient(circle, #91919a 0.6px, transparent 1px)",
        backgroundSize: `${gap}px ${gap}px`,
        backgroundPosition: `${viewport.x % gap}px ${viewport.y % gap}px`,
      }}
    >
      <div className="absolute left-0 top-0" style={{ transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`, transformOrigin: "0 0" }}>
        <svg className="absolute left-0 top-0 overflow-visible" width={graph.width} height={graph.height} aria-hidden="true">
          <defs>
            <marker id={markerId} markerWidth="16" markerHeight="16" viewBox="-10 -10 20 20" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0">
              <polyline className="fill-[#b1b1b7] stroke-[#b1b1b7] dark:fill-[#3e3e3e] dark:stroke-[#3e3e3e]" strokeLinecap="round" strokeLinejoin="round" strokeWidth="1" points="-5,-4 0,0 -5,4 -5,-4" />
            </marker>
          </defs>
          {graph.edges.map((edge) => {
            const d = paths[edge.id]
            return d ? (
              <path key={edge.id} d={d} fill="none" className="stroke-[#b1b1b7] dark:stroke-[#3e3e3e]" style={edge.style} markerEnd={edge.markerEnd ? `url(#${markerId})` : undefined} />
            ) : null
          })}
        </svg>
        {graph.nodes.map((node) => {
          const View = VIEWS[node.type] as (props: { data: MapNode["data"] }) => React.ReactNode
          return (
            <div key={node.id} data-map-node={node.id} className="absolute" style={{ left: node.position.x, top: node.position.y, width: node.width, height: node.height }}>
              <View data={node.data} />
            </div>
          )
        })}
      </div>
    </div>
  )
})
