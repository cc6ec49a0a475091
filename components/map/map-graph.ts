// Pure construction of the extension-point diagram: node positions, sizes and handles are fixed
// here so React Flow can render the diagram on the server, before hydration.
import { MarkerType, Position, type Edge, type Node } from "@xyflow/react"

import type { ApiRequestStage, Availability, KubernetesMinor, MechanismId, PointId } from "@/lib/catalog"

import type { MapModel } from "./map-model"

// TYPES ---------------------------------------------------------------------------------------

export type ComponentKey =
  | "kubectl"
  | "clientGo"
  | "apiserver"
  | "resources"
  | "scheduler"
  | "controllers"
  | "kubeletA"
  | "kubeletB"
  | "network"
  | "devices"

/** Per-point cluster overlay (filled by the inspector): mechanisms found and risks flagged. */
export type PointBadge = { count: number; risks: number }
export type PointBadges = Partial<Record<PointId, PointBadge>>

export type ComponentNodeData = { component: ComponentKey; compact: boolean }
export type PointNodeData = {
  pointId: PointId
  number: string | null
  name: string
  total: number
  available: number
  selected: boolean
  side: "left" | "right"
  /** The point an arrow key moves to, by the drawn layout. */
  neighbours: Neighbours
  /** Narrow drawing: smaller marker and type. */
  compact: boolean
  badge?: PointBadge
}
export type StageMechanism = { id: MechanismId; name: string; availability: Availability }
export type StageNodeData = {
  stage: ApiRequestStage
  step: number
  mechanisms: StageMechanism[]
}

export type ComponentNode = Node<ComponentNodeData, "component">
export type PointNode = Node<PointNodeData, "point">
export type StageNode = Node<StageNodeData, "stage">
export type MapNode = ComponentNode | PointNode | StageNode
export type MapEdge = Edge<{ kind: "flow" | "point" | "stage" }>

export type MapGraphInput = {
  model: MapModel
  version: KubernetesMinor
  selected: PointId | null
  badges?: PointBadges
  layout?: MapLayout
}

// LAYOUT --------------------------------------------------------------------------------------

/**
 * Two drawings of the same graph: "wide" follows the official figure (points left and right of a
 * central column); "narrow" is a vertical column for phones and small tablets, points on the right
 * of the component they extend, the request path stacked step under step.
 */
export type MapLayout = "wide" | "narrow"

type Box = { x: number; y: number; width: number; height: number }
type Side = "left" | "right"

type LayoutSpec = {
  components: Partial<Record<ComponentKey, Box>>
  /** Components drawn below the API server; they move down when the request path opens. */
  below: ReadonlySet<ComponentKey>
  points: Record<PointId, Box & { anchor: ComponentKey | null; side: Side }>
  /** Where the request path starts, and where each stage goes (column, row) with sizes. */
  stages: { top: number; left: number; width: number; gapX: number; gapY: number; columns: number }
  /** Gap between the last stage row and the resources box. */
  stageTail: number
}

const STAGE_ORDER_SNAKE: Record<ApiRequestStage, { col: number; row: number }> = {
  // Two rows snaking back so the path ends next to the API resources (wide layout).
  authentication: { col: 0, row: 0 },
  authorization: { col: 1, row: 0 },
  "mutating-admission": { col: 2, row: 0 },
  "schema-validation": { col: 2, row: 1 },
  "validating-admission": { col: 1, row: 1 },
  storage: { col: 0, row: 1 },
}

const POINT_W = 200
const POINT_H = 56

