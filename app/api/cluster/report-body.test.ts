import zlib from "node:zlib"
import { describe, expect, it } from "vitest"
import { demoReport } from "@/lib/inspector/demo"
import { acceptsGzip, reportBody } from "./report-body"

const req = (acceptEncoding?: string) => new Request("http://x/api/cluster/report", { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} })

describe("reportBody", () => {
  const report = demoReport()

  it("is the same JSON with or without gzip, and the gzip stream is one valid member", () => {
    const rest = { cached: true, ageMs: 1234, refreshLimited: { retryAfterSeconds: 3, intervalSeconds: 10 }, absent: undefined }
    const plain = reportBody(report, rest, false)
    expect(plain.encoding).toBeUndefined()
    const expected = { report, cached: true, ageMs: 1234, refreshLimited: { retryAfterSeconds: 3, intervalSeconds: 10 } }
    expect(JSON.parse(Buffer.from(plain.body).toString("utf8"))).toEqual(expected)
    const gz = reportBody(report, rest, true)
    expect(gz.encoding).toBe("gzip")
    // gunzipSync checks the CRC-32 and length in the trailer.
    expect(JSON.parse(zlib.gunzipSync(gz.body).toString("utf8"))).toEqual(expected)
    expect(gz.body.length).toBeLessThan(plain.body.length / 5)
  })

  it("reuses the compressed report: only the tail changes between requests", () => {
    const a = reportBody(report, { cached: true, ageMs: 1 }, true).body
    const b = reportBody(report, { cached: true, ageMs: 59_000 }, true).body
    expect(JSON.parse(zlib.gunzipSync(b).toString("utf8")).ageMs).toBe(59_000)
    const same = a.findIndex((byte, i) => byte !== b[i])
    expect(same).toBeGreaterThan(a.length - 40)
  })

  it("keeps non-ASCII text intact (byte lengths, not string lengths, in the trailer)", () => {
    const zh = { ...report, context: "生产集群" }
    expect(JSON.parse(zlib.gunzipSync(reportBody(zh, { note: "缓存" }, true).body).toString("utf8"))).toMatchObject({ report: { context: "生产集群" }, note: "缓存" })
  })
})

describe("acceptsGzip", () => {
  it("honours Accept-Encoding including q=0", () => {
    expect(acceptsGzip(req("gzip, deflate, br"))).toBe(true)
    expect(acceptsGzip(req("br;q=1.0, gzip;q=0.8"))).toBe(true)
    expect(acceptsGzip(req("gzip;q=0, br"))).toBe(false)
    expect(acceptsGzip(req("identity"))).toBe(false)
    expect(acceptsGzip(req())).toBe(false)
    expect(acceptsGzip(req("*"))).toBe(true)
  })
})
