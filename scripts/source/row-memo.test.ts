import { parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import * as queries from '../queries.ts'
import { createEmbeddedSource } from './embedded.ts'
import { flatQueryOf, type RowMemo } from './row-memo.ts'
import type { SanityDocument } from './types.ts'

const SITE_QUERIES = [
  queries.networksQuery,
  queries.showsQuery,
  queries.seasonsQuery,
  queries.peopleQuery,
  queries.castCreditsQuery,
  queries.statusEventsQuery,
  queries.authorsQuery,
  queries.articlesQuery,
]

describe('flatQueryOf', () => {
  it('accepts every site query', () => {
    for (const query of SITE_QUERIES) expect(flatQueryOf(parse(query)), query).toBeDefined()
  })

  it('refuses projections that read more than their document, and orderings on other fields', () => {
    for (const query of [
      '*[_type == "show"] | order(title asc) { title, "network": network->name }',
      '*[_type == "show"] | order(title asc) { title, "now": $now }',
      '*[_type == "show"] | order(title asc) { title, "count": count(*[_type == "person"]) }',
      '*[_type == "show"] | order(title asc) { title, "upper": upper(title) }',
      '*[_type == "show"] | order(title asc) { "title": slug.current }',
      '*[_type == "show"] | order(name asc) { title }',
      '*[_type == "show"] | order(lower(title) asc) { title }',
      '*[_type == "show"] { title }',
      '*[_type == "show"]',
    ])
      expect(flatQueryOf(parse(query)), query).toBeUndefined()
  })
})

describe('a source with a row memo', () => {
  const doc = (id: string, title: string | number | null, rev = 'r1'): SanityDocument =>
    ({ _id: id, _type: 'show', _rev: rev, title, slug: { current: id } }) as SanityDocument
  const query =
    '*[_type == "show" && defined(slug.current)] | order(title asc, _id asc) { _id, title, "slug": slug.current }'

  it('answers as groq-js does, projecting only documents it has not seen', async () => {
    const memo: RowMemo = new WeakMap()
    const a = doc('a', 'Beta')
    const b = doc('b', 'Alpha')
    const c = doc('c', null)
    const d = doc('d', 7)
    const first = createEmbeddedSource({ file: 'x', documents: [a, b, c, d] }, { rows: memo })
    const plain = (documents: SanityDocument[]) => createEmbeddedSource({ file: 'x', documents }).fetch(query)
    const before = await first.fetch<Array<{ _id: string }>>(query)
    expect(before).toEqual(await plain([a, b, c, d]))
    // b edited (a new object), e created, c deleted: a and d keep their rows.
    const edited = doc('b', 'Zeta', 'r2')
    const e = doc('e', 'Alpha')
    const second = createEmbeddedSource({ file: 'x', documents: [a, edited, d, e] }, { rows: memo })
    const after = await second.fetch<Array<{ _id: string }>>(query)
    expect(after).toEqual(await plain([a, edited, d, e]))
    expect(after.find((row) => row._id === 'a')).toBe(before.find((row) => row._id === 'a'))
    expect(Object.isFrozen(after[0])).toBe(true)
  })

  it('gives its last answer again over the same documents and parameters, and a fresh one otherwise', async () => {
    const memo: RowMemo = new WeakMap()
    const a = doc('a', 'Beta')
    const b = doc('b', 'Alpha')
    const plain = (documents: SanityDocument[], q = query, params = {}) =>
      createEmbeddedSource({ file: 'x', documents }).fetch(q, params)
    const first = await createEmbeddedSource({ file: 'x', documents: [a, b] }, { rows: memo }).fetch<
      unknown[]
    >(query)
    const again = await createEmbeddedSource({ file: 'x', documents: [a, b] }, { rows: memo }).fetch<
      unknown[]
    >(query)
    expect(again).toEqual(first)
    expect(again).not.toBe(first)
    again.pop()
    const third = await createEmbeddedSource({ file: 'x', documents: [a, b] }, { rows: memo }).fetch(query)
    expect(third).toEqual(await plain([a, b]))
    const edited = doc('a', 'Gamma', 'r2')
    expect(
      await createEmbeddedSource({ file: 'x', documents: [edited, b] }, { rows: memo }).fetch(query),
    ).toEqual(await plain([edited, b]))
    const byParam = '*[_type == "show" && title != $skip] | order(title asc, _id asc) { _id, title }'
    for (const skip of ['Alpha', 'Beta'])
      expect(
        await createEmbeddedSource({ file: 'x', documents: [a, b] }, { rows: memo }).fetch(byParam, { skip }),
      ).toEqual(await plain([a, b], byParam, { skip }))
  })

  it('runs a pure filter only over documents it has not judged with the same parameters', async () => {
    const memo: RowMemo = new WeakMap()
    let reads = 0
    const counted = { _id: 'a', _type: 'show', _rev: 'r1', slug: { current: 'a' } } as SanityDocument
    Object.defineProperty(counted, 'title', {
      enumerable: true,
      get: () => {
        reads += 1
        return 'Beta'
      },
    })
    const b = doc('b', 'Alpha')
    const byParam = '*[_type == "show" && title != $skip] | order(title asc, _id asc) { _id, title }'
    const fetch = (documents: SanityDocument[], skip: string) =>
      createEmbeddedSource({ file: 'x', documents }, { rows: memo }).fetch(byParam, { skip })
    const plain = (documents: SanityDocument[], skip: string) =>
      createEmbeddedSource({ file: 'x', documents }).fetch(byParam, { skip })
    await fetch([counted, b], 'Alpha')
    const judged = reads
    expect(judged).toBeGreaterThan(0)
    // Another document list (so no last answer), the same parameters: `counted` is neither filtered
    // nor projected again.
    const c = doc('c', 'Gamma')
    expect(await fetch([counted, b, c], 'Alpha')).toEqual([
      { _id: 'a', title: 'Beta' },
      { _id: 'c', title: 'Gamma' },
    ])
    expect(reads).toBe(judged)
    // New parameters: judged again, and the verdicts follow them back and forth.
    for (const skip of ['Beta', 'Alpha', 'Beta']) {
      reads = 0
      const documents = [counted, b, c]
      const answer = await fetch(documents, skip)
      expect(reads).toBeGreaterThan(0)
      reads = 0
      expect(answer).toEqual(await plain(documents, skip))
    }
  })

  it('orders as groq-js does when rows keep their ordering fields, change them, or swap places', async () => {
    const memo: RowMemo = new WeakMap()
    const tieQuery = '*[_type == "show"] | order(title asc) { _id, title, "slug": slug.current }'
    const check = async (documents: SanityDocument[]) => {
      for (const q of [query, tieQuery]) {
        const memoized = await createEmbeddedSource({ file: 'x', documents }, { rows: memo }).fetch(q)
        expect(memoized, q).toEqual(await createEmbeddedSource({ file: 'x', documents }).fetch(q))
      }
    }
    const a = doc('a', 'Same')
    const b = doc('b', 'Same')
    const c = doc('c', 'Other')
    await check([a, b, c])
    // A new revision with the same title: the same order with the new row.
    const a2 = { ...doc('a', 'Same', 'r2'), slug: { current: 'a-new' } } as SanityDocument
    await check([a2, b, c])
    // Ties in the title keep document order, so swapping two documents swaps their rows.
    await check([b, a2, c])
    // A changed title is sorted again.
    await check([b, doc('a', 'Aardvark', 'r3'), c])
  })

  it('treats only filters that read their document and the parameters as pure', () => {
    const pure = (filter: string) =>
      flatQueryOf(parse(`*[${filter}] | order(title asc) { title }`))?.filterIsPure
    expect(pure('_type == "show" && defined(slug.current) && dateTime(publishedAt) <= dateTime($now)')).toBe(
      true,
    )
    expect(pure('_type == "show" && network->name == "x"')).toBe(false)
    expect(pure('_type == "show" && dateTime(publishedAt) <= now()')).toBe(false)
    expect(pure('_type == "show" && count(*[_type == "person"]) > 0')).toBe(false)
  })
})