function wideSpec(): LayoutSpec {
  const LEFT_X = 0
  const MAIN_X = 220
  const MAIN_W = 560
  const HALF_W = 260
  const RIGHT_HALF_X = MAIN_X + MAIN_W - HALF_W
  const RIGHT_X = 800
  const components: Record<ComponentKey, Box> = {
    kubectl: { x: MAIN_X, y: 0, width: HALF_W, height: 72 },
    clientGo: { x: RIGHT_HALF_X, y: 0, width: HALF_W, height: 72 },
    apiserver: { x: MAIN_X, y: 130, width: MAIN_W, height: 72 },
    resources: { x: MAIN_X, y: 250, width: MAIN_W, height: 84 },
    scheduler: { x: MAIN_X, y: 390, width: HALF_W, height: 72 },
    controllers: { x: RIGHT_HALF_X, y: 390, width: HALF_W, height: 72 },
    kubeletA: { x: MAIN_X, y: 510, width: HALF_W, height: 56 },
    kubeletB: { x: RIGHT_HALF_X, y: 510, width: HALF_W, height: 56 },
    network: { x: MAIN_X, y: 620, width: HALF_W, height: 72 },
    devices: { x: RIGHT_HALF_X, y: 620, width: HALF_W, height: 72 },
  }
  const beside = (anchor: ComponentKey, side: Side) => {
    const a = components[anchor]
    return { x: side === "left" ? LEFT_X : RIGHT_X, y: a.y + (a.height - POINT_H) / 2, width: POINT_W, height: POINT_H, anchor, side }
  }
  // Stages are wider than the main column: nothing else sits beside them at that height.
  const stageW = 232
  const gapX = 24
  return {
    components,
    below: new Set<ComponentKey>(["resources", "scheduler", "controllers", "kubeletA", "kubeletB", "network", "devices"]),
    points: {
      "1": beside("kubectl", "left"),
      "2": beside("apiserver", "right"),
      "3": beside("resources", "right"),
      "4": beside("scheduler", "left"),
      "5": beside("controllers", "right"),
      "6": beside("network", "left"),
      "7": beside("devices", "right"),
      // Not a place in the cluster: "configure before you extend" sits beside the clients row.
      configuration: { x: RIGHT_X, y: 8, width: POINT_W, height: POINT_H, anchor: null, side: "right" },
    },
    stages: { top: 240, left: MAIN_X + MAIN_W / 2 - (3 * stageW + 2 * gapX) / 2, width: stageW, gapX, gapY: 32, columns: 3 },
    stageTail: 44,
  }
}

function narrowSpec(): LayoutSpec {
  // Component column on the left (room on its left for edges routed around), points on the right.
  const COMP_X = 28
  const COMP_W = 184
  const PT_X = COMP_X + COMP_W + 16
  const PT_W = NARROW_WIDTH - PT_X
  const HALF = (COMP_W - 8) / 2
  // TOP: room above the first row for the cluster badge that sits on a point's top edge.
  const TOP = 14
  const components: Partial<Record<ComponentKey, Box>> = {
    clientGo: { x: COMP_X, y: TOP + 76, width: HALF, height: 56 },
    kubectl: { x: COMP_X + HALF + 8, y: TOP + 76, width: HALF, height: 56 },
    apiserver: { x: COMP_X, y: TOP + 176, width: COMP_W, height: 64 },
    resources: { x: COMP_X, y: TOP + 284, width: COMP_W, height: 72 },
    scheduler: { x: COMP_X, y: TOP + 400, width: COMP_W, height: 64 },
    controllers: { x: COMP_X, y: TOP + 508, width: COMP_W, height: 64 },
    kubeletA: { x: COMP_X, y: TOP + 616, width: COMP_W, height: 52 },
    network: { x: COMP_X, y: TOP + 712, width: COMP_W, height: 64 },
    devices: { x: COMP_X, y: TOP + 820, width: COMP_W, height: 64 },
  }
  const beside = (anchor: ComponentKey) => {
    const a = components[anchor] ?? { x: 0, y: 0, width: 0, height: 0 }
    const height = Math.max(POINT_H, a.height)
    return { x: PT_X, y: a.y + (a.height - height) / 2, width: PT_W, height, anchor, side: "right" as const }
  }
  return {
    components,
    below: new Set<ComponentKey>(["resources", "scheduler", "controllers", "kubeletA", "network", "devices"]),
    points: {
      "1": beside("kubectl"),
      "2": beside("apiserver"),
      "3": beside("resources"),
      "4": beside("scheduler"),
      "5": beside("controllers"),
      "6": beside("network"),
      "7": beside("devices"),
      configuration: { x: COMP_X, y: TOP, width: NARROW_WIDTH - COMP_X, height: 52, anchor: null, side: "left" },
    },
    stages: { top: TOP + 276, left: COMP_X, width: NARROW_WIDTH - COMP_X, gapX: 0, gapY: 28, columns: 1 },
    stageTail: 40,
  }
}

/** Width of the narrow drawing, in diagram units (it is scaled to the phone's width). */
export const NARROW_WIDTH = 360

const SPECS: Record<MapLayout, LayoutSpec> = { wide: wideSpec(), narrow: narrowSpec() }

// STAGE SIZES ---------------------------------------------------------------------------------

const STAGE_PAD_X = 8 // px-2 inside a 2 px border
const STAGE_HEAD = 22 // step chip + stage name row
const STAGE_LINE = 15 // 11 px text, leading-tight, plus the list's spacing
const STAGE_PAD_Y = 16
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/

