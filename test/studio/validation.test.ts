import { describe, expect, it } from 'vitest'
import { STUDIO_API_VERSION } from '../../schemas/constants.ts'
import {
  DUPLICATE_CAST_CREDIT_QUERY,
  isSlugUniqueForType,
  ownIds,
  publishedId,
  SLUG_UNIQUE_QUERY,
  todayIso,
  validateAnnouncedAt,
  validateArticleHasStatusSource,
  validateHttpUrl,
  validateImageAlt,
  validateNotBefore,
  validateNotInFuture,
  validatePositiveInteger,
  validateSeasonNumbers,
  validateUniqueCastCredit,
} from '../../schemas/validation/index.ts'
import { createFakeClient } from './helpers.ts'

const ok = true

describe('validateHttpUrl (source URLs)', () => {
  it.each([
    'https://deadline.com/2022/11/partner-track-canceled-netflix-1235166645/',
    'http://example.com',
    'https://www.netflix.com/title/81295045?x=1#y',
  ])('accepts %s', (url) => {
    expect(validateHttpUrl(url)).toBe(ok)
  })

  it('leaves empty values to the required rule', () => {
    expect(validateHttpUrl(undefined)).toBe(ok)
    expect(validateHttpUrl('')).toBe(ok)
  })

  it.each([
    ['ftp://files.example.com/a', /http/],
    ['mailto:press@netflix.com', /http/],
    ['javascript:alert(1)', /http/],
    ['www.deadline.com/article', /full web address/],
    ['/relative/path', /full web address/],
    ['not a url', /full web address/],
  ])('rejects %s', (url, message) => {
    const result = validateHttpUrl(url)
    expect(result).not.toBe(ok)
    expect(result).toMatch(message)
  })

  it('rejects non-strings', () => {
    expect(validateHttpUrl(42)).toMatch(/web address/)
  })
})

describe('validateAnnouncedAt (official events are not in the future)', () => {
  const today = '2024-06-15'

  it('accepts past and same-day official announcements', () => {
    expect(validateAnnouncedAt('2022-11-08', 'official', today)).toBe(ok)
    expect(validateAnnouncedAt('2024-06-15', 'official', today)).toBe(ok)
  })

  it('rejects an official announcement dated in the future', () => {
    expect(validateAnnouncedAt('2024-06-16', 'official', today)).toMatch(/cannot be in the future/)
  })

  it('allows future dates for reported and speculative events', () => {
    expect(validateAnnouncedAt('2025-01-01', 'reported', today)).toBe(ok)
    expect(validateAnnouncedAt('2025-01-01', 'speculative', today)).toBe(ok)
    expect(validateAnnouncedAt('2025-01-01', undefined, today)).toBe(ok)
  })

  it('rejects malformed dates and leaves empty values to required', () => {
    expect(validateAnnouncedAt('15/06/2024', 'official', today)).toMatch(/YYYY-MM-DD/)
    expect(validateAnnouncedAt(undefined, 'official', today)).toBe(ok)
  })

  it('defaults "today" to the current UTC date', () => {
    expect(todayIso(new Date('2024-06-15T23:30:00Z'))).toBe('2024-06-15')
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10)
    expect(validateAnnouncedAt(tomorrow, 'official')).not.toBe(ok)
  })
})

describe('date ordering helpers', () => {
  it('validateNotInFuture', () => {
    expect(validateNotInFuture('2024-01-01', '2024-06-15')).toBe(ok)
    expect(validateNotInFuture('2024-06-15T10:00:00Z', '2024-06-15')).toBe(ok)
    expect(validateNotInFuture('2024-07-01', '2024-06-15')).toMatch(/future/)
    expect(validateNotInFuture(undefined, '2024-06-15')).toBe(ok)
  })

  it('validateNotBefore', () => {
    const labels = { end: 'The finale', start: 'the premiere' }
    expect(validateNotBefore('2022-08-26', '2022-08-26', labels)).toBe(ok)
    expect(validateNotBefore('2022-10-01', '2022-08-26', labels)).toBe(ok)
    expect(validateNotBefore('2022-08-01', '2022-08-26', labels)).toMatch(
      /The finale .* is before the premiere/,
    )
    expect(validateNotBefore(undefined, '2022-08-26', labels)).toBe(ok)
  })
})

describe('validatePositiveInteger (billing order, season numbers)', () => {
  it.each([1, 2, 10, 250])('accepts %s', (n) => {
    expect(validatePositiveInteger(n)).toBe(ok)
  })
  it('accepts an empty value (order is optional)', () => {
    expect(validatePositiveInteger(undefined)).toBe(ok)
  })
  it.each([
    [0, /1 or higher/],
    [-3, /1 or higher/],
    [1.5, /whole number/],
    [Number.NaN, /number/],
    ['2', /number/],
  ])('rejects %s', (n, message) => {
    expect(validatePositiveInteger(n)).toMatch(message)
  })

  it('validateSeasonNumbers checks each season and repeats', () => {
    expect(validateSeasonNumbers([1, 2, 3])).toBe(ok)
    expect(validateSeasonNumbers(undefined)).toBe(ok)
    expect(validateSeasonNumbers([1, 0])).toMatch(/Season 0/)
    expect(validateSeasonNumbers([1, 1])).toMatch(/once/)
    expect(validateSeasonNumbers('1,2')).toMatch(/list/)
  })
})

