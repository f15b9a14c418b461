import type { Element, Nodes, Root } from 'hast'
import { sanitize } from 'hast-util-sanitize'
import rehypeSanitize from 'rehype-sanitize'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { richTextSchema } from '../index.ts'
import { createContext } from '../lib/context.ts'
import type { InlineContext } from '../lib/marks.ts'
import { portableTextToHast } from '../lib/portable-text.ts'
import { rehypeHeadingIds } from '../lib/rehype-heading-ids.ts'
import { rehypeMarkdownLinks } from '../lib/rehype-markdown-links.ts'
import { rehypeToc } from '../lib/rehype-toc.ts'
import { rehypeTypography } from '../lib/rehype-typography.ts'
import { remarkGuard } from '../lib/remark-guard.ts'
import type { RichTextOptions } from '../lib/types.ts'
import { normaliseHost } from '../lib/url.ts'
import { block, item, span } from './helpers.ts'

/** Every construct the renderer can emit. */
const kitchenSink = [
  block(['Heading'], { style: 'h1' }),
  block(['Heading'], { style: 'h2' }),
  block(['Heading'], { style: 'h3' }),
  block(['Heading'], { style: 'h4' }),
  block(['Heading'], { style: 'h5' }),
  block(['Heading'], { style: 'h6' }),
  block(['Quote'], { style: 'blockquote' }),
  block(
    [
      span('b', ['strong']),
      span('i', ['em']),
      span('c', ['code']),
      span('u', ['underline']),
      span('s', ['strike-through']),
      span('line\nbreak', ['ext']),
      span('internal', ['int']),
    ],
    {
      markDefs: [
        { _type: 'link', _key: 'ext', href: 'https://deadline.com/', blank: true },
        { _type: 'internalLink', _key: 'int', reference: { _ref: 'person-arden-cho' } },
      ],
    },
  ),
  item('a'),
  item('gap', 'bullet', 3),
  item('n', 'number'),
  {
    _type: 'image',
    _key: 'i',
    asset: { _ref: 'image-abc-800x600-jpg' },
    alt: 'Alt',
    caption: 'Caption',
    credit: 'Credit',
  },
  { _type: 'castList', _key: 'c', title: 'Cast', credits: [{ _key: 'r', _ref: 'castCredit-a' }] },
  { _type: 'statusCallout', _key: 's', show: { _ref: 'show-a' }, note: 'Note' },
  { _type: 'statusCallout', _key: 't', show: { _ref: 'show-without-page' } },
  { _type: 'pullQuote', _key: 'q', text: 'Quote', attribution: 'Someone' },
]
const options: RichTextOptions = {
  toc: true,
  onWarning: () => {},
  imageUrl: { projectId: 'p', dataset: 'd' },
  resolveReference: () => ({ href: '/people/arden-cho/', title: 'Arden Cho' }),
  resolveCastCredit: () => ({
    actorName: 'A',
    characterName: 'B',
    billing: 'main',
    personHref: '/people/a/',
  }),
  resolveStatus: (ref) => ({
    showTitle: 'Show',
    showHref: ref === 'show-a' ? '/shows/a/' : undefined,
    status: 'cancelled',
    statusLabel: 'Cancelled',
    confidence: 'official',
    date: '2024-01-02',
    sourceUrl: 'https://deadline.com/',
    sourceTitle: 'Deadline',
  }),
}
const markdown =
  '```js\nx\n```\n\n---\n\n![Alt](/a.jpg "Title")\n\n3. three\n\n[link](https://a.example/ "T")'

const beforeSanitize = { plugins: [rehypeTypography, rehypeHeadingIds, rehypeToc] }
const ptTail = unified().use(beforeSanitize).freeze()
const mdTail = unified()
  .use(remarkParse)
  .use(remarkGuard)
  .use(remarkRehype)
  .use(rehypeMarkdownLinks)
  .use(beforeSanitize)
  .freeze()

