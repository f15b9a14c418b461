import type { InlineContext } from './marks.ts'
import type { TocEntry } from './types.ts'

/** Per-call state the frozen processors' plugins read from `file.data.richtext`. */
export interface RunState {
  ctx: InlineContext
  /** Filled by the heading-id plugin (every heading that got an id, in document order). */
  headings: TocEntry[]
}

/** Anything with vfile's `data` bag (a VFile, or the options object unified turns into one). */
export interface FileLike {
  data: Record<string, unknown>
}

/**
 * Reads the run state a render call attached to the file; `undefined` when a plugin runs outside the
 * renderer (then it uses its defaults).
 * @param file The vfile of the run.
 */
export function runState(file: FileLike | undefined): RunState | undefined {
  const state = file?.data?.richtext
  return state && typeof state === 'object' ? (state as RunState) : undefined
}
