import type { TagPage } from '../../scripts/site-data/index.ts'
import { articleList } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { PageData } from '../lib/page-data.ts'

type Data = PageData & { tag: TagPage }

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.tags', size: 1, alias: 'tag', addAllPagesToCollections: false },
  permalink: (data: Data) => data.tag.url,
  eleventyComputed: {
    title: (data: Data) => `Articles tagged “${data.tag.name}”`,
    description: (data: Data) =>
      `${data.tag.articles.length} Reel Status ${data.tag.articles.length === 1 ? 'article' : 'articles'} tagged “${data.tag.name}”, newest first.`,
  },
}

export function render({ tag }: Data): string {
  return html(h('p.kicker', 'Tag'), h('h1', `Articles tagged “${tag.name}”`), articleList(tag.articles, 'h2'))
}
