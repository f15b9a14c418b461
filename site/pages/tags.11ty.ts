import type { TagPage } from '../../scripts/site-data/index.ts'
import { articleList, pagination } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { HeadData, PageData } from '../lib/page-data.ts'

type Data = PageData & { tag: TagPage }

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.tagPages', size: 1, alias: 'tag', addAllPagesToCollections: false },
  permalink: (data: Data) => data.tag.url,
  eleventyComputed: {
    title: (data: Data) =>
      `Articles tagged “${data.tag.name}”${data.tag.number > 1 ? `, page ${data.tag.number}` : ''}`,
    description: (data: Data) =>
      `${data.tag.count} Reel Status ${data.tag.count === 1 ? 'article' : 'articles'} tagged “${data.tag.name}”, newest first${data.tag.total > 1 ? ` (page ${data.tag.number} of ${data.tag.total})` : ''}.`,
    head: (data: Data): HeadData => ({ prev: data.tag.previous, next: data.tag.next }),
  },
}

export function render({ tag }: Data): string {
  return html(
    h('p.kicker', 'Tag'),
    h('h1', `Articles tagged “${tag.name}”`),
    tag.total > 1 ? h('p.meta', `Page ${tag.number} of ${tag.total}, newest first`) : null,
    articleList(tag.articles, 'h2'),
    pagination(tag, `Pages of articles tagged “${tag.name}”`),
  )
}
