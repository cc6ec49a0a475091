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

export type ComponentNodeData = { component: ComponentKey }
export type PointNodeData = {
  pointId: PointId
  number: string | null
  name: string
  total: number
  available: number
  selected: boolean
  side: "left" | "right"
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
}

// LAYOUT --------------------------------------------------------------------------------------

const LEFT_X = 0
const MAIN_X = 220
const MAIN_W = 560
const HALF_W = 260
const RIGHT_HALF_X = MAIN_X + MAIN_W - HALF_W
const RIGHT_X = 800
export const POINT_W = 200
export const POINT_H = 56
const STAGE_W = 176
const STAGE_H = 112
const STAGE_GAP = 16
const STAGE_ROW_1 = 240
const STAGE_ROW_2 = 384
/** How far everything below the API server moves down when point 2 opens the request path. */
export const REQUEST_PATH_SHIFT = 290

/** Width and height of the whole diagram (unexpanded / expanded), for server-side fitView. */
export const DIAGRAM_WIDTH = RIGHT_X + POINT_W
export const DIAGRAM_HEIGHT = 692
export const DIAGRAM_HEIGHT_EXPANDED = DIAGRAM_HEIGHT + REQUEST_PATH_SHIFT

type Box = { x: number; y: number; width: number; height: number }

const COMPONENT_BOXES: Record<ComponentKey, Box & { shifts: boolean }> = {
  kubectl: { x: MAIN_X, y: 0, width: HALF_W, height: 72, shifts: false },
  clientGo: { x: RIGHT_HALF_X, y: 0, width: HALF_W, height: 72, shifts: false },
  apiserver: { x: MAIN_X, y: 130, width: MAIN_W, height: 72, shifts: false },
  resources: { x: MAIN_X, y: 250, width: MAIN_W, height: 84, shifts: true },
  scheduler: { x: MAIN_X, y: 390, width: HALF_W, height: 72, shifts: true },
  controllers: { x: RIGHT_HALF_X, y: 390, width: HALF_W, height: 72, shifts: true },
  kubeletA: { x: MAIN_X, y: 510, width: HALF_W, height: 56, shifts: true },
  kubeletB: { x: RIGHT_HALF_X, y: 510, width: HALF_W, height: 56, shifts: true },
  network: { x: MAIN_X, y: 620, width: HALF_W, height: 72, shifts: true },
  devices: { x: RIGHT_HALF_X, y: 620, width: HALF_W, height: 72, shifts: true },
}

/** Where each point sits: beside the component it extends, on the side the official figure uses. */
const POINT_PLACES: Record<PointId, { anchor: ComponentKey | null; side: "left" | "right"; y?: number }> = {
  "1": { anchor: "kubectl", side: "left" },
  "2": { anchor: "apiserver", side: "right" },
  "3": { anchor: "resources", side: "right" },
  "4": { anchor: "scheduler", side: "left" },
  "5": { anchor: "controllers", side: "right" },
  "6": { anchor: "network", side: "left" },
  "7": { anchor: "devices", side: "right" },
  // Not a place in the cluster: "configure before you extend" sits beside the clients row.
  configuration: { anchor: null, side: "right", y: 8 },
}

