// GET /api/starters/<mechanism>.zip?<options> — the starter as a zip (same bytes as the UI's);
// GET /api/starters/<mechanism>.json?<options> — the file list with contents.
// `locale=en|zh-CN` (optional, default en) picks the language of the guide the README links to.
// Bad, unknown or repeated options → 400 { errors: [{ field, message, key }] }; unknown mechanism
// or suffix → 404; a deprecated mechanism without a starter (FlexVolume) → 410 naming the
// alternative; a generator bug → 500 { error, requestId } (logged). Nothing here is cached by
// outside HTTP caches; zips are kept in memory per options (lib/starters/zip-cache.ts), and the
// server's own response cache keeps successful answers (the same bytes for a build) for an hour.
import { fieldErrors, internalError, json, NO_STORE, withApiErrors } from "@/lib/http/api"
import { serverCacheFor } from "@/lib/http/response-cache"
import { generate, hasStarter, isLocale, optionsFromQuery, parseOptions, starterNotice } from "@/lib/starters"
import { starterZip } from "@/lib/starters/zip-cache"

const STARTER_SERVER_CACHE_SECONDS = 3600

export const GET = withApiErrors(async (req: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> => {
  const { file } = await ctx.params
  const m = /^(.+)\.(zip|json)$/.exec(file)
  const notice = m ? starterNotice(m[1]!) : undefined
  if (notice) {
    return fieldErrors(410, [{ field: "mechanism", key: notice.key, message: notice.message }], { alternative: notice.alternative })
  }
  if (!m || !hasStarter(m[1]!)) {
    return fieldErrors(404, [{ field: "mechanism", key: "unknownMechanism", message: `No starter at "${file}". GET /api/starters lists them.` }])
  }
  const [, mechanism, format] = m as unknown as [string, string, "zip" | "json"]
  // `locale` is not a starter option: it picks the language of the guide the README links to.
  const params = new URL(req.url).searchParams
  const locales = params.getAll("locale")
  params.delete("locale")
  if (locales.length > 1) return fieldErrors(400, [{ field: "locale", key: "repeated", message: "locale is given more than once." }])
  const locale = locales[0] ?? null
  if (locale !== null && !isLocale(locale)) {
    return fieldErrors(400, [{ field: "locale", key: "oneOf", message: `Use locale=en or locale=zh-CN (got "${locale}").` }])
  }
  const query = optionsFromQuery(params)
  if (!query.ok) return fieldErrors(400, query.errors)
  const context = locale ? { locale } : {}
  if (format === "json") {
    const result = generate(mechanism, query.value, context)
    if (!result.ok) {
      return result.failure ? internalError(req, result.failure, `generating the ${mechanism} starter failed`) : fieldErrors(400, result.errors)
    }
    const options = parseOptions(mechanism, query.value)
    return json({ mechanism, options: options.ok ? options.value : {}, root: result.value.root, files: result.value.files }, { headers: serverCacheFor(STARTER_SERVER_CACHE_SECONDS) })
  }
  const zip = starterZip(mechanism, query.value, context)
  if (!zip.ok) {
    return zip.failure ? internalError(req, zip.failure, `generating the ${mechanism} starter failed`) : fieldErrors(400, zip.errors)
  }
  return new Response(zip.bytes as unknown as BodyInit, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${zip.fileName}"`,
      "Content-Length": String(zip.bytes.byteLength),
      "Cache-Control": NO_STORE,
      ...serverCacheFor(STARTER_SERVER_CACHE_SECONDS),
    },
  })
})
