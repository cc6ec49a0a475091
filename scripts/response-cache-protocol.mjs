// What the app's routes and the server's response cache (response-cache.mjs) agree on. Kept apart
// so that route handlers (lib/http/response-cache.ts) import two names, not the cache.

/** Internal response header: "max-age=N" lets the server's cache keep an answer N seconds; never sent to clients. */
export const SERVER_CACHE_HEADER = "x-server-cache"

/** globalThis[Symbol.for(PURGE_REGISTRY)].purge(pathPrefix): how routes drop answers they made stale. */
export const PURGE_REGISTRY = "k8s-extension-advisor.response-cache"
