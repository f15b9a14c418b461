/**
 * Equality of site data between two builds, strict enough that equal values always serialize alike:
 * a build can then take an unchanged item's fingerprint from the previous build instead of
 * serializing and hashing it again (scripts/build/incremental/fingerprint.ts).
 */
import { isShared } from '../../site-data/shared.ts'
import { withDeferredAsTokens } from './deferred.ts'

/**
 * Compares site-data values as JSON would see them, without serializing: the same own enumerable
 * keys in the same order, equal primitives (`NaN` is never equal, which only costs a rehash), arrays
 * of equal length and items. Shared objects (scripts/site-data/shared.ts) only equal shared objects,
 * as fingerprints treat them apart. Deferred rich text compares by its content-hash token, so no body
 * is read.
 */
/** Lists at least this long are compared once per pair. */
const LONG_LIST = 32

export class SameData {
  /**
   * Shared objects and lists of the newer data already found equal, with what they were equal to:
   * summaries recur in many lists, and one list can be held by many items (every archive page holds
   * the list of all archive pages).
   */
  readonly #equalTo = new WeakMap<object, object>()

  /**
   * True when `older` and `newer` serialize alike.
   *
   * @param older a value of the previous build's site data
   * @param newer a value of this build's
   */
  equal(older: unknown, newer: unknown): boolean {
    return withDeferredAsTokens(() => this.#equal(older, newer))
  }

  #equal(older: unknown, newer: unknown): boolean {
    if (older === newer) return true
    if (typeof older !== 'object' || typeof newer !== 'object' || older === null || newer === null)
      return false
    const shared = isShared(newer)
    if (shared !== isShared(older)) return false
    // Any other `toJSON` would decide the text itself.
    if (!shared && ('toJSON' in older || 'toJSON' in newer)) return false
    const list = Array.isArray(newer)
    if (list !== Array.isArray(older)) return false
    // Remembering costs more than comparing a short list again.
    const remember = shared || (list && (newer as unknown[]).length >= LONG_LIST)
    if (remember && this.#equalTo.get(newer) === older) return true
    const equal = list
      ? this.#equalArrays(older as unknown[], newer as unknown[])
      : this.#equalObjects(older, newer)
    if (equal && remember) this.#equalTo.set(newer, older)
    return equal
  }

  #equalArrays(older: readonly unknown[], newer: readonly unknown[]): boolean {
    if (older.length !== newer.length) return false
    for (let index = 0; index < older.length; index++)
      if (!this.#equal(older[index], newer[index])) return false
    return true
  }

  #equalObjects(older: object, newer: object): boolean {
    const olderKeys = Object.keys(older)
    const newerKeys = Object.keys(newer)
    if (olderKeys.length !== newerKeys.length) return false
    const a = older as Record<string, unknown>
    const b = newer as Record<string, unknown>
    for (let index = 0; index < olderKeys.length; index++) {
      const key = olderKeys[index] as string
      if (key !== newerKeys[index] || !this.#equal(a[key], b[key])) return false
    }
    return true
  }
}
