import type { ArticlePage } from '../../scripts/site-data/index.ts'
import { articleJsonLd } from '../../scripts/site-data/jsonld.ts'
import { image, sampleNotice, sourceLine, sourceList, statusBadge, time } from '../lib/components.ts'
import { h, render as html, trusted } from '../lib/html.ts'
import type { HeadData, PageData } from '../lib/page-data.ts'
import { statusSentence } from '../lib/status-text.ts'

type Data = PageData & { article: ArticlePage }

export const data = {
  layout: 'base.11ty.ts',
  pagination: { data: 'reel.articles', size: 1, alias: 'article', addAllPagesToCollections: false },
  permalink: (data: Data) => data.article.url,
  eleventyComputed: {
    title: (data: Data) => data.article.seo.title,
    description: (data: Data) => data.article.seo.description,
    head: (data: Data): HeadData => ({
      ogType: 'article',
      image: data.article.seo.image,
      publishedTime: data.article.publishedAt,
      modifiedTime: data.article.updatedAt,
      tags: data.article.tags.map((tag) => tag.text),
      jsonLd: [articleJsonLd(data.article, data.reel.site)],
      feeds: data.article.show
        ? [{ href: `${data.article.show.url}feed.xml`, title: `${data.article.show.title}: status updates` }]
        : [],
    }),
  },
}

export function render({ article }: Data): string {
  const show = article.show
  return html(
    h('article.article', { 'data-pagefind-body': '' }, [
      h('header', [
        h('p.kicker', { 'data-pagefind-meta': `kind:${article.isSample ? 'Sample article' : 'Article'}` }, [
          article.kind ? article.kind.replace(/-/g, ' ') : 'Article',
        ]),
        h('h1', article.title),
        article.dek ? h('p.dek', article.dek) : null,
        sampleNotice(article.isSample),
        h('p.meta.byline', [
          article.authors.length > 0
            ? [
                'By ',
                article.authors.map((a, i) => [i > 0 ? ', ' : '', h('a', { href: a.href }, a.text)]),
                ' · ',
              ]
            : null,
          'Published ',
          time(article.publishedAt),
          ' · Last updated ',
          time(article.updatedAt),
          article.lastVerifiedAt ? [' · Status last verified ', time(article.lastVerifiedAt)] : null,
          ` · ${article.readingMinutes} min read`,
        ]),
        image(article.seo.image, { eager: true, className: 'lead-image' }),
      ]),
      show
        ? h('aside.answer', { 'aria-labelledby': 'answer-heading' }, [
            h('h2#answer-heading', ['Current status of ', h('a', { href: show.url }, show.title)]),
            h('p.answer__status', [statusBadge(show.currentStatus)]),
            h('p', statusSentence(show)),
            show.currentStatus
              ? h('p.meta', [
                  'Announced ',
                  time(show.currentStatus.announcedAt),
                  ' · ',
                  sourceLine(show.currentStatus.sources),
                ])
              : null,
          ])
        : null,
      h('div.prose', trusted(article.bodyHtml)),
      article.faq.length > 0
        ? h('section.faq', { 'aria-labelledby': 'faq-heading' }, [
            h('h2#faq-heading', 'Frequently asked questions'),
            article.faq.map((item) => [h('h3', item.question), h('div.answer', trusted(item.answerHtml))]),
          ])
        : null,
      article.sources.length > 0
        ? h('section', { 'aria-labelledby': 'sources-heading' }, [
            h('h2#sources-heading', 'Sources'),
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
