import type { ArticlePage } from '../../scripts/site-data/index.ts'
import { sampleNotice, sourceList, statusBadge, time } from '../lib/components.ts'
import { h, render as html, trusted } from '../lib/html.ts'
import type { PageData } from '../lib/page-data.ts'

type Data = PageData & { article: ArticlePage }

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.articles', size: 1, alias: 'article', addAllPagesToCollections: false },
  permalink: (data: Data) => data.article.url,
  eleventyComputed: {
    title: (data: Data) => data.article.seo.title,
    description: (data: Data) => data.article.seo.description,
  },
}

export function render({ article }: Data): string {
  return html(
    h('article.article', [
      h('header', [
        h('h1', article.title),
        article.dek ? h('p.dek', article.dek) : null,
        sampleNotice(article.isSample),
        h('p.meta', [
          article.authors.length > 0
            ? [
                'By ',
                article.authors.map((a, i) => [i > 0 ? ', ' : '', h('a', { href: a.href }, a.text)]),
                ' · ',
              ]
            : null,
          'Published ',
          time(article.publishedAt),
          article.updatedAt !== article.publishedAt ? [' · Last updated ', time(article.updatedAt)] : null,
          article.lastVerifiedAt ? [' · Status last verified ', time(article.lastVerifiedAt)] : null,
        ]),
        article.show
          ? h('p.article-show', [
              'About ',
              h('a', { href: article.show.url }, article.show.title),
              ': ',
              statusBadge(article.show.currentStatus),
            ])
          : null,
      ]),
      h('div.prose', trusted(article.bodyHtml)),
      article.faq.length > 0
        ? h('section.faq', { 'aria-labelledby': 'faq' }, [
            h('h2#faq', 'Frequently asked questions'),
            article.faq.map((item) => [h('h3', item.question), h('div.answer', trusted(item.answerHtml))]),
          ])
        : null,
      article.sources.length > 0
        ? h('section', { 'aria-labelledby': 'sources' }, [
            h('h2#sources', 'Sources'),
            sourceList(article.sources),
          ])
        : null,
      article.tags.length > 0
        ? h('p.tags', [
            'Tags: ',
            article.tags.map((t, i) => [i > 0 ? ', ' : '', h('a', { href: t.href }, t.text)]),
          ])
        : null,
    ]),
  )
}
