import { describe, expect, it } from 'vitest'
import { block, type Case, describeCases, item, renderPt, span } from './helpers.ts'

const link = (k: string, href: string, extra: object = {}) => ({ _type: 'link', _key: k, href, ...extra })
const internal = (k: string, ref: string) => ({
  _type: 'internalLink',
  _key: k,
  reference: { _type: 'reference', _ref: ref },
})
const resolveReference = (ref: string) =>
  ({
    'show-partner-track': { href: '/shows/partner-track/' },
    'person-arden-cho': { href: '/people/arden-cho/', title: 'Arden Cho' },
    'article-partner-track-season-2': { href: '/articles/partner-track-season-2/' },
  })[ref]

const styles: Case[] = [
  { name: 'normal paragraph', blocks: [block(['Hello world'])], html: '<p>Hello world</p>' },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({
    name: `h${n} with slug id`,
    blocks: [block([`Season ${n} news`], { style: `h${n}` })],
    html: `<h${n} id="season-${n}-news">Season ${n} news</h${n}>`,
  })),
  {
    name: 'blockquote',
    blocks: [block(['Quoted'], { style: 'blockquote' })],
    html: '<blockquote>Quoted</blockquote>',
  },
  {
    name: 'block without style is normal',
    blocks: [{ _type: 'block', _key: 'a', children: [{ _type: 'span', text: 'x' }] }],
    html: '<p>x</p>',
  },
  {
    name: 'unknown style → paragraph + warning',
    blocks: [block(['Lead text'], { style: 'lead' })],
    html: '<p>Lead text</p>',
    warnings: ['unknown-block-style'],
  },
  {
    name: 'a single block object (not an array) renders',
    blocks: block(['Alone']),
    html: '<p>Alone</p>',
  },
  {
    name: 'block without _type but with children is a text block',
    blocks: [{ _key: 'a', children: [{ text: 'untyped' }] }],
    html: '<p>untyped</p>',
  },
]

