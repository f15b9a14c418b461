/** Defensive readers for GROQ data typed `unknown`. None of them throw. */

export type Rec = Readonly<Record<string, unknown>>

/** A non-null, non-array object. */
export function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `value[key]` if it is a string, else `undefined`. Own properties only (no prototype lookups). */
export function str(value: Rec, key: string): string | undefined {
  const v = value[key]
  return typeof v === 'string' && Object.hasOwn(value, key) ? v : undefined
}

/** `value[key]` if it is a non-blank string (trimmed), else `undefined`. */
export function text(value: Rec, key: string): string | undefined {
  const v = str(value, key)
  if (v === undefined) return undefined
  const t = v.trim()
  return t === '' ? undefined : t
}

/** `value[key]` if it is a record. */
export function rec(value: Rec, key: string): Rec | undefined {
  if (!Object.hasOwn(value, key)) return undefined
  const v = value[key]
  return isRecord(v) ? v : undefined
}

/** `value[key]` if it is an array. */
export function arr(value: Rec, key: string): readonly unknown[] | undefined {
  if (!Object.hasOwn(value, key)) return undefined
  const v = value[key]
  return Array.isArray(v) ? v : undefined
}

/** `value[key]` if it is a finite number. */
export function num(value: Rec, key: string): number | undefined {
  if (!Object.hasOwn(value, key)) return undefined
  const v = value[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** `_ref` of a reference object stored at `value[key]`. */
export function refAt(value: Rec, key: string): string | undefined {
  const r = rec(value, key)
  return r ? text(r, '_ref') : undefined
}
