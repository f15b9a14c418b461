import { describe, expect, it } from 'vitest'
import { articleLinksOf, type LinkedRow } from './article-links.ts'
import { SiteDataMemo } from './memo.ts'
import type { BuildWarning } from './types.ts'

const row = (id: string, slug: string | null, title = id): LinkedRow => ({ _id: id, slug, title })

/** One build's links, with the warnings it reported. */
function build(memo: SiteDataMemo, rows: LinkedRow[]) {
  const warnings: BuildWarning[] = []
  memo.begin()
  const links = articleLinksOf(memo, rows, 'test', (w) => warnings.push(w))
  memo.commit()
  return { ...links, warnings: warnings.map((w) => `${w.code} ${w.documentId}`) }
}

/** What a build with nothing before gives (links, slugs and warnings). */
const fresh = (rows: LinkedRow[]) => {
  const { slugs, links, warnings } = build(new SiteDataMemo(), rows)
  return { slugs, links, warnings }
}

describe('articleLinksOf', () => {
  const rows = [row('a', 'alpha'), row('b', 'Beta Slug'), row('c', 'gamma')]

  it('assigns slugs and links, with warnings for normalised slugs', () => {
    const { slugs, links, warnings, changed } = build(new SiteDataMemo(), rows)
    expect([...slugs]).toEqual([
      ['a', 'alpha'],
      ['b', 'beta-slug'],
      ['c', 'gamma'],
    ])
    expect(links.get('b')).toEqual({ href: '/articles/beta-slug/', text: 'b' })
    expect(warnings).toEqual(['slug-normalised b'])
    expect(changed).toBeUndefined()
  })

  it('puts in rows edited in place, naming the articles whose link changed', () => {
    const memo = new SiteDataMemo()
    const first = build(memo, rows)
    const edited = [row('a', 'alpha', 'Alpha, Retitled'), rows[1], row('c', 'gamma-two')] as LinkedRow[]
    const second = build(memo, edited)
    const { changed, ...rest } = second
    expect(rest).toEqual({ ...fresh(edited) })
    expect([...(changed ?? [])].sort()).toEqual(['a', 'c'])
    // An unchanged article keeps its link object.
    expect(second.links.get('b')).toBe(first.links.get('b'))
    // The freed slug can be taken by another article in the build after.
    const third = [row('a', 'gamma'), rows[1], row('c', 'gamma-two')] as LinkedRow[]
    const { changed: again, ...after } = build(memo, third)
    expect(after).toEqual(fresh(third))
    expect([...(again ?? [])]).toEqual(['a'])
  })

  it('assigns anew when an edit needs a warning or clashes, reporting as a fresh build does', () => {
    const memo = new SiteDataMemo()
    build(memo, rows)
    const normalised = [row('a', 'Alpha Again'), rows[1], rows[2]] as LinkedRow[]
    const { changed, ...rest } = build(memo, normalised)
    expect(rest).toEqual(fresh(normalised))
    expect([...(changed ?? [])]).toEqual(['a'])
    const clean = [row('a', 'alpha'), row('c', 'gamma')]
    const again = new SiteDataMemo()
    build(again, clean)
    const clash = [row('a', 'gamma'), clean[1]] as LinkedRow[]
    expect(() => build(again, clash)).toThrow('article slug "gamma" is used by both a and c')
  })
})
