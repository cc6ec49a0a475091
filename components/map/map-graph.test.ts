import { describe, expect, it } from "vitest"

import { API_REQUEST_STAGES, MECHANISMS, POINT_IDS, mechanismsAtPoint, type PointId } from "@/lib/catalog"

import {
  buildMapGraph,
  componentNodeId,
  directionForKey,
  focusNodeIds,
  handleSpecs,
  pointNodeId,
  stageNodeId,
  textWidth,
  wrappedLines,
  type MapLayout,
  type MapNode,
  type PointNode,
  type StageNode,
} from "./map-graph"
import { buildMapModel } from "./map-model"
import { mapQueryString, parseMapQuery } from "./map-query"

const model = buildMapModel("en")
const graph = (selected: PointId | null = null, version: "1.30" | "1.37" = "1.37", layout: MapLayout = "wide") =>
  buildMapGraph({ model, version, selected, layout })
const LAYOUTS = ["wide", "narrow"] as const

const pointNodes = (nodes: MapNode[]) => nodes.filter((n): n is PointNode => n.type === "point")
const stageNodes = (nodes: MapNode[]) => nodes.filter((n): n is StageNode => n.type === "stage")
const byId = (nodes: MapNode[], id: string) => {
  const n = nodes.find((x) => x.id === id)
  if (!n) throw new Error(`no node ${id}`)
  return n
}
const overlaps = (a: MapNode, b: MapNode) =>
  a.position.x < b.position.x + (b.width ?? 0) &&
  b.position.x < a.position.x + (a.width ?? 0) &&
  a.position.y < b.position.y + (b.height ?? 0) &&
  b.position.y < a.position.y + (a.height ?? 0)

