/*
 * Objects that many pages list (article and show summaries): the tag, archive, author and status
 * pages of a 10,000-article site list the same 11,000 summaries again and again. Marked here, they
 * serialize as themselves everywhere, except while a fingerprint is taken: then each one stands for
 * its own hash (scripts/build/incremental/fingerprint.ts), so it is serialized once per build instead
 * of once per list it is in.
 */

type Replacer = (value: object) => unknown

let replacer: Replacer | undefined

function toJSON(this: object): unknown {
  return replacer ? replacer(this) : this
}

/**
 * Marks an object as listed by many pages; it is returned as it was (the mark is not enumerable, so
 * copies, spreads and clones do not carry it).
 *
 * @param value a plain data object
 */
export function shared<T extends object>(value: T): T {
  Object.defineProperty(value, 'toJSON', { value: toJSON, enumerable: false, configurable: true })
  return value
}

/**
 * Runs `fn` with every marked object serializing (`JSON.stringify`) as what `replace` gives for it.
 *
 * @param replace what a marked object stands for; returning the object itself serializes it as usual
 */
export function withSharedReplaced<T>(replace: Replacer, fn: () => T): T {
  const saved = replacer
  replacer = replace
  try {
    return fn()
  } finally {
    replacer = saved
  }
}

/**
 * True for an object marked with {@link shared}.
 *
 * @param value any object
 */
export function isShared(value: object): boolean {
  return Object.hasOwn(value, 'toJSON') && (value as { toJSON?: unknown }).toJSON === toJSON
}
