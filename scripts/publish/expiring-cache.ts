/**
 * A bounded map whose entries expire: insertion-ordered, so the oldest entry is evicted first when
 * the map is full, and expired entries are dropped on access and on insert.
 */
export class ExpiringCache<V> {
  readonly #max: number
  readonly #now: () => number
  readonly #entries = new Map<string, { value: V; expiresAt: number }>()

  constructor(options: { max: number; now?: () => number }) {
    if (!(options.max >= 1)) throw new RangeError('ExpiringCache needs max >= 1')
    this.#max = options.max
    this.#now = options.now ?? Date.now
  }

  get size(): number {
    return this.#entries.size
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key)
      return undefined
    }
    return entry.value
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  /** Stores `value` until `expiresAt` (epoch ms), evicting expired and then oldest entries. */
  set(key: string, value: V, expiresAt: number): void {
    this.#entries.delete(key)
    this.#entries.set(key, { value, expiresAt })
    this.#sweep()
  }

  delete(key: string): void {
    this.#entries.delete(key)
  }

  #sweep(): void {
    const now = this.#now()
    // Entries are roughly in expiry order (same TTL per cache), so stop at the first live one.
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) break
      this.#entries.delete(key)
    }
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next()
      if (oldest.done) break
      this.#entries.delete(oldest.value)
    }
  }
}
