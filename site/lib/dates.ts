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
  // A UTC timestamp reads as its day: list pages show the same few thousand days over and over, and
  // formatting is the costly part (a tenth of a millisecond each).
  const key = UTC_DAY.test(value) ? value.slice(0, 10) : value
  let readable = readableDates.get(key)
  if (readable === undefined) {
    const date = new Date(key.length === 10 ? `${key}T00:00:00Z` : key)
    if (Number.isNaN(date.getTime())) return value
    readable = LONG.format(date)
    if (readableDates.size >= MAX_REMEMBERED) readableDates.clear()
    readableDates.set(key, readable)
  }
  return readable
}

/** A date, or a timestamp in UTC (`Z`) with a valid time of day: its first ten characters are its day. */
const UTC_DAY = /^\d{4}-\d{2}-\d{2}(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?Z)?$/
const MAX_REMEMBERED = 50_000
const readableDates = new Map<string, string>()

/** `YYYY-MM-DD` part of a date or timestamp, for `<time datetime>`. */
export function isoDate(value: string): string {
  return value.slice(0, 10)
}
