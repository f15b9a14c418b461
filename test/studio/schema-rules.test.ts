/**
 * The validation rules as wired into the schema: documents go through Sanity's
 * own validator (the one the Studio runs), with a fake client answering the
 * async rules. Complements validation.test.ts, which tests the pure functions.
 */
import type { Source } from 'sanity'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestSource, type Marker, validate } from './helpers.ts'

let source: Source
let calls: Awaited<ReturnType<typeof createTestSource>>['calls']
/** What the fake Content Lake answers: slugs are unique, no duplicate cast credits, unless a test says otherwise. */
let answers: { slugUnique: boolean; duplicateCredit: string | null }

beforeAll(async () => {
  const created = await createTestSource((query) => {
    if (query.includes('slug.current == $slug')) return answers.slugUnique
    if (query.includes('_type == "castCredit"')) return answers.duplicateCredit
    return null
  })
  source = created.source
  calls = created.calls
})

const ref = (id: string) => ({ _type: 'reference', _ref: id })
const errors = (markers: Marker[]) => markers.filter((m) => m.level === 'error')
const warnings = (markers: Marker[]) => markers.filter((m) => m.level === 'warning')
const at = (markers: Marker[], path: string) => markers.filter((m) => m.path === path)
/** Top-level fields with errors (a slug reports both `slug` and `slug.current`). */
const fieldsWithErrors = (markers: Marker[]) =>
  [...new Set(errors(markers).map((m) => m.path.split('.')[0]))].sort()

const validShow = {
  _id: 'show-partner-track',
  _type: 'show',
  title: 'Partner Track',
  slug: { _type: 'slug', current: 'partner-track' },
  network: ref('network-netflix'),
  premiereDate: '2022-08-26',
  finaleDate: '2022-08-26',
}

const validCredit = {
  _id: 'castCredit-partner-track-alexandra-turshen',
  _type: 'castCredit',
  show: ref('show-partner-track'),
  person: ref('person-alexandra-turshen'),
  characterName: 'Rachel Friedman',
  billing: 'main',
  order: 1,
  seasons: [1],
}

const validEvent = {
  _id: 'statusEvent-partner-track-cancelled',
  _type: 'statusEvent',
  show: ref('show-partner-track'),
  status: 'cancelled',
  confidence: 'official',
  announcedAt: '2022-11-08',
  sources: [{ _key: 's1', _type: 'source', url: 'https://deadline.com/2022/11/partner-track-canceled/' }],
}

const validArticle = {
  _id: 'article-partner-track-season-2',
  _type: 'article',
  title: 'Partner Track season 2: cancelled',
  slug: { _type: 'slug', current: 'partner-track-season-2' },
  show: ref('show-partner-track'),
  publishedAt: '2024-05-01T09:00:00Z',
  sources: [{ _key: 's1', _type: 'source', url: 'https://deadline.com/x' }],
}

