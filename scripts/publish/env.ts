/* Parsing of duration and boolean settings from flags and environment variables. */

export const UNITS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const

/**
 * `500ms`, `30s`, `10m`, `1.5h`, or a bare number in `bareUnit`.
 *
 * @returns milliseconds
 */
export function parseDuration(value: string, bareUnit: keyof typeof UNITS, name = 'duration'): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(value.trim())
  if (!match) throw new Error(`--${name} must be a duration like 500ms, 30s or 10m, not "${value}"`)
  const unit = (match[2] ?? bareUnit) as keyof typeof UNITS
  return Math.round(Number(match[1]) * UNITS[unit])
}

export function parseBoolean(value: string | undefined, name: string, fallback: boolean): boolean {
  const v = value?.trim().toLowerCase()
  if (!v) return fallback
  if (['1', 'true', 'yes', 'on'].includes(v)) return true
  if (['0', 'false', 'no', 'off'].includes(v)) return false
  throw new Error(`${name} must be true or false, not "${value}"`)
}
