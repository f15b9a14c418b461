import { articleList, showList } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { PageData } from '../lib/page-data.ts'

export const data = { layout: 'base.11ty.ts', permalink: '/index.html' }

export function render({ reel }: PageData): string {
  return html(
    h('h1', reel.site.title),
    h('p.lede', reel.site.description),
    h('section', { 'aria-labelledby': 'latest' }, [
      h('h2#latest', 'Latest articles'),
      articleList(reel.articles.slice(0, 10)),
    ]),
    h('section', { 'aria-labelledby': 'by-status' }, [
      h('h2#by-status', 'Shows by current status'),
      reel.statusGroups.map((group) => [h('h3', group.label), showList(group.shows)]),
    ]),
  )
}
