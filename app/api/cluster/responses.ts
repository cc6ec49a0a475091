// Shared JSON responses of the cluster routes. Never cached: reports reflect live cluster state.
const NO_STORE = { "Cache-Control": "no-store" }

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE })
}

export function unavailable(state: "disabled" | "unconfigured", message: string): Response {
  return json({ state, error: { code: state, message } }, 503)
}

export function badRequest(errors: { field: string; message: string }[]): Response {
  return json({ errors }, 400)
}
