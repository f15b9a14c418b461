import { describe, expect, it } from 'vitest'
import { isoDate, readableDate } from './dates.ts'

describe('readableDate', () => {
  it('reads dates and UTC timestamps as their day', () => {
    expect(readableDate('2022-08-26')).toBe('26 August 2022')
    expect(readableDate('2022-08-26T00:00:00Z')).toBe('26 August 2022')
    expect(readableDate('2022-08-26T23:59:59.999Z')).toBe('26 August 2022')
  })

  it('reads a timestamp with an offset as its day in UTC, not by its first ten characters', () => {
    expect(readableDate('2022-08-26T10:00:00Z')).toBe('26 August 2022')
    expect(readableDate('2022-08-26T23:30:00-05:00')).toBe('27 August 2022')
    expect(readableDate('2022-08-27T01:00:00+03:00')).toBe('26 August 2022')
  })

  it('gives back what it cannot read, even after reading the same day', () => {
    expect(readableDate('2022-08-26T08:00:00Z')).toBe('26 August 2022')
    expect(readableDate('2022-08-26T25:00:00Z')).toBe('2022-08-26T25:00:00Z')
    expect(readableDate('not a date')).toBe('not a date')
    expect(readableDate('2022-13-01')).toBe('2022-13-01')
    expect(readableDate('2022-13-01T10:00:00Z')).toBe('2022-13-01T10:00:00Z')
  })
})

describe('isoDate', () => {
  it('keeps the day of a timestamp', () => {
    expect(isoDate('2022-08-26T10:00:00Z')).toBe('2022-08-26')
  })
})
