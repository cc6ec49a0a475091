// Loaded with `node --import` before Next starts (scripts/start.mjs, the container's CMD): every
// HTTP server created in this process gets the guard of http-guard.mjs in front of its request
// listener, and the guard's answer for requests Node's parser rejects; behind the guard, the
// in-process response cache of response-cache.mjs (RESPONSE_CACHE_MB, 0 = off). Next creates its server
// with http.createServer(listener), for `next start` and the standalone server.js alike.
import http from "node:http"
import https from "node:https"

import { guardOptionsFromEnv, guardRequestListener, handleClientError } from "./http-guard.mjs"
import { registerPurge, ResponseCache, responseCacheOptionsFromEnv } from "./response-cache.mjs"

const options = guardOptionsFromEnv(process.env)
// One cache for the process (Next creates one server); routes reach it to purge (lib/http/response-cache.ts).
const cache = new ResponseCache(responseCacheOptionsFromEnv(process.env))
registerPurge(cache)

for (const mod of [http, https]) {
  const createServer = mod.createServer
  mod.createServer = function createGuardedServer(...args) {
    const at = args.findIndex((a) => typeof a === "function")
    if (at >= 0) args[at] = guardRequestListener(cache.wrap(args[at]), options)
    const server = createServer.apply(this, args)
    if (at >= 0) server.on("clientError", (err, socket) => handleClientError(err, socket, options))
    return server
  }
}