describe("buildMapModel", () => {
  it("has the seven numbered points in order, then configuration", () => {
    expect(model.points.map((p) => p.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "configuration"])
    expect(model.points.filter((p) => p.number !== null).map((p) => p.number)).toEqual(["1", "2", "3", "4", "5", "6", "7"])
  })

  it("lists every catalog mechanism under exactly one point", () => {
    const listed = model.points.flatMap((p) => p.mechanisms)
    expect([...listed].sort()).toEqual(MECHANISMS.map((m) => m.id).sort())
    expect(model.points.find((p) => p.id === "4")?.mechanisms).toEqual(mechanismsAtPoint("4").map((m) => m.id))
  })

  it("puts every point-2 mechanism on a request-path stage, so the panel's stage view misses none", () => {
    const staged = new Set(model.stages.flatMap((s) => s.mechanisms))
    for (const id of model.points.find((p) => p.id === "2")?.mechanisms ?? []) expect(staged.has(id), id).toBe(true)
    expect(model.stages.map((s) => s.stage)).toEqual([...API_REQUEST_STAGES])
  })

  it("localizes names and links the Chinese docs for zh-CN", () => {
    const zh = buildMapModel("zh-CN")
    expect(zh.mechanisms["device-plugin"]?.name).toBe("设备插件")
    expect(zh.points[0]?.docUrl).toMatch(/^https:\/\/kubernetes\.io\/zh-cn\/docs\/concepts\/extend-kubernetes\/#/)
    expect(model.points[0]?.docUrl).toMatch(/^https:\/\/kubernetes\.io\/docs\/concepts\/extend-kubernetes\/#/)
  })

  it("carries per-version availability from the catalog", () => {
    const map = model.mechanisms["mutating-admission-policy"]
    expect(map?.states["1.30"].availability).toBe("unavailable")
    expect(map?.states["1.37"].availability).toBe("available")
    expect(model.mechanisms["dra-driver"]?.states["1.30"].availability).not.toBe("available")
  })
})

describe("buildMapGraph", () => {
  it("renders all points first, in Tab order 1..7 then configuration", () => {
    const { nodes } = graph()
    const points = pointNodes(nodes)
    expect(points.map((n) => n.data.pointId)).toEqual([...POINT_IDS])
    expect(nodes.slice(0, points.length).every((n) => n.type === "point")).toBe(true)
  })

  it("gives every node a fixed size and handles for server rendering", () => {
    for (const n of [...graph().nodes, ...graph("2").nodes, ...graph("2", "1.37", "narrow").nodes]) {
      expect(n.width, n.id).toBeGreaterThan(0)
      expect(n.height, n.id).toBeGreaterThan(0)
      expect(n.handles?.length, n.id).toBe(6)
      expect(n.draggable).toBe(false)
    }
  })

  it("connects every edge to existing nodes and declared handles", () => {
    for (const { nodes, edges } of [graph(), graph("2"), graph(null, "1.37", "narrow"), graph("2", "1.37", "narrow")]) {
      const ids = new Map(nodes.map((n) => [n.id, n]))
      for (const e of edges) {
        const source = ids.get(e.source)
        const target = ids.get(e.target)
        expect(source, e.id).toBeDefined()
        expect(target, e.id).toBeDefined()
        expect(source?.handles?.some((h) => h.id === e.sourceHandle && h.type === "source"), e.id).toBe(true)
        expect(target?.handles?.some((h) => h.id === e.targetHandle && h.type === "target"), e.id).toBe(true)
      }
      expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length)
    }
  })

  it("lays the cluster out top to bottom like the official figure", () => {
    const { nodes } = graph()
    const y = (key: Parameters<typeof componentNodeId>[0]) => byId(nodes, componentNodeId(key)).position.y
    expect(y("kubectl")).toBe(y("clientGo"))
    expect(y("kubectl")).toBeLessThan(y("apiserver"))
    expect(y("apiserver")).toBeLessThan(y("resources"))
    expect(y("resources")).toBeLessThan(y("scheduler"))
    expect(y("scheduler")).toBe(y("controllers"))
    expect(y("controllers")).toBeLessThan(y("kubeletA"))
    expect(y("kubeletA")).toBeLessThan(y("network"))
    expect(y("network")).toBe(y("devices"))
  })

  for (const layout of LAYOUTS) {
    it(`has no overlapping nodes and reports its own size (${layout})`, () => {
      for (const locale of ["en", "zh-CN"] as const) {
        for (const selected of [null, "2"] as const) {
          const g = buildMapGraph({ model: buildMapModel(locale), version: "1.37", selected, layout })
          for (const [i, a] of g.nodes.entries())
            for (const b of g.nodes.slice(i + 1)) expect(overlaps(a, b), `${layout} ${locale} ${selected}: ${a.id} overlaps ${b.id}`).toBe(false)
          for (const n of g.nodes) {
            expect(n.position.x).toBeGreaterThanOrEqual(0)
            expect(n.position.x + (n.width ?? 0)).toBeLessThanOrEqual(g.width)
            expect(n.position.y + (n.height ?? 0)).toBeLessThanOrEqual(g.height)
          }
        }
      }
    })
  }

  it("draws the narrow layout as one column, every point right of the component it extends", () => {
    const { nodes, width } = graph(null, "1.37", "narrow")
    expect(width).toBeLessThanOrEqual(360)
    const anchors = { "2": "apiserver", "3": "resources", "4": "scheduler", "5": "controllers", "6": "network", "7": "devices" } as const
    let lastY = -1
    for (const [point, component] of Object.entries(anchors)) {
      const p = byId(nodes, pointNodeId(point as PointId))
      const c = byId(nodes, componentNodeId(component))
      expect(p.position.x).toBeGreaterThan(c.position.x + (c.width ?? 0))
      expect(p.position.y + (p.height ?? 0) / 2).toBe(c.position.y + (c.height ?? 0) / 2)
      expect(c.position.y).toBeGreaterThan(lastY)
      lastY = c.position.y
    }
  })

  it("sizes request-path boxes so every mechanism name fits in full, in both locales and layouts", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const m = buildMapModel(locale)
      for (const layout of LAYOUTS) {
        for (const s of stageNodes(buildMapGraph({ model: m, version: "1.37", selected: "2", layout }).nodes)) {
          const inner = (s.width ?? 0) - 20
          const lines = s.data.mechanisms.reduce((n, x) => n + wrappedLines(x.name, inner, 11), 0)
          expect(s.height ?? 0, `${locale} ${layout} ${s.id}`).toBeGreaterThanOrEqual(38 + lines * 15)
        }
      }
    }
    expect(wrappedLines("Structured authentication configuration", 100, 11)).toBeGreaterThan(1)
    expect(wrappedLines("Webhook", 200, 11)).toBe(1)
    expect(textWidth("准入", 11)).toBe(22)
  })

  it("places each numbered point beside (vertically centred on) its component", () => {
    const { nodes } = graph()
    const anchors = { "1": "kubectl", "2": "apiserver", "3": "resources", "4": "scheduler", "5": "controllers", "6": "network", "7": "devices" } as const
    for (const [point, component] of Object.entries(anchors)) {
      const p = byId(nodes, pointNodeId(point as PointId))
      const c = byId(nodes, componentNodeId(component))
      expect(p.position.y + (p.height ?? 0) / 2).toBe(c.position.y + (c.height ?? 0) / 2)
    }
  })

  it("expands point 2 into the six request-path stages in order, shifting the rest down", () => {
    const closed = graph()
    const open = graph("2")
    expect(stageNodes(closed.nodes)).toEqual([])
    const stages = stageNodes(open.nodes)
    expect(stages.map((s) => s.data.stage)).toEqual([...API_REQUEST_STAGES])
    expect(stages.map((s) => s.data.step)).toEqual([1, 2, 3, 4, 5, 6])
    // The path is a chain apiserver → authn → … → storage → resources.
    const next = new Map(open.edges.map((e) => [e.source, e.target]))
    const chain = [componentNodeId("apiserver")]
    while (chain.length < 9) chain.push(next.get(chain[chain.length - 1] ?? "") ?? "?")
    expect(chain.slice(1, 7)).toEqual(API_REQUEST_STAGES.map(stageNodeId))
    expect(open.edges.some((e) => e.source === stageNodeId("storage") && e.target === componentNodeId("resources"))).toBe(true)
    expect(closed.edges.some((e) => e.source === componentNodeId("apiserver") && e.target === componentNodeId("resources"))).toBe(true)
    expect(open.edges.some((e) => e.source === componentNodeId("apiserver") && e.target === componentNodeId("resources"))).toBe(false)
    // Everything below the API server moves down by the same amount, enough to clear the path.
    const dy = byId(open.nodes, componentNodeId("resources")).position.y - byId(closed.nodes, componentNodeId("resources")).position.y
    expect(dy).toBeGreaterThan(0)
    expect(byId(open.nodes, componentNodeId("devices")).position.y - byId(closed.nodes, componentNodeId("devices")).position.y).toBe(dy)
    const lowestStage = Math.max(...stages.map((s) => s.position.y + (s.height ?? 0)))
    expect(byId(open.nodes, componentNodeId("resources")).position.y).toBeGreaterThan(lowestStage)
    expect(byId(open.nodes, componentNodeId("apiserver")).position).toEqual(byId(closed.nodes, componentNodeId("apiserver")).position)
  })

  it("shows each stage's mechanisms with their availability for the chosen version", () => {
    const mutating = (v: "1.30" | "1.37") =>
      stageNodes(graph("2", v).nodes).find((s) => s.data.stage === "mutating-admission")?.data.mechanisms
    expect(mutating("1.37")?.find((m) => m.id === "mutating-admission-policy")?.availability).toBe("available")
    expect(mutating("1.30")?.find((m) => m.id === "mutating-admission-policy")?.availability).toBe("unavailable")
    expect(stageNodes(graph("2").nodes).find((s) => s.data.stage === "schema-validation")?.data.mechanisms.map((m) => m.id)).toContain(
      "custom-resource-definition",
    )
  })

  it("counts available mechanisms per point for the version", () => {
    const p7 = (v: "1.30" | "1.37") => pointNodes(graph(null, v).nodes).find((p) => p.data.pointId === "7")?.data
    expect(p7("1.37")?.total).toBe(mechanismsAtPoint("7").length)
    // DRA was alpha (off by default) in 1.30 and is GA by 1.37.
    expect((p7("1.30")?.available ?? 0) < (p7("1.37")?.available ?? 0)).toBe(true)
  })

  it("marks only the selected point and passes cluster badges through the slot", () => {
    const { nodes } = buildMapGraph({ model, version: "1.37", selected: "4", badges: { "4": { count: 2, risks: 1 } } })
    const points = pointNodes(nodes)
    expect(points.filter((p) => p.data.selected).map((p) => p.data.pointId)).toEqual(["4"])
    expect(points.find((p) => p.data.pointId === "4")?.data.badge).toEqual({ count: 2, risks: 1 })
    expect(points.find((p) => p.data.pointId === "5")?.data.badge).toBeUndefined()
  })
})

