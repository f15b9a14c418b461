import { createImageUrlBuilder } from '@sanity/image-url'
import { describe, expect, it } from 'vitest'
import type { ResolvedCastCredit, ResolvedStatus, RichTextOptions } from '../index.ts'
import { renderPt } from './helpers.ts'

const sanity = { projectId: 'abc123', dataset: 'production' }
const CDN = 'https://cdn.sanity.io/images/abc123/production/Tb9Ew8CXIwaY6R1kjMvI0uRR-2000x1000.jpg'
const image = (extra: object = {}) => ({
  _type: 'image',
  _key: 'img1',
  asset: { _type: 'reference', _ref: 'image-Tb9Ew8CXIwaY6R1kjMvI0uRR-2000x1000-jpg' },
  alt: 'Arden Cho in Partner Track',
  ...extra,
})
const srcset = (query: string, widths: number[]) =>
  widths.map((w) => `${CDN}?${query.replace('{w}', String(w))} ${w}w`).join(', ')

interface Case {
  name: string
  blocks: unknown[]
  options?: RichTextOptions
  html: string
  warnings?: string[]
}

const imageCases: Case[] = [
  {
    name: 'Sanity image: srcset (default widths), sizes, width/height of the src rendition, figure + caption + credit',
    options: { imageUrl: sanity },
    blocks: [image({ caption: 'Ingrid at work.', credit: 'Netflix' })],
    html:
      `<figure class="image-figure"><img src="${CDN}?w=1024&#x26;auto=format" srcset="${srcset('w={w}&#x26;auto=format', [320, 480, 640, 800, 1024, 1280, 1600])}" sizes="(min-width: 48rem) 48rem, 100vw" width="1024" height="512" alt="Arden Cho in Partner Track" loading="lazy" decoding="async">` +
      '<figcaption>Ingrid at work. <small class="image-figure__credit">Netflix</small></figcaption></figure>',
  },
  {
    name: 'crop is honoured (rect, cropped ratio in width/height); widths above the crop → the crop width',
    options: { imageUrl: sanity, imageWidths: [400, 800, 1200] },
    blocks: [image({ crop: { top: 0, bottom: 0, left: 0.25, right: 0.25 } })],
    html: `<figure class="image-figure"><img src="${CDN}?rect=500,0,1000,1000&#x26;w=1000&#x26;auto=format" srcset="${srcset('rect=500,0,1000,1000&#x26;w={w}&#x26;auto=format', [400, 800, 1000])}" sizes="(min-width: 48rem) 48rem, 100vw" width="1000" height="1000" alt="Arden Cho in Partner Track" loading="lazy" decoding="async"></figure>`,
  },
  {
    name: 'hotspot decides the crop when aspectRatio forces a ratio',
    options: { imageUrl: { ...sanity, aspectRatio: 1 }, imageWidths: [500], imageSizes: '50vw' },
    blocks: [image({ hotspot: { x: 0.8, y: 0.5, width: 0.1, height: 0.1 } })],
    html: `<figure class="image-figure"><img src="${CDN}?rect=1000,0,1000,1000&#x26;w=500&#x26;h=500&#x26;auto=format" width="500" height="500" alt="Arden Cho in Partner Track" loading="lazy" decoding="async"></figure>`,
  },
  {
    name: 'hotspot on the left',
    options: { imageUrl: { ...sanity, aspectRatio: 1 }, imageWidths: [500, 700], imageSizes: '50vw' },
    blocks: [image({ hotspot: { x: 0.1, y: 0.5, width: 0.1, height: 0.1 } })],
    html: `<figure class="image-figure"><img src="${CDN}?rect=0,0,1000,1000&#x26;w=700&#x26;h=700&#x26;auto=format" srcset="${CDN}?rect=0,0,1000,1000&#x26;w=500&#x26;h=500&#x26;auto=format 500w, ${CDN}?rect=0,0,1000,1000&#x26;w=700&#x26;h=700&#x26;auto=format 700w" sizes="50vw" width="700" height="700" alt="Arden Cho in Partner Track" loading="lazy" decoding="async"></figure>`,
  },
  {
    name: 'forced ratio: no rendition wider than the crop allows (no upscaling)',
    options: { imageUrl: { ...sanity, aspectRatio: 1 }, imageWidths: [800, 1600] },
    blocks: [image()],
    html: `<figure class="image-figure"><img src="${CDN}?rect=500,0,1000,1000&#x26;w=1000&#x26;h=1000&#x26;auto=format" srcset="${CDN}?rect=500,0,1000,1000&#x26;w=800&#x26;h=800&#x26;auto=format 800w, ${CDN}?rect=500,0,1000,1000&#x26;w=1000&#x26;h=1000&#x26;auto=format 1000w" sizes="(min-width: 48rem) 48rem, 100vw" width="1000" height="1000" alt="Arden Cho in Partner Track" loading="lazy" decoding="async"></figure>`,
  },
  {
    name: 'small source: only its own width',
    options: { imageUrl: sanity },
    blocks: [image({ asset: { _ref: 'image-abc-200x100-png' }, caption: 'Tiny' })],
    html: '<figure class="image-figure"><img src="https://cdn.sanity.io/images/abc123/production/abc-200x100.png?w=200&#x26;auto=format" width="200" height="100" alt="Arden Cho in Partner Track" loading="lazy" decoding="async"><figcaption>Tiny</figcaption></figure>',
  },
  {
    name: 'local files through an imageUrl function; credit only',
    options: { imageUrl: (_img, w) => `/img/key-art-${w}.webp`, imageWidths: [320, 640] },
    blocks: [image({ credit: 'Photo: Netflix' })],
    html: '<figure class="image-figure"><img src="/img/key-art-640.webp" srcset="/img/key-art-320.webp 320w, /img/key-art-640.webp 640w" sizes="(min-width: 48rem) 48rem, 100vw" width="640" height="320" alt="Arden Cho in Partner Track" loading="lazy" decoding="async"><figcaption><small class="image-figure__credit">Photo: Netflix</small></figcaption></figure>',
  },
  {
    name: 'expanded asset (asset->) with metadata dimensions',
    options: { imageUrl: (_img, w) => `/img/a-${w}.jpg`, imageWidths: [300, 900] },
    blocks: [image({ asset: { _id: 'local-asset', metadata: { dimensions: { width: 600, height: 400 } } } })],
    html: '<figure class="image-figure"><img src="/img/a-600.jpg" srcset="/img/a-300.jpg 300w, /img/a-600.jpg 600w" sizes="(min-width: 48rem) 48rem, 100vw" width="600" height="400" alt="Arden Cho in Partner Track" loading="lazy" decoding="async"></figure>',
  },
  {
    name: 'unknown dimensions: no width/height',
    options: { imageUrl: (_img, w) => `/img/b-${w}.jpg`, imageWidths: [300, 600] },
    blocks: [image({ asset: { _id: 'local-asset' } })],
    html: '<figure class="image-figure"><img src="/img/b-600.jpg" srcset="/img/b-300.jpg 300w, /img/b-600.jpg 600w" sizes="(min-width: 48rem) 48rem, 100vw" alt="Arden Cho in Partner Track" loading="lazy" decoding="async"></figure>',
  },
  {
    name: 'missing alt → alt="" + warning',
    options: { imageUrl: (_img, w) => `/i-${w}.jpg`, imageWidths: [100] },
    blocks: [image({ alt: undefined, asset: { _ref: 'image-a-100x100-jpg' } })],
    html: '<figure class="image-figure"><img src="/i-100.jpg" width="100" height="100" alt="" loading="lazy" decoding="async"></figure>',
    warnings: ['missing-alt'],
  },
  {
    name: 'no imageUrl configured → skipped + warning',
    blocks: [image()],
    html: '',
    warnings: ['image-unresolvable'],
  },
  {
    name: 'no asset → skipped + warning',
    options: { imageUrl: sanity },
    blocks: [image({ asset: undefined })],
    html: '',
    warnings: ['image-unresolvable'],
  },
  {
    name: 'malformed asset ref (image-url throws) → skipped + warning',
    options: { imageUrl: sanity },
    blocks: [image({ asset: { _ref: 'not-an-asset' } })],
    html: '',
    warnings: ['image-unresolvable'],
  },
  {
    name: 'imageUrl function returning nothing → skipped + warning',
    options: { imageUrl: () => undefined },
    blocks: [image()],
    html: '',
    warnings: ['unsafe-url'],
  },
  {
    name: 'imageUrl function throwing → skipped + warning',
    options: {
      imageUrl: () => {
        throw new Error('no such file')
      },
    },
    blocks: [image()],
    html: '',
    warnings: ['image-unresolvable'],
  },
]

