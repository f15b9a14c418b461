/*
 * One query contract, three sources: the embedded groq-js source over the dataset file, and the live
 * @sanity/client source against the Content Lake double (small pages over a public dataset, and a
 * private dataset read with a token). Every source must pass the same assertions, and the live
 * sources must return results identical (JSON text, key order, nulls) to the embedded one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as queries from '../../scripts/queries.ts'
import { fetchSnapshot } from '../../scripts/site-data/snapshot.ts'
import { type ContentSource, openEmbeddedSource, type QueryParams } from '../../scripts/source/index.ts'
import { type ContentLakeDouble, startContentLakeDouble } from '../support/content-lake-double.ts'
import { BUNDLED_DATASET, liveSourceFor, NOW, writeContractDataset } from './support.ts'

const TOKEN = 'sk-contract-read-token'

let file: string
let publicLake: ContentLakeDouble
let privateLake: ContentLakeDouble
const sources = new Map<string, ContentSource>()

beforeAll(async () => {
  file = await writeContractDataset()
  publicLake = await startContentLakeDouble({ file, projectId: 'reel-test' })
  privateLake = await startContentLakeDouble({ file, projectId: 'reel-test', token: TOKEN })
  sources.set('embedded', (await openEmbeddedSource(file)).source)
  sources.set('sanity (7-document pages)', liveSourceFor(publicLake, { pageSize: 7 }))
  sources.set(
    'sanity (private dataset, read token)',
    liveSourceFor(privateLake, { connection: { token: TOKEN } }),
  )
})

afterAll(async () => {
  await publicLake?.close()
  await privateLake?.close()
})

const now = NOW.toISOString()

/** Every exported query in scripts/queries.ts, with the parameters it takes. */
const siteQueries: Array<[string, string, QueryParams]> = Object.entries(queries as Record<string, unknown>)
  .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  .map(([name, query]) => [name, query, query.includes('$now') ? { now } : {}])

const textOf = (name: string): string => {
  const found = siteQueries.find(([queryName]) => queryName === name)
  if (!found) throw new Error(`no query ${name} in scripts/queries.ts`)
  return found[1]
}