/** Rough width of text at `px` size: CJK characters are square, Latin ones about 0.6 em (kept generous). */
export function textWidth(text: string, px: number): number {
  let w = 0
  for (const ch of text) w += CJK.test(ch) ? px : /[A-Z]/.test(ch) ? px * 0.7 : px * 0.6
  return w
}

/** Lines a name takes when wrapped at spaces (or anywhere in CJK) into `width`. */
export function wrappedLines(text: string, width: number, px: number): number {
  let lines = 1
  let line = 0
  for (const word of text.split(/(?<=\s)|(?=[\u2e80-\u9fff])/u)) {
    const w = textWidth(word, px)
    if (line > 0 && line + w > width) {
      lines++
      line = 0
    }
    // A word longer than the line wraps by itself (overflow-wrap: anywhere in the node).
    lines += Math.max(0, Math.ceil(w / width) - 1)
    line = (line + w) % width
  }
  return lines
}

/** Height a stage box needs so every mechanism name shows in full. */
function stageHeight(names: readonly string[], width: number): number {
  const inner = width - 2 * STAGE_PAD_X - 4
  const lines = names.length === 0 ? 1 : names.reduce((n, name) => n + wrappedLines(name, inner, 11), 0)
  return STAGE_HEAD + STAGE_PAD_Y + lines * STAGE_LINE
}

// HANDLES -------------------------------------------------------------------------------------

export type HandleSpec = {
  id: string
  type: "source" | "target"
  position: Position
  x: number
  y: number
  width: number
  height: number
}

const HANDLE_SIZE = 6

/**
 * The same handle set for every node: top/bottom for the vertical flow, left/right both ways for
 * point connectors and the request-path snake. Node components render exactly these.
 */
export function handleSpecs(width: number, height: number): HandleSpec[] {
  const h = HANDLE_SIZE
  const mk = (id: string, type: HandleSpec["type"], position: Position, cx: number, cy: number): HandleSpec => ({
    id,
    type,
    position,
    x: cx - h / 2,
    y: cy - h / 2,
    width: h,
    height: h,
  })
  return [
    mk("t", "target", Position.Top, width / 2, 0),
    mk("b", "source", Position.Bottom, width / 2, height),
    mk("l-in", "target", Position.Left, 0, height / 2),
    mk("r-in", "target", Position.Right, width, height / 2),
    mk("l-out", "source", Position.Left, 0, height / 2),
    mk("r-out", "source", Position.Right, width, height / 2),
  ]
}

// GRAPH ---------------------------------------------------------------------------------------

/** The point whose selection expands the API server into its request path. */
export const REQUEST_PATH_POINT: PointId = "2"

export function isExpanded(selected: PointId | null): boolean {
  return selected === REQUEST_PATH_POINT
}

function fixed(box: Box) {
  // Fixed sizes + handles let React Flow lay out (and fitView) on the server.
  return {
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    // Sizes are fixed, so the nodes count as measured at once: fitView never sees zero-size nodes.
    measured: { width: box.width, height: box.height },
    handles: handleSpecs(box.width, box.height),
    draggable: false,
    selectable: false,
    connectable: false,
    focusable: false,
    deletable: false,
  }
}

export const pointNodeId = (id: PointId) => `point-${id}`
export const componentNodeId = (key: ComponentKey) => `component-${key}`
export const stageNodeId = (stage: ApiRequestStage) => `stage-${stage}`

/** Stage boxes for the request path, sized to their content, and how far they push the rest down. */
function stageBoxes(spec: LayoutSpec, model: MapModel): { boxes: Map<ApiRequestStage, Box>; shift: number } {
  const { top, left, width, gapX, gapY, columns } = spec.stages
  const slot = (stage: ApiRequestStage, i: number) => (columns === 1 ? { col: 0, row: i } : STAGE_ORDER_SNAKE[stage])
  const heights = new Map<ApiRequestStage, number>()
  const rowHeight = new Map<number, number>()
  model.stages.forEach((s, i) => {
    const names = s.mechanisms.flatMap((id) => model.mechanisms[id]?.name ?? [])
    const h = stageHeight(names, width)
    heights.set(s.stage, h)
    const { row } = slot(s.stage, i)
    rowHeight.set(row, Math.max(rowHeight.get(row) ?? 0, h))
  })
  const rows = [...rowHeight.keys()].sort((a, b) => a - b)
  const rowTop = new Map<number, number>()
  let y = top
  for (const r of rows) {
    rowTop.set(r, y)
    y += (rowHeight.get(r) ?? 0) + gapY
  }
  const boxes = new Map<ApiRequestStage, Box>()
  model.stages.forEach((s, i) => {
    const { col, row } = slot(s.stage, i)
    boxes.set(s.stage, { x: left + col * (width + gapX), y: rowTop.get(row) ?? top, width, height: rowHeight.get(row) ?? 0 })
  })
  const resourcesTop = spec.components.resources?.y ?? 0
  const shift = y - gapY + spec.stageTail - resourcesTop
  return { boxes, shift: Math.max(0, shift) }
}

