import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { toHtmlFast } from '../lib/to-html.ts'

// Every conformance/hostile/custom-block fixture is also checked by `renderPt`/`renderMd` (helpers.ts):
// toHtmlFast(tree) === toHtml(tree). These are the serializer's own edge cases.
const trees: [string, Root][] = [
  ['escapes in text', h(null, [h('p', 'a < b & c > d " \' ` \0 \u00a0 😀')])],
  ['escapes in attributes', h(null, [h('a', { href: '/?a="1"&b=\'2\'`\0<>', title: 'x' }, 'y')])],
  [
    'arrays and numbers',
    h(null, [h('img', { src: '/a.jpg', width: 10, height: 0, alt: '' }), h('ol', { start: 3 })]),
  ],
  ['class and rel lists', h(null, [h('a', { className: ['a', 'b'], rel: ['noopener', 'noreferrer'] }, 'x')])],
  ['void elements', h(null, [h('br'), h('hr'), h('p', [h('br'), 'x'])])],
  ['empty elements', h(null, [h('p'), h('li'), h('ul', [h('li')])])],
  [
    'null, false, NaN properties are skipped',
    h(null, [h('a', { href: null, title: false, width: Number.NaN }, 'x')]),
  ],
  [
    'boolean true property prints its name',
    {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'a',
          properties: { title: true } as Record<string, boolean>,
          children: [],
        },
      ],
    },
  ],
  [
    'void with children',
    {
      type: 'root',
      children: [
        { type: 'element', tagName: 'br', properties: {}, children: [{ type: 'text', value: 'x' }] },
      ],
    },
  ],
]
const fallbacks: [string, Root][] = [
  ['comment', { type: 'root', children: [{ type: 'comment', value: 'x' }] }],
  ['unknown property', h(null, [h('div', { dataFoo: 'bar', onClick: 'x' }, 'y')])],
  ['svg', h(null, [h('svg', { viewBox: '0 0 1 1' }, [h('path', { d: 'M0' })])])],
  ['script text', h(null, [h('script', 'a < b')])],
  ['template', h(null, [h('template', [h('p', 'x')])])],
]

describe('toHtmlFast', () => {
  it.each(trees)('matches hast-util-to-html: %s', (_name, tree) => {
    expect(toHtmlFast(tree)).toBe(toHtml(tree))
  })
  it.each(fallbacks)('falls back to hast-util-to-html: %s', (_name, tree) => {
    expect(toHtmlFast(tree)).toBe(toHtml(tree))
  })
  it('uses hex references like rehype-stringify', () => {
    expect(toHtmlFast(h(null, [h('p', { title: '"&' }, '<&')]))).toBe(
      '<p title="&#x22;&#x26;">&#x3C;&#x26;</p>',
    )
  })
})
