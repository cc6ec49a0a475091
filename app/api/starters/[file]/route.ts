// GET /api/starters/<mechanism>.zip?<options> — the starter as a zip (same bytes as the UI's);
// GET /api/starters/<mechanism>.json?<options> — the file list with contents.
// Bad, unknown or repeated options → 400 { errors: [{ field, message, key }] }; unknown mechanism
// or suffix → 404; a deprecated mechanism without a starter (FlexVolume) → 410 naming the
// alternative; a generator bug → 500 { error, requestId } (logged). Nothing here is cached.
import { fieldErrors, internalError, json, NO_STORE, withApiErrors } from "@/lib/http/api"
import { generate, hasStarter, optionsFromQuery, parseOptions, starterNotice, zipFileName, zipStarter } from "@/lib/starters"

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
  const query = optionsFromQuery(new URL(req.url).searchParams)
  if (!query.ok) return fieldErrors(400, query.errors)
  const result = generate(mechanism, query.value)
  if (!result.ok) {
    return result.failure ? internalError(req, result.failure, `generating the ${mechanism} starter failed`) : fieldErrors(400, result.errors)
  }

  if (format === "json") {
    const options = parseOptions(mechanism, query.value)
    return json({ mechanism, options: options.ok ? options.value : {}, root: result.value.root, files: result.value.files })
  }
  const bytes = zipStarter(result.value)
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${zipFileName(result.value)}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": NO_STORE,
    },
  })
})
