// Hardening against the real production server (`next start` behind scripts/http-guard.mjs, as
// `npm start` runs it): what Next cannot answer gets 400/405 with the security headers, no
// request-derived host reaches a cached response, API responses say how long they may be cached,
// valid options never give 500, and shared links preview with a title that names the result.
import net from "node:net"

import { expect, test } from "@playwright/test"

const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy"]

function origin(): URL {
  return new URL(test.info().project.use.baseURL!)
}

/** Raw HTTP/1.1 exchange, for methods and paths an HTTP client would refuse or rewrite. */
async function raw(requestLine: string, headers: string[] = []): Promise<{ status: number; headers: Map<string, string>; body: string }> {
  const { hostname, port } = origin()
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write([requestLine, `Host: ${hostname}:${port}`, "Connection: close", ...headers, "", ""].join("\r\n")))
    let data = ""
    socket.on("data", (d) => (data += d.toString()))
    socket.on("end", () => resolve(data))
    socket.on("error", reject)
  })
  const [head = "", ...rest] = answer.split("\r\n\r\n")
  const [statusLine = "", ...lines] = head.split("\r\n")
  const map = new Map<string, string>()
  for (const l of lines) {
    const i = l.indexOf(":")
    if (i > 0) map.set(l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim())
  }
  return { status: Number(statusLine.split(" ")[1]), headers: map, body: rest.join("\r\n\r\n") }
}

function expectSecurityHeaders(headers: Map<string, string> | Record<string, string>, what: string) {
  const get = (k: string) => (headers instanceof Map ? headers.get(k) : headers[k])
  for (const h of SECURITY_HEADERS) expect(get(h), `${what}: ${h}`).toBeTruthy()
}

test.describe("requests Next cannot answer", () => {
  test("TRACE and other unsupported methods get 405 with the security headers", async () => {
    for (const [method, path] of [["TRACE", "/en"], ["TRACE", "/api/starters"], ["PUT", "/en/starters"], ["DELETE", "/api/catalog"]]) {
      const res = await raw(`${method} ${path} HTTP/1.1`)
      expect(res.status, `${method} ${path}`).toBe(405)
      expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST")
      expect(res.headers.get("cache-control")).toBe("no-store")
      expectSecurityHeaders(res.headers, `${method} ${path}`)
    }
  })

  test("a malformed %-escape in any path gets 400 with the security headers", async () => {
    for (const path of ["/en/%E0%A4%A", "/%", "/api/starters/%zz.zip", "/_next/static/%", "/icon.svg%"]) {
      const res = await raw(`GET ${path} HTTP/1.1`)
      expect(res.status, path).toBe(400)
      expectSecurityHeaders(res.headers, path)
    }
  })

  test("a request Node's parser rejects gets 400 with the security headers", async () => {
    const res = await raw("FOO /en HTTP/1.1")
    expect(res.status).toBe(400)
    expectSecurityHeaders(res.headers, "FOO")
  })
})

test("no request-derived host in a cached page's headers", async () => {
  const res = await raw("GET /en/cluster HTTP/1.1", ["X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https"])
  expect(res.status).toBe(200)
  expect(res.headers.get("cache-control")).toMatch(/s-maxage/)
  for (const [name, value] of res.headers) expect(`${name}: ${value}`).not.toContain("evil.example")
  expect(res.headers.has("link")).toBe(false) // SITE_URL is not set for the tests
})

test("every API response says how long it may be cached", async ({ request }) => {
  const cases: [string, number, RegExp][] = [
    ["/api/starters", 200, /max-age=300/],
    ["/api/catalog", 200, /max-age=300/],
    ["/api/catalog?v=1&v=2", 400, /^no-store$/],
    ["/api/starters?x=1&x=2", 400, /^no-store$/],
    ["/api/starters/controller.json", 200, /^no-store$/],
    ["/api/starters/controller.zip", 200, /^no-store$/],
    ["/api/starters/controller.json?name=Bad_Name", 400, /^no-store$/],
    ["/api/starters/controller.json?name=a&name=b", 400, /^no-store$/],
    ["/api/starters/controller.json?__proto__=x", 400, /^no-store$/],
    ["/api/starters/__proto__.zip", 404, /^no-store$/],
    ["/api/starters/constructor.json", 404, /^no-store$/],
    ["/api/starters/flexvolume.zip", 410, /^no-store$/],
  ]
  for (const [path, status, cache] of cases) {
    const res = await request.get(path)
    expect(res.status(), path).toBe(status)
    expect(res.headers()["cache-control"], path).toMatch(cache)
    expectSecurityHeaders(res.headers(), path)
  }
  // Next's own answers under /api: 405 for a method the route lacks, 404 for no route.
  for (const [res, status] of [[await request.post("/api/starters"), 405], [await request.get("/api/nope"), 404]] as const) {
    expect(res.status()).toBe(status)
    expect(res.headers()["cache-control"]).toMatch(/no-store/)
  }
})

