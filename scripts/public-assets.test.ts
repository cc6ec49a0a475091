// public/ holds what the pages reference: the icons and the social preview images
// (rendered by scripts/render-public-assets.mjs). Checked here so a rename cannot leave a dangling link.
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"

import { SHARE_IMAGES } from "@/components/share/share-metadata"

const publicDir = path.resolve(import.meta.dirname, "..", "public")
const file = (name: string) => readFileSync(path.join(publicDir, name))

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe("public/", () => {
  it("has the social preview image of every locale at the size the metadata announces", () => {
    for (const image of Object.values(SHARE_IMAGES)) {
      expect(pngSize(file(image.url.slice(1)))).toEqual({ width: image.width, height: image.height })
    }
  })

  it("has the icons the layout links and the browser asks for", () => {
    expect(file("icon.svg").toString()).toMatch(/^<svg /)
    expect(pngSize(file("apple-touch-icon.png"))).toEqual({ width: 180, height: 180 })
    const ico = file("favicon.ico")
    expect(ico.readUInt16LE(2)).toBe(1) // an icon
    const count = ico.readUInt16LE(4)
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i))
    expect(sizes).toEqual([16, 32, 48])
    for (let i = 0; i < count; i++) {
      const offset = ico.readUInt32LE(6 + 16 * i + 12)
      expect(pngSize(ico.subarray(offset)).width).toBe(sizes[i])
    }
  })

  it("holds nothing that shadows an app route", () => {
    // robots.txt and sitemap.xml are app routes (app/robots.ts, app/sitemap.ts): they name SITE_URL.
    for (const route of ["en", "zh-CN", "api", "robots.txt", "sitemap.xml"]) expect(existsSync(path.join(publicDir, route))).toBe(false)
  })
})
