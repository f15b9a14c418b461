import { describe, expect, it } from 'vitest'
import { paginateArticles, paginatePeople } from './paginate.ts'
import type { ArticleSummary } from './types.ts'

describe('paginateArticles', () => {
  const articles: ArticleSummary[] = Array.from({ length: 45 }, (_, i) => ({
    id: `article-${i}`,
    url: `/articles/a${i}/`,
    title: `A${i}`,
    excerpt: '',
    publishedAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    isSample: true,
  }))
  const pathOf = (n: number) => (n <= 1 ? '/list/' : `/list/page/${n}/`)

  it('splits into pages of 20 at the paths given', () => {
    const pages = paginateArticles(articles, pathOf)
    expect(pages.map((p) => [p.url, p.articles.length])).toEqual([
      ['/list/', 20],
      ['/list/page/2/', 20],
      ['/list/page/3/', 5],
    ])
    expect(pages[1]).toMatchObject({ number: 2, total: 3, previous: '/list/', next: '/list/page/3/' })
    expect(pages[0]?.previous).toBeUndefined()
    expect(pages[2]?.next).toBeUndefined()
    expect(pages[2]?.articles[0]?.title).toBe('A40')
    expect(pages[0]?.pages).toEqual([
      { href: '/list/', number: 1 },
      { href: '/list/page/2/', number: 2 },
      { href: '/list/page/3/', number: 3 },
    ])
    expect(pages[2]?.pages).toBe(pages[0]?.pages)
  })

  it('takes another page size', () => {
    expect(paginateArticles(articles, pathOf, 45).map((p) => p.articles.length)).toEqual([45])
    expect(paginateArticles(articles, pathOf, 44).map((p) => p.articles.length)).toEqual([44, 1])
  })

  it('always has a first page', () => {
    expect(paginateArticles([], pathOf).map((p) => p.url)).toEqual(['/list/'])
  })
})

describe('paginatePeople', () => {
  const people = Array.from({ length: 205 }, (_, i) => ({ href: `/people/p${i}/`, text: `P${i}` }))
  const pathOf = (n: number) => (n <= 1 ? '/people/' : `/people/page/${n}/`)

  it('splits into pages of 100, each with its neighbours and every page', () => {
    const pages = paginatePeople(people, pathOf)
    expect(pages.map((p) => [p.url, p.people.length, p.previous, p.next])).toEqual([
      ['/people/', 100, undefined, '/people/page/2/'],
      ['/people/page/2/', 100, '/people/', '/people/page/3/'],
      ['/people/page/3/', 5, '/people/page/2/', undefined],
    ])
    expect(pages[2]?.people[0]).toBe(people[200])
    expect(pages.map((p) => p.pages)).toEqual(Array(3).fill(pages[0]?.pages))
  })

  it('has one empty page without people', () => {
    expect(paginatePeople([], pathOf)).toEqual([
      {
        url: '/people/',
        number: 1,
        total: 1,
        people: [],
        previous: undefined,
        next: undefined,
        pages: [{ href: '/people/', number: 1 }],
      },
    ])
  })
})
