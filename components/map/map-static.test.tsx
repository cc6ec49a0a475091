import { getNodesBounds, getViewportForBounds, MarkerType as XyMarkerType, Position as XyPosition } from "@xyflow/system"
import { NextIntlClientProvider } from "next-intl"
import { renderToStaticMarkup } from "react-dom/server"
import { describe, expect, it } from "vitest"

import { LATEST_MINOR, POINT_IDS } from "@/lib/catalog/types"
import { MESSAGES } from "@/messages"

import { mapEdgePaths } from "./map-edges"
import { buildMapGraph, MarkerType, Position } from "./map-graph"
import { buildMapModel } from "./map-model"
import { FIT_PADDING, FOCUS_MAX_ZOOM, MAX_ZOOM, MIN_ZOOM, fitNodes, mapViewport, StaticMapDrawing } from "./map-static"
import { MapStoreProvider } from "./map-store-provider"

const model = buildMapModel("en")

describe("the static drawing's React Flow constants and fit", () => {
  it("uses React Flow's enum values", () => {
    expect(Position).toEqual({ Top: XyPosition.Top, Right: XyPosition.Right, Bottom: XyPosition.Bottom, Left: XyPosition.Left })
    expect(MarkerType.ArrowClosed).toBe(XyMarkerType.ArrowClosed)
  })

  it("fits exactly as React Flow's fitView", () => {
    for (const layout of ["wide", "narrow"] as const) {
      for (const selected of [null, ...POINT_IDS]) {
        const graph = buildMapGraph({ model, version: LATEST_MINOR, selected, layout })
        for (const [w, h] of [[960, 720], [1366, 760], [700, 480], [375, 600]] as const) {
          for (const maxZoom of [MAX_ZOOM, FOCUS_MAX_ZOOM]) {
            const ours = fitNodes(graph.nodes, w, h, MIN_ZOOM, maxZoom, FIT_PADDING)
            const theirs = getViewportForBounds(getNodesBounds(graph.nodes), w, h, MIN_ZOOM, maxZoom, FIT_PADDING)
            expect(ours.zoom).toBeCloseTo(theirs.zoom, 9)
            expect(ours.x).toBeCloseTo(theirs.x, 9)
            expect(ours.y).toBeCloseTo(theirs.y, 9)
          }
        }
      }
    }
  })

  it("scales the narrow drawing to the frame's width from its origin", () => {
    const graph = buildMapGraph({ model, version: LATEST_MINOR, selected: null, layout: "narrow" })
    expect(mapViewport(graph, "narrow", null, { width: 343, height: 900 })).toEqual({ x: 0, y: 0, zoom: 343 / graph.width })
  })
})

describe("StaticMapDrawing", () => {
  it("draws every node and edge, with the server's paths, and no React Flow", () => {
    const edgePaths = mapEdgePaths(model)
    for (const [layout, point] of [["wide", null], ["wide", "2"], ["narrow", "2"]] as const) {
      const graph = buildMapGraph({ model, version: LATEST_MINOR, selected: point, layout })
      const html = renderToStaticMarkup(
        <NextIntlClientProvider locale="en" messages={MESSAGES.en}>
          <MapStoreProvider initial={{ point, version: LATEST_MINOR }}>
            <StaticMapDrawing graph={graph} viewport={{ x: 0, y: 0, zoom: 1 }} layout={layout} point={point} edgePaths={edgePaths} />
          </MapStoreProvider>
        </NextIntlClientProvider>,
      )
      expect(html.match(/data-point-button=/g)).toHaveLength(8)
      expect(html.match(/data-map-node=/g)).toHaveLength(graph.nodes.length)
      // (the component icons are SVG paths too: count the edges by their stroke class)
      expect(html.match(/<path d="M[^"]*" fill="none" class="stroke-/g)).toHaveLength(graph.edges.length)
      expect(html).not.toContain("react-flow")
    }
  })
})
