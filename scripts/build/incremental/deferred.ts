/**
 * Deferred strings: site-data properties (article bodies) whose value stays in the cache's blob pack
 * until a template reads it. A fingerprint sees a token naming the content hash instead of the text;
 * a copy sent to a render worker carries a token naming where the text is, and gets its getter back.
 */
import { BlobPack, type BlobRef } from './pack.ts'

const HASH_TOKEN = '\u0000deferred:'
const REF_TOKEN = '\u0000deferred-ref:'

/** 0: read the text; 1: hash tokens; 2: location tokens. */
let mode: 0 | 1 | 2 = 0

function withMode<T>(next: 1 | 2, fn: () => T): T {
  const saved = mode
  mode = next
  try {
    return fn()
  } finally {
    mode = saved
  }
}

/**
 * Runs `fn` with deferred properties reading as a short token naming their content hash: fingerprints
 * of site data cover every body without reading any from disk.
 */
export function withDeferredAsTokens<T>(fn: () => T): T {
  return withMode(1, fn)
}

/** Runs `fn` with deferred properties reading as a token naming where the text is (see `restoreDeferred`). */
export function withDeferredAsLocations<T>(fn: () => T): T {
  return withMode(2, fn)
}

/**
 * Makes `target[property]` read its text from `pack` when used.
 *
 * @param hash content hash, for fingerprints
 */
export function defineDeferred(
  target: object,
  property: string,
  pack: BlobPack,
  ref: BlobRef,
  hash: string,
): void {
  // Tokens are made when asked for: 10,000 articles would otherwise hold 40,000 of them.
  Object.defineProperty(target, property, {
    enumerable: true,
    configurable: true,
    get: () =>
      mode === 1
        ? `${HASH_TOKEN}${hash}`
        : mode === 2
          ? `${REF_TOKEN}${JSON.stringify([pack.dir, ref, hash])}`
          : pack.read(ref),
  })
}

const readers = new Map<string, BlobPack>()

/**
 * Gives deferred properties their getters back in a copy made under `withDeferredAsLocations` (e.g.
 * site data passed to a worker): every string property holding a location token, one level into each
 * top-level list, becomes deferred again.
 */
export function restoreDeferred(data: object): void {
  for (const value of Object.values(data)) {
    if (!Array.isArray(value)) continue
    for (const item of value) {
      if (!item || typeof item !== 'object') continue
      for (const [property, field] of Object.entries(item)) {
        if (typeof field !== 'string' || !field.startsWith(REF_TOKEN)) continue
        const [dir, ref, hash] = JSON.parse(field.slice(REF_TOKEN.length)) as [string, BlobRef, string]
        let pack = readers.get(dir)
        if (!pack) {
          pack = new BlobPack(dir, { readOnly: true })
          readers.set(dir, pack)
        }
        defineDeferred(item, property, pack, ref, hash)
      }
    }
  }
}
