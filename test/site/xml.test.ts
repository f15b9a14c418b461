import { describe, expect, it } from 'vitest'
import type { Element, ElementContent, Root } from 'xast'
import { toXml } from 'xast-util-to-xml'
import { x as xastscript } from 'xastscript'
import { type XmlAttributes, type XmlChild, x, xmlDocument, xmlSafe } from '../../site/lib/xml.ts'

/*
 * `x()` prints XML directly; it must print exactly what xastscript + xast-util-to-xml printed for the
 * same arguments, after dropping what XML cannot carry (the feeds and sitemap were built that way).
 */

/** The character filter as it was written first: code point by code point. */
function referenceSafe(value: string): string {
  let out = ''
  for (const char of value) {
    const code = char.codePointAt(0) as number
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000
    if (allowed) out += char
  }
  return out
}

type Tree = { name: string; attributes?: XmlAttributes; children: Array<Tree | string | number | null> }

function viaXast(tree: Tree): string {
  const build = (node: Tree): Element =>
    xastscript(
      node.name,
      node.attributes ?? {},
      node.children.map((child) =>
        child === null || typeof child === 'number'
          ? child
          : typeof child === 'string'
            ? child
            : build(child),
      ) as ElementContent[],
    )
  const clean = (node: ElementContent | Element): ElementContent | Element => {
    if (node.type === 'text') return { ...node, value: referenceSafe(node.value) }
    if (node.type !== 'element') return node
    const attributes: Record<string, string> = {}
    for (const [name, value] of Object.entries(node.attributes))
      if (value !== null && value !== undefined) attributes[name] = referenceSafe(String(value))
    return { ...node, attributes, children: node.children.map((child) => clean(child) as ElementContent) }
  }
  const root: Root = {
    type: 'root',
    children: [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
      clean(build(tree)) as Element,
    ],
  }
  return `${toXml(root, { closeEmptyElements: true }).replaceAll(']]>', ']]&gt;')}\n`
}

function direct(tree: Tree): string {
  const build = (node: Tree): ReturnType<typeof x> =>
    x(
      node.name,
      node.attributes ?? {},
      node.children.map(
        (child): XmlChild => (child !== null && typeof child === 'object' ? build(child) : child),
      ),
    )
  return xmlDocument(build(tree))
}

const hostile = `<script>alert("x")</script> & 'quotes' ]]> \u0000\u0007\u000B \t\n\r \uD800 \uDC00 \uFFFE\uFFFF é 🎬 \u2028`

const cases: Record<string, Tree> = {
  'an empty element is closed': {
    name: 'link',
    attributes: { rel: 'self', href: '/feed.xml' },
    children: [],
  },
  'an element with only empty text is closed': { name: 'summary', children: [''] },
  'text and attributes are escaped': {
    name: 'feed',
    attributes: { title: hostile, 'xml:lang': 'en' },
    children: [{ name: 'title', attributes: { type: 'text' }, children: [hostile] }],
  },
  'numbers, nulls and nested elements': {
    name: 'urlset',
    attributes: {
      xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
      missing: null,
      count: 3,
      nan: Number.NaN,
    },
    children: [
      { name: 'url', children: [{ name: 'loc', children: ['https://a.example/?q=1&r=<2>'] }, null, 42] },
      { name: 'url', children: [{ name: 'loc', children: ['https://a.example/"quoted"'] }] },
    ],
  },
  '`]]>` split over two texts': { name: 'content', children: ['a ]]', '> b'] },
}

describe('x() against xastscript + xast-util-to-xml', () => {
  for (const [name, tree] of Object.entries(cases)) {
    it(name, () => {
      expect(direct(tree)).toBe(viaXast(tree))
    })
  }

  it('takes children without attributes, as a list or one by one', () => {
    expect(xmlDocument(x('author', [x('name', 'A & B'), x('uri', 'https://a.example/')]))).toBe(
      viaXast({
        name: 'author',
        children: [
          { name: 'name', children: ['A & B'] },
          { name: 'uri', children: ['https://a.example/'] },
        ],
      }),
    )
    expect(x('p', 'a', x('b', 'c'), ['d', ['e']]).value).toBe('<p>a<b>c</b>de</p>')
  })

  it('refuses names that are not XML names', () => {
    expect(() => x('a b')).toThrow(/element name/)
    expect(() => x('a', { 'on click': 'x' })).toThrow(/attribute name/)
  })
})

describe('xmlSafe', () => {
  it('drops what the code point by code point filter drops, for any UTF-16 text', () => {
    const units = [
      0x0, 0x8, 0x9, 0xa, 0xb, 0xd, 0x1f, 0x20, 0x41, 0x7f, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000,
      0xfffd, 0xfffe, 0xffff,
    ]
    let seed = 7
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed
    }
    for (let round = 0; round < 2000; round++) {
      const text = String.fromCharCode(
        ...Array.from({ length: next() % 12 }, () => units[next() % units.length] as number),
      )
      expect(xmlSafe(text)).toBe(referenceSafe(text))
    }
  })
})
