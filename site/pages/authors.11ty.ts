import type { AuthorPage } from '../../scripts/site-data/index.ts'
import { articleList, sampleNotice } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { PageData } from '../lib/page-data.ts'

type Data = PageData & { author: AuthorPage }

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.authors', size: 1, alias: 'author', addAllPagesToCollections: false },
  permalink: (data: Data) => data.author.url,
  eleventyComputed: {
    title: (data: Data) => data.author.name,
    description: (data: Data) => data.author.bio ?? `Articles by ${data.author.name} on Reel Status.`,
  },
}

export function render({ author }: Data): string {
  return html(
    h('p.kicker', 'Author'),
    h('h1', author.name),
    sampleNotice(author.isSample),
    author.bio ? h('p.lede', author.bio) : null,
    h('h2', 'Articles'),
    author.articles.length > 0 ? articleList(author.articles) : h('p', 'No articles yet.'),
  )
}
