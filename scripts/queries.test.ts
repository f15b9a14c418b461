import { beforeAll, describe, expect, it } from 'vitest'
import * as queries from './queries.ts'
import { fetchSnapshot } from './site-data/snapshot.ts'
import { type ContentSource, openEmbeddedSource } from './source/index.ts'

let source: ContentSource

beforeAll(async () => {
  source = (await openEmbeddedSource('content/data.ndjson')).source
})

// Result shapes are checked for both sources by test/source/query-contract.test.ts.
describe('queries over the bundled dataset', () => {
  it('returns cast credits in billing order with relations as ids', async () => {
    const credits = await source.fetch<Array<{ showId: string; characterName: string }>>(
      queries.castCreditsQuery,
    )
    const partnerTrack = credits.filter((c) => c.showId === 'show-partner-track')
    expect(partnerTrack.map((c) => c.characterName)).toEqual([
      'Rachel Friedman',
      'Tyler Robinson',
      'Zi-Xin ‘Z’ Min',
      'Jeff Murphy',
      'Marty Adler',
      'Dan Fallon',
    ])
  })

  it('status events come newest first', async () => {
    const events = await source.fetch<Array<{ announcedAt: string }>>(queries.statusEventsQuery)
    const dates = events.map((e) => e.announcedAt)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('articles wait for their publishedAt', async () => {
    const routable = await source.fetch<unknown[]>(queries.articlesQuery)
    const before = await fetchSnapshot(source, new Date('2000-01-01T00:00:00Z'))
    expect(routable.length).toBeGreaterThan(0)
    expect(before.articles).toEqual([])
    expect(typeof before.nextScheduledAt).toBe('string')
  })

  it('fingerprint counts published documents only', async () => {
    const fingerprint = await source.fetch<{ count: number; lastUpdatedAt: string }>(
      queries.datasetFingerprintQuery,
    )
    const all = await source.fetch<number>('count(*)')
    expect(fingerprint.count).toBe(all)
    expect(fingerprint.lastUpdatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })
})
