import { describe, expect, it } from 'vitest'
import { paginateArticles } from '../../scripts/site-data/paginate.ts'
import { pagination } from './components.ts'
import { render } from './html.ts'

describe('pagination', () => {
  const articles = Array.from({ length: 500 * 20 }, (_, i) => ({
    id: `a${i}`,
    url: `/articles/a${i}/`,
    title: `A${i}`,
    excerpt: '',
    publishedAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    isSample: false,
  }))
  const pages = paginateArticles(articles, (n) => (n <= 1 ? '/list/' : `/list/page/${n}/`))

  it('links newer, older and the pages around this one, with gaps for the rest', () => {
    const html = render(pagination(pages[249] as (typeof pages)[number], 'List pages'))
    const numbers = [
      ...html.matchAll(
        /<li(?: class="gap" aria-hidden="true")?>(?:<a [^>]*>)?(?:<span class="visually-hidden">Page <\/span>)?([^<]*)/g,
      ),
    ].map((m) => m[1])
    expect(numbers).toEqual(['← Newer', '1', '…', '248', '249', '250', '251', '252', '…', '500', 'Older →'])
    expect(html).toContain('<nav class="pagination" aria-label="List pages">')
    expect(html).toContain('<a href="/list/page/250/" aria-current="page">')
    expect(html).toContain('<a href="/list/page/249/" rel="prev">')
    expect(html.length).toBeLessThan(1200)
  })

  it('is left out for a list of one page', () => {
    expect(
      pagination(paginateArticles([], () => '/list/')[0] as (typeof pages)[number], 'List pages'),
    ).toBeNull()
  })
})
