import { describe, expect, it } from 'vitest'
import { countWords, readingMinutes } from '../index.ts'
import { block, item, renderPt, span } from './helpers.ts'

const article = [
  block(['Why it ended'], { style: 'h2' }),
  block(['Netflix passed.']),
  block(['The numbers'], { style: 'h3' }),
  block(['Viewership fell.']),
  block(['Deep detail'], { style: 'h4' }),
  block(['What now'], { style: 'h2' }),
]

describe('table of contents', () => {
  it('toc entries always come back; no nav unless asked', () => {
    const { html, rendered } = renderPt(article)
    expect(html.startsWith('<h2 id="why-it-ended">')).toBe(true)
    expect(rendered.toc).toEqual([
      { id: 'why-it-ended', text: 'Why it ended', depth: 2 },
      { id: 'the-numbers', text: 'The numbers', depth: 3 },
      { id: 'deep-detail', text: 'Deep detail', depth: 4 },
      { id: 'what-now', text: 'What now', depth: 2 },
    ])
  })

  it('toc: true prepends a nested nav', () => {
    const { html } = renderPt(article, { toc: true })
    expect(html).toBe(
      '<nav class="toc" aria-label="Contents"><ol><li><a href="#why-it-ended">Why it ended</a><ol><li><a href="#the-numbers">The numbers</a><ol><li><a href="#deep-detail">Deep detail</a></li></ol></li></ol></li><li><a href="#what-now">What now</a></li></ol></nav>' +
        '<h2 id="why-it-ended">Why it ended</h2><p>Netflix passed.</p><h3 id="the-numbers">The numbers</h3><p>Viewership fell.</p><h4 id="deep-detail">Deep detail</h4><h2 id="what-now">What now</h2>',
    )
  })

  it('depth range, label and minimum entries', () => {
    const { html, rendered } = renderPt(article, { toc: { maxDepth: 2, label: 'On this page' } })
    expect(html.slice(0, html.indexOf('</nav>') + 6)).toBe(
      '<nav class="toc" aria-label="On this page"><ol><li><a href="#why-it-ended">Why it ended</a></li><li><a href="#what-now">What now</a></li></ol></nav>',
    )
    expect(rendered.toc.map((e) => e.id)).toEqual(['why-it-ended', 'what-now'])
    expect(renderPt(article.slice(0, 2), { toc: true }).html).toBe(
      '<h2 id="why-it-ended">Why it ended</h2><p>Netflix passed.</p>',
    )
  })

  it('a depth jump nests one level; headings without ids are not listed', () => {
    const { html } = renderPt(
      [block(['A'], { style: 'h2' }), block(['B'], { style: 'h4' }), block(['…'], { style: 'h3' })],
      {
        toc: true,
      },
    )
    expect(html).toBe(
      '<nav class="toc" aria-label="Contents"><ol><li><a href="#a">A</a><ol><li><a href="#b">B</a></li></ol></li></ol></nav><h2 id="a">A</h2><h4 id="b">B</h4><h3>…</h3>',
    )
  })

  it('no ids → no toc', () => {
    const { html, rendered } = renderPt(article, { toc: true, headingIds: false })
    expect(html.startsWith('<h2>')).toBe(true)
    expect(rendered.toc).toEqual([])
  })
})

