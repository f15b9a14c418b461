/**
 * `fn`, computed once per distinct argument and kept in `known` (a map that may outlive one build,
 * for a process that builds again). Past `limit` values, `known` starts again, so values nobody asks
 * for any more do not pile up.
 *
 * @param known where answers are kept
 * @param fn a function whose answer depends on its argument alone
 * @param limit most values kept at once
 */
export function onceEach<T>(
  known: Map<string, T>,
  fn: (value: string) => T,
  limit = Number.POSITIVE_INFINITY,
): (value: string) => T {
  return (value) => {
    let result = known.get(value)
    if (result === undefined && !known.has(value)) {
      if (known.size >= limit) known.clear()
      result = fn(value)
      known.set(value, result)
    }
    return result as T
  }
}

/**
 * `fn`, computed once per object and kept while the object lives: for values derived from objects
 * that are the same build after build (an unchanged document's query row, say).
 *
 * @param fn a function whose answer depends on its argument alone (which is never changed)
 */
export function onceEachObject<K extends object, T>(fn: (value: K) => T): (value: K) => T {
  const known = new WeakMap<K, { value: T }>()
  return (value) => {
    let result = known.get(value)
    if (!result) {
      result = { value: fn(value) }
      known.set(value, result)
    }
    return result.value
  }
}