/** Projected keys per list query, in order: the TypeGen result shape, nulls included. */
const KEYS: Record<string, string[]> = {
  networksQuery: ['_id', '_rev', '_updatedAt', 'name', 'slug', 'kind', 'website', 'isSample'],
  showsQuery: [
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
  seasonsQuery: [
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
  peopleQuery: ['_id', '_rev', '_updatedAt', 'name', 'slug', 'portrait', 'bio', 'externalIds', 'isSample'],
  castCreditsQuery: [
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
  statusEventsQuery: [
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
  authorsQuery: ['_id', '_rev', '_updatedAt', 'name', 'slug', 'bio', 'avatar', 'isSample'],
  articlesQuery: [
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
}

type Row = Record<string, unknown>
const ids = (rows: Row[]) => rows.map((row) => row._id)

describe.each(['embedded', 'sanity (7-document pages)', 'sanity (private dataset, read token)'])(
  'query contract: %s',
  (label) => {
    const source = () => sources.get(label) as ContentSource
    const list = (name: string, params: QueryParams = {}) => source().fetch<Row[]>(textOf(name), params)

    it('covers every query in scripts/queries.ts', () => {
      expect(siteQueries.map(([name]) => name).sort()).toEqual(
        [...Object.keys(KEYS), 'datasetFingerprintQuery'].sort(),
      )
    })

    it.each(Object.entries(KEYS))(
      '%s returns rows with exactly the projected keys, nulls kept',
      async (name, keys) => {
        const rows = await list(name, { now })
        expect(rows.length).toBeGreaterThan(0)
        for (const row of rows) expect(Object.keys(row)).toEqual(keys)
      },
    )

    it('never returns drafts or release versions', async () => {
      expect(await source().fetch('*[_id in path("drafts.**") || _id in path("versions.**")]._id')).toEqual(
        [],
      )
      const shows = await list('showsQuery')
      const networks = await list('networksQuery')
      expect(shows.find((show) => show._id === 'show-partner-track')?.title).toBe('Partner Track')
      expect(networks.find((network) => network._id === 'network-netflix')?.name).toBe('Netflix')
      const articles = await list('articlesQuery', { now })
      expect(JSON.stringify(articles)).not.toContain('DRAFT')
    })

    it('keeps documents without a slug out of slugged lists', async () => {
      expect(ids(await list('showsQuery'))).not.toContain('show-contract-no-slug')
    })

    it('sorts like GROQ: by code unit, nulls last, later sort keys breaking ties', async () => {
      const people = await list('peopleQuery')
      const names = people.map((person) => person.name as string)
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
      expect(names.at(-2)).toBe('bell hooks')
      expect(names.at(-1)).toBe('Émile Ørsted')
      const credits = await list('castCreditsQuery')
      expect(credits.at(-1)?._id).toBe('castCredit-contract-no-order')
      const events = await list('statusEventsQuery')
      const cancelled = events.filter((event) => event.announcedAt === '2022-11-08').map((event) => event._id)
      expect(cancelled).toEqual(['statusEvent-partner-track-cancelled', 'statusEvent-contract-tie'])
    })

    it('lists scheduled articles too; the snapshot publishes those due and schedules the next one', async () => {
      const published = [
        'article-sample-how-renewals-work',
        'article-sample-harbor-lights-renewed',
        'article-sample-glass-orchard-review',
        'article-partner-track-season-2',
      ]
      expect(ids(await list('articlesQuery'))).toEqual(['article-contract-scheduled', ...published])
      const snapshot = await fetchSnapshot(source(), NOW)
      expect(ids(snapshot.articles as Row[])).toEqual(published)
      expect(snapshot.nextScheduledAt).toBe('2027-01-01T08:00:00Z')
      const later = await fetchSnapshot(source(), new Date('2028-01-01T00:00:00Z'))
      expect(ids(later.articles as Row[])).toEqual(['article-contract-scheduled', ...published])
      expect(later.nextScheduledAt).toBeNull()
    })

    it('fingerprints the published dataset', async () => {
      expect(await source().fetch(queries.datasetFingerprintQuery)).toEqual({
        count: 70,
        lastUpdatedAt: '2026-11-30T09:15:00Z',
      })
    })

    it('dereferences, filters by reference and passes awkward parameters through', async () => {
      const show = await source().fetch<Row>(
        '*[_id == $id][0]{title, "network": network->name, "events": count(*[_type == "statusEvent" && references(^._id)])}',
        { id: 'show-partner-track' },
      )
      expect(show).toEqual({ title: 'Partner Track', network: 'Netflix', events: 4 })
      const odd = 'Narrator "the Voice" & co'
      expect(await source().fetch('*[characterName == $name]._id', { name: odd })).toEqual([
        'castCredit-contract-no-order',
      ])
      expect(await source().fetch('*[name == $name][0].slug.current', { name: 'Émile Ørsted' })).toBe(
        'emile-orsted',
      )
      expect(await source().fetch('$values', { values: [1, 'two', { three: [true, null] }] })).toEqual([
        1,
        'two',
        { three: [true, null] },
      ])
    })

    it('answers a whole build snapshot', async () => {
      const snapshot = await fetchSnapshot(source(), NOW)
      expect(snapshot.networks).toHaveLength(4)
      expect(snapshot.shows).toHaveLength(5)
      expect(snapshot.people).toHaveLength(14)
      expect(snapshot.articles).toHaveLength(4)
    })

    it('reports GROQ errors', async () => {
      await expect(source().fetch('*[_type == ')).rejects.toThrow()
    })
  },
)

describe('the live source returns what the embedded source returns', () => {
  it.each(siteQueries)('%s: identical JSON', async (_name, query, params) => {
    const expected = JSON.stringify(await sources.get('embedded')?.fetch(query, params))
    for (const label of ['sanity (7-document pages)', 'sanity (private dataset, read token)']) {
      expect(JSON.stringify(await sources.get(label)?.fetch(query, params))).toBe(expected)
    }
  })

  it('fetchSnapshot: identical JSON', async () => {
    const expected = JSON.stringify(await fetchSnapshot(sources.get('embedded') as ContentSource, NOW))
    for (const label of ['sanity (7-document pages)', 'sanity (private dataset, read token)']) {
      expect(JSON.stringify(await fetchSnapshot(sources.get(label) as ContentSource, NOW))).toBe(expected)
    }
  })

  it('pulled the mirror once per source, by _id cursor, in the published perspective', () => {
    const pulls = publicLake.requests.filter((request) => request.tag === 'reel-status.mirror')
    // 70 published documents: ten full pages of 7, then an empty page ends the pull.
    expect(pulls.length).toBe(11)
    expect(publicLake.requests.length).toBe(pulls.length)
    for (const request of pulls) {
      expect(request.perspective).toBe('published')
      expect(request.query).toMatch(/_id > \$pageCursor\] \| order\(_id\) \[0\.\.\.7\]$/)
      expect(request.projectHeader).toBe('reel-test')
      expect(request.authorization).toBeUndefined()
    }
    expect(privateLake.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true)
  })
})

describe('the bundled dataset in its own (non-_id) order', () => {
  let lake: ContentLakeDouble
  beforeAll(async () => {
    lake = await startContentLakeDouble({ file: BUNDLED_DATASET })
  })
  afterAll(async () => {
    await lake?.close()
  })

  const byId = (rows: unknown) =>
    JSON.stringify([...(rows as Row[])].sort((a, b) => ((a._id as string) < (b._id as string) ? -1 : 1)))

  it('gives both sources the same rows for every list query', async () => {
    const embedded = (await openEmbeddedSource(BUNDLED_DATASET)).source
    const live = liveSourceFor(lake)
    for (const name of Object.keys(KEYS)) {
      const query = textOf(name)
      expect(byId(await live.fetch(query, { now })), name).toBe(byId(await embedded.fetch(query, { now })))
    }
  })

  // Every list query breaks ties by `_id`, so the order is total: file order (embedded) and `_id`
  // order (live mirror) cannot make tied rows come out differently.
  it('returns identical rows in identical order on the unsorted bundled file', async () => {
    const embedded = (await openEmbeddedSource(BUNDLED_DATASET)).source
    const live = liveSourceFor(lake)
    for (const name of Object.keys(KEYS)) {
      const query = textOf(name)
      expect(JSON.stringify(await live.fetch(query, { now })), name).toBe(
        JSON.stringify(await embedded.fetch(query, { now })),
      )
    }
  })
})

describe('Content Lake protocol (queries sent as they are)', () => {
  it.each(siteQueries)('fetchRemote(%s) matches the embedded source', async (name, query, params) => {
    const live = liveSourceFor(publicLake)
    const expected = JSON.stringify(await sources.get('embedded')?.fetch(query, params))
    publicLake.reset()
    expect(JSON.stringify(await live.fetchRemote(query, params))).toBe(expected)
    expect(publicLake.requests).toHaveLength(1)
    expect(publicLake.requests[0]).toMatchObject({
      method: 'GET',
      tag: `reel-status.${name}`,
      perspective: 'published',
    })
  })

  it('sends long queries as POST with the parameters in the body', async () => {
    const live = liveSourceFor(publicLake)
    const wanted = Array.from({ length: 800 }, (_, i) => `show-missing-${i}`).concat('show-partner-track')
    publicLake.reset()
    expect(await live.fetchRemote('*[_id in $ids]._id', { ids: wanted }, 'long')).toEqual([
      'show-partner-track',
    ])
    expect(publicLake.requests[0]).toMatchObject({ method: 'POST', perspective: 'published' })
    expect(publicLake.requests[0]?.params.ids).toHaveLength(801)
  })

  it('fails on GROQ errors at once, with the position Sanity reports', async () => {
    const live = liveSourceFor(publicLake)
    publicLake.reset()
    await expect(live.fetchRemote('*[_type == ', {}, 'broken')).rejects.toThrow(
      /Sanity query "broken" failed with HTTP 400 after 1 attempt: GROQ query parse error:.*\^ Syntax error in GROQ query at position 10/s,
    )
    await expect(live.fetchRemote('*[_type == $type]', {}, 'unbound')).rejects.toThrow(
      /param \$type referenced, but not provided/,
    )
    expect(publicLake.requests).toHaveLength(2)
  })
})