export type MapGraph = {
  nodes: MapNode[]
  edges: MapEdge[]
  /** Size of the drawing (all nodes), for the container's aspect ratio and server-side fitView. */
  width: number
  height: number
}

export function buildMapGraph({ model, version, selected, badges, layout = "wide" }: MapGraphInput): MapGraph {
  const spec = SPECS[layout]
  const expanded = isExpanded(selected)
  const stages = expanded ? stageBoxes(spec, model) : { boxes: new Map<ApiRequestStage, Box>(), shift: 0 }
  const moved = (key: ComponentKey, box: Box): Box => (spec.below.has(key) ? { ...box, y: box.y + stages.shift } : box)
  const componentBox = (key: ComponentKey) => {
    const box = spec.components[key]
    return box ? moved(key, box) : undefined
  }
  const pointBox = (id: PointId): Box & { side: Side } => {
    const { anchor, side, ...box } = spec.points[id]
    return anchor && spec.below.has(anchor) ? { ...box, y: box.y + stages.shift, side } : { ...box, side }
  }
  const pointBoxes = new Map(model.points.map((p) => [p.id, pointBox(p.id)]))
  const neighbours = spatialNeighbours(pointBoxes)

  // Points come first: React Flow renders nodes in array order, and that is the Tab order.
  const pointNodes: PointNode[] = model.points.map((p) => {
    const box = pointBoxes.get(p.id) ?? pointBox(p.id)
    const views = p.mechanisms.map((id) => model.mechanisms[id]).filter((m) => m !== undefined)
    const badge = badges?.[p.id]
    return {
      id: pointNodeId(p.id),
      type: "point",
      ...fixed(box),
      data: {
        pointId: p.id,
        number: p.number,
        name: p.name,
        total: views.length,
        available: views.filter((m) => m.states[version].availability === "available").length,
        selected: selected === p.id,
        side: box.side,
        neighbours: neighbours.get(p.id) ?? {},
        compact: layout === "narrow",
        ...(badge ? { badge } : {}),
      },
    }
  })

  const componentNodes: ComponentNode[] = (Object.keys(spec.components) as ComponentKey[]).flatMap((key) => {
    const box = componentBox(key)
    return box ? [{ id: componentNodeId(key), type: "component" as const, ...fixed(box), data: { component: key, compact: layout === "narrow" } }] : []
  })

  const stageNodes: StageNode[] = model.stages.flatMap((s, i) => {
    const box = stages.boxes.get(s.stage)
    if (!box) return []
    return [
      {
        id: stageNodeId(s.stage),
        type: "stage" as const,
        ...fixed(box),
        data: {
          stage: s.stage,
          step: i + 1,
          mechanisms: s.mechanisms.flatMap((id) => {
            const m = model.mechanisms[id]
            return m ? [{ id, name: m.name, availability: m.states[version].availability }] : []
          }),
        },
      },
    ]
  })

  const edges: MapEdge[] = []
  const has = (id: string) => [...componentNodes, ...stageNodes].some((n) => n.id === id)
  const flow = (source: string, target: string, sourceHandle = "b", targetHandle = "t", kind: "flow" | "stage" = "flow", offset?: number) => {
    if (!has(source) || !has(target)) return
    edges.push({
      id: `e-${source}-${target}`,
      source,
      target,
      sourceHandle,
      targetHandle,
      type: "smoothstep",
      ...(offset ? { pathOptions: { offset } } : {}),
      data: { kind },
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      style: kind === "stage" ? { strokeWidth: 2, stroke: "#475569" } : { strokeWidth: 2 },
      focusable: false,
      selectable: false,
      deletable: false,
    })
  }
  const c = componentNodeId
  const st = stageNodeId
  const narrow = layout === "narrow"
  flow(c("kubectl"), c("apiserver"))
  flow(c("clientGo"), c("apiserver"))
  if (expanded) {
    flow(c("apiserver"), st("authentication"), "b", "t", "stage")
    const chain = model.stages.map((s) => s.stage)
    chain.forEach((stage, i) => {
      const next = chain[i + 1]
      if (!next) return
      if (narrow) return flow(st(stage), st(next), "b", "t", "stage")
      const a = STAGE_ORDER_SNAKE[stage]
      const b = STAGE_ORDER_SNAKE[next]
      if (a.row !== b.row) flow(st(stage), st(next), "b", "t", "stage")
      else if (b.col > a.col) flow(st(stage), st(next), "r-out", "l-in", "stage")
      else flow(st(stage), st(next), "l-out", "r-in", "stage")
    })
    const last = chain[chain.length - 1]
    if (last) flow(st(last), c("resources"), "b", "t", "stage")
  } else {
    flow(c("apiserver"), c("resources"))
  }
  flow(c("resources"), c("scheduler"))
  if (narrow) {
    // One column: edges that skip a box are routed around its left side.
    flow(c("resources"), c("controllers"), "l-out", "l-in", "flow", 12)
    flow(c("scheduler"), c("kubeletA"), "l-out", "l-in", "flow", 24)
    flow(c("controllers"), c("kubeletA"))
    flow(c("kubeletA"), c("network"))
    flow(c("kubeletA"), c("devices"), "l-out", "l-in", "flow", 12)
  } else {
    flow(c("resources"), c("controllers"))
    flow(c("scheduler"), c("kubeletA"))
    flow(c("controllers"), c("kubeletB"))
    flow(c("kubeletA"), c("network"))
    flow(c("kubeletB"), c("devices"))
  }

  for (const p of model.points) {
    const place = spec.points[p.id]
    if (!place.anchor || !has(c(place.anchor))) continue
    const left = place.side === "left"
    edges.push({
      id: `e-${pointNodeId(p.id)}`,
      source: pointNodeId(p.id),
      target: c(place.anchor),
      sourceHandle: left ? "r-out" : "l-out",
      targetHandle: left ? "l-in" : "r-in",
      type: "straight",
      data: { kind: "point" },
      style: { strokeDasharray: "4 4", strokeWidth: 1.5 },
      focusable: false,
      selectable: false,
      deletable: false,
    })
  }

  const nodes: MapNode[] = [...pointNodes, ...componentNodes, ...stageNodes]
  const width = Math.max(...nodes.map((n) => n.position.x + (n.width ?? 0)))
  const height = Math.max(...nodes.map((n) => n.position.y + (n.height ?? 0)))
  return { nodes, edges, width, height }
}

