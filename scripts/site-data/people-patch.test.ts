import { describe, expect, it } from 'vitest'
import { catalogueOf } from './catalogue.ts'
import { SiteDataMemo } from './memo.ts'

type Rows = Parameters<typeof catalogueOf>[0]
type Person = Rows['people'][number]

const person = (id: string, name: string, slug = id) => ({ _id: id, slug, name }) as Person

function startRows(people: Person[] = [person('person-a', 'Ada'), person('person-b', 'Bo')]): Rows {
  return {
    networks: [{ _id: 'network-a', slug: 'a', name: 'Network A' }],
    shows: [
      { _id: 'show-a', slug: 'show-a', title: 'Show A', networkId: 'network-a' },
      { _id: 'show-b', slug: 'show-b', title: 'Show B', networkId: 'network-a', creatorIds: ['person-b'] },
    ],
    people,
    authors: [],
    statusEvents: [],
    castCredits: [
      { _id: 'credit-1', showId: 'show-a', personId: 'person-b', characterName: 'One', billing: 'main' },
      { _id: 'credit-2', showId: 'show-a', personId: 'person-a', characterName: 'Two', billing: 'guest' },
      { _id: 'credit-3', showId: 'show-b', personId: 'person-a', characterName: 'Three', billing: 'main' },
    ],
    seasons: [],
  } as unknown as Rows
}

/** The rows of one dataset: every section but people is the same objects from build to build. */
const start = startRows()
const rows = (people: Person[]): Rows => ({ ...start, people })

function build(memo: SiteDataMemo, snapshot: Rows, warnings: string[] = []) {
  memo.begin()
  const catalogue = catalogueOf(snapshot, {
    memo,
    builtAt: '2026-11-30T00:00:00.000Z',
    file: 'test',
    warn: (warning) => warnings.push(`${warning.code} ${warning.documentId}`),
  })
  memo.commit()
  return catalogue
}

/** Everything a catalogue holds but whether and how it was kept. */
const contents = ({ unchanged, changes, ...rest }: ReturnType<typeof build>) => rest

describe('people put into the last build’s catalogue', () => {
  it('gives what working it out again would, and names what changed', () => {
    const memo = new SiteDataMemo()
    const first = build(memo, start)
    // Renamed, she sorts after Bo: the same people in another order.
    const renamed = rows([start.people[1] as Person, person('person-a', 'Zoe')])
    const patched = build(memo, renamed)
    // Patched, not worked out again: the summaries are the last build's map.
    expect(patched.summaries).toBe(first.summaries)
    expect(contents(patched)).toEqual(contents(build(new SiteDataMemo(), renamed)))
    expect(patched.creditInputsByShow.get('show-a')).toEqual([
      start.castCredits[0],
      '/people/person-b/',
      'Bo',
      start.castCredits[1],
      '/people/person-a/',
      'Zoe',
    ])
    expect(patched.changes).toEqual({
      links: new Set(['person-a']),
      castLines: new Set(['credit-2', 'credit-3']),
      summaries: new Set(),
      shows: new Set(['show-a', 'show-b']),
      people: new Set(),
    })
    // The last build's catalogue is as it was.
    expect(first.links.get('person-a')?.text).toBe('Ada')
    expect(first.castLineById.get('credit-2')?.person.text).toBe('Ada')
  })

  it('names a show whose creator was renamed, and nothing for an edit that keeps the link', () => {
    const memo = new SiteDataMemo()
    build(memo, start)
    // Credited in Show A, creator of Show B.
    const creator = build(memo, rows([start.people[0] as Person, person('person-b', 'Bea')]))
    expect(creator.changes?.shows).toEqual(new Set(['show-a', 'show-b']))
    const sameName = build(memo, rows([start.people[0] as Person, { ...person('person-b', 'Bea'), bio: [] }]))
    expect(sameName.changes?.links.size).toBe(0)
    expect(sameName.links).toBe(creator.links)
  })

  it('works it out again for a new person, a changed or warned slug or another section changed', () => {
    const bo = start.people[1] as Person
    const edits: Array<[string, Rows]> = [
      ['new person', rows([...start.people, person('person-c', 'Cy')])],
      ['one person for another', rows([start.people[0] as Person, person('person-c', 'Cy')])],
      ['slug', rows([person('person-a', 'Ada', 'ada'), bo])],
      // The same slug once normalised, with a warning the last build did not have.
      ['slug that warns', rows([person('person-a', 'Ada', 'Person-A'), bo])],
      ['and a show', { ...rows([person('person-a', 'Zoe'), bo]), shows: [...start.shows.slice(1)] }],
    ]
    for (const [label, edited] of edits) {
      const memo = new SiteDataMemo()
      const first = build(memo, start)
      const warnings: string[] = []
      const again = build(memo, edited, warnings)
      const freshWarnings: string[] = []
      expect(again.summaries, label).not.toBe(first.summaries)
      expect(contents(again), label).toEqual(contents(build(new SiteDataMemo(), edited, freshWarnings)))
      expect(warnings, label).toEqual(freshWarnings)
    }
  })
})
