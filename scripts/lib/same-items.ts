/**
 * True when two lists hold the same items (`===`) in the same order: how the build's memos tell that
 * what something was made from is unchanged (objects count by identity).
 *
 * @param a one list
 * @param b the other
 */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}
