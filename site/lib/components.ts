import type {
  ArticleSummary,
  CastLine,
  ShowSummary,
  SourceView,
  StatusView,
} from '../../scripts/site-data/index.ts'
import { isoDate, readableDate } from './dates.ts'
import { h } from './html.ts'

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

export function confidenceBadge(status: StatusView) {
  return h('span', { className: ['confidence', `confidence-${status.confidence}`] }, status.confidenceLabel)
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

export function articleList(articles: readonly ArticleSummary[]) {
  return h(
    'ul.article-list',
    articles.map((article) =>
      h('li', [
        h('h3', h('a', { href: article.url }, article.title)),
        article.dek ? h('p.dek', article.dek) : null,
        h('p.meta', ['Published ', time(article.publishedAt)]),
      ]),
    ),
  )
}

export function showList(shows: readonly ShowSummary[]) {
  return h(
    'ul.show-list',
    shows.map((show) =>
      h('li', [
        h('a', { href: show.url }, show.title),
        show.network ? [' · ', h('a', { href: show.network.href }, show.network.text)] : null,
        ' — ',
        statusBadge(show.currentStatus),
        show.currentStatus ? [' since ', time(show.currentStatus.announcedAt)] : null,
      ]),
    ),
  )
}

export function castList(lines: readonly CastLine[]) {
  return h(
    'ul.cast-list',
    lines.map((line) =>
      h('li', [h('a', { href: line.person.href }, line.person.text), ` as ${line.characterName}`]),
    ),
  )
}
