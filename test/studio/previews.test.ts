import { describe, expect, it } from 'vitest'
import { article } from '../../schemas/documents/article.ts'
import { castCredit } from '../../schemas/documents/castCredit.ts'
import { show } from '../../schemas/documents/show.ts'
import { statusEvent } from '../../schemas/documents/statusEvent.ts'
import { articleBody } from '../../schemas/objects/articleBody.ts'
import { castList } from '../../schemas/objects/castList.ts'
import { pullQuote } from '../../schemas/objects/pullQuote.ts'
import { statusCallout } from '../../schemas/objects/statusCallout.ts'
import {
  prepareArticlePreview,
  prepareCastCreditPreview,
  prepareSeasonPreview,
  prepareShowPreview,
  prepareStatusEventPreview,
  withCurrentStatus,
} from '../../schemas/previews.ts'

type Prepare = (value: Record<string, unknown>) => Record<string, unknown>
function prepareOf(type: { preview?: unknown }): Prepare {
  const preview = type.preview as { prepare?: Prepare } | undefined
  if (!preview?.prepare) throw new Error('type has no preview.prepare')
  return preview.prepare
}
function selectOf(type: { preview?: unknown }): Record<string, string> {
  return (type.preview as { select: Record<string, string> }).select
}

describe('show preview', () => {
  it('shows current status and network', () => {
    expect(
      prepareShowPreview({ title: 'Partner Track', network: 'Netflix', currentStatus: 'cancelled' }),
    ).toEqual({
      title: 'Partner Track',
      subtitle: 'Cancelled · Netflix',
    })
  })
  it('falls back when status or network are missing', () => {
    expect(prepareShowPreview({ title: 'Harbor Lights' })).toEqual({
      title: 'Harbor Lights',
      subtitle: 'No network',
    })
    expect(prepareShowPreview({})).toMatchObject({ title: 'Untitled show' })
    expect(
      prepareShowPreview({ title: 'X', network: 'HBO', isSample: true, premiereDate: '2024-03-08' }),
    ).toEqual({
      title: 'X',
      subtitle: 'HBO · Sample',
      description: 'Premiered 2024-03-08',
    })
  })
  it('the Studio adds the derived status to the prepared subtitle', () => {
    expect(withCurrentStatus('Netflix', 'cancelled')).toBe('Cancelled · Netflix')
    expect(withCurrentStatus('Netflix', 'final-season')).toBe('Final season · Netflix')
    expect(withCurrentStatus('Netflix', null)).toBe('No status yet · Netflix')
    expect(withCurrentStatus(undefined, 'renewed')).toBe('Renewed')
  })
  it('schema preview selects the network name and calls prepare', () => {
    expect(selectOf(show)).toMatchObject({ title: 'title', network: 'network.name', media: 'keyArt' })
    expect(prepareOf(show)({ title: 'Partner Track', network: 'Netflix' })).toEqual({
      title: 'Partner Track',
      subtitle: 'Netflix',
    })
  })
})

describe('castCredit preview: "Actor as Character (billing)"', () => {
  it('formats the credit', () => {
    expect(
      prepareCastCreditPreview({
        personName: 'Alexandra Turshen',
        characterName: 'Rachel Friedman',
        billing: 'main',
        showTitle: 'Partner Track',
        order: 4,
      }),
    ).toEqual({ title: 'Alexandra Turshen as Rachel Friedman (main)', subtitle: 'Partner Track · #4' })
  })
  it('is readable for incomplete credits', () => {
    expect(prepareCastCreditPreview({})).toEqual({ title: 'Unknown actor as unnamed character' })
    expect(prepareCastCreditPreview({ personName: 'Desmond Chiam', billing: 'recurring' }).title).toBe(
      'Desmond Chiam as unnamed character (recurring)',
    )
  })
  it('schema preview follows the person reference', () => {
    expect(selectOf(castCredit)).toMatchObject({ personName: 'person.name', media: 'person.portrait' })
    expect(
      prepareOf(castCredit)({
        personName: 'Bradley Gibson',
        characterName: 'Tyler Robinson',
        billing: 'main',
      }).title,
    ).toBe('Bradley Gibson as Tyler Robinson (main)')
  })
})