const marks: Case[] = [
  {
    name: 'each decorator',
    blocks: [
      block([
        span('b', ['strong']),
        span('i', ['em']),
        span('c', ['code']),
        span('u', ['underline']),
        span('s', ['strike-through']),
      ]),
    ],
    html: '<p><strong>b</strong><em>i</em><code>c</code><u>u</u><del>s</del></p>',
  },
  {
    name: 'two decorators on one span nest in fixed order (strong outside em)',
    blocks: [block([span('x', ['em', 'strong'])])],
    html: '<p><strong><em>x</em></strong></p>',
  },
  {
    name: 'overlapping marks: strong [a b], em [b c]',
    blocks: [block([span('a', ['strong']), span('b', ['strong', 'em']), span('c', ['em'])])],
    html: '<p><strong>a<em>b</em></strong><em>c</em></p>',
  },
  {
    name: 'the longer run is the outer element',
    blocks: [
      block([span('a', ['em']), span('b', ['strong', 'em']), span('c', ['strong', 'em']), span('d', ['em'])]),
    ],
    html: '<p><em>a<strong>bc</strong>d</em></p>',
  },
  {
    name: 'link with markDef',
    blocks: [
      block(['See ', span('Deadline', ['l1']), '.'], { markDefs: [link('l1', 'https://deadline.com/')] }),
    ],
    html: '<p>See <a href="https://deadline.com/" rel="noopener noreferrer">Deadline</a>.</p>',
  },
  {
    name: 'annotation spanning several spans with different decorators stays one link',
    blocks: [
      block([span('The ', ['l1']), span('big', ['l1', 'strong']), span(' news', ['l1', 'em'])], {
        markDefs: [link('l1', '/articles/x/')],
      }),
    ],
    html: '<p><a href="/articles/x/">The <strong>big</strong><em> news</em></a></p>',
  },
  {
    name: 'link inside a decorator run',
    blocks: [
      block([span('Bold ', ['strong']), span('link', ['strong', 'l1']), span(' bold', ['strong'])], {
        markDefs: [link('l1', '/x/')],
      }),
    ],
    html: '<p><strong>Bold <a href="/x/">link</a> bold</strong></p>',
  },
  {
    name: 'link with missing markDef → text only + warning',
    blocks: [block(['Go ', span('here', ['gone'])])],
    html: '<p>Go here</p>',
    warnings: ['missing-mark-def'],
  },
  {
    name: 'link markDef without href → text only + warning',
    blocks: [block([span('here', ['l1'])], { markDefs: [{ _type: 'link', _key: 'l1' }] })],
    html: '<p>here</p>',
    warnings: ['missing-href'],
  },
  {
    name: 'unknown annotation type → text only + warning',
    blocks: [block([span('note', ['c1'])], { markDefs: [{ _type: 'comment', _key: 'c1', text: 'x' }] })],
    html: '<p>note</p>',
    warnings: ['unknown-mark'],
  },
  {
    name: 'blank link gets target and rel',
    blocks: [block([span('x', ['l1'])], { markDefs: [link('l1', '/shows/a/', { blank: true })] })],
    html: '<p><a href="/shows/a/" target="_blank" rel="noopener noreferrer">x</a></p>',
  },
  {
    name: 'absolute link to the site host (and www.) is internal',
    options: { siteHost: 'https://reelstatus.example/' },
    blocks: [
      block([span('a', ['l1']), ' ', span('b', ['l2']), ' ', span('c', ['l3'])], {
        markDefs: [
          link('l1', 'https://reelstatus.example/shows/a/'),
          link('l2', 'https://www.reelstatus.example/'),
          link('l3', 'https://evil.example/?https://reelstatus.example/'),
        ],
      }),
    ],
    html: '<p><a href="https://reelstatus.example/shows/a/">a</a> <a href="https://www.reelstatus.example/">b</a> <a href="https://evil.example/?https://reelstatus.example/" rel="noopener noreferrer">c</a></p>',
  },
  {
    name: 'protocol-relative, mailto, tel and fragment links',
    options: { siteHost: 'reelstatus.example' },
    blocks: [
      block([span('a', ['l1']), span('b', ['l2']), span('c', ['l3']), span('d', ['l4'])], {
        markDefs: [
          link('l1', '//cdn.example/x'),
          link('l2', 'mailto:tips@reelstatus.example'),
          link('l3', 'tel:+15551234'),
          link('l4', '#cast'),
        ],
      }),
    ],
    html: '<p><a href="//cdn.example/x" rel="noopener noreferrer">a</a><a href="mailto:tips@reelstatus.example">b</a><a href="tel:+15551234">c</a><a href="#cast">d</a></p>',
  },
  {
    name: 'internal links resolve at build time (title kept)',
    options: { resolveReference },
    blocks: [
      block([span('Partner Track', ['i1']), ' stars ', span('Arden Cho', ['i2', 'strong'])], {
        markDefs: [internal('i1', 'show-partner-track'), internal('i2', 'person-arden-cho')],
      }),
    ],
    html: '<p><a href="/shows/partner-track/">Partner Track</a> stars <a href="/people/arden-cho/" title="Arden Cho"><strong>Arden Cho</strong></a></p>',
  },
  {
    name: 'unresolvable internal link → text only + warning',
    options: { resolveReference },
    blocks: [block([span('gone', ['i1'])], { markDefs: [internal('i1', 'show-deleted')] })],
    html: '<p>gone</p>',
    warnings: ['unresolved-reference'],
  },
  {
    name: 'internal link without a resolver → text only + warning',
    blocks: [block([span('x', ['i1'])], { markDefs: [internal('i1', 'show-partner-track')] })],
    html: '<p>x</p>',
    warnings: ['unresolved-reference'],
  },
  {
    name: 'overlapping link and internal link: the inner link is dropped',
    options: { resolveReference },
    blocks: [
      block([span('a', ['l1']), span('b', ['l1', 'i1']), span('c', ['i1'])], {
        markDefs: [link('l1', '/x/'), internal('i1', 'show-partner-track')],
      }),
    ],
    html: '<p><a href="/x/">ab</a><a href="/shows/partner-track/">c</a></p>',
    warnings: ['nested-link'],
  },
]

const text: Case[] = [
  {
    name: 'hard line breaks',
    blocks: [block(['one\ntwo', span('\nthree\n\nfour', ['em'])])],
    html: '<p>one<br>two<em><br>three<br><br>four</em></p>',
  },
  {
    name: 'text is escaped, quotes stay literal',
    blocks: [block(['a < b && c > d "quoted" \'single\''])],
    html: '<p>a &#x3C; b &#x26;&#x26; c > d "quoted" \'single\'</p>',
  },
  {
    name: 'runs of spaces are kept as is (to-html writes &nbsp;)',
    blocks: [block(['a   b'])],
    html: '<p>a   b</p>',
  },
  {
    name: 'empty and whitespace-only blocks are omitted',
    blocks: [
      block([]),
      block(['']),
      block(['  ', span(' ', ['strong'])]),
      block(['\n']),
      { _type: 'block', _key: 'x' },
      block(['kept']),
    ],
    html: '<p>kept</p>',
  },
  {
    name: '_key values never reach the output',
    blocks: [
      {
        _type: 'block',
        _key: 'SECRETKEY',
        markDefs: [link('SECRETDEF', '/a/')],
        children: [span('x', ['SECRETDEF'])],
      },
    ],
    html: '<p><a href="/a/">x</a></p>',
  },
  {
    name: 'duplicate headings get unique ids; punctuation-only headings get none',
    blocks: [
      block(['Cast'], { style: 'h2' }),
      block(['Cast'], { style: 'h2' }),
      block(['?!'], { style: 'h3' }),
    ],
    html: '<h2 id="cast">Cast</h2><h2 id="cast-1">Cast</h2><h3>?!</h3>',
  },
  {
    name: 'headingIds: false',
    options: { headingIds: false },
    blocks: [block(['Cast'], { style: 'h2' })],
    html: '<h2>Cast</h2>',
  },
  {
    name: 'idPrefix',
    options: { idPrefix: 'Body ' },
    blocks: [block(['What’s next?'], { style: 'h2' })],
    html: '<h2 id="body-whats-next">What’s next?</h2>',
  },
]

