import { describe, expect, it } from 'vitest'
import type { RichTextOptions } from '../index.ts'
import { renderMd } from './helpers.ts'

const cases: { name: string; source: string; html: string; options?: RichTextOptions }[] = [
  {
    name: 'paragraph with emphasis',
    source: 'Yes, *really* **renewed**.',
    html: '<p>Yes, <em>really</em> <strong>renewed</strong>.</p>',
  },
  {
    name: 'external link (rel), title kept; internal and relative links untouched',
    options: { siteHost: 'reelstatus.example' },
    source:
      '[Netflix](https://about.netflix.com/ "Netflix"), [us](https://reelstatus.example/status/), [show](/shows/x/)',
    html: '<p><a href="https://about.netflix.com/" rel="noopener noreferrer" title="Netflix">Netflix</a>, <a href="https://reelstatus.example/status/">us</a>, <a href="/shows/x/">show</a></p>',
  },
  {
    name: 'headings get ids (with idPrefix for FAQ answers)',
    options: { idPrefix: 'faq-2-' },
    source: '## Release date\n\n### Release date',
    html: '<h2 id="faq-2-release-date">Release date</h2>\n<h3 id="faq-2-release-date-1">Release date</h3>',
  },
  {
    name: 'lists, nesting and start number',
    source: '1. One\n2. Two\n   - nested\n\n7) seven',
    html: '<ol>\n<li>One</li>\n<li>Two\n<ul>\n<li>nested</li>\n</ul>\n</li>\n</ol>\n<ol start="7">\n<li>seven</li>\n</ol>',
  },
  {
    name: 'code block with language, inline code',
    source: '```js\nif (a < b) x()\n```\n\nRun `npm test`.',
    html: '<pre><code class="language-js">if (a &#x3C; b) x()\n</code></pre>\n<p>Run <code>npm test</code>.</p>',
  },
  {
    name: 'image, blockquote, rule, hard break',
    source: '![Poster](/img/p.jpg)\n\n> Quote\n\n---\n\nline  \nbreak',
    html: '<p><img src="/img/p.jpg" alt="Poster" loading="lazy"></p>\n<blockquote>\n<p>Quote</p>\n</blockquote>\n<hr>\n<p>line<br>\nbreak</p>',
  },
  {
    name: 'typographic quotes (opt-in), not in code',
    options: { typographicQuotes: true },
    source: '"It\'s over," she said. `"raw"`',
    html: '<p>“It’s over,” she said. <code>"raw"</code></p>',
  },
  { name: 'empty', source: '', html: '' },
]

describe('Markdown fields', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { html, codes } = renderMd(c.source, c.options)
    expect(html).toBe(c.html)
    expect(codes).toEqual([])
  })

  it('renderMarkdown derives text and toc from the same tree', () => {
    const { rendered } = renderMd('## When?\n\nSoon. Very soon.')
    expect(rendered.text).toBe('When?\n\nSoon. Very soon.')
    expect(rendered.excerpt).toBe('Soon. Very soon.')
    expect(rendered.toc).toEqual([{ id: 'when', text: 'When?', depth: 2 }])
  })
})
