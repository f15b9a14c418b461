import { h, render as html } from '../lib/html.ts'

export const data = {
  layout: 'base.11ty.ts',
  permalink: '/404.html',
  title: 'Page not found',
  head: { noindex: true },
}

export function render(): string {
  return html(
    h('h1', 'Page not found'),
    h('p', [
      "We couldn't find that page. Try the ",
      h('a', { href: '/status/' }, 'status tracker'),
      ', ',
      h('a', { href: '/search/' }, 'search'),
      ' or the ',
      h('a', { href: '/' }, 'home page'),
      '.',
    ]),
  )
}
