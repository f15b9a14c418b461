import type { ShowPage } from '../../scripts/site-data/index.ts'
import {
  articleList,
  castList,
  confidenceBadge,
  sampleNotice,
  sourceList,
  statusBadge,
  time,
} from '../lib/components.ts'
import { h, render as html, trusted } from '../lib/html.ts'
import type { PageData } from '../lib/page-data.ts'

type Data = PageData & { show: ShowPage }

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.shows', size: 1, alias: 'show', addAllPagesToCollections: false },
  permalink: (data: Data) => data.show.url,
  eleventyComputed: {
    title: (data: Data) => `${data.show.title}: ${data.show.currentStatus?.label ?? 'status'}`,
    description: (data: Data) =>
      data.show.synopsisText.slice(0, 160) || `Renewal status of ${data.show.title}`,
  },
}

const BILLING_HEADINGS = { main: 'Main cast', recurring: 'Recurring cast', guest: 'Guest cast' } as const

export function render({ show }: Data): string {
  const current = show.currentStatus
  return html(
    h('article.show', [
      h('header', [
        h('h1', show.title),
        sampleNotice(show.isSample),
        h('p.meta', [
          show.network ? [h('a', { href: show.network.href }, show.network.text), ' · '] : null,
          show.premiereDate ? ['Premiered ', time(show.premiereDate)] : null,
        ]),
        show.basedOn?.title
          ? h('p.based-on', [
              'Based on ',
              h('cite', show.basedOn.title),
              show.basedOn.author ? ` by ${show.basedOn.author}` : null,
              show.basedOn.year ? ` (${show.basedOn.year})` : null,
            ])
          : null,
      ]),
      h('section.current-status', { 'aria-labelledby': 'current-status' }, [
        h('h2#current-status', 'Current status'),
        current
          ? [
              h('p.status-line', [statusBadge(current), ' since ', time(current.announcedAt)]),
              current.summary ? h('p', current.summary) : null,
              sourceList(current.sources),
            ]
          : h('p', 'No status has been announced yet.'),
        show.statusVerifiedAt ? h('p.meta', ['Status last verified ', time(show.statusVerifiedAt)]) : null,
      ]),
      show.synopsisHtml
        ? h('section', [h('h2', 'Synopsis'), h('div.prose', trusted(show.synopsisHtml))])
        : null,
      show.timeline.length > 0
        ? h('section', { 'aria-labelledby': 'history' }, [
            h('h2#history', 'Status history'),
            h(
              'ol.timeline',
              show.timeline.map((event) =>
                h('li', [
                  h('p', [
                    time(event.announcedAt),
                    ': ',
                    h('strong', event.label),
                    ' ',
                    confidenceBadge(event),
                  ]),
                  event.summary ? h('p', event.summary) : null,
                  sourceList(event.sources),
                ]),
              ),
            ),
          ])
        : null,
      show.seasons.length > 0
        ? h('section', [
            h('h2', 'Seasons'),
            h(
              'ul',
              show.seasons.map((season) =>
                h('li', [
                  `Season ${season.number}`,
                  season.premiereDate ? [' · premiered ', time(season.premiereDate)] : null,
                  season.episodeCount ? ` · ${season.episodeCount} episodes` : null,
                ]),
              ),
            ),
          ])
        : null,
      (['main', 'recurring', 'guest'] as const).map((billing) =>
        show.cast[billing].length > 0
          ? h('section', [h('h2', BILLING_HEADINGS[billing]), castList(show.cast[billing])])
          : null,
      ),
      show.articles.length > 0 ? h('section', [h('h2', 'Articles'), articleList(show.articles)]) : null,
    ]),
  )
}
