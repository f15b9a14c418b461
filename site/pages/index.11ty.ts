import { websiteJsonLd } from '../../scripts/site-data/jsonld.ts'
import { articleList, decisionList, showList } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { HeadData, PageData } from '../lib/page-data.ts'

/** Shows listed per status group; the tracker has the rest. */
const PER_GROUP = 5

export const data = {
  layout: 'base.11ty.ts',
  permalink: '/index.html',
  eleventyComputed: {
    head: (data: PageData): HeadData => ({ jsonLd: [websiteJsonLd(data.reel.site)] }),
  },
}

export function render({ reel }: PageData): string {
  return html(
    h('h1', reel.site.title),
    h('p.lede', reel.site.description),
    h('section', { 'aria-labelledby': 'by-status' }, [
      h('h2#by-status', 'Shows by current status'),
      reel.statusGroups.map((group) => [
        h('h3', [
          h('a', { href: `/status/${group.status}/` }, [
            h('span', { className: ['status', `status-${group.status}`] }, group.label),
          ]),
          ' ',
          h('span.count', `(${group.shows.length})`),
        ]),
        showList(group.shows.slice(0, PER_GROUP), { status: false }),
        group.shows.length > PER_GROUP
          ? h(
              'p',
              h('a', { href: `/status/${group.status}/` }, `All ${group.shows.length} shows: ${group.label}`),
            )
          : null,
      ]),
      h('p', h('a', { href: '/status/' }, 'Open the full status tracker')),
    ]),
    reel.decisions.length > 0
      ? h('section', { 'aria-labelledby': 'latest-decisions' }, [
          h('h2#latest-decisions', 'Latest decisions'),
          decisionList(reel.decisions.slice(0, 5)),
        ])
      : null,
    h('section', { 'aria-labelledby': 'latest' }, [
      h('h2#latest', 'Latest articles'),
      articleList(reel.latestArticles.slice(0, 10)),
      h('p', h('a', { href: '/articles/' }, 'All articles')),
    ]),
  )
}