describe("handleSpecs", () => {
  it("centres handles on the node edges", () => {
    const byIdH = new Map(handleSpecs(100, 40).map((h) => [h.id, h]))
    const centre = (id: string) => {
      const h = byIdH.get(id)
      return h ? [h.x + h.width / 2, h.y + h.height / 2] : null
    }
    expect(centre("t")).toEqual([50, 0])
    expect(centre("b")).toEqual([50, 40])
    expect(centre("l-in")).toEqual([0, 20])
    expect(centre("r-out")).toEqual([100, 20])
  })
})

describe("keyboard: arrows move by the drawn layout", () => {
  it("maps arrow keys to directions", () => {
    expect(directionForKey("ArrowDown")).toBe("down")
    expect(directionForKey("ArrowRight")).toBe("right")
    expect(directionForKey("ArrowUp")).toBe("up")
    expect(directionForKey("ArrowLeft")).toBe("left")
    expect(directionForKey("Enter")).toBeNull()
  })

  it("follows the wide figure: down the left column, across to the right", () => {
    const n = (id: PointId, selected: PointId | null = null) => pointNodes(graph(selected).nodes).find((p) => p.data.pointId === id)?.data.neighbours
    expect(n("1")?.down).toBe("4")
    expect(n("4")?.down).toBe("6")
    expect(n("4")?.up).toBe("1")
    expect(n("1")?.right).toBe("configuration")
    expect(n("4")?.right).toBe("5")
    expect(n("2")?.down).toBe("3")
    expect(n("7")?.left).toBe("6")
    expect(n("6")?.down).toBeUndefined()
    // Opening point 2 moves the lower points; the neighbours follow.
    expect(n("2", "2")?.down).toBe("3")
  })

  it("follows the narrow column: points top to bottom", () => {
    const n = (id: PointId) => pointNodes(graph(null, "1.37", "narrow").nodes).find((p) => p.data.pointId === id)?.data.neighbours
    expect(n("1")?.down).toBe("2")
    expect(n("2")?.down).toBe("3")
    expect(n("6")?.down).toBe("7")
    expect(n("7")?.up).toBe("6")
    expect(n("configuration")?.down).toBe("1")
  })

  it("fits an opened point with what it extends, and point 2 with its request path", () => {
    expect(focusNodeIds(graph("4"), "4")).toEqual([pointNodeId("4"), componentNodeId("scheduler")])
    const ids = focusNodeIds(graph("2"), "2")
    for (const stage of API_REQUEST_STAGES) expect(ids).toContain(stageNodeId(stage))
  })
})

describe("map URL state", () => {
  it("parses point and version, ignoring bad values", () => {
    expect(parseMapQuery({ point: "4", v: "1.33" })).toEqual({ point: "4", version: "1.33" })
    expect(parseMapQuery({})).toEqual({ point: null, version: "1.37" })
    expect(parseMapQuery({ point: "9", v: "1.29" })).toEqual({ point: null, version: "1.37" })
    expect(parseMapQuery({ point: ["7", "2"], v: "<script>" })).toEqual({ point: "7", version: "1.37" })
    expect(parseMapQuery({ point: "configuration" }).point).toBe("configuration")
  })

  it("writes only non-default values and keeps other parameters", () => {
    expect(mapQueryString({ point: "7", version: "1.37" })).toBe("?point=7")
    expect(mapQueryString({ point: null, version: "1.30" }, "?point=2&utm=x")).toBe("?utm=x&v=1.30")
    expect(mapQueryString({ point: null, version: "1.37" }, "?point=2&v=1.31")).toBe("")
  })

  it("round-trips", () => {
    const state = { point: "2" as const, version: "1.32" as const }
    expect(parseMapQuery(Object.fromEntries(new URLSearchParams(mapQueryString(state))))).toEqual(state)
  })
})
