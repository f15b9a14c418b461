import { beforeAll, describe, expect, it } from 'vitest'
import * as queries from './queries.ts'
import { type ContentSource, openEmbeddedSource } from './source/index.ts'

// Each query's projection, as the site data layer and TypeGen rely on it.
const shapes: Record<string, [query: string, keys: string[]]> = {
  networksQuery: [
    queries.networksQuery,
    ['_id', '_rev', '_updatedAt', 'name', 'slug', 'kind', 'website', 'isSample'],
  ],
  showsQuery: [
    queries.showsQuery,
    [
      '_id',
      '_rev',
      '_updatedAt',
      'title',
      'slug',
      'networkId',
      'basedOn',
      'creatorIds',
      'premiereDate',
      'finaleDate',
      'synopsis',
      'keyArt',
      'genres',
      'externalIds',
      'isSample',
    ],
  ],
  seasonsQuery: [
    queries.seasonsQuery,
    [
      '_id',
      '_rev',
      '_updatedAt',
      'showId',
      'number',
      'title',
      'episodeCount',
      'premiereDate',
      'finaleDate',
      'synopsis',
      'isSample',
    ],
  ],
  peopleQuery: [
    queries.peopleQuery,
    ['_id', '_rev', '_updatedAt', 'name', 'slug', 'portrait', 'bio', 'externalIds', 'isSample'],
  ],
  castCreditsQuery: [
    queries.castCreditsQuery,
    [
      '_id',
      '_rev',
      '_updatedAt',
      'showId',
      'personId',
      'characterName',
      'billing',
      'order',
      'seasons',
      'sources',
      'isSample',
    ],
  ],
  statusEventsQuery: [
    queries.statusEventsQuery,
    [
      '_id',
      '_rev',
      '_updatedAt',
      'showId',
      'status',
      'forSeason',
      'announcedAt',
      'confidence',
      'summary',
      'sources',
      'verifiedAt',
      'isSample',
    ],
  ],
  authorsQuery: [
    queries.authorsQuery,
    ['_id', '_rev', '_updatedAt', 'name', 'slug', 'bio', 'avatar', 'isSample'],
  ],
  articlesQuery: [
    queries.articlesQuery,
    [
      '_id',
      '_rev',
      '_createdAt',
      '_updatedAt',
      'title',
      'slug',
      'dek',
      'showId',
      'kind',
      'body',
      'authorIds',
      'tags',
      'publishedAt',
      'updatedAt',
      'lastVerifiedAt',
      'sources',
      'faq',
      'seo',
      'isSample',
    ],
  ],
}

const now = '2026-01-01T00:00:00Z'
let source: ContentSource

beforeAll(async () => {
  source = (await openEmbeddedSource('content/data.ndjson')).source
})

describe('list queries over the bundled dataset', () => {
  it.each(Object.entries(shapes))(
    '%s returns documents with exactly its projection',
    async (_name, [query, keys]) => {
      const rows = await source.fetch<Array<Record<string, unknown>>>(query, { now })
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual([...keys].sort())
        expect(row._id).not.toMatch(/^(drafts|versions)\./)
      }
    },
  )

  it('shows and people have slugs, relations come back as ids', async () => {
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
    const before = await source.fetch<unknown[]>(queries.articlesQuery, { now: '2000-01-01T00:00:00Z' })
    expect(before).toEqual([])
    const next = await source.fetch<string | null>(queries.nextScheduledQuery, {
      now: '2000-01-01T00:00:00Z',
    })
    expect(typeof next).toBe('string')
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
