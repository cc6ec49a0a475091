// GET /api/starters/<mechanism>.zip?<options> — the starter as a zip (same bytes as the UI's);
// GET /api/starters/<mechanism>.json?<options> — the file list with contents.
// `locale=en|zh-CN` (optional, default en) picks the language of the guide the README links to.
// Bad options → 400 { errors: [{ field, message }] }; unknown mechanism or suffix → 404;
// a deprecated mechanism without a starter (FlexVolume) → 410 naming the alternative.
import { generate, hasStarter, isLocale, optionsFromQuery, parseOptions, starterNotice, zipFileName, zipStarter } from "@/lib/starters"

function errorResponse(status: number, errors: { field: string; message: string; key?: string }[]): Response {
  return Response.json({ errors: errors.map(({ field, message, key }) => ({ field, message, ...(key ? { key } : {}) })) }, { status })
}

export async function GET(req: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await ctx.params
  const m = /^(.+)\.(zip|json)$/.exec(file)
  const notice = m ? starterNotice(m[1]!) : undefined
  if (notice) {
    return Response.json(
      { errors: [{ field: "mechanism", key: notice.key, message: notice.message }], alternative: notice.alternative },
      { status: 410 }
    )
  }
  if (!m || !hasStarter(m[1]!)) {
    return errorResponse(404, [{ field: "mechanism", key: "unknownMechanism", message: `No starter at "${file}". GET /api/starters lists them.` }])
  }
  const [, mechanism, format] = m as unknown as [string, string, "zip" | "json"]
  // `locale` is not a starter option: it picks the language of the guide the README links to.
  const params = new URL(req.url).searchParams
  const locale = params.get("locale")
  params.delete("locale")
  if (locale !== null && !isLocale(locale)) {
    return errorResponse(400, [{ field: "locale", key: "oneOf", message: `Use locale=en or locale=zh-CN (got "${locale}").` }])
  }
  const query = optionsFromQuery(params)
  if (!query.ok) return errorResponse(400, query.errors)
  const result = generate(mechanism, query.value, locale ? { locale } : {})
  if (!result.ok) return errorResponse(400, result.errors)

  if (format === "json") {
    const options = parseOptions(mechanism, query.value)
    return Response.json({ mechanism, options: options.ok ? options.value : {}, root: result.value.root, files: result.value.files })
  }
  const bytes = zipStarter(result.value)
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${zipFileName(result.value)}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
    },
  })
}
