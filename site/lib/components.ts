import { eventAnchor } from '../../scripts/site-data/feeds.ts'
import type {
  ArticleSummary,
  CastLine,
  Decision,
  FilterLink,
  ImageView,
  ListPageNavigation,
  ShowSummary,
  SourceView,
  StatusView,
  TrackerView,
} from '../../scripts/site-data/index.ts'
import { isoDate, readableDate } from './dates.ts'
import { h } from './html.ts'
import { pageWindow } from './page-window.ts'

/** `<time>` with a machine-readable date and a readable label. */
export function time(value: string) {
  return h('time', { datetime: isoDate(value) }, readableDate(value))
}

/** Status label with its confidence, e.g. "Cancelled · Official". */
export function statusBadge(status: StatusView | undefined) {
  if (!status) return h('span.status.status-unknown', 'Status unknown')
  return h('span', { className: ['status', `status-${status.status}`] }, [
    status.label,
    ' ',
    confidenceBadge(status),
  ])
}

/** How sure a status is: official, reported or speculative. */
export function confidenceBadge(status: Pick<StatusView, 'confidence' | 'confidenceLabel'>) {
  return h(
    'span',
    {
      className: ['confidence', `confidence-${status.confidence}`],
      title: `Confidence: ${status.confidenceLabel}`,
    },
    status.confidenceLabel,
  )
}

export function sampleNotice(isSample: boolean) {
  return isSample
    ? h(
        'p.sample-notice',
        { role: 'note' },
        'Sample content: this page demonstrates the site and is not real news.',
      )
    : null
}

/** A small "Sample" label for sample items in lists. */
export function sampleTag(isSample: boolean) {
  return isSample ? [' ', h('span.sample-tag', { title: 'Sample content, not real news' }, 'Sample')] : null
}

export function sourceList(sources: readonly SourceView[]) {
  if (sources.length === 0) return null
  return h(
    'ul.sources',
    sources.map((source) =>
      h('li', [
        h('a', { href: source.url, rel: 'noopener noreferrer' }, source.title),
        source.publisher && source.publisher !== source.title ? ` (${source.publisher})` : null,
      ]),
    ),
  )
}

/** Inline sources of a status claim: "Source: <a>…</a>", or a plain note that none is recorded. */
export function sourceLine(sources: readonly SourceView[]) {
  if (sources.length === 0) return h('span.no-source', 'No source recorded')
  return h('span.source-line', [
    sources.length === 1 ? 'Source: ' : 'Sources: ',
    sources.map((source, index) => [
      index > 0 ? ', ' : '',
      h('a', { href: source.url, rel: 'noopener noreferrer' }, source.publisher ?? source.title),
    ]),
  ])
}

export function articleList(articles: readonly ArticleSummary[], heading: 'h2' | 'h3' = 'h3') {
  return h(
    'ul.article-list',
    articles.map((article) =>
      h('li', [
        h(heading, [h('a', { href: article.url }, article.title), sampleTag(article.isSample)]),
        article.dek ? h('p.dek', article.dek) : null,
        h('p.meta', [
          'Published ',
          time(article.publishedAt),
          isoDate(article.updatedAt) !== isoDate(article.publishedAt)
            ? [' · Updated ', time(article.updatedAt)]
            : null,
        ]),
      ]),
    ),
  )
}

/**
 * Shows with their current status: date of the decision, confidence and the source behind it.
 *
 * @param shows in display order
 * @param options `status: false` when a heading already names the status
 */
export function showList(shows: readonly ShowSummary[], options: { status?: boolean } = {}) {
  const showStatus = options.status ?? true
  return h(
    'ul.show-list',
    shows.map((show) => {
      const current = show.currentStatus
      return h('li', [
        h('p.show-list__title', [
          h('a', { href: show.url }, show.title),
          show.network ? [' · ', h('a.network', { href: show.network.href }, show.network.text)] : null,
          sampleTag(show.isSample),
        ]),
        h('p.meta', [
          showStatus ? [statusBadge(current), ' '] : current ? [confidenceBadge(current), ' '] : null,
          current
            ? [
                current.forSeason ? `Season ${current.forSeason} · ` : null,
                'Decided ',
                time(current.announcedAt),
                ' · ',
                sourceLine(current.sources),
              ]
            : showStatus
              ? null
              : 'No announcement yet',
        ]),
      ])
    }),
  )
}

