import type { ArchivePage } from '../../scripts/site-data/index.ts'
import { articleList, pagination } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { HeadData, PageData } from '../lib/page-data.ts'

type Data = PageData & { archive: ArchivePage }

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.archivePages', size: 1, alias: 'archive', addAllPagesToCollections: false },
  permalink: (data: Data) => data.archive.url,
  eleventyComputed: {
    title: (data: Data) => (data.archive.number > 1 ? `Articles, page ${data.archive.number}` : 'Articles'),
    description: (data: Data) =>
      `Every Reel Status article on TV renewals and cancellations, newest first${data.archive.total > 1 ? ` (page ${data.archive.number} of ${data.archive.total})` : ''}.`,
    head: (data: Data): HeadData => ({ prev: data.archive.previous, next: data.archive.next }),
  },
}

export function render({ archive }: Data): string {
  return html(
    h('h1', 'Articles'),
    archive.total > 1 ? h('p.meta', `Page ${archive.number} of ${archive.total}, newest first`) : null,
    archive.articles.length > 0 ? articleList(archive.articles, 'h2') : h('p', 'No articles yet.'),
    pagination(archive, 'Archive pages'),
  )
}
