import { describe, expect, it } from 'vitest'
import { MAX_LIST_LEVEL, MAX_MARKDOWN_DEPTH, portableTextToHtml } from '../index.ts'
import { block, type Case, describeCases, item, renderMd, renderPt, span } from './helpers.ts'

const linkTo = (href: unknown, extra: object = {}) => [
  block(['click ', span('me', ['l1'])], { markDefs: [{ _type: 'link', _key: 'l1', href, ...extra }] }),
]

const textInjection: Case[] = [
  {
    name: 'script in span text',
    blocks: [block(['<script>alert(1)</script>'])],
    html: '<p>&#x3C;script>alert(1)&#x3C;/script></p>',
  },
  {
    name: 'iframe in span text',
    blocks: [block(['<iframe src="javascript:alert(1)"></iframe>'])],
    html: '<p>&#x3C;iframe src="javascript:alert(1)">&#x3C;/iframe></p>',
  },
  {
    name: 'style in span text',
    blocks: [block(['<style>body{display:none}</style>'])],
    html: '<p>&#x3C;style>body{display:none}&#x3C;/style></p>',
  },
  {
    name: 'event-handler markup in text, inside marks and headings',
    blocks: [
      block([span('<img src=x onerror=alert(1)>', ['strong'])]),
      block(['<b onmouseover="alert(1)">Title</b>'], { style: 'h2' }),
    ],
    html: '<p><strong>&#x3C;img src=x onerror=alert(1)></strong></p><h2 id="b-onmouseoveralert1titleb">&#x3C;b onmouseover="alert(1)">Title&#x3C;/b></h2>',
  },
  {
    name: 'entities are not decoded (no double-unescape)',
    blocks: [block(['&lt;script&gt; &#x3C;'])],
    html: '<p>&#x26;lt;script&#x26;gt; &#x26;#x3C;</p>',
  },
  {
    name: 'event-handler / style / class fields on markDefs and blocks are ignored',
    blocks: [
      {
        ...block([span('x', ['l1'])], {
          markDefs: [
            {
              _type: 'link',
              _key: 'l1',
              href: '/ok/',
              onclick: 'alert(1)',
              style: 'color:red',
              class: 'evil',
              rel: 'opener',
            },
          ],
        }),
        onclick: 'alert(1)',
        attributes: { onload: 'alert(1)' },
        className: 'evil',
      },
    ],
    html: '<p><a href="/ok/">x</a></p>',
  },
  {
    name: 'attribute breakout attempts in custom block fields are escaped',
    options: { imageUrl: (_i, w) => `/img/x-${w}.jpg?a="b"&c='d'`, imageWidths: [100] },
    blocks: [
      {
        _type: 'image',
        _key: 'i',
        asset: { _ref: 'image-a-100x50-jpg' },
        alt: '" onerror="alert(1)',
        caption: '<script>alert(1)</script>',
      },
    ],
    html: '<figure class="image-figure"><img src="/img/x-100.jpg?a=&#x22;b&#x22;&#x26;c=&#x27;d&#x27;" width="100" height="50" alt="&#x22; onerror=&#x22;alert(1)" loading="lazy" decoding="async"><figcaption>&#x3C;script>alert(1)&#x3C;/script></figcaption></figure>',
  },
  {
    name: 'JSON "__proto__" keys do not change behaviour',
    blocks: [
      JSON.parse(
        '{"_type":"block","_key":"p","__proto__":{"style":"h1","listItem":"bullet"},"children":[{"_type":"span","text":"plain"}]}',
      ),
    ],
    html: '<p>plain</p>',
  },
]

const refused = (href: string) => ({
  name: `link ${JSON.stringify(href)} → text only`,
  blocks: linkTo(href),
  html: '<p>click me</p>',
  warnings: ['unsafe-url'],
})