/** The newest status events across shows, each with its source. */
export function decisionList(decisions: readonly Decision[]) {
  return h(
    'ol.decision-list',
    decisions.map(({ show, event }) =>
      h('li', [
        h('p.decision-list__title', [
          time(event.announcedAt),
          ': ',
          h('a', { href: `${show.url}#${eventAnchor(event.id)}` }, show.title),
          ' ',
          statusBadge(event),
          event.forSeason ? ` · Season ${event.forSeason}` : null,
          sampleTag(show.isSample || event.isSample),
        ]),
        h('p.meta', sourceLine(event.sources)),
      ]),
    ),
  )
}

export function castList(lines: readonly CastLine[]) {
  return h(
    'ul.cast-list',
    lines.map((line) =>
      h('li', [
        h('a', { href: line.person.href }, line.person.text),
        ` as ${line.characterName}`,
        line.seasons.length > 0
          ? h(
              'span.meta',
              ` · ${line.seasons.length === 1 ? 'season' : 'seasons'} ${line.seasons.join(', ')}`,
            )
          : null,
      ]),
    ),
  )
}

/**
 * An image with its intrinsic size, so the page does not move when it loads.
 *
 * @param view from the site data
 * @param options `eager` for the first image on a page
 */
export function image(view: ImageView | undefined, options: { eager?: boolean; className?: string } = {}) {
  if (!view) return null
  return h('img', {
    className: options.className ? [options.className] : undefined,
    src: view.src,
    srcSet: view.srcset,
    sizes: view.srcset ? view.sizes : undefined,
    width: view.width,
    height: view.height,
    alt: view.alt,
    loading: options.eager ? undefined : 'lazy',
    fetchPriority: options.eager ? 'high' : undefined,
    decoding: 'async',
  })
}

/** The tracker's filters, as links between pre-rendered pages (no JavaScript needed). */
export function filterBar(filters: TrackerView['filters']) {
  const group = (id: string, label: string, links: readonly FilterLink[]) =>
    h('div.filter-group', [
      h(`h2.filter-label#${id}`, label),
      h(
        'ul',
        { 'aria-labelledby': id },
        links.map((link) =>
          h(
            'li',
            h('a', { href: link.href, 'aria-current': link.current ? 'page' : undefined }, [
              link.text,
              ' ',
              h('span.count', `(${link.count})`),
            ]),
          ),
        ),
      ),
    ])
  return h('nav.filters', { 'aria-label': 'Filter shows' }, [
    group('filter-status', 'Status', filters.statuses),
    group('filter-network', 'Network', filters.networks),
  ])
}

/** Shows grouped by status, each group a section with its own heading. */
export function statusGroups(view: TrackerView) {
  if (view.total === 0) return h('p', 'No shows are tracked here yet.')
  return view.groups.map((group) =>
    h('section.status-group', { 'aria-labelledby': `group-${group.status}` }, [
      h(`h2#group-${group.status}`, [
        h('span', { className: ['status', `status-${group.status}`] }, group.label),
        ' ',
        h('span.count', `(${group.shows.length})`),
      ]),
      showList(group.shows, { status: false }),
    ]),
  )
}

/**
 * Links to the other pages of a list (the archive, a tag's, an author's, the people index): the
 * previous and next page, and the page numbers around this one (see `pageWindow`).
 *
 * @param page the page shown
 * @param label the navigation's name for assistive technology
 * @param words the previous and next links' text (a list of articles: newer and older)
 */
export function pagination(
  page: ListPageNavigation,
  label: string,
  words: { previous: string; next: string } = { previous: '← Newer', next: 'Older →' },
) {
  if (page.total <= 1) return null
  return h('nav.pagination', { 'aria-label': label }, [
    h('ul', [
      page.previous ? h('li', h('a', { href: page.previous, rel: 'prev' }, words.previous)) : null,
      pageWindow(page.number, page.total).map((item) => {
        if (item === 'gap') return h('li.gap', { 'aria-hidden': 'true' }, '…')
        const href = page.pages[item - 1]?.href
        return h(
          'li',
          h('a', { href, 'aria-current': item === page.number ? 'page' : undefined }, [
            h('span.visually-hidden', 'Page '),
            String(item),
          ]),
        )
      }),
      page.next ? h('li', h('a', { href: page.next, rel: 'next' }, words.next)) : null,
    ]),
  ])
}
