// Shared pieces of the JSON API routes (starters, catalog): responses that always say how long
// they may be cached, field errors for query parameters, and a wrapper that turns any exception a
// route did not expect into 500 { error, requestId }, logged on the server with that id.

/** Query parameters and option errors, the shape the starter API has always used. */
export type ApiFieldError = { field: string; message: string; key?: string; params?: Record<string, string | number> }

/** Never cached: errors, and anything computed from the query string. */
export const NO_STORE = "no-store"

export function json(body: unknown, init: { status?: number; cacheControl?: string; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { ...init.headers, "Cache-Control": init.cacheControl ?? NO_STORE },
  })
}

export function fieldErrors(status: number, errors: readonly ApiFieldError[], extra: Record<string, unknown> = {}): Response {
  return json({ errors: errors.map(({ field, message, key }) => ({ field, message, ...(key ? { key } : {}) })), ...extra }, { status })
}

/** A parameter given more than once is ambiguous: an error on every route, whatever it reads. */
export function repeatedParams(params: URLSearchParams): ApiFieldError[] {
  const errors: ApiFieldError[] = []
  for (const key of new Set(params.keys())) {
    if (params.getAll(key).length > 1) errors.push({ field: key, key: "repeated", message: `Give "${key}" only once.`, params: { name: key } })
  }
  return errors
}

export function newRequestId(): string {
  return crypto.randomUUID()
}

/**
 * 500 for a failure that is our bug: the body names only the request id, the log line has the
 * request id, the route and the exception.
 */
export function internalError(req: Request, error: unknown, what = "unexpected error", requestId = newRequestId()): Response {
  let path = "?"
  try {
    path = new URL(req.url).pathname
  } catch {
    // keep "?"
  }
  console.error(`[api] requestId=${requestId} ${req.method} ${path}: ${what}`, error)
  return json(
    { error: `Internal error (${what}). This is a bug on our side; please report it with the request id.`, requestId },
    { status: 500, headers: { "X-Request-Id": requestId } },
  )
}

/** Wraps a route handler so that no exception escapes as Next's empty 500. */
export function withApiErrors<A extends unknown[]>(handler: (req: Request, ...rest: A) => Response | Promise<Response>) {
  return async (req: Request, ...rest: A): Promise<Response> => {
    try {
      return await handler(req, ...rest)
    } catch (error) {
      return internalError(req, error)
    }
  }
}