describe('statusEvent preview: "Cancelled · official · 2022-…"', () => {
  it('formats status, confidence and date', () => {
    expect(
      prepareStatusEventPreview({
        status: 'cancelled',
        confidence: 'official',
        announcedAt: '2022-11-08',
        showTitle: 'Partner Track',
        forSeason: 2,
      }),
    ).toEqual({ title: 'Cancelled · official · 2022-11-08', subtitle: 'Partner Track · Season 2' })
  })
  it('handles missing values', () => {
    expect(prepareStatusEventPreview({})).toEqual({ title: 'Unknown status · unrated · no date' })
    expect(prepareStatusEventPreview({ status: 'revived', isSample: true }).subtitle).toBe('Sample')
  })
  it('is the schema type’s prepare', () => {
    expect(
      prepareOf(statusEvent)({ status: 'renewed', confidence: 'reported', announcedAt: '2024-05-02' }).title,
    ).toBe('Renewed · reported · 2024-05-02')
  })
})

describe('article preview: show and publish date', () => {
  it('formats show and date', () => {
    expect(
      prepareArticlePreview({
        title: 'Partner Track season 2',
        showTitle: 'Partner Track',
        publishedAt: '2024-05-01T09:00:00Z',
        kind: 'status-update',
      }),
    ).toEqual({
      title: 'Partner Track season 2',
      subtitle: 'Partner Track · 2024-05-01',
      description: 'status-update',
    })
  })
  it('handles articles without show or date', () => {
    expect(prepareArticlePreview({ title: 'News' })).toEqual({
      title: 'News',
      subtitle: 'No show · not scheduled',
    })
  })
  it('is the schema type’s prepare', () => {
    expect(selectOf(article)).toMatchObject({ showTitle: 'show.title', publishedAt: 'publishedAt' })
    expect(
      prepareOf(article)({ title: 'T', showTitle: 'S', publishedAt: '2024-01-02T00:00:00Z' }).subtitle,
    ).toBe('S · 2024-01-02')
  })
})

describe('season preview', () => {
  it('formats number, show and episodes', () => {
    expect(
      prepareSeasonPreview({
        number: 1,
        showTitle: 'Partner Track',
        episodeCount: 10,
        premiereDate: '2022-08-26',
      }),
    ).toEqual({ title: 'Season 1', subtitle: 'Partner Track · 10 episodes · 2022-08-26' })
    expect(prepareSeasonPreview({ title: 'The Return', number: 2 }).title).toBe('Season 2: The Return')
  })
})

describe('article body block previews', () => {
  it('cast list shows the count and first names', () => {
    const prepare = prepareOf(castList)
    expect(
      prepare({
        title: 'Who is in the cast?',
        credits: [{}, {}, {}, {}, {}, {}],
        first: 'Arden Cho',
        second: 'Alexandra Turshen',
        third: 'Bradley Gibson',
      }),
    ).toMatchObject({
      title: 'Cast list: Who is in the cast?',
      subtitle: '6 credits — Arden Cho, Alexandra Turshen, Bradley Gibson …',
    })
    expect(prepare({ credits: [] }).subtitle).toBe('No credits chosen yet')
  })
  it('status callout names the show', () => {
    expect(prepareOf(statusCallout)({ showTitle: 'Partner Track' })).toMatchObject({
      title: 'Status callout: Partner Track',
    })
    expect(prepareOf(statusCallout)({}).title).toBe('Status callout: no show chosen')
  })
  it('pull quote quotes its text', () => {
    expect(prepareOf(pullQuote)({ text: 'We loved it', attribution: 'Netflix' })).toEqual({
      title: '“We loved it”',
      subtitle: '— Netflix',
    })
  })
  it('body image shows its caption or alt and flags missing alt', () => {
    const image = (articleBody as unknown as { of: { type: string; preview?: unknown }[] }).of.find(
      (m) => m.type === 'image',
    )
    if (!image) throw new Error('no image block')
    const prepare = prepareOf(image)
    expect(prepare({ alt: 'Arden Cho', caption: 'On set', media: { asset: {} } })).toMatchObject({
      title: 'On set',
    })
    expect(prepare({ alt: 'Arden Cho' })).toMatchObject({ title: 'Arden Cho', subtitle: undefined })
    expect(prepare({})).toMatchObject({ title: 'Image', subtitle: '⚠ Missing alt text' })
  })
})
