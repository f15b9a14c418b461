import { absoluteUrl, type ImageView } from '../../scripts/site-data/index.ts'
import { siteFeedUrls } from '../lib/feeds.ts'
import { h, renderDocument, trusted } from '../lib/html.ts'
import type { PageData } from '../lib/page-data.ts'
import { jsonLdScript, metaDescription, metaTitle } from '../lib/seo.ts'

/** The card shown by social networks and chat apps for pages without an image of their own. */
export const DEFAULT_SOCIAL_IMAGE: ImageView = {
  src: '/assets/social-card.png',
  width: 1200,
  height: 630,
  alt: 'Reel Status: is your show renewed or cancelled?',
}

const NAV = [
  { href: '/', text: 'Home' },
  { href: '/status/', text: 'Status tracker' },
  { href: '/articles/', text: 'Articles' },
  { href: '/search/', text: 'Search' },
] as const

/** The page shell: head metadata, site header and footer around each page's content. */
export function render(data: PageData): string {
  const { site } = data.reel
  const head = data.head ?? {}
  const pageTitle = data.title ? metaTitle(data.title) : undefined
  const title = pageTitle ? `${pageTitle} · ${site.title}` : site.title
  const pageUrl = typeof data.page.url === 'string' ? data.page.url : undefined
  const canonical = pageUrl && !head.noindex ? absoluteUrl(site.url, pageUrl) : undefined
  const description = metaDescription(data.description ?? site.description)
  const image = head.image ?? DEFAULT_SOCIAL_IMAGE
  const imageUrl = absoluteUrl(site.url, image.src)
  const feeds = siteFeedUrls(site.url)
  const current = (href: string) =>
    pageUrl === href || (href !== '/' && pageUrl?.startsWith(href)) ? 'page' : undefined

  return renderDocument(
    h('html', { lang: site.language }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', title),
        h('meta', { name: 'description', content: description }),
        head.noindex ? h('meta', { name: 'robots', content: 'noindex' }) : null,
        canonical ? h('link', { rel: 'canonical', href: canonical }) : null,
        head.prev ? h('link', { rel: 'prev', href: absoluteUrl(site.url, head.prev) }) : null,
        head.next ? h('link', { rel: 'next', href: absoluteUrl(site.url, head.next) }) : null,
        h('meta', { name: 'color-scheme', content: 'light dark' }),
        h('meta', { name: 'theme-color', content: '#fdfcfa', media: '(prefers-color-scheme: light)' }),
        h('meta', { name: 'theme-color', content: '#141416', media: '(prefers-color-scheme: dark)' }),
        h('link', { rel: 'stylesheet', href: '/assets/site.css' }),
        h('link', { rel: 'icon', type: 'image/svg+xml', href: '/assets/icon.svg' }),
        h('link', {
          rel: 'alternate',
          type: 'application/atom+xml',
          title: `${site.title} articles`,
          href: feeds.atom,
        }),
        h('link', {
          rel: 'alternate',
          type: 'application/feed+json',
          title: `${site.title} articles (JSON Feed)`,
          href: feeds.json,
        }),
        (head.feeds ?? []).map((feed) =>
          h('link', {
            rel: 'alternate',
            type: 'application/atom+xml',
            title: feed.title,
            href: absoluteUrl(site.url, feed.href),
          }),
        ),
        // Open Graph and Twitter cards.
        h('meta', { property: 'og:site_name', content: site.title }),
        h('meta', { property: 'og:type', content: head.ogType ?? 'website' }),
        h('meta', { property: 'og:title', content: pageTitle ?? site.title }),
        h('meta', { property: 'og:description', content: description }),
        canonical ? h('meta', { property: 'og:url', content: canonical }) : null,
        h('meta', { property: 'og:image', content: imageUrl }),
        h('meta', { property: 'og:image:width', content: String(image.width) }),
        h('meta', { property: 'og:image:height', content: String(image.height) }),
        image.alt ? h('meta', { property: 'og:image:alt', content: image.alt }) : null,
        head.publishedTime
          ? h('meta', { property: 'article:published_time', content: head.publishedTime })
          : null,
        head.modifiedTime
          ? h('meta', { property: 'article:modified_time', content: head.modifiedTime })
          : null,
        (head.tags ?? []).map((tag) => h('meta', { property: 'article:tag', content: tag })),
        h('meta', { name: 'twitter:card', content: 'summary_large_image' }),
        h('meta', { name: 'twitter:title', content: pageTitle ?? site.title }),
        h('meta', { name: 'twitter:description', content: description }),
        h('meta', { name: 'twitter:image', content: imageUrl }),
        image.alt ? h('meta', { name: 'twitter:image:alt', content: image.alt }) : null,
        (head.jsonLd ?? []).map((value) => jsonLdScript(value)),
        (head.scripts ?? []).map((src) => h('script', { type: 'module', src })),
      ]),
      h('body', [
        h('a.skip-link', { href: '#main' }, 'Skip to content'),
        h('header.site-header', [
          h('a.site-title', { href: '/' }, site.title),
          h('nav', { 'aria-label': 'Main' }, [
            h(
              'ul',
              NAV.map((item) =>
                h('li', h('a', { href: item.href, 'aria-current': current(item.href) }, item.text)),
              ),
            ),
          ]),
        ]),
        h('main#main', trusted(data.content ?? '')),
        h('footer.site-footer', [
          h('p', `${site.title}: ${site.description}`),
          h('p', [
            'Follow: ',
            h('a', { href: '/feed.xml' }, 'Atom feed'),
            ' · ',
            h('a', { href: '/feed.json' }, 'JSON Feed'),
            ' · ',
            h('a', { href: '/status/feed.xml' }, 'Status decisions feed'),
          ]),
          h(
            'p',
            'Pages marked “Sample” are fictional demonstration content, not real news. Every status claim links to its sources.',
          ),
        ]),
      ]),
    ]),
  )
}
