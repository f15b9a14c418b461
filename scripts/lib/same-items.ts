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

/**
 * Keys whose value in `now` is not the one in `before`, or that only one of them has; all of
 * `now`'s keys count as unchanged when there is no `before`.
 *
 * @param before the earlier map, if any
 * @param now the map now
 * @param same whether two values count as the same (default: `===`)
 */
export function changedKeys<K, V>(
  before: ReadonlyMap<K, V> | undefined,
  now: ReadonlyMap<K, V>,
  same: (a: V, b: V) => boolean = (a, b) => a === b,
): Set<K> {
  const changed = new Set<K>()
  if (!before) return changed
  for (const [key, value] of now) if (!before.has(key) || !same(before.get(key) as V, value)) changed.add(key)
  for (const key of before.keys()) if (!now.has(key)) changed.add(key)
  return changed
}
