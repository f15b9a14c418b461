import { hasUnsafeCharacters, stripUnsafeCharacters } from './text.ts'

/** A document with unsafe characters removed from every string, and where they were. */
export interface CleanedStrings {
  value: Record<string, unknown>
  /** Field paths that were changed (at most {@link MAX_PATHS}). */
  paths: string[]
  /** How many strings were changed. */
  count: number
}

const MAX_PATHS = 5

/**
 * Deepest nesting a document may have. Real documents stay under ten levels (Portable Text: body →
 * block → children → span → marks); anything far deeper is hostile, and every recursive step after
 * loading (queries, rich text, Eleventy's data merge) could overflow the stack on it.
 */
export const MAX_DEPTH = 64

/** Thrown for a document nested deeper than {@link MAX_DEPTH}. */
export class TooDeepError extends Error {
  readonly path: string
  constructor(path: string) {
    super(`is nested more than ${MAX_DEPTH} levels deep`)
    this.name = 'TooDeepError'
    this.path = path
  }
}

interface State {
  paths: string[]
  count: number
  /** Keys and indexes from the document to the current value; rendered only when a path is needed. */
  trail: Array<string | number>
}

/**
 * Removes control characters, unpaired surrogates and non-characters from every string in a
 * document (keys and values, at any depth), copy-on-write. `_id` is left alone: ids are compared, not
 * rendered.
 *
 * @param document a document as loaded
 * @throws TooDeepError when the document is nested deeper than {@link MAX_DEPTH}
 */
export function cleanStrings(document: Record<string, unknown>): CleanedStrings {
  const state: State = { paths: [], count: 0, trail: [] }
  const value = clean(document, state) as Record<string, unknown>
  return { value, paths: state.paths, count: state.count }
}

function pathOf(trail: ReadonlyArray<string | number>): string {
  let path = ''
  for (const step of trail) path += typeof step === 'number' ? `[${step}]` : path === '' ? step : `.${step}`
  return path
}

function changed(state: State): void {
  state.count += 1
  if (state.paths.length < MAX_PATHS) state.paths.push(pathOf(state.trail))
}

function clean(value: unknown, state: State): unknown {
  if (typeof value === 'string') {
    if (!hasUnsafeCharacters(value)) return value
    changed(state)
    return stripUnsafeCharacters(value)
  }
  if (typeof value !== 'object' || value === null) return value
  const { trail } = state
  if (trail.length >= MAX_DEPTH) throw new TooDeepError(pathOf(trail))
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index]
      if (typeof item !== 'object' && typeof item !== 'string') continue
      trail.push(index)
      const next = clean(item, state)
      trail.pop()
      if (next !== item) {
        copy ??= value.slice()
        copy[index] = next
      }
    }
    return copy ?? value
  }
  const record = value as Record<string, unknown>
  let copy: Record<string, unknown> | undefined
  for (const key of Object.keys(record)) {
    if (trail.length === 0 && key === '_id') continue
    const child = record[key]
    const name = hasUnsafeCharacters(key) ? stripUnsafeCharacters(key) : key
    trail.push(name)
    const next = typeof child === 'object' || typeof child === 'string' ? clean(child, state) : child
    if (name !== key) changed(state)
    trail.pop()
    if (next === child && name === key) continue
    copy ??= { ...record }
    if (name !== key) delete copy[key]
    // defineProperty: a key cleaned into `__proto__` stays a plain field and never sets the prototype.
    Object.defineProperty(copy, name, { value: next, enumerable: true, writable: true, configurable: true })
  }
  return copy ?? value
}
