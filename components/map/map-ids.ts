// DOM ids and focus helpers shared by the diagram, the side panel and the list view.
import type { PointId } from "@/lib/catalog/types"

export const PANEL_ID = "map-panel"
export const PANEL_HEADING_ID = "map-panel-heading"

export function focusPointButton(id: PointId) {
  document.querySelector<HTMLButtonElement>(`[data-point-button="${id}"]`)?.focus()
}

/** After a React commit (discrete events flush synchronously), move focus on the next frame. */
export function focusLater(fn: () => void) {
  requestAnimationFrame(fn)
}
