// Per-key cache with TTL and single-flight: concurrent callers for the same key share one
// in-flight computation, so 100 simultaneous requests cost one cluster report.

export type CacheOptions = { ttlMs: number; now?: () => number }

export type CachedValue<T> = { value: T; cached: boolean; ageMs: number }

export class SingleFlightCache<T> {
  private readonly entries = new Map<string, { value: T; at: number }>()
  private readonly inflight = new Map<string, Promise<T>>()
  private readonly ttlMs: number
  private readonly now: () => number

  constructor(opts: CacheOptions) {
    this.ttlMs = opts.ttlMs
    this.now = opts.now ?? Date.now
  }

  /**
   * refresh skips the cached value but still joins an in-flight computation (it is fresh anyway).
   * shouldCache lets callers keep failures out of the cache.
   */
  async get(key: string, produce: () => Promise<T>, opts: { refresh?: boolean; shouldCache?: (v: T) => boolean } = {}): Promise<CachedValue<T>> {
    const hit = this.entries.get(key)
    if (!opts.refresh && hit && this.now() - hit.at < this.ttlMs) {
      return { value: hit.value, cached: true, ageMs: this.now() - hit.at }
    }
    let p = this.inflight.get(key)
    if (!p) {
      p = produce()
        .then((value) => {
          if (opts.shouldCache?.(value) ?? true) this.entries.set(key, { value, at: this.now() })
          else this.entries.delete(key)
          return value
        })
        .finally(() => this.inflight.delete(key))
      this.inflight.set(key, p)
    }
    return { value: await p, cached: false, ageMs: 0 }
  }

  clear(): void {
    this.entries.clear()
  }
}

/** Runs at most `limit` tasks at once (bounded request concurrency towards the apiserver). */
export function createLimiter(limit: number) {
  let active = 0
  const queue: (() => void)[] = []
  const next = () => {
    if (active >= limit) return
    const run = queue.shift()
    if (run) {
      active++
      run()
    }
  }
  return function schedule<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--
            next()
          })
      })
      next()
    })
  }
}
