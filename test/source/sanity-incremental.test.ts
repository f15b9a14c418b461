/*
 * Incremental pull: after a webhook, fetch only the changed documents and those referencing them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type ContentSource, openEmbeddedSource, type SanityDocument } from '../../scripts/source/index.ts'
import { fetchChanged, publishedIdOf, publishedIdsOf } from '../../scripts/source/live/changes.ts'
import { type ContentLakeDouble, startContentLakeDouble } from '../support/content-lake-double.ts'
import { BUNDLED_DATASET, liveSourceFor, readRawDocuments } from './support.ts'

let lake: ContentLakeDouble
let embedded: ContentSource
let published: SanityDocument[]

beforeAll(async () => {
  lake = await startContentLakeDouble({ file: BUNDLED_DATASET })
  const opened = await openEmbeddedSource(BUNDLED_DATASET)
  embedded = opened.source
  published = opened.dataset.documents
})
afterEach(() => lake.reset())
afterAll(async () => {
  await lake?.close()
})

const ids = (documents: SanityDocument[]) => documents.map((document) => document._id)

/** What the pull should return, worked out from the raw file without GROQ. */
function expectedFor(changedIds: string[]) {
  const wanted = new Set(changedIds)
  const refersToWanted = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(refersToWanted)
    if (value === null || typeof value !== 'object') return false
    const record = value as Record<string, unknown>
    if (typeof record._ref === 'string' && wanted.has(record._ref)) return true
    return Object.values(record).some(refersToWanted)
  }
  const sorted = [...published].sort((a, b) => (a._id < b._id ? -1 : 1))
  return {
    changed: sorted.filter((document) => wanted.has(document._id)),
    referencing: sorted.filter((document) => !wanted.has(document._id) && refersToWanted(document)),
  }
}

describe('fetchChanged on the live source', () => {
  it('returns the changed show and everything that references it, from one small request', async () => {
    const source = liveSourceFor(lake)
    const result = await source.fetchChanged(['show-partner-track'])
    const expected = expectedFor(['show-partner-track'])
    expect(ids(result.changed)).toEqual(['show-partner-track'])
    expect(ids(result.referencing)).toEqual(ids(expected.referencing))
    // seasons, status events, cast credits and the article (through `show`, internal links, callouts)
    expect(ids(result.referencing)).toEqual(
      expect.arrayContaining([
        'season-partner-track-1',
        'statusEvent-partner-track-cancelled',
        'castCredit-partner-track-alexandra-turshen',
        'article-partner-track-season-2',
      ]),
    )
    expect(result.missing).toEqual([])
    expect(JSON.stringify(result)).toBe(JSON.stringify({ ...expected, missing: [] }))

    expect(lake.requests).toHaveLength(1)
    const [request] = lake.requests
    expect(request?.tag).toBe('reel-status.changed')
    expect(request?.query).toBe(
      '*[(_id in $ids || references($ids)) && _id > $pageCursor] | order(_id) [0...1000]',
    )
    expect(request?.params).toEqual({ ids: ['show-partner-track'], pageCursor: '' })
    expect(request?.resultCount).toBe(1 + expected.referencing.length)
    expect(request?.resultCount).toBeLessThan(published.length / 3)
  })

  it('never pulls the mirror', async () => {
    const source = liveSourceFor(lake)
    await source.fetchChanged(['person-alexandra-turshen', 'network-netflix'])
    expect(lake.requests.every((request) => request.tag === 'reel-status.changed')).toBe(true)
  })

  it('maps drafts and release versions to the published id, and reports deleted ids as missing', async () => {
    const source = liveSourceFor(lake)
    const result = await source.fetchChanged([
      'drafts.person-alexandra-turshen',
      'versions.r1.person-alexandra-turshen',
      'person-deleted-yesterday',
    ])
    expect(ids(result.changed)).toEqual(['person-alexandra-turshen'])
    expect(ids(result.referencing)).toEqual(['castCredit-partner-track-alexandra-turshen'])
    expect(result.missing).toEqual(['person-deleted-yesterday'])
    expect(lake.requests[0]?.params.ids).toEqual(['person-alexandra-turshen', 'person-deleted-yesterday'])
  })

  it('pages large reference fans and splits long id lists', async () => {
    const source = liveSourceFor(lake, { pageSize: 3 })
    const many = [
      ...Array.from({ length: 450 }, (_, i) => `show-gone-${String(i).padStart(3, '0')}`),
      'show-partner-track',
    ]
    const result = await source.fetchChanged(many)
    expect(ids(result.changed)).toEqual(['show-partner-track'])
    expect(ids(result.referencing)).toEqual(ids(expectedFor(['show-partner-track']).referencing))
    expect(result.missing).toHaveLength(450)
    const chunks = new Set(lake.requests.map((request) => JSON.stringify(request.params.ids)))
    expect(chunks.size).toBe(3)
    expect(Math.max(...lake.requests.map((request) => (request.params.ids as string[]).length))).toBe(200)
    expect(Math.max(...lake.requests.map((request) => request.resultCount ?? 0))).toBeLessThanOrEqual(3)
  })

  it('sends nothing for an empty change list', async () => {
    const result = await liveSourceFor(lake).fetchChanged([])
    expect(result).toEqual({ changed: [], referencing: [], missing: [] })
    expect(lake.requests).toHaveLength(0)
  })
})

describe('fetchChanged works alike on both sources', () => {
  it.each([
    [['show-partner-track']],
    [['network-netflix', 'drafts.author-reel-status-desk']],
    [['castCredit-partner-track-bradley-gibson', 'article-sample-how-renewals-work']],
    [['does-not-exist']],
  ])('%j', async (changedIds) => {
    const live = await fetchChanged(liveSourceFor(lake), changedIds)
    const local = await fetchChanged(embedded, changedIds)
    expect(JSON.stringify(live)).toBe(JSON.stringify(local))
  })

  it('ignores drafts in the file for the embedded source too', async () => {
    const raw = await readRawDocuments(BUNDLED_DATASET)
    expect(raw.some((document) => document._id === 'drafts.article-partner-track-season-2')).toBe(true)
    const local = await fetchChanged(embedded, ['drafts.article-partner-track-season-2'])
    expect(JSON.stringify(local)).not.toContain('DRAFT')
  })
})

describe('published ids', () => {
  it('normalises webhook ids', () => {
    expect(publishedIdOf('drafts.show-a')).toBe('show-a')
    expect(publishedIdOf('versions.rSpring.show-a')).toBe('show-a')
    expect(publishedIdOf('show-a')).toBe('show-a')
    expect(publishedIdsOf(['show-b', 'drafts.show-a', 'show-a'])).toEqual(['show-a', 'show-b'])
    expect(() => publishedIdsOf([''])).toThrow(/not a document id/)
  })
})
