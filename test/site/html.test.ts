import type { Element, ElementContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h as hastscript } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { type Child, h, type Properties, render, renderDocument, trusted } from '../../site/lib/html.ts'

/*
 * `h()` prints HTML directly; it must print exactly what hastscript + hast-util-to-html printed for
 * the same arguments (the site's pages were built that way, and tests and caches rely on the bytes).
 */

type Case = [selector: string, properties: Properties | undefined, children: Child[]]

/** The same element built as a hast tree, printed by hast-util-to-html. */
function reference(selector: string, properties: Properties | undefined, children: Child[]): string {
  const tree = (sel: string, props: Properties | undefined, kids: Child[]): Element =>
    hastscript(sel, (props ?? {}) as Record<string, string>, toHast(kids))
  return toHtml(tree(selector, properties, children), { allowDangerousHtml: true })
}

function toHast(children: readonly Child[]): ElementContent[] {
  const out: ElementContent[] = []
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) out.push(...toHast(child))
    else if (typeof child === 'string' || typeof child === 'number')
      out.push({ type: 'text', value: String(child) })
    else out.push({ type: 'raw', value: String(child) } as unknown as ElementContent)
  }
  return out
}

const hostileText = `<script>alert("x")</script> & 'quotes' \`tick\` \u0000 \u2028 é 🎬`

const cases: Record<string, Case> = {
  'plain element': ['p', undefined, ['text']],
  'selector classes and id, id first': ['h2#top.a.b', undefined, ['x']],
  'selector classes and id, class first': ['h2.filter-label#filter-status', undefined, ['x']],
  'selector without a tag': ['.only-class', undefined, []],
  'upper-case tag': ['SECTION', undefined, []],
  'class from properties after the selector': ['span.status', { className: ['a', 'b'] }, []],
  'class as a string attribute': ['span', { class: '  one   two ' }, []],
  'id from properties overrides the selector': ['p#x.y', { id: 'z' }, []],
  'hastscript and attribute names': [
    'a',
    { href: '/a?b=1&c=2', ariaLabel: 'Go "home"', 'aria-current': 'page' },
    ['Home'],
  ],
  'data attributes': ['div', { dataStatus: 'cancelled', 'data-confidence': 'official' }, []],
  'attribute escapes': ['img', { alt: hostileText, src: "/x.png?'a'&b" }, []],
  'text escapes': ['p', undefined, [hostileText]],
  'boolean attributes': ['input', { type: 'checkbox', checked: true, disabled: false, hidden: '' }, []],
  'boolean attribute named by itself': ['details', { open: 'open' }, []],
  'overloaded boolean': ['a', { download: true, href: '/f' }, ['f']],
  'overloaded boolean with a value': ['a', { download: 'file.txt' }, []],
  'number attributes': ['img', { width: 1200, height: '630', tabIndex: -1 }, []],
  'NaN and nullish attributes are dropped': ['img', { width: Number.NaN, alt: undefined, title: null }, []],
  'space-separated list': ['a', { rel: 'noopener  noreferrer' }, []],
  'comma-separated list': ['input', { accept: 'image/png, image/jpeg,' }, []],
  'srcset and sizes': ['img', { srcSet: 'a.png 1x, b.png 2x', sizes: '(min-width: 40em) 50vw, 100vw' }, []],
  'meta property': ['meta', { property: 'og:title', content: 'A & B' }, []],
  'charset meta': ['meta', { charset: 'utf-8' }, []],
  'void element with children': ['br', undefined, ['x']],
  'empty non-void element': ['script', { type: 'module', src: '/a.js' }, []],
  'script content is raw': ['script', { type: 'application/ld+json' }, ['{"a":"</b>"}']],
  'style content is raw': ['style', undefined, ['a > b { color: red }']],
  'nested lists and skipped children': [
    'ul',
    undefined,
    [
      [
        ['a', null],
        [false, undefined, 1, 2.5],
      ],
      'b',
    ],
  ],
  'trusted HTML is not escaped': ['div', undefined, [trusted('<p>rich &amp; text</p>')]],
  'nested elements': [
    'article',
    { id: 'a' },
    [h('h1', 'Title'), h('p.meta', 'by ', h('a', { href: '/x' }, 'X'))],
  ],
}

describe('h() prints what hastscript + hast-util-to-html print', () => {
  for (const [name, [selector, properties, children]] of Object.entries(cases)) {
    it(name, () => {
      const ours = properties ? h(selector, properties, ...children) : h(selector, ...children)
      expect(ours.value).toBe(reference(selector, properties, children))
    })
  }
})

describe('render and renderDocument', () => {
  it('renders fragments and documents', () => {
    expect(render('a < b', h('br'), ['c', null])).toBe('a &#x3C; b<br>c')
    expect(renderDocument(h('html', { lang: 'en' }, h('body')))).toBe(
      '<!doctype html><html lang="en"><body></body></html>',
    )
  })

  it('escapes content put where markup goes, whatever it looks like', () => {
    const hostile = '</p><img src=x onerror=alert(1)>'
    expect(h('p', hostile).value).toBe('<p>&#x3C;/p>&#x3C;img src=x onerror=alert(1)></p>')
    expect(h('a', { href: '" onmouseover="alert(1)' }).value).toBe(
      '<a href="&#x22; onmouseover=&#x22;alert(1)"></a>',
    )
  })
})