const urls: Case[] = [
  refused('javascript:alert(1)'),
  refused('JavaScript:alert(1)'),
  refused('  javascript:alert(1)'),
  refused('java\tscript:alert(1)'),
  refused('java\nscript:alert(1)'),
  refused('\u0000javascript:alert(1)'),
  refused('\u0001\u001fjavascript:alert(1)'),
  refused('javascript://example.com/%0Aalert(1)'),
  refused('vbscript:msgbox(1)'),
  refused('VBScript:msgbox(1)'),
  refused('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
  refused('DATA:text/html,<script>alert(1)</script>'),
  refused('file:///etc/passwd'),
  refused('\u00a0javascript:alert(1)'),
  {
    name: 'entity-spelled colon stays a harmless relative URL (escaped)',
    blocks: linkTo('javascript&colon;alert(1)'),
    html: '<p>click <a href="javascript&#x26;colon;alert(1)">me</a></p>',
  },
  {
    name: 'entity-spelled tab: "#" makes it a fragment-relative URL, the & is escaped (harmless)',
    blocks: linkTo('jav&#x09;ascript:alert(1)'),
    html: '<p>click <a href="jav&#x26;#x09;ascript:alert(1)">me</a></p>',
  },
  {
    name: 'colon after a slash is a path, not a scheme',
    blocks: linkTo('/search?q=a:b'),
    html: '<p>click <a href="/search?q=a:b">me</a></p>',
  },
  {
    name: 'scheme is lower-cased, surrounding whitespace trimmed',
    blocks: linkTo('  HTTPS://Example.com/x  '),
    html: '<p>click <a href="https://Example.com/x" rel="noopener noreferrer">me</a></p>',
  },
  {
    name: 'href that is not a string',
    blocks: linkTo({ toString: 'javascript:alert(1)' }),
    html: '<p>click me</p>',
    warnings: ['missing-href'],
  },
  {
    name: 'internal link resolver returning javascript: → text only',
    options: { resolveReference: () => ({ href: 'javascript:alert(1)' }) },
    blocks: [
      block([span('x', ['i1'])], {
        markDefs: [{ _type: 'internalLink', _key: 'i1', reference: { _ref: 'show-x' } }],
      }),
    ],
    html: '<p>x</p>',
    warnings: ['unsafe-url'],
  },
  {
    name: 'data: image URL never reaches src',
    options: { imageUrl: () => 'data:image/svg+xml;base64,PHN2Zy8+' },
    blocks: [{ _type: 'image', _key: 'i', asset: { _ref: 'image-a-10x10-png' }, alt: 'x' }],
    html: '',
    warnings: ['unsafe-url'],
  },
  {
    name: 'javascript: image URL never reaches src',
    options: { imageUrl: () => 'javascript:alert(1)' },
    blocks: [{ _type: 'image', _key: 'i', asset: { _ref: 'image-a-10x10-png' }, alt: 'x' }],
    html: '',
    warnings: ['unsafe-url'],
  },
]

const unknown: Case[] = [
  {
    name: 'unknown block type without text → nothing',
    blocks: [{ _type: 'youtube', _key: 'y', url: 'https://youtube.com/watch?v=x' }],
    html: '',
    warnings: ['unknown-block-type'],
  },
  {
    name: 'unknown block type with text → escaped paragraph',
    blocks: [{ _type: 'code', _key: 'c', text: '<b>npm i</b>' }],
    html: '<p>&#x3C;b>npm i&#x3C;/b></p>',
    warnings: ['unknown-block-type'],
  },
  {
    name: 'unknown block type with spans → their text, marks dropped',
    blocks: [{ _type: 'callout', _key: 'c', children: [span('Heads ', ['strong']), span('up')] }],
    html: '<p>Heads up</p>',
    warnings: ['unknown-block-type'],
  },
  {
    name: 'prototype names as block types',
    blocks: [
      { _type: '__proto__', _key: 'a' },
      { _type: 'constructor', _key: 'b' },
      { _type: 'toString', _key: 'c', text: 't' },
    ],
    html: '<p>t</p>',
    warnings: ['unknown-block-type', 'unknown-block-type', 'unknown-block-type'],
  },
  {
    name: 'prototype names as marks',
    blocks: [block([span('x', ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])])],
    html: '<p>x</p>',
    warnings: ['missing-mark-def', 'missing-mark-def', 'missing-mark-def', 'missing-mark-def'],
  },
  {
    name: 'a markDef keyed "__proto__" is just a key',
    blocks: [
      block([span('x', ['__proto__'])], { markDefs: [{ _type: 'link', _key: '__proto__', href: '/x/' }] }),
    ],
    html: '<p><a href="/x/">x</a></p>',
  },
  {
    name: 'inline objects are skipped',
    blocks: [block(['a', { _type: 'mention', _key: 'm', ref: 'person-x' }, 'b'])],
    html: '<p>ab</p>',
    warnings: ['unknown-inline-type'],
  },
]