const lists: Case[] = [
  {
    name: 'bullet list',
    blocks: [item('a'), item('b')],
    html: '<ul><li>a</li><li>b</li></ul>',
  },
  {
    name: 'number list',
    blocks: [item('a', 'number'), item('b', 'number')],
    html: '<ol><li>a</li><li>b</li></ol>',
  },
  {
    name: 'nested 1 → 2 → 2 → 1',
    blocks: [item('a'), item('a.1', 'bullet', 2), item('a.2', 'bullet', 2), item('b')],
    html: '<ul><li>a<ul><li>a.1</li><li>a.2</li></ul></li><li>b</li></ul>',
  },
  {
    name: 'three levels deep and back out',
    blocks: [item('a', 'number'), item('b', 'number', 2), item('c', 'number', 3), item('d', 'number')],
    html: '<ol><li>a<ol><li>b<ol><li>c</li></ol></li></ol></li><li>d</li></ol>',
  },
  {
    name: 'level jump 1 → 3 → 2 (placeholder item for the skipped level)',
    blocks: [item('one'), item('three', 'bullet', 3), item('two', 'bullet', 2)],
    html: '<ul><li>one<ul><li class="list-gap"><ul><li>three</li></ul></li><li>two</li></ul></li></ul>',
  },
  {
    name: 'list starting at level 2',
    blocks: [item('deep', 'bullet', 2), item('top')],
    html: '<ul><li class="list-gap"><ul><li>deep</li></ul></li><li>top</li></ul>',
  },
  {
    name: 'bullet then number at level 1 → two lists',
    blocks: [item('a'), item('1', 'number'), item('2', 'number')],
    html: '<ul><li>a</li></ul><ol><li>1</li><li>2</li></ol>',
  },
  {
    name: 'type switch at a nested level → sibling list in the same item (toolkit: new top-level list)',
    blocks: [item('a'), item('a.b', 'bullet', 2), item('a.1', 'number', 2), item('b')],
    html: '<ul><li>a<ul><li>a.b</li></ul><ol><li>a.1</li></ol></li><li>b</li></ul>',
  },
  {
    name: 'shallower item of another type → new list at that level',
    blocks: [item('a'), item('a.1', 'bullet', 2), item('b', 'number')],
    html: '<ul><li>a<ul><li>a.1</li></ul></li></ul><ol><li>b</li></ol>',
  },
  {
    name: 'list items with block styles',
    blocks: [
      item('Heading item', 'bullet', 1, 'h3'),
      item('Quoted item', 'bullet', 1, 'blockquote'),
      item('plain'),
    ],
    html: '<ul><li><h3 id="heading-item">Heading item</h3></li><li><blockquote>Quoted item</blockquote></li><li>plain</li></ul>',
  },
  {
    name: 'marks inside list items',
    blocks: [block([span('bold', ['strong']), ' item'], { listItem: 'bullet' })],
    html: '<ul><li><strong>bold</strong> item</li></ul>',
  },
  {
    name: 'a paragraph between list items splits the list',
    blocks: [item('a'), block(['between']), item('b')],
    html: '<ul><li>a</li></ul><p>between</p><ul><li>b</li></ul>',
  },
  {
    name: 'empty list items are kept',
    blocks: [item(''), item('b')],
    html: '<ul><li></li><li>b</li></ul>',
  },
  {
    name: 'missing, zero, negative and fractional levels',
    blocks: [
      { ...item('a'), level: undefined },
      { ...item('b'), level: 0 },
      { ...item('c'), level: -3 },
      { ...item('d'), level: 2.7 },
    ],
    html: '<ul><li>a</li><li>b</li><li>c<ul><li>d</li></ul></li></ul>',
  },
  {
    name: 'unknown list style → bullet list + warning',
    blocks: [item('x', 'square'), item('y', 'square')],
    html: '<ul><li>x</li><li>y</li></ul>',
    warnings: ['unknown-list-style'],
  },
]

describe('Portable Text conformance', () => {
  describeCases({ styles, marks, text, lists })

  it('warnings carry the document id and the block _key', () => {
    const blocks = [block(['ok']), block([span('x', ['nope'])], { _key: 'blk7' })]
    const { warnings } = renderPt(blocks, { documentId: 'article-partner-track-season-2' })
    expect(warnings).toEqual([
      {
        documentId: 'article-partner-track-season-2',
        blockKey: 'blk7',
        code: 'missing-mark-def',
        message: 'Mark "nope" is neither a decorator nor a markDef; text kept',
      },
    ])
  })
})