describe('typographic quotes', () => {
  const cases: [string, string][] = [
    ['"Partner Track" is over', '“Partner Track” is over'],
    ["It's the show's end", 'It’s the show’s end'],
    ["'Single' quotes", '‘Single’ quotes'],
    ['He said "\'no\'"', 'He said “‘no’”'],
    ["the '90s revival", 'the ’90s revival'],
    ['("quoted") [\'x\']', '(“quoted”) [‘x’]'],
    ['5\'10" tall', '5’10” tall'],
  ]
  it.each(cases)('%s', (input, output) => {
    expect(renderPt([block([input])], { typographicQuotes: true }).html).toBe(`<p>${output}</p>`)
  })

  it('works across marks, skips code, resets per block, off by default', () => {
    const blocks = [
      block([span('"Bold', ['strong']), ' move," ', span('"x"', ['code']), " isn't"]),
      block(['" starts again']),
    ]
    expect(renderPt(blocks, { typographicQuotes: true }).html).toBe(
      '<p><strong>“Bold</strong> move,” <code>"x"</code> isn’t</p><p>“ starts again</p>',
    )
    expect(renderPt(blocks).html).toBe(
      '<p><strong>"Bold</strong> move," <code>"x"</code> isn\'t</p><p>" starts again</p>',
    )
  })

  it('heading ids and toc text follow the typographic text', () => {
    const { html, rendered } = renderPt([block(['"Cancelled"'], { style: 'h2' })], {
      typographicQuotes: true,
    })
    expect(html).toBe('<h2 id="cancelled">“Cancelled”</h2>')
    expect(rendered.toc).toEqual([{ id: 'cancelled', text: '“Cancelled”', depth: 2 }])
  })
})

describe('text, excerpt, word count, reading time', () => {
  it('derives everything from the rendered tree', () => {
    const blocks = [
      block(['Cancelled'], { style: 'h2' }),
      block(['Netflix has ', span('cancelled', ['strong']), ' the show.\nNo season 2.']),
      item('one'),
      item('two', 'bullet', 2),
      { _type: 'pullQuote', _key: 'q', text: 'We tried.', attribution: 'Creator' },
      block(['<script> stays text'], { style: 'blockquote' }),
    ]
    const { rendered } = renderPt(blocks, { toc: true })
    expect(rendered.text).toBe(
      'Cancelled\n\nNetflix has cancelled the show.\nNo season 2.\n\none\ntwo\n\nWe tried.\n\nCreator\n\n<script> stays text',
    )
    expect(rendered.excerpt).toBe('Netflix has cancelled the show. No season 2.')
    expect(rendered.wordCount).toBe(17)
    expect(rendered.readingMinutes).toBe(1)
  })

  it('excerpt is cut at a word boundary with an ellipsis', () => {
    const long =
      'The streaming service confirmed on Friday that the legal drama will not return for another season, ending its run after ten episodes and one summer.'
    const { rendered } = renderPt([block([long]), block(['Second paragraph.'])], { excerptLength: 80 })
    expect(rendered.excerpt).toBe(
      'The streaming service confirmed on Friday that the legal drama will not return…',
    )
    expect(rendered.excerpt.length).toBeLessThanOrEqual(80)
    expect(renderPt([block(['Short.']), block(['Also short.'])]).rendered.excerpt).toBe('Short. Also short.')
  })

  it('without paragraphs the excerpt falls back to the whole text', () => {
    expect(renderPt([item('only'), item('items')]).rendered.excerpt).toBe('only items')
  })

  it('empty body', () => {
    expect(renderPt([]).rendered).toEqual({
      html: '',
      text: '',
      excerpt: '',
      wordCount: 0,
      readingMinutes: 0,
      toc: [],
    })
  })

  it('countWords and readingMinutes', () => {
    expect(countWords("Don't stop — the co-star's U.S. debut, 2024!")).toBe(7)
    expect(countWords('  ')).toBe(0)
    expect(readingMinutes(0)).toBe(0)
    expect(readingMinutes(1)).toBe(1)
    expect(readingMinutes(230)).toBe(1)
    expect(readingMinutes(231)).toBe(2)
  })
})

describe('countWords across scripts', () => {
  it.each([
    ['Ein Überraschungs-Hit', 2],
    ['Сериал отменён', 2],
    ['𝐀𝐁 𝐂', 2],
    ['2.5 million — or 2,5', 5],
    ["rock 'n' roll", 3],
    ['emoji 🎬 only', 2],
  ] as const)('%s → %i', (text, n) => {
    expect(countWords(text)).toBe(n)
  })
})
