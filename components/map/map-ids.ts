// DOM ids and focus helpers shared by the diagram, the side panel and the list view.
import type { PointId } from "@/lib/catalog/types"

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
