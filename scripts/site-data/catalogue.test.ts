import { describe, expect, it } from 'vitest'
import { catalogueOf } from './catalogue.ts'
import { SiteDataMemo } from './memo.ts'
import type { ContentSnapshot } from './snapshot.ts'
import type { BuildWarning } from './types.ts'

type Rows = Parameters<typeof catalogueOf>[0]

const show = (id: string, title: string) =>
  ({
    _id: id,
    _rev: 'r',
    slug: id,
    title,
    networkId: 'network-a',
  }) as unknown as ContentSnapshot['shows'][number]

function rows(): Rows {
  return {
    networks: [{ _id: 'network-a', slug: 'a', name: 'Network A' }],
    shows: [show('show-a', 'Show A'), show('show-b', 'Show B')],
    people: [{ _id: 'person-a', slug: 'person-a', name: 'Person A' }],
    authors: [],
    statusEvents: [
      {
        _id: 'status-a',
        _updatedAt: '2026-01-01T00:00:00Z',
        showId: 'show-a',
        status: 'cancelled',
        confidence: 'official',
        announcedAt: '2026-01-01',
      },
      // Its show is missing: a warning, reported again whenever the catalogue is given back.
      { _id: 'status-orphan', _updatedAt: '2026-01-01T00:00:00Z', showId: 'show-gone' },
    ],
    castCredits: [
      { _id: 'credit-a', showId: 'show-a', personId: 'person-a', characterName: 'Someone', billing: 'main' },
    ],
    seasons: [],
  } as unknown as Rows
}

/** One build's catalogue, with the warnings it reported. */
function build(memo: SiteDataMemo, snapshot: Rows, builtAt = '2026-11-30T00:00:00.000Z') {
  const warnings: BuildWarning[] = []
  memo.begin()
  const catalogue = catalogueOf(snapshot, { memo, builtAt, file: 'test', warn: (w) => warnings.push(w) })
  memo.commit()
  return { catalogue, warnings: warnings.map((w) => w.code) }
}