const malformed: Case[] = [
  ...[null, undefined, 42, 'text', true, []].map((value) => ({
    name: `blocks = ${JSON.stringify(value) ?? 'undefined'}`,
    blocks: value,
    html: '',
  })),
  {
    name: 'garbage items, children, spans, marks and levels',
    blocks: [
      null,
      1,
      'x',
      [],
      { _type: 'block', _key: 'a', children: 'nope' },
      {
        _type: 'block',
        _key: 'b',
        style: 42,
        markDefs: 'x',
        children: [null, 1, { _type: 'span', text: 5 }, { _type: 'span', text: 'ok', marks: 'strong' }],
      },
      {
        _type: 'block',
        _key: 'c',
        listItem: 'bullet',
        level: '3',
        children: [{ _type: 'span', text: 'li' }],
      },
      {
        _type: 'block',
        _key: 'd',
        markDefs: [null, 5, { _key: 7 }],
        children: [{ _type: 'span', text: 'z', marks: [1, null, 'em'] }],
      },
    ],
    html: '<p>ok</p><ul><li>li</li></ul><p><em>z</em></p>',
    warnings: ['invalid-block', 'invalid-block', 'invalid-block', 'invalid-block', 'invalid-block'],
  },
]

describe('hostile input', () => {
  describeCases({ textInjection, urls, unknown, malformed })

  describe('size and depth', () => {
    it('200 KB paragraph', () => {
      const text = 'word '.repeat(40_000)
      const { html, rendered } = renderPt([block([text])])
      expect(html).toBe(`<p>${text}</p>`)
      expect(rendered.wordCount).toBe(40_000)
      expect(rendered.excerpt.length).toBeLessThanOrEqual(160)
    })

    it('200 KB paragraph of markup characters', () => {
      const { html } = renderPt([block(['<&'.repeat(100_000)])])
      expect(html).toBe(`<p>${'&#x3C;&#x26;'.repeat(100_000)}</p>`)
    })

    it('200 KB paragraph split into 20,000 spans sharing one mark', () => {
      const spans = Array.from({ length: 20_000 }, (_, i) =>
        span('0123456789', i % 2 ? ['strong', 'em'] : ['strong']),
      )
      const { html } = renderPt([block(spans)])
      expect(html).toBe(`<p><strong>${'0123456789<em>0123456789</em>'.repeat(10_000)}</strong></p>`)
    })

    it('list level 1,000,000 is clamped to MAX_LIST_LEVEL', () => {
      const { html, codes } = renderPt([item('deep', 'bullet', 1_000_000)])
      const gaps = MAX_LIST_LEVEL - 1
      expect(html).toBe(
        `${'<ul><li class="list-gap">'.repeat(gaps)}<ul><li>deep</li></ul>${'</li></ul>'.repeat(gaps)}`,
      )
      expect(codes).toEqual(['list-level-clamped'])
    })

    it('5,000 items each one level deeper', () => {
      const blocks = Array.from({ length: 5000 }, (_, i) => item(`i${i}`, 'bullet', i + 1))
      const html = portableTextToHtml(blocks, { onWarning: () => {} })
      const open = Array.from({ length: MAX_LIST_LEVEL - 1 }, (_, i) => `<ul><li>i${i}`).join('')
      const deepest = Array.from(
        { length: 5000 - (MAX_LIST_LEVEL - 1) },
        (_, i) => `<li>i${i + MAX_LIST_LEVEL - 1}</li>`,
      ).join('')
      expect(html).toBe(`${open}<ul>${deepest}</ul>${'</li></ul>'.repeat(MAX_LIST_LEVEL - 1)}`)
    })

    it('5,000 distinct marks on one span: capped, text kept', () => {
      const marks = Array.from({ length: 5000 }, (_, i) => `m${i}`)
      const { html, codes } = renderPt([block([span('x', marks)])])
      expect(html).toBe('<p>x</p>')
      expect(codes[0]).toBe('too-many-marks')
      expect(codes.length).toBe(17)
    })

    it('the same decorator 10,000 times nests once', () => {
      const { html } = renderPt([block([span('x', Array(10_000).fill('strong'))])])
      expect(html).toBe('<p><strong>x</strong></p>')
    })

    it('1,000 overlapping link annotations never nest anchors', () => {
      const markDefs = Array.from({ length: 1000 }, (_, i) => ({
        _type: 'link',
        _key: `l${i}`,
        href: `/${i}/`,
      }))
      const { html, codes } = renderPt([
        block(
          [
            span(
              'x',
              markDefs.map((d) => d._key),
            ),
          ],
          { markDefs },
        ),
      ])
      expect(html).toBe('<p><a href="/0/">x</a></p>')
      expect(codes).toEqual(['too-many-marks', 'nested-link'])
    })

    it('10,000 blocks', () => {
      const blocks = Array.from({ length: 10_000 }, (_, i) => block([`p${i}`]))
      const html = portableTextToHtml(blocks)
      expect(html).toBe(Array.from({ length: 10_000 }, (_, i) => `<p>p${i}</p>`).join(''))
    })
  })

  describe('callbacks', () => {
    it('an onWarning that throws makes the build strict (error propagates)', () => {
      expect(() =>
        portableTextToHtml([block([span('x', ['nope'])])], {
          onWarning: (w) => {
            throw new Error(`strict: ${w.code}`)
          },
        }),
      ).toThrow('strict: missing-mark-def')
    })

    it('a resolver that throws propagates (a bug in the build, not in content)', () => {
      expect(() =>
        portableTextToHtml([{ _type: 'statusCallout', _key: 's', show: { _ref: 'show-x' } }], {
          resolveStatus: () => {
            throw new Error('db down')
          },
        }),
      ).toThrow('db down')
    })
  })
})

