import { NextRequest } from "next/server"
import { describe, expect, it } from "vitest"

import proxy from "./proxy"

const visit = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://localhost${path}`, { headers }))

describe("proxy (locale negotiation in front of every page)", () => {
  it("sets no cookie on a page's answer, whatever the browser prefers, so the answer can be shared", () => {
    for (const [path, headers] of [
      ["/en", {}],
      ["/en", { "accept-language": "zh-CN,zh;q=0.9" }],
      ["/zh-CN/advisor", { "accept-language": "en" }],
      ["/zh-CN", { cookie: "NEXT_LOCALE=en" }],
    ] as const) {
      const res = visit(path, headers)
      expect(res.headers.get("location"), path).toBeNull()
      expect(res.headers.get("set-cookie"), `${path} ${JSON.stringify(headers)}`).toBeNull()
    }
  })

  it("redirects / by the remembered choice first, then the browser's languages", () => {
    expect(visit("/", { "accept-language": "zh-CN,zh;q=0.9" }).headers.get("location")).toBe("http://localhost/zh-CN")
    expect(visit("/", { "accept-language": "zh-CN,zh;q=0.9", cookie: "NEXT_LOCALE=en" }).headers.get("location")).toBe("http://localhost/en")
    expect(visit("/", { "accept-language": "en", cookie: "NEXT_LOCALE=zh-CN" }).headers.get("location")).toBe("http://localhost/zh-CN")
  })
})
