import type { AuthorPage } from '../../scripts/site-data/index.ts'
import { articleList, pagination, sampleNotice } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { HeadData, PageData } from '../lib/page-data.ts'

type Data = PageData & { author: AuthorPage }

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.authorPages', size: 1, alias: 'author', addAllPagesToCollections: false },
  permalink: (data: Data) => data.author.url,
  eleventyComputed: {
    title: (data: Data) =>
      data.author.number > 1 ? `${data.author.name}, page ${data.author.number}` : data.author.name,
    description: (data: Data) =>
      data.author.number > 1
        ? `Articles by ${data.author.name} on Reel Status, newest first (page ${data.author.number} of ${data.author.total}).`
        : (data.author.bio ?? `Articles by ${data.author.name} on Reel Status.`),
    head: (data: Data): HeadData => ({ prev: data.author.previous, next: data.author.next }),
  },
}

export function render({ author }: Data): string {
  const first = author.number === 1
  return html(
    h('p.kicker', 'Author'),
    h('h1', author.name),
    sampleNotice(author.isSample),
    first && author.bio ? h('p.lede', author.bio) : null,
    h('h2', 'Articles'),
    author.total > 1 ? h('p.meta', `Page ${author.number} of ${author.total}, newest first`) : null,
    author.count > 0 ? articleList(author.articles) : h('p', 'No articles yet.'),
    pagination(author, `Pages of articles by ${author.name}`),
  )
}