describe('hostile Markdown', () => {
  const md = (name: string, source: string, html: string, warnings: string[] = []) => ({
    name,
    source,
    html,
    warnings,
  })
  const cases = [
    md('script block', '<script>alert(1)</script>\n\nafter', '<p>after</p>', ['raw-html-dropped']),
    md('inline HTML with handlers', 'a <img src=x onerror=alert(1)> b', '<p>a  b</p>', ['raw-html-dropped']),
    md('iframe and style blocks', '<iframe src="x"></iframe>\n\n<style>p{}</style>', '', [
      'raw-html-dropped',
    ]),
    md('javascript: link → text', '[x](javascript:alert(1))', '<p>x</p>', ['unsafe-url']),
    md('javascript: autolink → text', '<javascript:alert(1)>', '<p>javascript:alert(1)</p>', ['unsafe-url']),
    md('data: link → text', '[x](data:text/html,hi)', '<p>x</p>', ['unsafe-url']),
    md('data: image → dropped', '![x](data:image/png;base64,AA)', '<p></p>', ['unsafe-url']),
    md('reference-style javascript: link', '[x][1]\n\n[1]: javascript:alert(1)', '<p>x</p>', ['unsafe-url']),
    md('entities stay text', '&lt;script&gt;', '<p>&#x3C;script></p>'),
  ]
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { html, codes } = renderMd(c.source)
    expect(html).toBe(c.html)
    expect(codes).toEqual(c.warnings)
  })

  it('5,000 nested blockquotes are flattened below MAX_MARKDOWN_DEPTH', () => {
    const { html, codes } = renderMd(`${'>'.repeat(5000)} deep`)
    const n = MAX_MARKDOWN_DEPTH
    expect(html).toBe(
      `${'<blockquote>\n'.repeat(n)}<p>deep</p>\n${'</blockquote>\n'.repeat(n - 1)}</blockquote>`,
    )
    expect(codes).toEqual(['markdown-too-deep'])
  })

  it('deeply nested emphasis is flattened', () => {
    const { html, codes } = renderMd(`${'*'.repeat(1000)}x${'*'.repeat(1000)}`)
    // root > p > strong × (MAX - 1): the strong at depth MAX keeps only the text of what was below it
    const n = MAX_MARKDOWN_DEPTH - 1
    expect(html).toBe(`<p>${'<strong>'.repeat(n)}x${'</strong>'.repeat(n)}</p>`)
    expect(codes).toEqual(['markdown-too-deep'])
  })

  it('over-long Markdown is shown as escaped plain paragraphs', () => {
    const source = `${'# not a heading <b>\n\n'}${'x'.repeat(120_000)}`
    const { html, codes } = renderMd(source)
    expect(html).toBe(`<p># not a heading &#x3C;b></p><p>${'x'.repeat(120_000)}</p>`)
    expect(codes).toEqual(['markdown-too-long'])
  })

  it('non-string Markdown renders as empty', () => {
    expect(renderMd(42 as unknown as string).html).toBe('')
  })
})
