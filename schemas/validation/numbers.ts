import type { RuleResult } from './types.ts'

/** Billing order / season numbers: whole numbers starting at 1. */
export function validatePositiveInteger(value: unknown): RuleResult {
  if (value === undefined || value === null) return true
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Must be a number.'
  if (!Number.isInteger(value)) return 'Must be a whole number (1, 2, 3 …).'
  if (value < 1) return 'Must be 1 or higher.'
  return true
}

/** A list of season numbers: each a positive integer, no repeats. */
export function validateSeasonNumbers(value: unknown): RuleResult {
  if (value === undefined || value === null) return true
  if (!Array.isArray(value)) return 'Must be a list of season numbers.'
  for (const n of value) {
    const single = validatePositiveInteger(n)
    if (single !== true) return `Season ${String(n)}: ${single}`
  }
  if (new Set(value).size !== value.length) return 'Each season should be listed once.'
  return true
}
