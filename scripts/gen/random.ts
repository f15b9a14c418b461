/**
 * A small seeded PRNG (sfc32 seeded through a string hash): the same seed always gives the same
 * sequence, on every platform, so generated datasets are byte-for-byte reproducible.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [0, n). */
  int(n: number): number
  /** Integer in [min, max], both included. */
  between(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** `count` distinct items (or all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[]
  /** 12 lowercase hex characters, like a Sanity `_key`. */
  key(): string
  /** 22 base-62 characters, like a Sanity `_rev`. */
  rev(): string
}

const HEX = '0123456789abcdef'
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** 32-bit string hash (cyrb53's mixing, reduced to 4 words of state). */
function seedWords(seed: string): [number, number, number, number] {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return [h1 >>> 0, h2 >>> 0, (h1 ^ h2) >>> 0, (h1 + h2) >>> 0]
}

/**
 * Creates a generator from a seed string.
 *
 * @param seed any string; equal seeds give equal sequences
 */
export function createRandom(seed: string): Random {
  let [a, b, c, d] = seedWords(seed)
  const nextU32 = (): number => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return t >>> 0
  }
  for (let i = 0; i < 12; i++) nextU32()
  const next = () => nextU32() / 4294967296
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)] as (typeof items)[number],
    sample(items, count) {
      const pool = [...items]
      const n = Math.min(count, pool.length)
      for (let i = 0; i < n; i++) {
        const j = i + int(pool.length - i)
        const swap = pool[i] as (typeof pool)[number]
        pool[i] = pool[j] as (typeof pool)[number]
        pool[j] = swap
      }
      return pool.slice(0, n)
    },
    key() {
      let out = ''
      for (let i = 0; i < 12; i++) out += HEX[nextU32() & 15]
      return out
    },
    rev() {
      let out = ''
      for (let i = 0; i < 22; i++) out += BASE62[nextU32() % 62]
      return out
    },
  }
}
