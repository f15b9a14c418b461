import type { PersonPage } from '../../scripts/site-data/index.ts'
import { sampleNotice, statusBadge } from '../lib/components.ts'
import { h, render as html, trusted } from '../lib/html.ts'
import type { PageData } from '../lib/page-data.ts'

type Data = PageData & { person: PersonPage }

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.people', size: 1, alias: 'person', addAllPagesToCollections: false },
  permalink: (data: Data) => data.person.url,
  eleventyComputed: {
    title: (data: Data) => data.person.name,
    description: (data: Data) => data.person.bioText.slice(0, 160) || `${data.person.name}: roles and shows`,
  },
}

export function render({ person }: Data): string {
  return html(
    h('article.person', [
      h('h1', person.name),
      sampleNotice(person.isSample),
      person.bioHtml ? h('div.prose', trusted(person.bioHtml)) : null,
      h('h2', 'Credits'),
      person.credits.length > 0
        ? h(
            'ul.credits',
            person.credits.map((credit) =>
              h('li', [
                h('a', { href: credit.show.url }, credit.show.title),
                ` as ${credit.characterName} (${credit.billing}) — `,
                statusBadge(credit.show.currentStatus),
              ]),
            ),
          )
        : h('p', 'No credits yet.'),
    ]),
  )
}