const credits: Record<string, ResolvedCastCredit> = {
  'castCredit-partner-track-arden-cho': {
    actorName: 'Arden Cho',
    characterName: 'Ingrid Yun',
    billing: 'main',
    personHref: '/people/arden-cho/',
  },
  'castCredit-partner-track-alexandra-turshen': {
    actorName: 'Alexandra Turshen',
    characterName: 'Rachel Friedman',
    personHref: '/people/alexandra-turshen/',
  },
  'castCredit-partner-track-guest': { actorName: 'Guest Star', characterName: '', billing: 'guest' },
  'castCredit-partner-track-evil': {
    actorName: 'Evil <b>Actor</b>',
    characterName: 'Villain',
    personHref: 'javascript:alert(1)',
  },
}
const resolveCastCredit = (ref: string) => credits[ref]
const creditRef = (ref: string) => ({ _type: 'reference', _key: ref.slice(-4), _ref: ref })
const castList = (refs: string[], extra: object = {}) => ({
  _type: 'castList',
  _key: 'cast1',
  credits: refs.map(creditRef),
  ...extra,
})

const castCases: Case[] = [
  {
    name: 'cast list: "Actor as Character" with person links',
    options: { resolveCastCredit },
    blocks: [castList(['castCredit-partner-track-alexandra-turshen', 'castCredit-partner-track-arden-cho'])],
    html: '<ul class="cast-list"><li><a href="/people/alexandra-turshen/">Alexandra Turshen</a> as Rachel Friedman</li><li data-billing="main"><a href="/people/arden-cho/">Arden Cho</a> as Ingrid Yun</li></ul>',
  },
  {
    name: 'cast list with a title',
    options: { resolveCastCredit },
    blocks: [castList(['castCredit-partner-track-arden-cho'], { title: 'Main cast' })],
    html: '<section class="cast-list-block"><h3 class="cast-list__title" id="main-cast">Main cast</h3><ul class="cast-list"><li data-billing="main"><a href="/people/arden-cho/">Arden Cho</a> as Ingrid Yun</li></ul></section>',
  },
  {
    name: 'unresolved credits are skipped with a warning (never "undefined")',
    options: { resolveCastCredit },
    blocks: [castList(['castCredit-gone', 'castCredit-partner-track-guest'])],
    html: '<ul class="cast-list"><li data-billing="guest">Guest Star</li></ul>',
    warnings: ['unresolved-cast-credit'],
  },
  {
    name: 'unsafe person URL: name not linked, escaped',
    options: { resolveCastCredit },
    blocks: [castList(['castCredit-partner-track-evil'])],
    html: '<ul class="cast-list"><li>Evil &#x3C;b>Actor&#x3C;/b> as Villain</li></ul>',
    warnings: ['unsafe-url'],
  },
  {
    name: 'nothing resolvable → nothing rendered',
    blocks: [castList(['castCredit-partner-track-arden-cho'], { title: 'Cast' })],
    html: '',
    warnings: ['unresolved-cast-credit', 'empty-cast-list'],
  },
  {
    name: 'credits missing or not an array',
    options: { resolveCastCredit },
    blocks: [{ _type: 'castList', _key: 'c', credits: 'x' }],
    html: '',
    warnings: ['empty-cast-list'],
  },
]

