import { ExpiringCache } from './expiring-cache.ts'

/**
 * Delivery de-duplication by the `idempotency-key` header Sanity sends (the same key on every retry
 * of one delivery). A key is claimed while its delivery is being handed on, committed once that
 * worked, and released if it failed so a retry can try again. Bounded and expiring; in memory, so a
 * restart forgets keys (a retry after a restart costs one redundant build, never a lost edit).
 */
export type ClaimResult = 'new' | 'duplicate' | 'in-flight'

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200

export class IdempotencyStore {
  readonly #cache: ExpiringCache<'pending' | 'done'>
  readonly #ttlMs: number
  readonly #now: () => number

  constructor(options: { ttlMs?: number; max?: number; now?: () => number } = {}) {
    this.#now = options.now ?? Date.now
    this.#ttlMs = options.ttlMs ?? 24 * 60 * 60_000
    this.#cache = new ExpiringCache({ max: options.max ?? 10_000, now: this.#now })
  }

  get size(): number {
    return this.#cache.size
  }

  claim(key: string): ClaimResult {
    const state = this.#cache.get(key)
    if (state === 'done') return 'duplicate'
    if (state === 'pending') return 'in-flight'
    this.#cache.set(key, 'pending', this.#now() + this.#ttlMs)
    return 'new'
  }

  commit(key: string): void {
    this.#cache.set(key, 'done', this.#now() + this.#ttlMs)
  }

  release(key: string): void {
    if (this.#cache.get(key) === 'pending') this.#cache.delete(key)
  }
}
