import type { RichTextOptions, RichTextWarning, RichTextWarningCode } from './types.ts'

/** Per-call state shared by the builders and plugins. */
export interface RenderContext {
  readonly options: RichTextOptions
  /** `_key` of the top-level block being rendered (for warnings). */
  blockKey: string | undefined
  /**
   * An error thrown by one of the caller's callbacks (`onWarning`, resolvers). Those are re-thrown to the
   * caller unchanged (a build may make warnings fatal on purpose); only the renderer's own failures are
   * turned into a plain-text fallback.
   */
  callbackError: { error: unknown } | undefined
  warn(code: RichTextWarningCode, message: string): void
  /** Calls a caller-supplied callback, remembering its error so it is re-thrown, not swallowed. */
  call<A, R>(fn: (arg: A) => R, arg: A): R
}

function defaultWarn(w: RichTextWarning): void {
  const where = [w.documentId, w.blockKey && `block ${w.blockKey}`].filter(Boolean).join(', ')
  console.warn(`richtext: [${w.code}] ${w.message}${where ? ` (${where})` : ''}`)
}

/** Creates the context of one render call; warnings are deduplicated per call. */
export function createContext(options: RichTextOptions | undefined): RenderContext {
  const opts: RichTextOptions = options ?? {}
  const sink = typeof opts.onWarning === 'function' ? opts.onWarning : defaultWarn
  const documentId = typeof opts.documentId === 'string' ? opts.documentId : undefined
  let seen: Set<string> | undefined
  const ctx: RenderContext = {
    options: opts,
    blockKey: undefined,
    callbackError: undefined,
    warn(code, message) {
      const blockKey = ctx.blockKey
      const id = `${blockKey ?? ''}\u0000${code}\u0000${message}`
      seen ??= new Set()
      if (seen.has(id)) return
      seen.add(id)
      const warning: RichTextWarning = { code, message }
      if (documentId !== undefined) warning.documentId = documentId
      if (blockKey !== undefined) warning.blockKey = blockKey
      ctx.call(sink, warning)
    },
    call(fn, arg) {
      try {
        return fn(arg)
      } catch (error) {
        ctx.callbackError ??= { error }
        throw error
      }
    },
  }
  return ctx
}

/** Shortens untrusted text for use inside a warning message. */
export function quote(value: string, max = 60): string {
  const clean = value.replace(/\p{Cc}+/gu, ' ')
  return JSON.stringify(clean.length > max ? `${clean.slice(0, max)}…` : clean)
}
