import { absolutizeHtml, type Feed, type FeedEntry, resolveUrl } from '../../scripts/site-data/feeds.ts'
import type { ArticlePage, Decision } from '../../scripts/site-data/index.ts'
import { absoluteUrl } from '../../scripts/site-data/urls.ts'
import { readableDate } from './dates.ts'
import { h, render, trusted } from './html.ts'
import { x, xmlDocument } from './xml.ts'

/*
 * Feed formats: Atom 1.0 (RFC 4287) and JSON Feed 1.1. Entry content is the full HTML of the page's
 * main text with every URL absolute, so feed readers can show it away from the site.
 */

const SAMPLE_NOTE = 'Sample content: this item demonstrates the site and is not real news.'

/** Atom 1.0 document. */
export function atomFeed<Source>(
  feed: Feed<Source>,
  contentHtml: (entry: FeedEntry<Source>) => string,
): string {
  const { meta } = feed
  return xmlDocument(
    x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': meta.language }, [
      x('id', meta.feedUrl),
      x('title', meta.title),
      x('subtitle', meta.description),
      x('link', { rel: 'self', type: 'application/atom+xml', href: meta.feedUrl }),
      x('link', { rel: 'alternate', type: 'text/html', href: meta.homeUrl }),
      x('updated', meta.updated),
      x('author', [x('name', meta.author.name), x('uri', meta.author.url)]),
      x('generator', 'Reel Status'),
      ...feed.entries.map((entry) =>
        x('entry', [
          x('id', entry.id),
          x('title', { type: 'text' }, entry.title),
          x('link', { rel: 'alternate', type: 'text/html', href: entry.url }),
          x('published', entry.published),
          x('updated', entry.updated),
          ...entry.authors.map((author) => x('author', [x('name', author.name), x('uri', author.url)])),
          ...entry.categories.map((term) => x('category', { term })),
          x('summary', { type: 'text' }, entry.summary),
          x('content', { type: 'html' }, contentHtml(entry)),
        ]),
      ),
    ]),
  )
}

/** JSON Feed 1.1 document. */
export function jsonFeed<Source>(
  feed: Feed<Source>,
  contentHtml: (entry: FeedEntry<Source>) => string,
): string {
  const { meta } = feed
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.homeUrl,
    feed_url: meta.feedUrl,
    description: meta.description,
    language: meta.language,
    authors: [meta.author],
    items: feed.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: contentHtml(entry),
      date_published: entry.published,
      date_modified: entry.updated,
      authors: entry.authors.length > 0 ? entry.authors : undefined,
      tags: entry.categories.length > 0 ? entry.categories : undefined,
      language: meta.language,
    })),
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

/** An article's full text for feeds: sample note, body, FAQ and sources. */
export function articleContent(entry: FeedEntry<ArticlePage>): string {
  const article = entry.source
  const html = render(
    entry.isSample ? h('p', h('em', SAMPLE_NOTE)) : null,
    article.dek ? h('p', h('strong', article.dek)) : null,
    trusted(article.bodyHtml),
    article.faq.length > 0
      ? [
          h('h2', 'Frequently asked questions'),
          article.faq.map((item) => [h('h3', item.question), trusted(item.answerHtml)]),
        ]
      : null,
    article.sources.length > 0
      ? [
          h('h2', 'Sources'),
          h(
            'ul',
            article.sources.map((source) => h('li', h('a', { href: source.url }, source.title))),
          ),
        ]
      : null,
  )
  return absolutizeHtml(html, entry.url)
}

/**
 * A status decision for feeds: what was announced, how sure it is, and the sources. Every URL in it
 * is made absolute as it is written (there are thousands of decisions, and parsing each one's HTML
 * again to rewrite its links, as article bodies need, took most of the feeds' time).
 */
export function decisionContent(entry: FeedEntry<Decision>): string {
  const { show, event } = entry.source
  const url = (href: string) => resolveUrl(href, entry.url)
  return render(
    entry.isSample ? h('p', h('em', SAMPLE_NOTE)) : null,
    h('p', [
      h('a', { href: url(show.url) }, show.title),
      ': ',
      h('strong', event.label),
      event.forSeason ? ` (season ${event.forSeason})` : null,
      ` · ${event.confidenceLabel} · announced ${readableDate(event.announcedAt)}`,
    ]),
    event.summary ? h('p', event.summary) : null,
    event.sources.length > 0
      ? h(
          'ul',
          event.sources.map((source) => h('li', h('a', { href: url(source.url) }, source.title))),
        )
      : h('p', 'No source recorded.'),
    event.verifiedAt ? h('p', `Last verified ${readableDate(event.verifiedAt)}.`) : null,
  )
}

/** Feed URLs of the site, absolute. */
export function siteFeedUrls(siteUrl: string) {
  return { atom: absoluteUrl(siteUrl, '/feed.xml'), json: absoluteUrl(siteUrl, '/feed.json') }
}
