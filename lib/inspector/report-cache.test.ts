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

  it("does not cache values with ttl 0, keeps failures for their own ttl, and drops rejected promises", async () => {
    let t = 0
    const cache = new SingleFlightCache<string>({ ttlMs: 60_000, now: () => t })
    let calls = 0
    const fail = async () => `fail-${++calls}`
    await cache.get("x", fail, { ttlFor: () => 0 })
    expect((await cache.get("x", fail, { ttlFor: () => 0 })).value).toBe("fail-2")
    // failures kept briefly: 5 s here, then retried
    const brief = { ttlFor: (v: string) => (v.startsWith("fail") ? 5000 : 60_000) }
    expect((await cache.get("z", fail, brief)).value).toBe("fail-3")
    t = 4000
    expect(await cache.get("z", fail, brief)).toEqual({ value: "fail-3", cached: true, ageMs: 4000 })
    t = 5000
    expect((await cache.get("z", fail, brief)).value).toBe("fail-4")
    await expect(cache.get("y", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom")
    expect((await cache.get("y", async () => "ok")).value).toBe("ok")
  })

  it("refresh is rate-limited per key: too soon gets the cached value with its age", async () => {
    let t = 0
    const cache = new SingleFlightCache<number>({ ttlMs: 60_000, now: () => t })
    let calls = 0
    const produce = async () => ++calls
    const opts = { refresh: true, minRefreshIntervalMs: 10_000 }
    await cache.get("a", produce)
    t = 3000
    expect(await cache.get("a", produce, opts)).toEqual({ value: 1, cached: true, ageMs: 3000, refreshLimited: { retryAfterMs: 7000 } })
    expect((await cache.get("b", produce, opts)).value).toBe(2) // another key is not limited
    t = 10_000
    expect(await cache.get("a", produce, opts)).toEqual({ value: 3, cached: false, ageMs: 0 })
  })

  it("a computation past its deadline is abandoned: callers get onTimeout, the signal fires, later callers start afresh", async () => {
    const cache = new SingleFlightCache<string>({ ttlMs: 60_000 })
    let aborted = false
    const stuck = (signal: AbortSignal) =>
      new Promise<string>((resolve) => {
        signal.addEventListener("abort", () => {
          aborted = true
          setTimeout(() => resolve("late"), 5) // settles after being abandoned: must not be stored
        })
      })
    const opts = { timeoutMs: 30, onTimeout: () => "timed out", ttlFor: (v: string) => (v === "timed out" ? 0 : 60_000) }
    const [a, b] = await Promise.all([cache.get("k", stuck, opts), cache.get("k", stuck, opts)])
    expect([a.value, b.value, aborted]).toEqual(["timed out", "timed out", true])
    await tick()
    // the entry was dropped: a later request computes again instead of joining the stuck one
    expect((await cache.get("k", async () => "fresh", opts)).value).toBe("fresh")
    expect((await cache.get("k", async () => "again", opts)).value).toBe("fresh")
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
