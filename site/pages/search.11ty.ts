import { paths } from '../../scripts/site-data/index.ts'
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
 * without it, the page lists every show and leads to the archive and the people index to browse
 * articles and people (lists of their own, in pages).
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
      h('p#search-help.meta', 'Results appear as you type. Without JavaScript, browse the lists below.'),
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
      h('h3', `Articles (${browse.articleCount})`),
      h('p', ['Every article, newest first, is in ', h('a', { href: '/articles/' }, 'the archive'), '.']),
      h('h3', `People (${browse.peopleCount})`),
      h('p', [
        'Everyone in the cast lists, by name, is in ',
        h('a', { href: paths.people() }, 'the people index'),
        '.',
      ]),
    ]),
  )
}
