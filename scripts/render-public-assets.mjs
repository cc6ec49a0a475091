// Renders the binary files in public/ from public/icon.svg and an HTML card, with the Chromium
// Playwright drives (no downloads): the social preview images (og.png, og-zh-CN.png, 1200×630),
// apple-touch-icon.png (180×180) and favicon.ico (16/32/48 px PNGs in an ICO container).
// Run after changing the icon or the card: `node --import tsx scripts/render-public-assets.mjs`
// (the Chinese card needs a CJK font: apt-get install fonts-noto-cjk).
import { readFileSync, writeFileSync } from "node:fs"
import path from "node:path"

import { chromium } from "@playwright/test"

import { EXTENSION_POINTS } from "../lib/catalog/points.ts"

const root = path.resolve(import.meta.dirname, "..")
const publicDir = path.join(root, "public")
const iconSvg = readFileSync(path.join(publicDir, "icon.svg"), "utf8")
const shell = (locale) => JSON.parse(readFileSync(path.join(root, "messages", locale, "shell.json"), "utf8"))

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c])

/** The preview card: product name, what it does, the seven extension points of the docs' figure. */
function cardHtml(locale) {
  const s = shell(locale)
  const nav = s.nav
  const points = EXTENSION_POINTS.filter((p) => /^[1-7]$/.test(p.id))
    .map((p) => `<li><b>${p.id}</b>${escape(p.name[locale])}</li>`)
    .join("")
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><style>
    * { box-sizing: border-box; margin: 0; }
    body { width: 1200px; height: 630px; font-family: "DejaVu Sans", "Noto Sans CJK SC", sans-serif; color: #fff;
      background: linear-gradient(135deg, #1d4ed8 0%, #326ce5 55%, #3b82f6 100%); padding: 64px 72px; display: flex; flex-direction: column; }
    header { display: flex; align-items: center; gap: 28px; }
    header svg { width: 112px; height: 112px; flex: none; }
    h1 { font-size: 52px; line-height: 1.1; font-weight: 700; letter-spacing: -0.5px; }
    p.lead { margin-top: 24px; font-size: 27px; line-height: 1.35; opacity: 0.95; max-width: 1000px; }
    ul { list-style: none; padding: 0; margin-top: auto; display: flex; flex-wrap: wrap; gap: 12px 14px; }
    li { display: flex; align-items: center; gap: 10px; font-size: 22px; background: rgba(255,255,255,0.14); border-radius: 999px; padding: 8px 18px 8px 8px; }
    li b { display: inline-flex; width: 34px; height: 34px; border-radius: 50%; background: #fff; color: #1d4ed8; align-items: center; justify-content: center; font-size: 20px; }
    footer { margin-top: 28px; font-size: 22px; opacity: 0.85; }
  </style></head><body>
    <header>${iconSvg}<h1>${escape(s.meta.title)}</h1></header>
    <p class="lead">${escape(s.meta.description)}</p>
    <ul>${points}</ul>
    <footer>${escape([nav.map, nav.guides, nav.advisor, nav.starters, nav.cluster].join(" · "))}</footer>
  </body></html>`
}

/** An ICO file holding PNG images (supported by every current browser and Windows since Vista). */
function icoFromPngs(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // icon
  header.writeUInt16LE(pngs.length, 4)
  let offset = header.length
  pngs.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i
    header.writeUInt8(size >= 256 ? 0 : size, e)
    header.writeUInt8(size >= 256 ? 0 : size, e + 1)
    header.writeUInt8(0, e + 2) // no palette
    header.writeUInt8(0, e + 3)
    header.writeUInt16LE(1, e + 4) // colour planes
    header.writeUInt16LE(32, e + 6) // bits per pixel
    header.writeUInt32LE(data.length, e + 8)
    header.writeUInt32LE(offset, e + 12)
    offset += data.length
  })
  return Buffer.concat([header, ...pngs.map((p) => p.data)])
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] })
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } })
  for (const [locale, file] of [["en", "og.png"], ["zh-CN", "og-zh-CN.png"]]) {
    await page.setContent(cardHtml(locale), { waitUntil: "load" })
    writeFileSync(path.join(publicDir, file), await page.screenshot({ type: "png" }))
    console.log(`public/${file}`)
  }

  const renderIcon = async (size, padding = 0) => {
    await page.setViewportSize({ width: size, height: size })
    await page.setContent(
      `<!doctype html><style>*{margin:0}body{width:${size}px;height:${size}px;display:flex;align-items:center;justify-content:center;background:${padding ? "#fff" : "transparent"}}svg{width:${size - 2 * padding}px;height:${size - 2 * padding}px}</style>${iconSvg}`,
    )
    return page.screenshot({ type: "png", omitBackground: !padding })
  }
  // Apple draws its own rounded mask on an opaque square.
  writeFileSync(path.join(publicDir, "apple-touch-icon.png"), await renderIcon(180, 14))
  console.log("public/apple-touch-icon.png")
  const pngs = []
  for (const size of [16, 32, 48]) pngs.push({ size, data: await renderIcon(size) })
  writeFileSync(path.join(publicDir, "favicon.ico"), icoFromPngs(pngs))
  console.log("public/favicon.ico")
} finally {
  await browser.close()
}
