// The JSON body of GET /api/cluster/report, serialised and gzip-compressed once per report.
//
// A cached report is served to every visitor for a minute; serialising and compressing a report
// of a large cluster (megabytes of JSON) on each of 200 simultaneous requests costs seconds of
// CPU. The report is the same object for all of them and only the small fields after it
// (cached, ageMs, ...) change, so: `{"report":<report>` is deflated once and ended with a sync
// flush (byte-aligned, nothing later refers back to it), the per-request tail is deflated as a
// separate final block sequence, and the gzip trailer's CRC-32 continues from the stored one.
// The result is one ordinary gzip member (as pigz builds them), decoded by every client.
import zlib from "node:zlib"
import type { ClusterReport } from "@/lib/inspector"

type Prepared = { head: Buffer; deflated: Buffer; crc: number }

const prepared = new WeakMap<ClusterReport, Prepared>()

function prepare(report: ClusterReport): Prepared {
  let p = prepared.get(report)
  if (!p) {
    const head = Buffer.from(`{"report":${JSON.stringify(report)}`)
    p = { head, deflated: zlib.deflateRawSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH }), crc: zlib.crc32(head) }
    prepared.set(report, p)
  }
  return p
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff])

/** Does the request accept gzip (and not with q=0)? */
export function acceptsGzip(request: Request): boolean {
  const header = request.headers.get("accept-encoding") ?? ""
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";")
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean)
    return (coding === "gzip" || coding === "x-gzip" || coding === "*") && (q === undefined || Number(q) > 0)
  })
}

/** `{"report": …, ...rest}` as bytes, gzip-encoded when the client accepts it. */
export function reportBody(report: ClusterReport, rest: Record<string, unknown>, gzip: boolean): { body: Uint8Array; encoding?: "gzip" } {
  const p = prepare(report)
  const tail = Buffer.from(`${Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join("")}}`)
  if (!gzip) return { body: Buffer.concat([p.head, tail]) }
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(zlib.crc32(tail, p.crc), 0)
  trailer.writeUInt32LE((p.head.length + tail.length) % 2 ** 32, 4)
  return { body: Buffer.concat([GZIP_HEADER, p.deflated, zlib.deflateRawSync(tail), trailer]), encoding: "gzip" }
}
