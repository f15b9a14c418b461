import type { RuleResult } from './types.ts'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Today's date as `YYYY-MM-DD` in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/**
 * An `official` announcement cannot be dated in the future: it has either been
 * announced or it has not. Reported/speculative events may carry an expected date.
 */
export function validateAnnouncedAt(
  value: unknown,
  confidence: unknown,
  today: string = todayIso(),
): RuleResult {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    return 'Use a date in the form YYYY-MM-DD.'
  }
  if (confidence === 'official' && value > today) {
    return `Official announcements cannot be in the future (${value} is after today, ${today}). Check the date, or mark the event as reported/speculative.`
  }
  return true
}

/** A date that records something already done (e.g. "verified on") cannot be in the future. */
export function validateNotInFuture(value: unknown, today: string = todayIso()): RuleResult {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string') return 'Use a date in the form YYYY-MM-DD.'
  if (value.slice(0, 10) > today) return `This date (${value.slice(0, 10)}) is in the future.`
  return true
}

/** An end date (finale, updatedAt …) must not be before its start date. */
export function validateNotBefore(
  end: unknown,
  start: unknown,
  labels: { end: string; start: string },
): RuleResult {
  if (typeof end !== 'string' || typeof start !== 'string' || !end || !start) return true
  if (end < start) return `${labels.end} (${end}) is before ${labels.start} (${start}).`
  return true
}
