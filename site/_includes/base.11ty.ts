import { absoluteUrl } from '../../scripts/site-data/index.ts'
import { h, renderDocument, trusted } from '../lib/html.ts'
import type { PageData } from '../lib/page-data.ts'

/** The page shell: head metadata, site header and footer around each page's content. */
export function render(data: PageData): string {
  const { site } = data.reel
  const title = data.title ? `${data.title} · ${site.title}` : site.title
  const canonical = typeof data.page.url === 'string' ? absoluteUrl(site.url, data.page.url) : undefined
  return renderDocument(
    h('html', { lang: site.language }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', title),
        h('meta', { name: 'description', content: data.description ?? site.description }),
        canonical ? h('link', { rel: 'canonical', href: canonical }) : null,
        h('meta', { name: 'color-scheme', content: 'light dark' }),
        h('link', { rel: 'stylesheet', href: '/assets/site.css' }),
      ]),
      h('body', [
        h('a.skip-link', { href: '#main' }, 'Skip to content'),
        h('header.site-header', [
          h('a.site-title', { href: '/' }, site.title),
          h('nav', { 'aria-label': 'Main' }, [
            h('ul', [
              h('li', h('a', { href: '/' }, 'Home')),
              h('li', h('a', { href: '/status/' }, 'Status tracker')),
            ]),
          ]),
        ]),
        h('main#main', trusted(data.content ?? '')),
        h('footer.site-footer', [h('p', `${site.title} — ${site.description}`)]),
      ]),
    ]),
  )
}