describe('schema validation rules (through Sanity’s validator)', () => {
  it('valid documents have no errors or warnings', async () => {
    answers = { slugUnique: true, duplicateCredit: null }
    for (const doc of [validShow, validCredit, validEvent, validArticle]) {
      expect(await validate(source, doc), doc._type).toEqual([])
    }
  })

  it('required fields', async () => {
    answers = { slugUnique: true, duplicateCredit: null }
    const show = await validate(source, { _id: 'show-x', _type: 'show' })
    expect(fieldsWithErrors(show)).toEqual(['slug', 'title'])

    const credit = await validate(source, { _id: 'castCredit-x', _type: 'castCredit' })
    expect(fieldsWithErrors(credit)).toEqual(['billing', 'characterName', 'person', 'show'])

    const event = await validate(source, { _id: 'statusEvent-x', _type: 'statusEvent' })
    expect(fieldsWithErrors(event)).toEqual(['announcedAt', 'confidence', 'show', 'status'])

    const article = await validate(source, { _id: 'article-x', _type: 'article' })
    expect(fieldsWithErrors(article)).toEqual(['publishedAt', 'slug', 'title'])

    for (const type of ['person', 'author', 'network']) {
      const markers = await validate(source, { _id: `${type}-x`, _type: type })
      expect(fieldsWithErrors(markers), type).toEqual(['name', 'slug'])
    }
    const season = await validate(source, { _id: 'season-x', _type: 'season' })
    expect(fieldsWithErrors(season)).toEqual(['number', 'show'])
  })

  it('slug must be unique per type (asks the Content Lake for the same type only)', async () => {
    answers = { slugUnique: false, duplicateCredit: null }
    const before = calls.length
    const markers = await validate(source, validShow)
    expect(at(errors(markers), 'slug')).toHaveLength(1)
    expect(at(markers, 'slug')[0]?.message).toMatch(/already in use/i)
    const slugQuery = calls.slice(before).find((c) => c.query.includes('slug.current == $slug'))
    expect(slugQuery?.params).toMatchObject({ type: 'show', slug: 'partner-track' })
  })

  it('source URLs must be http(s)', async () => {
    answers = { slugUnique: true, duplicateCredit: null }
    const markers = await validate(source, {
      ...validEvent,
      sources: [
        { _key: 'ok', _type: 'source', url: 'https://variety.com/a' },
        { _key: 'ftp', _type: 'source', url: 'ftp://variety.com/a' },
        { _key: 'none', _type: 'source', title: 'No link' },
      ],
    })
    expect(at(markers, 'sources.[ok].url')).toEqual([])
    expect(at(errors(markers), 'sources.[ftp].url').map((m) => m.message)).toContainEqual(
      expect.stringMatching(/Only http:\/\/ and https:\/\//),
    )
    expect(at(errors(markers), 'sources.[none].url')).toHaveLength(1)
  })

  it('official events cannot be announced in the future; reported ones can', async () => {
    answers = { slugUnique: true, duplicateCredit: null }
    const future = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
    const official = await validate(source, { ...validEvent, announcedAt: future })
    expect(at(errors(official), 'announcedAt').map((m) => m.message)).toContainEqual(
      expect.stringMatching(/cannot be in the future/),
    )
    const reported = await validate(source, { ...validEvent, confidence: 'reported', announcedAt: future })
    expect(errors(reported)).toEqual([])
  })

  it('a cast credit cannot duplicate (show, person, characterName)', async () => {
    answers = { slugUnique: true, duplicateCredit: 'castCredit-partner-track-alexandra-turshen-2' }
    const markers = await validate(source, validCredit)
    expect(errors(markers)).toHaveLength(1)
    expect(errors(markers)[0]).toMatchObject({ path: '', message: expect.stringMatching(/already credited/) })
  })

  it('order is a positive integer', async () => {
    answers = { slugUnique: true, duplicateCredit: null }
    for (const order of [0, -1, 1.5]) {
      expect(
        at(errors(await validate(source, { ...validCredit, order })), 'order'),
        String(order),
      ).toHaveLength(1)
    }
    expect(await validate(source, { ...validCredit, order: 3 })).toEqual([])
    expect(at(errors(await validate(source, { ...validCredit, seasons: [0] })), 'seasons')).toHaveLength(1)
  })

  it('image alt is required when an image is set (keyArt, portrait, body image)', async () => {
    answers = { slugUnique: true, duplicateCredit: null }
    const asset = { _type: 'reference', _ref: 'image-0123456789abcdef0123456789abcdef01234567-1200x800-jpg' }
    const withoutAlt = await validate(source, { ...validShow, keyArt: { _type: 'imageWithAlt', asset } })
    expect(at(errors(withoutAlt), 'keyArt.alt')).toHaveLength(1)
    const withAlt = await validate(source, {
      ...validShow,
      keyArt: { _type: 'imageWithAlt', asset, alt: 'Key art' },
    })
    expect(withAlt).toEqual([])
    const empty = await validate(source, { ...validShow, keyArt: { _type: 'imageWithAlt' } })
    expect(empty).toEqual([])

    const body = await validate(source, {
      ...validArticle,
      body: [{ _key: 'img', _type: 'image', asset }],
    })
    expect(at(errors(body), 'body.[img].alt')).toHaveLength(1)
  })

  it('warns (not errors) when an article about a show cites no source', async () => {
    answers = { slugUnique: true, duplicateCredit: null }
    const markers = await validate(source, { ...validArticle, sources: [] })
    expect(errors(markers)).toEqual([])
    expect(warnings(markers).map((m) => m.message)).toEqual([expect.stringMatching(/cites no source/)])
    expect(await validate(source, { ...validArticle, show: undefined, sources: [] })).toEqual([])
  })

  it('SEO lengths and finale-before-premiere are flagged', async () => {
    answers = { slugUnique: true, duplicateCredit: null }
    const seo = await validate(source, { ...validArticle, seo: { _type: 'seo', title: 'x'.repeat(71) } })
    expect(at(warnings(seo), 'seo.title')).toHaveLength(1)
    const dates = await validate(source, { ...validShow, finaleDate: '2022-01-01' })
    expect(at(errors(dates), 'finaleDate')).toHaveLength(1)
  })
})
