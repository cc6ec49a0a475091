import { describe, expect, it } from "vitest"
import { SingleFlightCache, createLimiter } from "./report-cache"

const tick = () => new Promise((r) => setTimeout(r, 5))

describe("SingleFlightCache", () => {
  it("100 simultaneous requests cost one computation", async () => {
    const cache = new SingleFlightCache<number>({ ttlMs: 60_000 })
    let calls = 0
    const produce = async () => {
      calls++
      await tick()
      return 42
    }
    const results = await Promise.all(Array.from({ length: 100 }, () => cache.get("ctx", produce)))
    expect(calls).toBe(1)
    expect(results.every((r) => r.value === 42)).toBe(true)
  })

  it("serves from cache within the TTL, recomputes after it, and refresh bypasses it", async () => {
    let t = 0
    const cache = new SingleFlightCache<number>({ ttlMs: 1000, now: () => t })
    let calls = 0
    const produce = async () => ++calls
    expect((await cache.get("a", produce)).value).toBe(1)
    t = 500
    const hit = await cache.get("a", produce)
    expect(hit).toEqual({ value: 1, cached: true, ageMs: 500 })
    expect((await cache.get("a", produce, { refresh: true })).value).toBe(2)
    t = 2000
    expect((await cache.get("a", produce)).value).toBe(3)
    // keys are independent (one cache entry per context)
    expect((await cache.get("b", produce)).value).toBe(4)
  })

  it("does not cache values rejected by shouldCache, and drops rejected promises", async () => {
    const cache = new SingleFlightCache<string>({ ttlMs: 60_000 })
    let calls = 0
    const fail = async () => `fail-${++calls}`
    await cache.get("x", fail, { shouldCache: () => false })
    expect((await cache.get("x", fail, { shouldCache: () => false })).value).toBe("fail-2")
    await expect(cache.get("y", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom")
    expect((await cache.get("y", async () => "ok")).value).toBe("ok")
  })
})

describe("createLimiter", () => {
  it("never runs more than the limit at once", async () => {
    const limit = createLimiter(3)
    let active = 0
    let peak = 0
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limit(async () => {
          active++
          peak = Math.max(peak, active)
          await tick()
          active--
        }),
      ),
    )
    expect(peak).toBe(3)
  })
})
