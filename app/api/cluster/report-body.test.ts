import { describe, expect, it } from "vitest"
import { demoReport } from "@/lib/inspector/demo"
import { reportBody } from "./report-body"

describe("reportBody", () => {
  const report = demoReport()

  it("is exactly the JSON of { report, ...rest }, undefined fields left out", () => {
    const rest = { cached: true, ageMs: 1234, refreshLimited: { retryAfterSeconds: 3, intervalSeconds: 10 }, absent: undefined }
    const body = reportBody(report, rest)
    expect(body.toString("utf8")).toBe(JSON.stringify({ report, ...rest }))
  })

  it("serialises a report once: later bodies reuse it and only the tail differs", () => {
    const a = reportBody(report, { cached: true, ageMs: 1 }).toString("utf8")
    report.durationMs += 1 // a mutation after the first serialisation is not seen: the bytes are kept
    const b = reportBody(report, { cached: true, ageMs: 59_000 }).toString("utf8")
    report.durationMs -= 1
    expect(b.slice(0, a.lastIndexOf(',"cached"'))).toBe(a.slice(0, a.lastIndexOf(',"cached"')))
    expect(JSON.parse(b).ageMs).toBe(59_000)
  })

  it("keeps non-ASCII text intact", () => {
    const zh = { ...report, context: "生产集群" }
    expect(JSON.parse(reportBody(zh, { note: "缓存" }).toString("utf8"))).toMatchObject({ report: { context: "生产集群" }, note: "缓存" })
  })
})
