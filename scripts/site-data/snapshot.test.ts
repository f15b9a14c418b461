import { describe, expect, it } from 'vitest'
import { dueBy } from './snapshot.ts'

const article = (id: string, publishedAt: string | null) => ({ id, publishedAt })
const now = new Date('2026-12-01T12:00:00Z')

describe('dueBy', () => {
  it('publishes what is due by now, in order, and schedules the earliest of the rest by time', () => {
    const { due, nextScheduledAt } = dueBy(
      [
        article('later-offset', '2026-12-02T09:00:00+05:00'),
        article('later', '2026-12-02T05:00:00Z'),
        article('exactly-now', '2026-12-01T12:00:00Z'),
        article('earlier-offset', '2026-12-01T14:00:00+03:00'),
        article('earlier', '2026-11-30T08:00:00.250Z'),
      ],
      now,
    )
    expect(due.map((a) => a.id)).toEqual(['exactly-now', 'earlier-offset', 'earlier'])
    // 09:00+05:00 is 04:00Z: earlier than 05:00Z though it sorts later as text.
    expect(nextScheduledAt).toBe('2026-12-02T09:00:00+05:00')
  })

  it('leaves out dates GROQ dateTime() does not read, as the filter did', () => {
    const { due, nextScheduledAt } = dueBy(
      [
        article('date-only', '2026-11-01'),
        article('no-zone', '2026-11-01T00:00:00'),
        article('words', 'yesterday'),
        article('missing', null),
        article('real', '2026-11-01T00:00:00Z'),
      ],
      now,
    )
    expect(due.map((a) => a.id)).toEqual(['real'])
    expect(nextScheduledAt).toBeNull()
  })

  it('breaks a tie in time by the text, as ordering by publishedAt did', () => {
    const { nextScheduledAt } = dueBy(
      [article('b', '2027-01-01T01:00:00+01:00'), article('a', '2027-01-01T00:00:00Z')],
      now,
    )
    expect(nextScheduledAt).toBe('2027-01-01T00:00:00Z')
  })
})