const status: ResolvedStatus = {
  showTitle: 'Partner Track',
  showHref: '/shows/partner-track/',
  status: 'cancelled',
  statusLabel: 'Cancelled',
  confidence: 'official',
  date: '2022-10-21',
  sourceUrl: 'https://deadline.com/2022/10/partner-track-cancelled/',
  sourceTitle: 'Deadline',
}
const callout = (extra: object = {}) => ({
  _type: 'statusCallout',
  _key: 'sc1',
  show: { _type: 'reference', _ref: 'show-partner-track' },
  ...extra,
})
const statusOf = (over: Partial<ResolvedStatus> | undefined) => ({
  resolveStatus: (ref: string) => (ref === 'show-partner-track' && over ? { ...status, ...over } : undefined),
})

const statusCases: Case[] = [
  {
    name: 'status callout: status, confidence badge, <time>, source link, note',
    options: { ...statusOf({}), siteHost: 'reelstatus.example' },
    blocks: [callout({ note: 'Netflix passed after one season.' })],
    html:
      '<aside class="status-callout" data-status="cancelled"><p class="status-callout__status"><a class="status-callout__show" href="/shows/partner-track/">Partner Track</a>: <strong class="status-callout__label">Cancelled</strong> <span class="status-callout__confidence" data-confidence="official">Official</span></p>' +
      '<p class="status-callout__meta">Announced <time datetime="2022-10-21">21 October 2022</time> · Source: <a href="https://deadline.com/2022/10/partner-track-cancelled/" rel="noopener noreferrer">Deadline</a></p>' +
      '<p class="status-callout__note">Netflix passed after one season.</p></aside>',
  },
  {
    name: 'no show link, no source title (host shown), reported',
    options: statusOf({
      showHref: undefined,
      confidence: 'reported',
      status: 'renewed',
      statusLabel: 'Renewed',
      sourceTitle: undefined,
      sourceUrl: 'https://www.variety.com/x',
    }),
    blocks: [callout()],
    html: '<aside class="status-callout" data-status="renewed"><p class="status-callout__status"><span class="status-callout__show">Partner Track</span>: <strong class="status-callout__label">Renewed</strong> <span class="status-callout__confidence" data-confidence="reported">Reported</span></p><p class="status-callout__meta">Announced <time datetime="2022-10-21">21 October 2022</time> · Source: <a href="https://www.variety.com/x" rel="noopener noreferrer">variety.com</a></p></aside>',
  },
  {
    name: 'unknown status, bad confidence, invalid date, unsafe source → safe degraded callout + warnings',
    options: statusOf({
      status: 'cancelled" onmouseover="alert(1)',
      statusLabel: 'Gone',
      confidence: 'rumour',
      date: '2022-02-30',
      sourceUrl: 'javascript:alert(1)',
    }),
    blocks: [callout()],
    html: '<aside class="status-callout" data-status="unknown"><p class="status-callout__status"><a class="status-callout__show" href="/shows/partner-track/">Partner Track</a>: <strong class="status-callout__label">Gone</strong></p></aside>',
    warnings: ['invalid-status', 'invalid-status', 'invalid-date', 'unsafe-url'],
  },
  {
    name: 'unresolved status → skipped + warning',
    options: statusOf(undefined),
    blocks: [callout()],
    html: '',
    warnings: ['unresolved-status'],
  },
  {
    name: 'no show reference → skipped + warning',
    options: statusOf({}),
    blocks: [callout({ show: undefined })],
    html: '',
    warnings: ['unresolved-status'],
  },
]