/** Request-path stages snake through two rows so the path ends next to the API resources. */
const STAGE_SLOTS: Record<ApiRequestStage, { col: number; row: 1 | 2 }> = {
  authentication: { col: 0, row: 1 },
  authorization: { col: 1, row: 1 },
  "mutating-admission": { col: 2, row: 1 },
  "schema-validation": { col: 2, row: 2 },
  "validating-admission": { col: 1, row: 2 },
  storage: { col: 0, row: 2 },
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

function boxOf(key: ComponentKey, expanded: boolean): Box {
  const { shifts, ...box } = COMPONENT_BOXES[key]
  return shifts && expanded ? { ...box, y: box.y + REQUEST_PATH_SHIFT } : box
}

function pointBox(id: PointId, expanded: boolean): Box & { side: "left" | "right" } {
  const place = POINT_PLACES[id]
  const x = place.side === "left" ? LEFT_X : RIGHT_X
  if (!place.anchor) return { x, y: place.y ?? 0, width: POINT_W, height: POINT_H, side: place.side }
  const anchor = boxOf(place.anchor, expanded)
  return {
    x,
    y: anchor.y + (anchor.height - POINT_H) / 2,
    width: POINT_W,
    height: POINT_H,
    side: place.side,
  }
}

function stageBox(stage: ApiRequestStage): Box {
  const slot = STAGE_SLOTS[stage]
  return {
    x: MAIN_X + slot.col * (STAGE_W + STAGE_GAP),
    y: slot.row === 1 ? STAGE_ROW_1 : STAGE_ROW_2,
    width: STAGE_W,
    height: STAGE_H,
  }
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

export function buildMapGraph({ model, version, selected, badges }: MapGraphInput): {
  nodes: MapNode[]
  edges: MapEdge[]
} {
  const expanded = isExpanded(selected)
  // Points come first: React Flow renders nodes in array order, and that is the Tab order.
  const pointNodes: PointNode[] = model.points.map((p) => {
    const box = pointBox(p.id, expanded)
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
        ...(badge ? { badge } : {}),
      },
    }
  })

  const componentNodes: ComponentNode[] = (Object.keys(COMPONENT_BOXES) as ComponentKey[]).map((key) => ({
    id: componentNodeId(key),
    type: "component",
    ...fixed(boxOf(key, expanded)),
    data: { component: key },
  }))

  const stageNodes: StageNode[] = expanded
    ? model.stages.map((s, i) => ({
        id: stageNodeId(s.stage),
        type: "stage",
        ...fixed(stageBox(s.stage)),
        data: {
          stage: s.stage,
          step: i + 1,
          mechanisms: s.mechanisms.flatMap((id) => {
            const m = model.mechanisms[id]
            return m ? [{ id, name: m.name, availability: m.states[version].availability }] : []
          }),
        },
      }))
    : []

  const edges: MapEdge[] = []
  const flow = (source: string, target: string, sourceHandle = "b", targetHandle = "t", kind: "flow" | "stage" = "flow") =>
    edges.push({
      id: `e-${source}-${target}`,
      source,
      target,
      sourceHandle,
      targetHandle,
      type: "smoothstep",
      data: { kind },
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      style: kind === "stage" ? { strokeWidth: 2, stroke: "#475569" } : { strokeWidth: 2 },
      focusable: false,
      selectable: false,
      deletable: false,
    })
  const c = componentNodeId
  flow(c("kubectl"), c("apiserver"))
  flow(c("clientGo"), c("apiserver"))
  if (expanded) {
    const s = stageNodeId
    flow(c("apiserver"), s("authentication"), "b", "t", "stage")
    flow(s("authentication"), s("authorization"), "r-out", "l-in", "stage")
    flow(s("authorization"), s("mutating-admission"), "r-out", "l-in", "stage")
    flow(s("mutating-admission"), s("schema-validation"), "b", "t", "stage")
    flow(s("schema-validation"), s("validating-admission"), "l-out", "r-in", "stage")
    flow(s("validating-admission"), s("storage"), "l-out", "r-in", "stage")
    flow(s("storage"), c("resources"), "b", "t", "stage")
  } else {
    flow(c("apiserver"), c("resources"))
  }
  flow(c("resources"), c("scheduler"))
  flow(c("resources"), c("controllers"))
  flow(c("scheduler"), c("kubeletA"))
  flow(c("controllers"), c("kubeletB"))
  flow(c("kubeletA"), c("network"))
  flow(c("kubeletB"), c("devices"))

  for (const p of model.points) {
    const place = POINT_PLACES[p.id]
    if (!place.anchor) continue
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

  return { nodes: [...pointNodes, ...componentNodes, ...stageNodes], edges }
}

// KEYBOARD ------------------------------------------------------------------------------------

export type PointStep = "next" | "previous" | "first" | "last"

/** Arrow-key movement between points, wrapping around at both ends. */
export function stepPoint(order: readonly PointId[], current: PointId, step: PointStep): PointId {
  const i = order.indexOf(current)
  const n = order.length
  const first = order[0] ?? current
  if (i < 0) return first
  switch (step) {
    case "first":
      return first
    case "last":
      return order[n - 1] ?? current
    case "next":
      return order[(i + 1) % n] ?? current
    case "previous":
      return order[(i - 1 + n) % n] ?? current
  }
}

export function stepForKey(key: string): PointStep | null {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
      return "next"
    case "ArrowLeft":
    case "ArrowUp":
      return "previous"
    case "Home":
      return "first"
    case "End":
      return "last"
    default:
      return null
  }
}
