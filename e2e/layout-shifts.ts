import type { Page } from "@playwright/test"

type ShiftWindow = { __layoutShifts: number }

/** From the page's first paint on, sums its layout shifts not caused by input (the CLS definition). Call before goto. */
export async function recordLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    ;(window as unknown as ShiftWindow).__layoutShifts = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!e.hadRecentInput) (window as unknown as ShiftWindow).__layoutShifts += e.value
      }
    }).observe({ type: "layout-shift", buffered: true })
  })
}

/** The sum recordLayoutShifts has kept so far. */
export function layoutShiftSum(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as ShiftWindow).__layoutShifts)
}

/**
 * Holds the answers to requests matching `url` until the returned function is called, as a slow
 * network would: what the page shows meanwhile, and whether anything moves when they arrive.
 */
export async function holdAnswers(page: Page, url: string): Promise<() => void> {
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(url, async (route) => {
    await released
    await route.continue()
  })
  return release
}