const quoteCases: Case[] = [
  {
    name: 'pull quote with attribution',
    blocks: [
      { _type: 'pullQuote', _key: 'pq', text: 'We were proud of it.', attribution: 'Georgia Lee, creator' },
    ],
    html: '<figure class="pull-quote"><blockquote><p>We were proud of it.</p></blockquote><figcaption class="pull-quote__attribution">Georgia Lee, creator</figcaption></figure>',
  },
  {
    name: 'pull quote without attribution, line break',
    blocks: [{ _type: 'pullQuote', _key: 'pq', text: 'Line one\nline two' }],
    html: '<figure class="pull-quote"><blockquote><p>Line one<br>line two</p></blockquote></figure>',
  },
  {
    name: 'empty pull quote → skipped + warning',
    blocks: [{ _type: 'pullQuote', _key: 'pq', text: '   ' }],
    html: '',
    warnings: ['empty-pull-quote'],
  },
]

describe('custom blocks', () => {
  for (const [group, cases] of Object.entries({ imageCases, castCases, statusCases, quoteCases })) {
    describe(group, () => {
      it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const { html, codes } = renderPt(c.blocks, c.options)
        expect(html).toBe(c.html)
        expect(codes).toEqual(c.warnings ?? [])
      })
    })
  }

  it('srcset URLs equal what @sanity/image-url builds for each width (crop, hotspot, forced ratio)', () => {
    const builder = createImageUrlBuilder(sanity)
    const source = {
      asset: { _ref: 'image-Tb9Ew8CXIwaY6R1kjMvI0uRR-3000x2000-jpg' },
      crop: { top: 0.1, bottom: 0.05, left: 0.2, right: 0 },
      hotspot: { x: 0.7, y: 0.3, width: 0.2, height: 0.2 },
    }
    for (const aspectRatio of [undefined, 16 / 9]) {
      const widths = [320, 640, 1280]
      const { html } = renderPt([image(source)], {
        imageUrl: { ...sanity, aspectRatio },
        imageWidths: widths,
      })
      const expected = widths.map((w) => {
        let b = builder.image(source).width(w)
        if (aspectRatio) b = b.height(Math.round(w / aspectRatio))
        return `${b.auto('format').url().replace(/&/g, '&#x26;')} ${w}w`
      })
      expect(html).toContain(`srcset="${expected.join(', ')}"`)
    }
  })

  it('warnings of custom blocks carry document id and block key', () => {
    const { warnings } = renderPt(
      [{ _type: 'castList', _key: 'cast9', credits: [creditRef('castCredit-x')] }],
      {
        documentId: 'article-a',
        resolveCastCredit,
      },
    )
    expect(warnings[0]).toEqual({
      documentId: 'article-a',
      blockKey: 'cast9',
      code: 'unresolved-cast-credit',
      message: 'Cast credit "castCredit-x" not resolved; skipped',
    })
  })
})
