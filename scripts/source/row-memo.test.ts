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
