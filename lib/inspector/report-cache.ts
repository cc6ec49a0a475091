// Per-key cache with TTL and single-flight: concurrent callers for the same key share one
// in-flight computation, so 100 simultaneous requests cost one cluster report.
// A computation that outlives its deadline is abandoned (its AbortSignal fires, so it can kill
// plugins and close sockets) and its entry dropped: a stuck key never holds later callers.

export type CacheOptions = { ttlMs: number; now?: () => number }

export type CachedValue<T> = {
  value: T
  cached: boolean
  ageMs: number
  /** refresh was asked for too soon after the last computation: this is the cached value. */
  refreshLimited?: { retryAfterMs: number }
}

export type GetOptions<T> = {
  /** Skip a fresh cached value (still joins an in-flight computation: it is fresh anyway). */
  refresh?: boolean
  /** Refresh at most this often per key; earlier refreshes get the cached value. */
  minRefreshIntervalMs?: number
  /** How long to keep this value (default: the cache's ttlMs); 0 = do not cache. Lets callers keep failures briefly. */
  ttlFor?: (v: T) => number
  /** Abandon the computation after this long and answer onTimeout() instead. */
  timeoutMs?: number
  onTimeout?: () => T
}

type Entry<T> = { value: T; at: number; ttlMs: number }

export class SingleFlightCache<T> {
  private readonly entries = new Map<string, Entry<T>>()
  private readonly inflight = new Map<string, Promise<T>>()
  private readonly ttlMs: number
  private readonly now: () => number

  constructor(opts: CacheOptions) {
    this.ttlMs = opts.ttlMs
    this.now = opts.now ?? Date.now
  }

  async get(key: string, produce: (signal: AbortSignal) => Promise<T>, opts: GetOptions<T> = {}): Promise<CachedValue<T>> {
    const hit = this.entries.get(key)
    const age = hit ? this.now() - hit.at : 0
    if (hit && age < hit.ttlMs) {
      if (!opts.refresh) return { value: hit.value, cached: true, ageMs: age }
      const wait = (opts.minRefreshIntervalMs ?? 0) - age
      if (wait > 0 && !this.inflight.has(key)) return { value: hit.value, cached: true, ageMs: age, refreshLimited: { retryAfterMs: wait } }
    }
    let p = this.inflight.get(key)
    if (!p) {
      p = this.start(key, produce, opts)
      this.inflight.set(key, p)
    }
    return { value: await p, cached: false, ageMs: 0 }
  }

  private start(key: string, produce: (signal: AbortSignal) => Promise<T>, opts: GetOptions<T>): Promise<T> {
    const controller = new AbortController()
    const store = (value: T) => {
      const ttlMs = opts.ttlFor ? opts.ttlFor(value) : this.ttlMs
      if (ttlMs > 0) this.entries.set(key, { value, at: this.now(), ttlMs })
      else this.entries.delete(key)
      return value
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    let abandoned = false
    // An abandoned computation may still settle later; it must not overwrite what came after it.
    const run = produce(controller.signal).then((value) => (abandoned ? value : store(value)))
    const flight = (
      opts.timeoutMs !== undefined && opts.onTimeout
        ? Promise.race([
            run,
            new Promise<T>((resolve) => {
              timer = setTimeout(() => {
                abandoned = true
                controller.abort()
                resolve(store(opts.onTimeout!()))
              }, opts.timeoutMs)
            }),
          ])
        : run
    ).finally(() => {
      clearTimeout(timer)
      if (this.inflight.get(key) === flight) this.inflight.delete(key)
    })
    run.catch(() => undefined) // an abandoned computation's late failure is nobody's to handle
    return flight
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
