import type { PersonPage } from '../../scripts/site-data/index.ts'
import { personJsonLd } from '../../scripts/site-data/jsonld.ts'
import { image, sampleNotice, sampleTag, statusBadge } from '../lib/components.ts'
import { h, render as html, trusted } from '../lib/html.ts'
import type { HeadData, PageData } from '../lib/page-data.ts'

type Data = PageData & { person: PersonPage }

const BILLING_LABELS = { main: 'Main cast', recurring: 'Recurring', guest: 'Guest' } as const

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.people', size: 1, alias: 'person', addAllPagesToCollections: false },
  permalink: (data: Data) => data.person.url,
  eleventyComputed: {
    title: (data: Data) => data.person.name,
    description: (data: Data) =>
      data.person.bioText ||
      `${data.person.name}: roles in ${data.person.credits.map((c) => c.show.title).join(', ') || 'TV series'}, and whether those shows are renewed or cancelled.`,
    head: (data: Data): HeadData => ({
      ogType: 'profile',
      image: data.person.portrait,
      jsonLd: [personJsonLd(data.person, data.reel.site)],
    }),
  },
}

export function render({ person }: Data): string {
  return html(
    h('article.person', { 'data-pagefind-body': '' }, [
      h('header.person__header', [
        image(person.portrait, { eager: true, className: 'portrait' }),
        h('div', [
          h(
            'p.kicker',
            { 'data-pagefind-meta': `kind:${person.isSample ? 'Sample person' : 'Person'}` },
            'Cast and crew',
          ),
          h('h1', person.name),
        ]),
      ]),
      sampleNotice(person.isSample),
      person.bioHtml ? h('div.prose', trusted(person.bioHtml)) : null,
      h('h2', 'Credits'),
      person.credits.length > 0
        ? h(
            'ul.credits',
            person.credits.map((credit) =>
              h('li', [
                h('p', [
                  h('a', { href: credit.show.url }, credit.show.title),
                  ` as ${credit.characterName}`,
                  sampleTag(credit.show.isSample && !person.isSample),
                ]),
                h('p.meta', [
                  BILLING_LABELS[credit.billing],
                  credit.seasons.length > 0
                    ? ` · ${credit.seasons.length === 1 ? 'season' : 'seasons'} ${credit.seasons.join(', ')}`
                    : null,
                  ' · Show status: ',
                  statusBadge(credit.show.currentStatus),
                ]),
              ]),
            ),
          )
        : h('p', 'No credits yet.'),
    ]),
  )
}
