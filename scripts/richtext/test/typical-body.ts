/** A typical article body (the benchmark's workload), shared by bench.ts and the smoke test. */
import type { RichTextOptions } from '../index.ts'

let key = 0
const k = () => `k${++key}`
const span = (text: string, marks: string[] = []) => ({ _type: 'span', _key: k(), text, marks })
const block = (style: string, children: object[], markDefs: object[] = [], extra: object = {}) => ({
  _type: 'block',
  _key: k(),
  style,
  markDefs,
  children,
  ...extra,
})
const sentence =
  'The streaming service confirmed on Friday that the legal drama will not return for another season, ending its run after ten episodes.'

function paragraph(i: number) {
  const defs = [
    {
      _type: 'link',
      _key: `l${i}`,
      href: 'https://deadline.com/2023/10/partner-track-cancelled-netflix-1235583871/',
    },
    { _type: 'internalLink', _key: `i${i}`, reference: { _type: 'reference', _ref: 'show-partner-track' } },
  ]
  return block(
    'normal',
    [
      span(`${sentence} `),
      span('According to ', ['em']),
      span('Deadline', ['em', `l${i}`]),
      span(', the decision came weeks after the premiere. '),
      span('Partner Track', ['strong', `i${i}`]),
      span(` stars Arden Cho. ${sentence}`),
    ],
    defs,
  )
}

/** The benchmark's typical article body: 35 blocks. */
export function typicalBody(): object[] {
  const body: object[] = []
  body.push(paragraph(0), paragraph(1))
  for (let s = 0; s < 4; s++) {
    body.push(block('h2', [span(`Section ${s + 1}: what happens next`)]))
    body.push(paragraph(s * 10 + 2), paragraph(s * 10 + 3))
    if (s === 0) {
      for (const [level, text] of [
        [1, 'Season one premiered in August 2022'],
        [1, 'Ten episodes, all released at once'],
        [2, 'Top ten in 40 countries'],
        [2, 'Stayed in the chart for three weeks'],
        [1, 'Cancelled in October 2022'],
      ] as const) {
        body.push(block('normal', [span(text)], [], { listItem: 'bullet', level }))
      }
    }
    if (s === 1) {
      body.push({
        _type: 'image',
        _key: k(),
        asset: { _type: 'reference', _ref: 'image-Tb9Ew8CXIwaY6R1kjMvI0uRR-2000x3000-jpg' },
        crop: { top: 0.1, bottom: 0.1, left: 0, right: 0 },
        hotspot: { x: 0.5, y: 0.4, width: 0.3, height: 0.3 },
        alt: 'Arden Cho as Ingrid Yun',
        caption: 'Arden Cho leads the cast.',
        credit: 'Netflix',
      })
    }
    if (s === 2)
      body.push({ _type: 'pullQuote', _key: k(), text: 'We were proud of it.', attribution: 'Georgia Lee' })
    if (s === 3) {
      body.push({
        _type: 'statusCallout',
        _key: k(),
        show: { _type: 'reference', _ref: 'show-partner-track' },
      })
      body.push({
        _type: 'castList',
        _key: k(),
        credits: [1, 2, 3].map((n) => ({
          _type: 'reference',
          _key: k(),
          _ref: `castCredit-partner-track-${n}`,
        })),
      })
    }
    body.push(
      block('h3', [span('The short version')]),
      block('blockquote', [span(sentence)]),
      paragraph(s * 10 + 4),
    )
  }
  return body
}

/** Options of a real build: resolvers, Sanity images, site host, warnings collected elsewhere. */
export const typicalOptions: RichTextOptions = {
  documentId: 'article-partner-track-cancelled',
  onWarning: () => {},
  siteHost: 'reelstatus.example',
  imageUrl: { projectId: 'abc123', dataset: 'production' },
  resolveReference: () => ({ href: '/shows/partner-track/' }),
  resolveCastCredit: (ref) => ({
    actorName: `Actor ${ref.slice(-1)}`,
    characterName: 'Character',
    billing: 'main',
    personHref: `/people/actor-${ref.slice(-1)}/`,
  }),
  resolveStatus: () => ({
    showTitle: 'Partner Track',
    showHref: '/shows/partner-track/',
    status: 'cancelled',
    statusLabel: 'Cancelled',
    confidence: 'official',
    date: '2022-10-21',
    sourceUrl: 'https://deadline.com/x',
    sourceTitle: 'Deadline',
  }),
}