/** Nodes to fit into view when a point opens: the point, what it extends and, for point 2, the request path. */
export function focusNodeIds(graph: MapGraph, point: PointId): string[] {
  const ids = [pointNodeId(point)]
  const edge = graph.edges.find((e) => e.source === pointNodeId(point) && e.data?.kind === "point")
  if (edge) ids.push(edge.target)
  if (point === REQUEST_PATH_POINT) {
    for (const n of graph.nodes) if (n.type === "stage") ids.push(n.id)
    ids.push(componentNodeId("resources"))
  }
  return ids
}

// KEYBOARD ------------------------------------------------------------------------------------

export type Direction = "up" | "down" | "left" | "right"
export type Neighbours = Partial<Record<Direction, PointId>>

/**
 * For each point, the nearest point in each arrow direction as drawn: candidates must lie in that
 * direction (centre beyond the edge of the current box), and distance across the direction counts
 * double, so ArrowDown prefers the point below over one diagonally closer.
 */
export function spatialNeighbours(boxes: ReadonlyMap<PointId, Box>): Map<PointId, Neighbours> {
  const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 })
  const out = new Map<PointId, Neighbours>()
  for (const [id, box] of boxes) {
    const from = centre(box)
    const found: Neighbours = {}
    for (const dir of ["up", "down", "left", "right"] as const) {
      let best: { id: PointId; score: number } | undefined
      for (const [other, otherBox] of boxes) {
        if (other === id) continue
        const to = centre(otherBox)
        const along = dir === "down" ? to.y - from.y : dir === "up" ? from.y - to.y : dir === "right" ? to.x - from.x : from.x - to.x
        const across = dir === "down" || dir === "up" ? Math.abs(to.x - from.x) : Math.abs(to.y - from.y)
        const reach = dir === "down" || dir === "up" ? box.height / 2 : box.width / 2
        if (along <= reach) continue
        const score = along + 2 * across
        if (!best || score < best.score) best = { id: other, score }
      }
      if (best) found[dir] = best.id
    }
    out.set(id, found)
  }
  return out
}

export function directionForKey(key: string): Direction | null {
  switch (key) {
    case "ArrowDown":
      return "down"
    case "ArrowUp":
      return "up"
    case "ArrowLeft":
      return "left"
    case "ArrowRight":
      return "right"
    default:
      return null
  }
}