describe('validateImageAlt (alt required once an image is set)', () => {
  const image = { _type: 'imageWithAlt', asset: { _type: 'reference', _ref: 'image-abc-800x600-jpg' } }

  it('accepts alt text on an image', () => {
    expect(validateImageAlt('Ingrid Yun in the Parsons office', image)).toBe(ok)
  })
  it('does not require alt when no image is chosen', () => {
    expect(validateImageAlt(undefined, undefined)).toBe(ok)
    expect(validateImageAlt(undefined, { _type: 'imageWithAlt' })).toBe(ok)
    expect(validateImageAlt(undefined, { _type: 'imageWithAlt', caption: 'x' })).toBe(ok)
  })
  it.each([undefined, '', '   '])('rejects missing alt %j when an asset is set', (alt) => {
    expect(validateImageAlt(alt, image)).toMatch(/alt text is required/)
  })
})

describe('validateArticleHasStatusSource (warning)', () => {
  const show = { _type: 'reference', _ref: 'show-partner-track' }
  it('is satisfied when the article cites a source', () => {
    expect(validateArticleHasStatusSource({ show, sources: [{ url: 'https://deadline.com/x' }] })).toBe(ok)
  })
  it('does not apply to articles without a show', () => {
    expect(validateArticleHasStatusSource({ sources: [] })).toBe(ok)
    expect(validateArticleHasStatusSource(undefined)).toBe(ok)
  })
  it('warns when an article about a show has no source', () => {
    expect(validateArticleHasStatusSource({ show })).toMatch(/cites no source/)
    expect(validateArticleHasStatusSource({ show, sources: [] })).toMatch(/cites no source/)
    expect(validateArticleHasStatusSource({ show, sources: [{ title: 'no url' }] })).toMatch(
      /cites no source/,
    )
  })
})

describe('document ids', () => {
  it('publishedId strips draft and release prefixes', () => {
    expect(publishedId('show-partner-track')).toBe('show-partner-track')
    expect(publishedId('drafts.show-partner-track')).toBe('show-partner-track')
    expect(publishedId('versions.rABC123.show-partner-track')).toBe('show-partner-track')
  })
  it('ownIds lists the published and draft id', () => {
    expect(ownIds('drafts.show-x')).toEqual(['show-x', 'drafts.show-x'])
  })
})

describe('isSlugUniqueForType (async, uses the client)', () => {
  it('asks for another document of the same type with the slug, excluding its own draft/published', async () => {
    const fake = createFakeClient(() => true)
    const result = await isSlugUniqueForType('partner-track', {
      document: { _id: 'drafts.show-partner-track', _type: 'show' },
      getClient: fake.getClient,
    })
    expect(result).toBe(true)
    expect(fake.calls).toHaveLength(1)
    expect(fake.calls[0]).toEqual({
      query: SLUG_UNIQUE_QUERY,
      params: {
        type: 'show',
        slug: 'partner-track',
        ownIds: ['show-partner-track', 'drafts.show-partner-track'],
      },
      apiVersion: STUDIO_API_VERSION,
    })
    expect(SLUG_UNIQUE_QUERY).toContain('_type == $type')
  })

  it('reports a duplicate when the query finds one', async () => {
    const fake = createFakeClient(() => false)
    const result = await isSlugUniqueForType('partner-track', {
      document: { _id: 'show-other', _type: 'show' },
      getClient: fake.getClient,
    })
    expect(result).toBe(false)
  })

  it('does not query without a slug or document', async () => {
    const fake = createFakeClient(() => false)
    expect(
      await isSlugUniqueForType('', { document: { _id: 'a', _type: 'show' }, getClient: fake.getClient }),
    ).toBe(true)
    expect(await isSlugUniqueForType('x', { document: undefined, getClient: fake.getClient })).toBe(true)
    expect(fake.calls).toHaveLength(0)
  })
})

describe('validateUniqueCastCredit (async, uses the client)', () => {
  const credit = {
    _id: 'drafts.castCredit-partner-track-alexandra-turshen',
    show: { _type: 'reference', _ref: 'show-partner-track' },
    person: { _type: 'reference', _ref: 'person-alexandra-turshen' },
    characterName: '  Rachel Friedman ',
  }

  it('passes when no other credit has the same show, person and character', async () => {
    const fake = createFakeClient(() => null)
    expect(await validateUniqueCastCredit(credit, { getClient: fake.getClient })).toBe(ok)
    expect(fake.calls).toEqual([
      {
        query: DUPLICATE_CAST_CREDIT_QUERY,
        params: {
          show: 'show-partner-track',
          person: 'person-alexandra-turshen',
          characterName: 'Rachel Friedman',
          ownIds: [
            'castCredit-partner-track-alexandra-turshen',
            'drafts.castCredit-partner-track-alexandra-turshen',
          ],
        },
        apiVersion: STUDIO_API_VERSION,
      },
    ])
  })

  it('fails when a duplicate exists and names it', async () => {
    const fake = createFakeClient(() => 'castCredit-duplicate')
    const result = await validateUniqueCastCredit(credit, { getClient: fake.getClient })
    expect(result).toMatch(/already credited as "Rachel Friedman"/)
    expect(result).toMatch(/castCredit-duplicate/)
  })

  it('skips the check until show, person and character are filled in', async () => {
    const fake = createFakeClient(() => 'castCredit-duplicate')
    expect(
      await validateUniqueCastCredit({ ...credit, characterName: ' ' }, { getClient: fake.getClient }),
    ).toBe(ok)
    expect(
      await validateUniqueCastCredit({ ...credit, person: undefined }, { getClient: fake.getClient }),
    ).toBe(ok)
    expect(await validateUniqueCastCredit(undefined, { getClient: fake.getClient })).toBe(ok)
    expect(fake.calls).toHaveLength(0)
  })
})