test("the inputs that used to give an empty 500 generate", async ({ request }) => {
  for (const path of ["/api/starters/controller.zip?module=example.com/a~b", "/api/starters/operator.zip?group=1.5", "/api/starters/csi-driver.zip?module=example.com/a~b"]) {
    const res = await request.get(path)
    expect(res.status(), path).toBe(200)
  }
})

test("a share link with options the generator used to choke on shows the form with them", async ({ page }) => {
  await page.goto("/en/starters/controller?module=example.com/a~b&language=go")
  await expect(page.getByLabel("Go module path")).toHaveValue("example.com/a~b")
  await expect(page.locator("[data-path]").first()).toBeVisible()
  await expect(page.getByText("This page couldn't load")).toHaveCount(0)
  await page.goto("/en/starters/operator?group=1.5")
  await expect(page.getByLabel("API group")).toHaveValue("1.5")
  await expect(page.getByTestId("error-group")).toHaveCount(0)
})

test.describe("shared links preview with a title that names the result", () => {
  const meta = (html: string, property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1]

  test("starter options, in both locales", async ({ request }) => {
    const en = await (await request.get("/en/starters/controller?language=typescript&module=example.com%2Fx")).text()
    expect(meta(en, "og:title")).toBe("Controller starter: Language typescript, Go module path example.com/x")
    // SITE_URL is not set for the tests: no preview image rather than a localhost URL (the image
    // with an origin is covered by components/share/share-metadata.test.ts).
    expect(meta(en, "twitter:card")).toBe("summary")
    expect(meta(en, "og:image")).toBeUndefined()
    expect(en).not.toMatch(/content="https?:\/\/localhost/)
    const zh = await (await request.get("/zh-CN/starters/controller?language=typescript")).text()
    expect(meta(zh, "og:title")).toMatch(/^控制器 起步项目：/)
    expect(meta(zh, "og:image")).toBeUndefined()
  })

  test("every page previews as itself, not as the home page", async ({ request }) => {
    const guide = await (await request.get("/en/mechanisms/validating-admission-policy")).text()
    expect(meta(guide, "og:title")).toBe("ValidatingAdmissionPolicy (CEL)")
    for (const path of ["/en/mechanisms", "/en/starters", "/en/cluster", "/en/policy-lab", "/zh-CN/mechanisms/validating-admission-policy"]) {
      const html = await (await request.get(path)).text()
      const title = /<title>([^<]*) · /.exec(html)?.[1]
      expect(title, path).toBeTruthy()
      expect(meta(html, "og:title"), path).toBe(title)
      // Without SITE_URL there is no og:url: a relative one is invalid and "/en" sent every share to the home page.
      expect(meta(html, "og:url"), path).toBeUndefined()
      expect(html, path).not.toContain('rel="canonical"')
    }
  })

  test("advisor answers, in both locales", async ({ request }) => {
    const a = "a=new-types:yes,api-storage:yes,api-rules:schema,api-behaviour:no"
    expect(meta(await (await request.get(`/en/advisor?${a}`)).text(), "og:title")).toBe("Recommendation: CustomResourceDefinition for Kubernetes 1.37")
    expect(meta(await (await request.get(`/zh-CN/advisor?${a}`)).text(), "og:title")).toBe("推荐方案：定制资源定义（CRD）（Kubernetes 1.37）")
  })
})

test("robots.txt and the sitemap are served; without SITE_URL they name no URL", async ({ request }) => {
  const robots = await request.get("/robots.txt")
  expect(robots.headers()["content-type"]).toMatch(/text\/plain/)
  const text = await robots.text()
  for (const path of ["/api/", "/en/cluster", "/zh-CN/cluster"]) expect(text).toContain(`Disallow: ${path}\n`)
  expect(text).not.toMatch(/Sitemap:/i)
  const sitemap = await request.get("/sitemap.xml")
  expect(sitemap.status()).toBe(200)
  expect(sitemap.headers()["content-type"]).toMatch(/xml/)
  expect(await sitemap.text()).not.toMatch(/<loc>/)
  expectSecurityHeaders(sitemap.headers(), "/sitemap.xml")
})

test("public/ assets are served with the security headers", async ({ request }) => {
  for (const [path, type] of [["/robots.txt", /text\/plain/], ["/og.png", /image\/png/], ["/favicon.ico", /image\//], ["/icon.svg", /image\/svg/], ["/apple-touch-icon.png", /image\/png/]] as const) {
    const res = await request.get(path)
    expect(res.status(), path).toBe(200)
    expect(res.headers()["content-type"], path).toMatch(type)
    expectSecurityHeaders(res.headers(), path)
  }
})
