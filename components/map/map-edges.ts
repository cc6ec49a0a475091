// The edges of the static drawing, as SVG paths computed on the server with React Flow's own path
// functions (@xyflow/system), so the browser draws them without React Flow. The geometry depends
// only on the layout and on whether point 2's request path is open (not on the version, the
// badges or which other point is open).
import { getSmoothStepPath, getStraightPath, Position } from "@xyflow/system"

import { buildMapGraph, REQUEST_PATH_POINT, type MapEdge, type MapLayout, type MapNode } from "./map-graph"
import type { MapModel } from "./map-model"
import { LATEST_MINOR } from "@/lib/catalog/types"

/** Edge id → SVG path, per layout, with the request path closed and open. */
export type MapEdgePaths = Record<MapLayout, { collapsed: Record<string, string>; expanded: Record<string, string> }>

/** Where an edge attaches to a handle (React Flow's getHandlePosition for a handle with bounds). */
export function handleAnchor(node: MapNode, handleId: string | null | undefined): { x: number; y: number; position: Position } {
  const h = node.handles?.find((x) => x.id === handleId)
  const x = node.position.x + (h?.x ?? 0)
  const y = node.position.y + (h?.y ?? 0)
  const width = h?.width ?? 0
  const height = h?.height ?? 0
  switch (h?.position) {
    case Position.Top:
      return { x: x + width / 2, y, position: Position.Top }
    case Position.Right:
      return { x: x + width, y: y + height / 2, position: Position.Right }
    case Position.Bottom:
      return { x: x + width / 2, y: y + height, position: Position.Bottom }
    default:
      return { x, y: y + height / 2, position: Position.Left }
  }
}

/** The path React Flow draws for an edge of the map (smoothstep, or straight for point connectors). */
export function edgePath(edge: MapEdge, nodes: readonly MapNode[]): string | undefined {
  const source = nodes.find((n) => n.id === edge.source)
  const target = nodes.find((n) => n.id === edge.target)
  if (!source || !target) return undefined
  const s = handleAnchor(source, edge.sourceHandle)
  const t = handleAnchor(target, edge.targetHandle)
  if (edge.type === "straight") return getStraightPath({ sourceX: s.x, sourceY: s.y, targetX: t.x, targetY: t.y })[0]
  const offset = (edge as { pathOptions?: { offset?: number } }).pathOptions?.offset
  return getSmoothStepPath({
    sourceX: s.x,
    sourceY: s.y,
    sourcePosition: s.position,
    targetX: t.x,
    targetY: t.y,
    targetPosition: t.position,
    ...(offset === undefined ? {} : { offset }),
  })[0]
}

function paths(model: MapModel, layout: MapLayout, expanded: boolean): Record<string, string> {
  const graph = buildMapGraph({ model, version: LATEST_MINOR, selected: expanded ? REQUEST_PATH_POINT : null, layout })
  return Object.fromEntries(graph.edges.flatMap((e) => {
    const d = edgePath(e, graph.nodes)
    return d ? [[e.id, d]] : []
  }))
}

export function mapEdgePaths(model: MapModel): MapEdgePaths {
  return {
    wide: { collapsed: paths(model, "wide", false), expanded: paths(model, "wide", true) },
    narrow: { collapsed: paths(model, "narrow", false), expanded: paths(model, "narrow", true) },
  }
}
