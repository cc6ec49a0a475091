// The JSON body of GET /api/cluster/report, with the report serialised once per report.
//
// A cached report is served to every visitor for a minute; serialising a large cluster's report
// (megabytes of JSON) again on each of 200 simultaneous requests costs seconds of CPU. The report
// is the same object for all of them and only the small fields after it (cached, ageMs, ...)
// change, so `{"report":<report>` is kept as bytes and only the tail is built per request.
// (Compression stays with Next: route handlers cannot send their own Content-Encoding.)
import type { ClusterReport } from "@/lib/inspector"

const heads = new WeakMap<ClusterReport, Buffer>()

/** `{"report": …, ...rest}` as UTF-8 bytes; undefined fields are left out, as JSON.stringify does. */
export function reportBody(report: ClusterReport, rest: Record<string, unknown>): Buffer {
  let head = heads.get(report)
  if (!head) {
    head = Buffer.from(`{"report":${JSON.stringify(report)}`)
    heads.set(report, head)
  }
  const tail = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join("")
  return Buffer.concat([head, Buffer.from(`${tail}}`)])
}
