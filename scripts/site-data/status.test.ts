import { describe, expect, it } from 'vitest'
import { currentStatusOf, type RankedEvent } from './status.ts'

const event = (
  status: RankedEvent['status'],
  confidence: RankedEvent['confidence'],
  announcedAt: string,
  updatedAt?: string,
) => ({
  status,
  confidence,
  announcedAt,
  updatedAt,
})

describe('currentStatusOf', () => {
  it('is undefined for a show without events', () => {
    expect(currentStatusOf([])).toBeUndefined()
  })

  it('prefers the newest official event over newer reports and speculation', () => {
    const events = [
      event('airing', 'official', '2022-08-26'),
      event('cancelled', 'official', '2022-10-27'),
      event('revived', 'speculative', '2024-01-01'),
      event('pending', 'reported', '2023-05-01'),
    ]
    expect(currentStatusOf(events)?.status).toBe('cancelled')
  })

  it('falls back to the newest reported event, then speculative', () => {
    expect(
      currentStatusOf([event('renewed', 'reported', '2023-01-01'), event('ended', 'reported', '2024-01-01')])
        ?.status,
    ).toBe('ended')
    expect(currentStatusOf([event('pending', 'speculative', '2023-01-01')])?.status).toBe('pending')
  })

  it('breaks a same-day tie by the later edit', () => {
    const events = [
      event('renewed', 'official', '2023-01-01', '2023-01-01T10:00:00Z'),
      event('cancelled', 'official', '2023-01-01', '2023-01-02T10:00:00Z'),
    ]
    expect(currentStatusOf(events)?.status).toBe('cancelled')
  })
})
