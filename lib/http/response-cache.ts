// Route handlers' side of the server's in-process response cache (scripts/response-cache.mjs,
// installed in front of Next by `npm start` and the container): mark an answer that is the same
// for every visitor for a while, and drop stored answers a route has just made stale. Without
// that server (next dev, tests calling a route directly) the mark is inert and purging does nothing.
import { PURGE_REGISTRY, SERVER_CACHE_HEADER } from "@/scripts/response-cache-protocol.mjs"

/** The header that lets the server's cache (and no other) keep this answer for `seconds`. */
export function serverCacheFor(seconds: number): Record<string, string> {
  const s = Math.floor(seconds)
  return s > 0 ? { [SERVER_CACHE_HEADER]: `max-age=${s}` } : {}
}

type PurgeRegistry = { purge(pathPrefix: string): number }

/** Drops the server cache's answers for paths starting with `pathPrefix`. */
export function purgeServerCache(pathPrefix: string): void {
  const registry = (globalThis as Record<symbol, PurgeRegistry | undefined>)[Symbol.for(PURGE_REGISTRY)]
  registry?.purge(pathPrefix)
}
