import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString as hastText } from 'hast-util-to-string'
import { describe, expect, it } from 'vitest'
import { CONFIDENCE_LABELS, STATUS_LABELS } from '../../scripts/site-data/index.ts'
import { h, render, renderDocument } from '../../site/lib/html.ts'
import { jsonLdScript, metaDescription, serializeJsonLd } from '../../site/lib/seo.ts'
import { confidenceSentence, statusSentence } from '../../site/lib/status-text.ts'
import { x, xmlDocument, xmlSafe } from '../../site/lib/xml.ts'
import { findAll, text } from './support.ts'

describe('serializeJsonLd', () => {
  const hostile = { name: '</script><script>alert(1)</script> <!-- & \u2028 >' }

  it('cannot close or comment out its script element, and parses back to the same value', () => {
    const json = serializeJsonLd(hostile)
    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(json)).toEqual(hostile)
  })

  it('survives an HTML parser inside a page', () => {
    const html = renderDocument(h('html', [h('head', jsonLdScript(hostile)), h('body', h('p', 'after'))]))
    const tree = fromHtml(html)
    const scripts = findAll(tree, (e) => e.tagName === 'script')
    expect(scripts).toHaveLength(1)
    expect(JSON.parse(hastText(scripts[0] as Element))).toEqual(hostile)
    expect(findAll(tree, (e) => e.tagName === 'p').map((p) => text(p))).toEqual(['after'])
  })
})

describe('metaDescription', () => {
  it('collapses whitespace and keeps short text', () => {
    expect(metaDescription('  Is it\n renewed?  ')).toBe('Is it renewed?')
  })

  it('cuts long text at a word boundary with an ellipsis', () => {
    const long = `${'word '.repeat(50)}end`
    const cut = metaDescription(long)
    expect(cut.length).toBeLessThanOrEqual(160)
    expect(cut).toMatch(/word…$/)
  })
})

describe('xmlDocument', () => {
  it('escapes text and attributes and drops characters XML cannot carry', () => {
    const xml = xmlDocument(
      x('feed', { title: 'a "b" <c> & d' }, [x('title', 'x < y & z ]]> \u0000\u0007 \uD800 ok')]),
    )
    // `]]>` may not stand literally in XML text.
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><feed title="a &#x22;b&#x22; &#x3C;c> &#x26; d"><title>x &#x3C; y &#x26; z ]]&gt;   ok</title></feed>\n',
    )
    expect(xmlSafe('a\u0000b\u001Fc\uFFFEd\uD83C\uDFACe')).toBe('abcd\uD83C\uDFACe')
  })
})

describe('h()', () => {
  it('treats attribute objects with a `type` as attributes, not as nodes', () => {
    expect(render(h('input', { type: 'search', name: 'q' }))).toBe('<input type="search" name="q">')
    expect(render(h('script', { type: 'module', src: '/a.js' }))).toBe(
      '<script type="module" src="/a.js"></script>',
    )
    expect(render(h('button', { type: 'submit' }, 'Go'))).toBe('<button type="submit">Go</button>')
    expect(render(h('p', h('b', 'bold'), 'text'))).toBe('<p><b>bold</b>text</p>')
  })
})

describe('status sentences', () => {
  const status = (
    key: keyof typeof STATUS_LABELS,
    confidence: keyof typeof CONFIDENCE_LABELS,
    forSeason?: number,
  ) => ({
    id: 'e',
    status: key,
    label: STATUS_LABELS[key],
    confidence,
    confidenceLabel: CONFIDENCE_LABELS[confidence],
    announcedAt: '2025-06-20',
    forSeason,
    sources: [],
    isSample: false,
    updatedAt: '2025-06-20T00:00:00Z',
  })

  it('answers the question for every status', () => {
    expect(statusSentence({ title: 'X', currentStatus: status('renewed', 'official', 3) })).toBe(
      'X has been renewed for season 3.',
    )
    expect(statusSentence({ title: 'X', currentStatus: status('cancelled', 'official') })).toBe(
      'X has been cancelled.',
    )
    expect(statusSentence({ title: 'X', currentStatus: undefined })).toMatch(
      /no renewal or cancellation news/,
    )
    for (const key of Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>)
      expect(statusSentence({ title: 'X', currentStatus: status(key, 'official') })).toMatch(/^X .+\.$/)
  })

  it('says how sure it is', () => {
    expect(confidenceSentence(status('renewed', 'official'), 'Netflix')).toBe(
      'Official: announced by Netflix or the producers on 20 June 2025.',
    )
    expect(confidenceSentence(status('renewed', 'reported'))).toMatch(
      /^Reported on 20 June 2025 .* not confirmed/,
    )
    expect(confidenceSentence(status('renewed', 'speculative'))).toMatch(/^Speculative as of 20 June 2025/)
  })
})
