/**
 * Appends `values` to the list under `key`, making the list when first needed.
 *
 * @param map lists by key
 * @param key where to append
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key)
  if (list) list.push(...values)
  else map.set(key, values)
}
