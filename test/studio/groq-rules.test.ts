/**
 * The GROQ the Studio runs (current status, status groups, duplicate checks),
 * evaluated with groq-js against in-memory documents and the bundled dataset.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import { STATUS_GROUPS, type StatusGroupId } from '../../schemas/constants.ts'
import { CURRENT_STATUS_GROQ, showsInStatusGroupFilter } from '../../schemas/currentStatus.ts'
import { DUPLICATE_CAST_CREDIT_QUERY } from '../../schemas/validation/castCredit.ts'
import { SLUG_UNIQUE_QUERY } from '../../schemas/validation/slug.ts'
import { SHOW_STATUS_QUERY } from '../../studio/components/showStatusStore.ts'
import { ARTICLE_FILTERS, SHOW_CHILD_FILTERS } from '../../studio/structure.ts'
import { repoRoot } from './helpers.ts'

type Doc = Record<string, unknown> & { _id: string; _type: string }

async function query(groq: string, dataset: Doc[], params: Record<string, unknown> = {}) {
  const result = await evaluate(parse(groq), { dataset, params })
  return result.get()
}

const ref = (id: string) => ({ _type: 'reference', _ref: id })
let n = 0
function event(
  show: string,
  status: string,
  confidence: string,
  announcedAt: string,
  extra: Partial<Doc> = {},
): Doc {
  n += 1
  return {
    _id: `statusEvent-${show}-${n}`,
    _type: 'statusEvent',
    _updatedAt: '2024-01-01T00:00:00Z',
    show: ref(show),
    status,
    confidence,
    announcedAt,
    ...extra,
  }
}
const showDoc = (id: string): Doc => ({ _id: id, _type: 'show', title: id })

async function currentStatus(dataset: Doc[], showId: string) {
  return query(`*[_id == $id][0]{"status": ${CURRENT_STATUS_GROQ}}.status`, dataset, { id: showId })
}

describe('current status rule (contract): newest official, else reported, else speculative', () => {
  it('newest official event wins, even over newer reported/speculative ones', async () => {
    const data = [
      showDoc('show-a'),
      event('show-a', 'airing', 'official', '2022-08-26'),
      event('show-a', 'cancelled', 'official', '2022-11-08'),
      event('show-a', 'revived', 'speculative', '2024-01-01'),
      event('show-a', 'renewed', 'reported', '2023-01-01'),
    ]
    expect(await currentStatus(data, 'show-a')).toBe('cancelled')
  })

  it('falls back to newest reported, then newest speculative', async () => {
    const reported = [
      showDoc('show-b'),
      event('show-b', 'ordered', 'reported', '2021-01-01'),
      event('show-b', 'renewed', 'reported', '2021-06-01'),
      event('show-b', 'cancelled', 'speculative', '2022-01-01'),
    ]
    expect(await currentStatus(reported, 'show-b')).toBe('renewed')
    const speculative = [showDoc('show-c'), event('show-c', 'pending', 'speculative', '2022-01-01')]
    expect(await currentStatus(speculative, 'show-c')).toBe('pending')
  })

  it('is null (unknown) without events', async () => {
    expect(await currentStatus([showDoc('show-d')], 'show-d')).toBeNull()
  })

  it('breaks same-day ties by _updatedAt', async () => {
    const data = [
      showDoc('show-e'),
      event('show-e', 'renewed', 'official', '2024-05-02', { _updatedAt: '2024-05-02T10:00:00Z' }),
      event('show-e', 'final-season', 'official', '2024-05-02', { _updatedAt: '2024-05-02T12:00:00Z' }),
    ]
    expect(await currentStatus(data, 'show-e')).toBe('final-season')
  })

  it('ignores draft and release versions of events, and ignores other shows', async () => {
    const data = [
      showDoc('show-f'),
      event('show-f', 'airing', 'official', '2024-01-01'),
      event('show-f', 'cancelled', 'official', '2024-02-01', { _id: 'drafts.statusEvent-f-draft' }),
      event('show-f', 'renewed', 'official', '2024-03-01', { _id: 'versions.rSpring.statusEvent-f-v' }),
      event('show-g', 'ended', 'official', '2024-04-01'),
    ]
    expect(await currentStatus(data, 'show-f')).toBe('airing')
  })

  it('works for a draft show (drafts.show-x) via the published id', async () => {
    const data = [
      { ...showDoc('show-h'), _id: 'drafts.show-h' },
      event('show-h', 'renewed', 'official', '2024-01-01'),
    ]
    expect(await currentStatus(data, 'drafts.show-h')).toBe('renewed')
  })
})

describe('shows grouped by status (structure filters)', () => {
  const data = [
    showDoc('show-renewed'),
    event('show-renewed', 'renewed', 'official', '2024-01-01'),
    showDoc('show-final'),
    event('show-final', 'final-season', 'official', '2024-01-01'),
    showDoc('show-airing'),
    event('show-airing', 'airing', 'official', '2024-01-01'),
    showDoc('show-cancelled'),
    event('show-cancelled', 'cancelled', 'official', '2024-01-01'),
    showDoc('show-ended'),
    event('show-ended', 'ended', 'official', '2024-01-01'),
    showDoc('show-limited'),
    event('show-limited', 'limited', 'official', '2024-01-01'),
    showDoc('show-pending'),
    event('show-pending', 'pending', 'reported', '2024-01-01'),
    showDoc('show-none'),
  ]
  const expected: Record<StatusGroupId, string[]> = {
    renewed: ['show-final', 'show-renewed'],
    airing: ['show-airing'],
    cancelled: ['show-cancelled'],
    ended: ['show-ended', 'show-limited'],
    other: ['show-none', 'show-pending'],
  }

  it.each(STATUS_GROUPS.map((g) => g.id))('%s', async (groupId) => {
    const ids = (await query(`*[${showsInStatusGroupFilter(groupId)}]._id`, data)) as string[]
    expect(ids.sort()).toEqual(expected[groupId])
  })

  it('every status belongs to exactly one group', () => {
    const all = STATUS_GROUPS.flatMap((g) => g.statuses)
    expect(new Set(all).size).toBe(all.length)
    expect(all).toHaveLength(11)
  })

  it('the bundled dataset: Partner Track is in "Cancelled"', async () => {
    const file = path.join(repoRoot, 'content/data.ndjson')
    const dataset = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Doc)
    const cancelled = (await query(`*[${showsInStatusGroupFilter('cancelled')}]._id`, dataset)) as string[]
    expect(cancelled).toContain('show-partner-track')
    const grouped = await Promise.all(
      STATUS_GROUPS.map(
        async (g) => (await query(`*[${showsInStatusGroupFilter(g.id)}]._id`, dataset)) as string[],
      ),
    )
    const shows = dataset.filter((d) => d._type === 'show').map((d) => d._id)
    expect(grouped.flat().sort()).toEqual(shows.sort())
  })

  it('the live preview query returns every show with its status', async () => {
    const rows = await query(SHOW_STATUS_QUERY.fetch, data)
    expect(rows).toContainEqual({ _id: 'show-cancelled', status: 'cancelled' })
    expect(rows).toContainEqual({ _id: 'show-none', status: null })
  })
})

describe('per-show lists and article views', () => {
  const data: Doc[] = [
    { _id: 'season-a-1', _type: 'season', show: ref('show-a'), number: 1 },
    { _id: 'season-b-1', _type: 'season', show: ref('show-b'), number: 1 },
    { _id: 'castCredit-a-x', _type: 'castCredit', show: ref('show-a') },
    event('show-a', 'renewed', 'official', '2024-01-01'),
    { _id: 'article-a', _type: 'article', show: ref('show-a'), publishedAt: '2020-01-01T00:00:00Z' },
    { _id: 'drafts.article-draft', _type: 'article', publishedAt: '2020-01-01T00:00:00Z' },
    { _id: 'article-future', _type: 'article', publishedAt: '2999-01-01T00:00:00Z' },
  ]

  it('child lists filter by the show reference', async () => {
    expect(await query(`*[${SHOW_CHILD_FILTERS.season}]._id`, data, { showId: 'show-a' })).toEqual([
      'season-a-1',
    ])
    expect(await query(`*[${SHOW_CHILD_FILTERS.castCredit}]._id`, data, { showId: 'show-a' })).toEqual([
      'castCredit-a-x',
    ])
    expect(await query(`count(*[${SHOW_CHILD_FILTERS.statusEvent}])`, data, { showId: 'show-a' })).toBe(1)
    expect(await query(`*[${SHOW_CHILD_FILTERS.article}]._id`, data, { showId: 'show-a' })).toEqual([
      'article-a',
    ])
  })

  it('drafts / scheduled / published', async () => {
    expect(await query(`*[${ARTICLE_FILTERS.drafts}]._id`, data)).toEqual(['drafts.article-draft'])
    expect(await query(`*[${ARTICLE_FILTERS.scheduled}]._id`, data)).toEqual(['article-future'])
    expect(await query(`*[${ARTICLE_FILTERS.published}]._id`, data)).toEqual(['article-a'])
  })
})

describe('queries behind the async validation rules', () => {
  const credits: Doc[] = [
    {
      _id: 'castCredit-pt-turshen',
      _type: 'castCredit',
      show: ref('show-pt'),
      person: ref('person-turshen'),
      characterName: 'Rachel Friedman',
    },
    {
      _id: 'drafts.castCredit-pt-turshen',
      _type: 'castCredit',
      show: ref('show-pt'),
      person: ref('person-turshen'),
      characterName: 'Rachel Friedman',
    },
  ]
  const params = (ownId: string, characterName = 'Rachel Friedman') => ({
    show: 'show-pt',
    person: 'person-turshen',
    characterName,
    ownIds: [ownId.replace(/^drafts\./, ''), `drafts.${ownId.replace(/^drafts\./, '')}`],
  })

  it('duplicate cast credit: finds another document, case-insensitively', async () => {
    expect(await query(DUPLICATE_CAST_CREDIT_QUERY, credits, params('castCredit-new'))).toBe(
      'castCredit-pt-turshen',
    )
    expect(
      await query(DUPLICATE_CAST_CREDIT_QUERY, credits, params('castCredit-new', 'rachel friedman')),
    ).toBe('castCredit-pt-turshen')
  })

  it('duplicate cast credit: the document’s own draft/published pair is not a duplicate', async () => {
    expect(
      await query(DUPLICATE_CAST_CREDIT_QUERY, credits, params('drafts.castCredit-pt-turshen')),
    ).toBeNull()
    expect(
      await query(DUPLICATE_CAST_CREDIT_QUERY, credits, params('castCredit-new', 'Tyler Robinson')),
    ).toBeNull()
  })

  it('slug uniqueness is per type', async () => {
    const docs: Doc[] = [
      { _id: 'show-pt', _type: 'show', slug: { current: 'partner-track' } },
      { _id: 'person-pt', _type: 'person', slug: { current: 'alexandra-turshen' } },
    ]
    const unique = (type: string, slug: string, id: string) =>
      query(SLUG_UNIQUE_QUERY, docs, { type, slug, ownIds: [id, `drafts.${id}`] })
    expect(await unique('show', 'partner-track', 'show-other')).toBe(false)
    expect(await unique('show', 'partner-track', 'show-pt')).toBe(true)
    expect(await unique('article', 'partner-track', 'article-x')).toBe(true)
  })
})
