import { statusBadge } from '../lib/components.ts'
import { h, render as html } from '../lib/html.ts'
import type { HeadData, PageData } from '../lib/page-data.ts'

export const data = {
  layout: 'base.11ty.ts',
  permalink: '/search/index.html',
  title: 'Search',
  description: 'Search every show, article and person on Reel Status, or browse them all.',
  head: { scripts: ['/assets/search.js'] } satisfies HeadData,
}

/**
 * With JavaScript, the form searches the Pagefind index as you type (and runs `?q=` on load);
 * without it, the page is a complete list of shows, articles and people to browse.
 */
export function render({ reel }: PageData): string {
  const { browse } = reel
  return html(
    h('h1', 'Search'),
    h('form.search-form', { role: 'search', action: '/search/', method: 'get' }, [
      h('label', { htmlFor: 'search-input' }, 'Search shows, articles and people'),
      h('div.search-row', [
        h('input#search-input', {
          type: 'search',
          name: 'q',
          autocomplete: 'off',
          spellCheck: false,
          'aria-describedby': 'search-help',
        }),
        h('button', { type: 'submit' }, 'Search'),
      ]),
      h('p#search-help.meta', 'Results appear as you type. Without JavaScript, browse the full list below.'),
    ]),
    h('p#search-status.search-status', { role: 'status', 'aria-live': 'polite' }),
    h('ol#search-results.search-results', { hidden: true }),
    h('section#search-browse', { 'aria-labelledby': 'browse' }, [
      h('h2#browse', 'Browse everything'),
      h('h3', `Shows (${browse.shows.length})`),
      h(
        'ul.browse-list',
        browse.shows.map((show) =>
          h('li', [h('a', { href: show.href }, show.text), ' ', statusBadge(show.currentStatus)]),
        ),
      ),
      h('h3', `Articles (${browse.articles.length})`),
      h(
        'ul.browse-list',
        browse.articles.map((article) => h('li', h('a', { href: article.href }, article.text))),
      ),
      h('h3', `People (${browse.people.length})`),
      h(
        'ul.browse-list',
        browse.people.map((person) => h('li', h('a', { href: person.href }, person.text))),
      ),
    ]),
  )
}