describe('catalogueOf', () => {
  it('joins shows, statuses, people and credits', () => {
    const { catalogue, warnings } = build(new SiteDataMemo(), rows())
    expect(warnings).toEqual(['status-orphan'])
    expect(catalogue.unchanged).toBe(false)
    expect(catalogue.links.get('show-a')).toEqual({ href: '/shows/show-a/', text: 'Show A' })
    expect(catalogue.summaries.get('show-a')?.currentStatus?.status).toBe('cancelled')
    expect(catalogue.summaries.get('show-a')?.network).toEqual({ href: '/networks/a/', text: 'Network A' })
    expect(catalogue.castLineById.get('credit-a')?.person.text).toBe('Person A')
    expect(catalogue.creditsByPerson.get('person-a')?.[0]?.show).toBe(catalogue.summaries.get('show-a'))
  })

  it('gives the last build’s back whole while every row is the same object, with its warnings', () => {
    const memo = new SiteDataMemo()
    const snapshot = rows()
    const first = build(memo, snapshot).catalogue
    // The same rows in new lists, as a reloaded source gives them.
    const again = build(memo, { ...snapshot, shows: [...snapshot.shows] })
    expect(again.catalogue.unchanged).toBe(true)
    expect(again.warnings).toEqual(['status-orphan'])
    expect(again.catalogue.summaries).toBe(first.summaries)
    expect(again.catalogue.links).toBe(first.links)
    // Kept, its objects are still the memo's: the build after finds them as they were.
    const third = build(memo, snapshot)
    expect(third.catalogue.summaries.get('show-b')).toBe(first.summaries.get('show-b'))
  })

  it('works it out again when a row changed, keeping the objects made from the same inputs', () => {
    const memo = new SiteDataMemo()
    const snapshot = rows()
    const first = build(memo, snapshot).catalogue
    const retitled = { ...snapshot, shows: [show('show-a', 'Show A, Retitled'), snapshot.shows[1]] } as Rows
    const { catalogue } = build(memo, retitled)
    expect(catalogue.unchanged).toBe(false)
    expect(catalogue.links.get('show-a')?.text).toBe('Show A, Retitled')
    expect(catalogue.summaries.get('show-a')?.title).toBe('Show A, Retitled')
    expect(catalogue.summaries.get('show-b')).toBe(first.summaries.get('show-b'))
  })

  it('names what changed since the last build, by id', () => {
    const memo = new SiteDataMemo()
    const snapshot = rows()
    const withCreator = { ...show('show-b', 'Show B'), creatorIds: ['person-b'] } as Rows['shows'][number]
    const start = {
      ...snapshot,
      shows: [snapshot.shows[0], withCreator],
      people: [...snapshot.people, { _id: 'person-b', slug: 'person-b', name: 'Person B' }],
    } as Rows
    expect(build(memo, start).catalogue.changes).toBeUndefined()
    const given = build(memo, { ...start }).catalogue.changes
    expect(given && Object.values(given).map((ids) => ids.size)).toEqual([0, 0, 0, 0, 0])
    const changesAfter = (edit: Partial<Rows>) => {
      const changes = build(memo, { ...start, ...edit }).catalogue.changes
      build(memo, start)
      return changes && Object.fromEntries(Object.entries(changes).map(([kind, ids]) => [kind, [...ids]]))
    }
    const person = (name: string, id = 'person-a') => ({ _id: id, slug: id, name })
    expect(changesAfter({ people: [person('Person A, Renamed'), start.people[1]] } as Partial<Rows>)).toEqual(
      {
        links: ['person-a'],
        castLines: ['credit-a'],
        summaries: [],
        shows: ['show-a'],
        people: [],
      },
    )
    expect(
      changesAfter({ people: [start.people[0], person('Person B, Renamed', 'person-b')] } as Partial<Rows>),
    ).toEqual({
      links: ['person-b'],
      castLines: [],
      summaries: [],
      shows: ['show-b'],
      people: [],
    })
    // An older event: the show's timeline changes, its summary (current status) does not.
    const [current, orphan] = start.statusEvents
    const older = { ...current, _id: 'status-a0', status: 'ordered', announcedAt: '2025-01-01' }
    const timeline = { statusEvents: [current, older, orphan] } as Partial<Rows>
    build(memo, { ...start, ...timeline })
    expect(
      changesAfter({ statusEvents: [current, { ...older, summary: 'Reworded.' }, orphan] } as Partial<Rows>),
    ).toEqual({ links: [], castLines: [], summaries: [], shows: ['show-a'], people: [] })
    const network = { ...start.networks[0], name: 'Network A, Renamed' }
    expect(changesAfter({ networks: [network] } as Partial<Rows>)).toEqual({
      links: ['network-a'],
      castLines: [],
      summaries: ['show-a', 'show-b'],
      shows: ['show-a', 'show-b'],
      people: ['person-a'],
    })
    const season = { _id: 'season-b1', showId: 'show-b', number: 1 }
    expect(changesAfter({ seasons: [season] } as Partial<Rows>)).toMatchObject({
      shows: ['show-b'],
      people: [],
    })
    const moved = { ...show('show-a', 'Show A'), slug: 'show-a-moved' } as Rows['shows'][number]
    expect(changesAfter({ shows: [moved, withCreator] } as Partial<Rows>)).toEqual({
      links: ['show-a'],
      castLines: [],
      summaries: ['show-a'],
      shows: ['show-a'],
      people: ['person-a'],
    })
  })

  it('is not given back when a status event is dated by the build', () => {
    const memo = new SiteDataMemo()
    const snapshot = rows()
    const undated = { ...snapshot.statusEvents[0], _updatedAt: null }
    const dated = { ...snapshot, statusEvents: [undated] } as unknown as Rows
    build(memo, dated, '2026-11-30T00:00:00.000Z')
    const { catalogue } = build(memo, dated, '2026-11-30T00:00:01.000Z')
    expect(catalogue.unchanged).toBe(false)
    expect(catalogue.eventsByShow.get('show-a')?.[0]?.updatedAt).toBe('2026-11-30T00:00:01.000Z')
  })
})
