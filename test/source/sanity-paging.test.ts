/*
 * Large datasets: a 50,000-document pull pages by `_id` cursor, one request at a time, and builds the
 * same mirror the embedded source would load from a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmbeddedSource, type SanityDocument } from '../../scripts/source/index.ts'
import type { PageEvent } from '../../scripts/source/sanity.ts'
import { type ContentLakeDouble, startContentLakeDouble } from '../support/content-lake-double.ts'
import { liveSourceFor } from './support.ts'

const SHOWS = 10_000
const EVENTS_PER_SHOW = 4
const PAGE_SIZE = 5_000

/** 50k published documents (10k shows, 40k status events) plus drafts and a non-content type. */
function generate(): SanityDocument[] {
  const documents: SanityDocument[] = []
  for (let i = 0; i < SHOWS; i += 1) {
    const id = `show-${String(i).padStart(5, '0')}`
    documents.push({ _id: id, _type: 'show', title: `Show ${i % 977}`, slug: { _type: 'slug', current: id } })
    for (let e = 0; e < EVENTS_PER_SHOW; e += 1) {
      documents.push({
        _id: `statusEvent-${id}-${e}`,
        _type: 'statusEvent',
        show: { _type: 'reference', _ref: id },
        status: 'renewed',
        announcedAt: `20${10 + e}-01-0${1 + (i % 9)}`,
        confidence: 'official',
      })
    }
    if (i % 1000 === 0) documents.push({ _id: `drafts.${id}`, _type: 'show', title: 'DRAFT' })
  }
  documents.push({ _id: 'image-abc-1x1-png', _type: 'sanity.imageAsset' })
  // Shuffle deterministically: the Content Lake's storage order is not _id order.
  for (let i = documents.length - 1; i > 0; i -= 1) {
    const j = (i * 7919) % (i + 1)
    ;[documents[i], documents[j]] = [documents[j] as SanityDocument, documents[i] as SanityDocument]
  }
  return documents
}

let lake: ContentLakeDouble
let documents: SanityDocument[]

beforeAll(async () => {
  documents = generate()
  lake = await startContentLakeDouble({ documents })
})
afterAll(async () => {
  await lake?.close()
})

describe('a 50k-document pull', () => {
  const pages: PageEvent[] = []
  let mirror: SanityDocument[]

  beforeAll(async () => {
    const source = liveSourceFor(lake, { pageSize: PAGE_SIZE, onPage: (page) => pages.push(page) })
    mirror = await source.fetchAll()
  }, 120_000)

  it('gets every published document of the content types, and nothing else', () => {
    expect(mirror).toHaveLength(SHOWS * (1 + EVENTS_PER_SHOW))
    expect(mirror.some((document) => document._id.startsWith('drafts.'))).toBe(false)
    expect(mirror.some((document) => document._type === 'sanity.imageAsset')).toBe(false)
  })

  it('pages by _id cursor, never by offset', () => {
    const requests = lake.requests
    // 50,000 / 5,000 = 10 full pages, then an empty page ends the pull.
    expect(requests).toHaveLength(11)
    for (const request of requests) {
      expect(request.query).toBe(`*[(_type in $types) && _id > $pageCursor] | order(_id) [0...${PAGE_SIZE}]`)
    }
    const cursors = requests.map((request) => request.params.pageCursor as string)
    expect(cursors[0]).toBe('')
    for (let i = 1; i < cursors.length; i += 1) {
      expect(cursors[i]).toBe(mirror[i * PAGE_SIZE - 1]?._id)
      expect((cursors[i] as string) > (cursors[i - 1] as string)).toBe(true)
    }
  })

  it('holds at most one page of raw response at a time', () => {
    expect(lake.maxInFlight).toBe(1)
    expect(Math.max(...lake.requests.map((request) => request.resultCount ?? 0))).toBe(PAGE_SIZE)
    expect(pages.map((page) => page.documents)).toEqual([...Array(10).fill(PAGE_SIZE), 0])
    expect(pages.at(-1)?.total).toBe(50_000)
  })

  it('is in _id order with no repeats', () => {
    const outOfOrder = mirror.findIndex(
      (document, i) => i > 0 && !((mirror[i - 1] as SanityDocument)._id < document._id),
    )
    expect(outOfOrder).toBe(-1)
  })

  it('answers queries like the embedded source over the same published documents', async () => {
    const published = [...documents]
      .filter((document) => !document._id.startsWith('drafts.') && document._type !== 'sanity.imageAsset')
      .sort((a, b) => (a._id < b._id ? -1 : 1))
    const embedded = createEmbeddedSource({ file: 'memory', documents: published })
    const mirrored = createEmbeddedSource({ file: 'mirror', documents: mirror })
    const query =
      '{"shows": *[_type == "show" && title == $title] | order(title asc)._id, "events": count(*[references($id)])}'
    const params = { title: 'Show 42', id: 'show-00042' }
    expect(JSON.stringify(await mirrored.fetch(query, params))).toBe(
      JSON.stringify(await embedded.fetch(query, params)),
    )
  })
})
