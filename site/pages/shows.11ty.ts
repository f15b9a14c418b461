import { eventAnchor } from '../../scripts/site-data/feeds.ts'
import type { ShowPage } from '../../scripts/site-data/index.ts'
import { showJsonLd } from '../../scripts/site-data/jsonld.ts'
import {
  articleList,
  castList,
  confidenceBadge,
  image,
  sampleNotice,
  sampleTag,
  sourceLine,
  sourceList,
  statusBadge,
  time,
} from '../lib/components.ts'
import { h, render as html, trusted } from '../lib/html.ts'
import type { HeadData, PageData } from '../lib/page-data.ts'
import { confidenceSentence, statusSentence } from '../lib/status-text.ts'

type Data = PageData & { show: ShowPage }

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.shows', size: 1, alias: 'show', addAllPagesToCollections: false },
  permalink: (data: Data) => data.show.url,
  eleventyComputed: {
    title: (data: Data) =>
      `${data.show.title} renewal status${data.show.currentStatus ? `: ${data.show.currentStatus.label}` : ''}`,
    description: (data: Data) =>
      [
        `Is ${data.show.title} renewed or cancelled? ${statusSentence(data.show)}`,
        data.show.currentStatus ? confidenceSentence(data.show.currentStatus, data.show.network?.text) : '',
        data.show.synopsisText,
      ]
        .filter(Boolean)
        .join(' '),
    head: (data: Data): HeadData => ({
      ogType: 'video.tv_show',
      image: data.show.keyArt,
      jsonLd: [showJsonLd(data.show, data.reel.site)],
      feeds: [{ href: `${data.show.url}feed.xml`, title: `${data.show.title}: status updates` }],
    }),
  },
}

const BILLING_HEADINGS = { main: 'Main cast', recurring: 'Recurring cast', guest: 'Guest cast' } as const

