// DOM ids and focus helpers shared by the diagram, the side panel and the list view.
import type { PointId } from "@/lib/catalog/types"

import { pointNodeId, type MapGraph } from "./map-graph"

export const PANEL_ID = "map-panel"
export const PANEL_HEADING_ID = "map-panel-heading"

/**
 * Focuses a point's button in the diagram that is shown (wide and narrow drawings are both in the
 * page; CSS hides one), or in the same diagram as `from`.
 */
export function focusPointButton(id: PointId, from?: Element) {
  const scope = from?.closest("[data-map-diagram]") ?? document
  const buttons = [...scope.querySelectorAll<HTMLButtonElement>(`[data-point-button="${id}"]`)]
  buttons.find((b) => b.getClientRects().length > 0)?.focus()
}

/** After a React commit (discrete events flush synchronously), move focus on the next frame. */
export function focusLater(fn: () => void) {
  requestAnimationFrame(fn)
}

/**
 * Narrow drawing (scaled to the frame's width, scrolled with the page): bring an opened point to
 * the top of the screen, so it and what opens below it sit above the panel's sheet.
 */
export function scrollPointToTop(frame: HTMLElement | null, graph: MapGraph, point: PointId) {
  const box = frame?.closest("[data-map-diagram]")?.getBoundingClientRect()
  const node = graph.nodes.find((n) => n.id === pointNodeId(point))
  // Hidden drawing (the wide one is shown) or not rendered: nothing to scroll.
  if (!box || box.width === 0 || !node) return
  const zoom = box.width / graph.width
  window.scrollBy({ top: box.top + node.position.y * zoom - 12, behavior: "instant" })
}
