import type { PeopleListPage } from '../../scripts/site-data/index.ts'
import { pagination } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { HeadData, PageData } from '../lib/page-data.ts'

type Data = PageData & { index: PeopleListPage }

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.peoplePages', size: 1, alias: 'index', addAllPagesToCollections: false },
  permalink: (data: Data) => data.index.url,
  eleventyComputed: {
    title: (data: Data) => (data.index.number > 1 ? `People, page ${data.index.number}` : 'People'),
    description: (data: Data) =>
      `Everyone in the cast lists of the shows Reel Status follows, by name${data.index.total > 1 ? ` (page ${data.index.number} of ${data.index.total})` : ''}.`,
    head: (data: Data): HeadData => ({ prev: data.index.previous, next: data.index.next }),
  },
}

/** The people index: every person's page, by name, in pages. */
export function render({ index }: Data): string {
  return html(
    h('h1', 'People'),
    index.total > 1 ? h('p.meta', `Page ${index.number} of ${index.total}, by name`) : null,
    index.people.length > 0
      ? h(
          'ul.browse-list',
          index.people.map((person) => h('li', h('a', { href: person.href }, person.text))),
        )
      : h('p', 'No people yet.'),
    pagination(index, 'People index pages', { previous: '← Previous', next: 'Next →' }),
  )
}