export function render({ show }: Data): string {
  const current = show.currentStatus
  return html(
    h('article.show', { 'data-pagefind-body': '' }, [
      h('header', [
        h('p.kicker', { 'data-pagefind-meta': `kind:${show.isSample ? 'Sample show' : 'Show'}` }, [
          'TV series',
          show.network ? [' · ', h('a', { href: show.network.href }, show.network.text)] : null,
        ]),
        h('h1', show.title),
        sampleNotice(show.isSample),
        h('p.meta', [
          show.premiereDate ? ['Premiered ', time(show.premiereDate)] : null,
          show.premiereDate && show.finaleDate ? ' · ' : null,
          show.finaleDate ? ['Finale ', time(show.finaleDate)] : null,
          show.genres.length > 0
            ? [show.premiereDate || show.finaleDate ? ' · ' : null, show.genres.join(', ')]
            : null,
        ]),
        show.basedOn?.title
          ? h('p.based-on', [
              'Based on ',
              show.basedOn.kind && show.basedOn.kind !== 'other' ? `the ${show.basedOn.kind} ` : null,
              h('cite', show.basedOn.title),
              show.basedOn.author ? ` by ${show.basedOn.author}` : null,
              show.basedOn.year ? ` (${show.basedOn.year})` : null,
            ])
          : null,
        show.creators.length > 0
          ? h('p.meta', [
              'Created by ',
              show.creators.map((c, i) => [i > 0 ? ', ' : '', h('a', { href: c.href }, c.text)]),
            ])
          : null,
        image(show.keyArt, { eager: true, className: 'lead-image' }),
      ]),
      h('section.current-status', { 'aria-labelledby': 'current-status' }, [
        h('h2#current-status', 'Current status'),
        h('p.answer__status', [
          statusBadge(current),
          current ? [' since ', time(current.announcedAt)] : null,
        ]),
        h('p.answer__sentence', statusSentence(show)),
        current
          ? [
              h('p', confidenceSentence(current, show.network?.text)),
              current.summary ? h('p', current.summary) : null,
              h('p.meta', sourceLine(current.sources)),
            ]
          : null,
        h('p.meta.trust', [
          show.statusVerifiedAt ? ['Status last verified ', time(show.statusVerifiedAt), ' · '] : null,
          'Last updated ',
          time(show.updatedAt),
          ' · ',
          h('a', { href: `${show.url}feed.xml` }, 'Status updates feed'),
        ]),
      ]),
      show.synopsisHtml
        ? h('section', { 'aria-labelledby': 'synopsis' }, [
            h('h2#synopsis', 'Synopsis'),
            h('div.prose', trusted(show.synopsisHtml)),
          ])
        : null,
      show.timeline.length > 0
        ? h('section', { 'aria-labelledby': 'history' }, [
            h('h2#history', 'Status history'),
            h(
              'p.meta',
              'Every announcement we track, newest first. The newest official one decides the status.',
            ),
            h(
              'ol.timeline',
              show.timeline.map((event) =>
                h('li', { id: eventAnchor(event.id) }, [
                  h('p.timeline__head', [
                    time(event.announcedAt),
                    ' ',
                    h('strong', { className: ['status', `status-${event.status}`] }, event.label),
                    event.forSeason ? ` · Season ${event.forSeason}` : null,
                    ' ',
                    confidenceBadge(event),
                    sampleTag(event.isSample && !show.isSample),
                  ]),
                  event.summary ? h('p', event.summary) : null,
                  event.sources.length > 0
                    ? [h('p.meta', 'Sources:'), sourceList(event.sources)]
                    : h('p.meta', 'No source recorded for this announcement.'),
                  event.verifiedAt ? h('p.meta', ['Verified ', time(event.verifiedAt)]) : null,
                ]),
              ),
            ),
          ])
        : null,
      show.seasons.length > 0
        ? h('section', { 'aria-labelledby': 'seasons' }, [
            h('h2#seasons', 'Seasons'),
            h(
              'ul.season-list',
              show.seasons.map((season) =>
                h('li', [
                  h('p', [
                    h('strong', `Season ${season.number}`),
                    season.title && season.title !== `Season ${season.number}` ? `: ${season.title}` : null,
                  ]),
                  h('p.meta', [
                    season.premiereDate
                      ? ['Premiered ', time(season.premiereDate)]
                      : 'Premiere date not announced',
                    season.finaleDate ? [' · Finale ', time(season.finaleDate)] : null,
                    season.episodeCount ? ` · ${season.episodeCount} episodes` : null,
                  ]),
                  season.synopsis ? h('p', season.synopsis) : null,
                ]),
              ),
            ),
          ])
        : null,
      (['main', 'recurring', 'guest'] as const).map((billing) =>
        show.cast[billing].length > 0
          ? h('section', { 'aria-labelledby': `cast-${billing}` }, [
              h(`h2#cast-${billing}`, BILLING_HEADINGS[billing]),
              castList(show.cast[billing]),
            ])
          : null,
      ),
      show.articles.length > 0
        ? h('section', { 'aria-labelledby': 'related' }, [
            h('h2#related', `Articles about ${show.title}`),
            articleList(show.articles),
          ])
        : null,
      externalLinks(show),
    ]),
  )
}

function externalLinks(show: ShowPage) {
  const { imdb, tvmaze, tmdb } = show.externalIds
  const links = [
    imdb ? { href: `https://www.imdb.com/title/${encodeURIComponent(imdb)}/`, text: 'IMDb' } : null,
    tvmaze ? { href: `https://www.tvmaze.com/shows/${encodeURIComponent(tvmaze)}`, text: 'TVmaze' } : null,
    tmdb ? { href: `https://www.themoviedb.org/tv/${encodeURIComponent(tmdb)}`, text: 'TMDB' } : null,
  ].filter((link) => link !== null)
  if (links.length === 0) return null
  return h('p.meta', [
    'Elsewhere: ',
    links.map((link, i) => [
      i > 0 ? ' · ' : '',
      h('a', { href: link.href, rel: 'noopener noreferrer' }, link.text),
    ]),
  ])
}
