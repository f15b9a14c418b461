const LONG = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/**
 * A date for readers, e.g. "26 August 2022". Accepts `YYYY-MM-DD` or an ISO timestamp; dates are
 * shown in UTC so a build anywhere prints the same day.
 *
 * @param value date or timestamp string
 */
export function readableDate(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
  return Number.isNaN(date.getTime()) ? value : LONG.format(date)
}

/** `YYYY-MM-DD` part of a date or timestamp, for `<time datetime>`. */
export function isoDate(value: string): string {
  return value.slice(0, 10)
}