function context(): InlineContext {
  const ctx = createContext(options) as InlineContext
  ctx.siteHost = normaliseHost(options.siteHost)
  return ctx
}
function emitted(): Root[] {
  const ctx = context()
  const data = { data: { richtext: { ctx, headings: [] } } }
  const pt = ptTail.runSync(portableTextToHast(kitchenSink, ctx), data) as Root
  const ctx2 = context()
  const md = mdTail.runSync(mdTail.parse(markdown), {
    data: { richtext: { ctx: ctx2, headings: [] } },
  }) as Root
  return [pt, md]
}

function elements(node: Nodes, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node)
  if ('children' in node) for (const child of node.children) elements(child, out)
  return out
}

describe('sanitize schema', () => {
  it('removes nothing the renderer emits', () => {
    for (const tree of emitted()) {
      const copy = structuredClone(tree)
      expect(sanitize(copy, richTextSchema)).toEqual(tree)
    }
  })

  it('allows exactly the tags and attributes the renderer emits', () => {
    const seen = new Map<string, Set<string>>()
    const classes = new Set<string>()
    for (const tree of emitted()) {
      for (const el of elements(tree)) {
        const attrs = seen.get(el.tagName) ?? new Set()
        for (const [k, v] of Object.entries(el.properties)) {
          attrs.add(k)
          // (code's `language-*` classes are allowed by pattern, not by value)
          if (k === 'className' && Array.isArray(v) && el.tagName !== 'code') {
            for (const c of v) classes.add(`${el.tagName}.${c}`)
          }
        }
        seen.set(el.tagName, attrs)
      }
    }
    expect([...seen.keys()].sort()).toEqual([...(richTextSchema.tagNames ?? [])].sort())
    const allowed = richTextSchema.attributes ?? {}
    const allowedClasses = new Set<string>()
    for (const tag of seen.keys()) {
      const defs = allowed[tag] ?? []
      const names = defs.map((d) => (typeof d === 'string' ? d : d[0]))
      expect({ tag, attrs: [...(seen.get(tag) ?? [])].sort() }).toEqual({ tag, attrs: [...names].sort() })
      for (const d of defs) {
        if (typeof d !== 'string' && d[0] === 'className') {
          for (const v of d.slice(1)) if (typeof v === 'string') allowedClasses.add(`${tag}.${v}`)
        }
      }
    }
    expect(allowed['*']).toBeUndefined()
    expect([...classes].sort()).toEqual([...allowedClasses].sort())
  })

  it('keeps heading ids unprefixed (no clobber) and allows ids nowhere else', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'h2', properties: { id: 'cast' }, children: [] },
        {
          type: 'element',
          tagName: 'p',
          properties: { id: 'x', name: 'y', style: 'z', onClick: 'a' },
          children: [],
        },
      ],
    }
    const clean = unified().use(rehypeSanitize, richTextSchema).runSync(tree) as Root
    expect(clean.children).toEqual([
      { type: 'element', tagName: 'h2', properties: { id: 'cast' }, children: [] },
      { type: 'element', tagName: 'p', properties: {}, children: [] },
    ])
  })

  it('is the second layer: refuses bad protocols and unknown values even if the renderer let them through', () => {
    const el = (tagName: string, properties: Element['properties']): Element => ({
      type: 'element',
      tagName,
      properties,
      children: [],
    })
    const tree: Root = {
      type: 'root',
      children: [
        el('a', { href: 'javascript:alert(1)', target: '_top', rel: ['opener'] }),
        el('img', { src: 'data:image/png;base64,AA', srcSet: 'data:x 1w' }),
        el('aside', { className: ['status-callout', 'evil'], dataStatus: 'pwned' }),
        el('script', {}),
        el('iframe', {}),
      ],
    }
    const clean = sanitize(tree, richTextSchema) as Root
    expect(clean.children).toEqual([
      el('a', { rel: [] }),
      el('img', {}),
      el('aside', { className: ['status-callout'] }),
    ])
  })
})
