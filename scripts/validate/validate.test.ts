import { describe, expect, it } from 'vitest'
import { loadDataset } from '../source/dataset.ts'
import type { SanityDocument } from '../source/types.ts'
import { isDate, isDateTime } from './check.ts'
import { findCycles } from './cycles.ts'
import type { ContentModel } from './model.ts'
import { cleanStrings } from './strings.ts'
import { isBlank, stripUnsafeCharacters, truncateText } from './text.ts'
import {
  createValidator,
  replaceDocuments,
  SKIPPED_TYPE,
  type ValidationState,
  validateDocuments,
} from './validate.ts'

const T = '2026-01-01T00:00:00Z'
const doc = (id: string, type: string, fields: Record<string, unknown> = {}): SanityDocument => ({
  _id: id,
  _type: type,
  _updatedAt: T,
  ...fields,
})
const slug = (current: string) => ({ _type: 'slug', current })
const ref = (id: string) => ({ _type: 'reference', _ref: id })
const show = (id: string, fields: Record<string, unknown> = {}) =>
  doc(id, 'show', { title: id, slug: slug(id), ...fields })
const codes = (documents: SanityDocument[], options = {}) =>
  validateDocuments(documents, options).report.warnings.map((w) => [w.documentId, w.code, w.field, w.outcome])

describe('validateDocuments', () => {
  it('finds nothing wrong in the bundled dataset', async () => {
    const dataset = await loadDataset('content/data.ndjson')
    const result = validateDocuments(dataset.documents)
    expect(result.report.warnings).toEqual([])
    expect(result.documents).toEqual(dataset.documents)
  })

  it('gives the same result one document at a time, handing each checked document to `compact`', async () => {
    const file = 'test/fixtures/hostile/data.ndjson'
    const expected = validateDocuments((await loadDataset(file)).documents)
    const { documents } = await loadDataset(file)
    const compacted: string[] = []
    const validator = createValidator({ compact: (document) => compacted.push(String(document._id)) })
    for (const document of documents) validator.add(document)
    const actual = validator.finish()
    expect(actual.documents).toEqual(expected.documents)
    expect({ ...actual.report, milliseconds: 0 }).toEqual({ ...expected.report, milliseconds: 0 })
    // Every document that reached the field checks: not a system document, nor skipped before them.
    const before = new Set(['unpublished-id', 'private-id', 'unknown-type', 'too-deep'])
    const early = new Set(expected.report.skipped.filter((s) => before.has(s.code)).map((s) => s.id))
    const checked = documents.filter((d) => !d._type.startsWith('sanity.') && !early.has(d._id))
    expect(compacted).toEqual(checked.map((d) => d._id))
    expect(early.size).toBeGreaterThan(0)
  })

  it('returns valid documents as the same objects, in order, with no warnings', () => {
    const documents = [
      show('show-a'),
      doc('person-a', 'person', { name: 'A', slug: slug('a') }),
      doc('castCredit-a', 'castCredit', {
        show: ref('show-a'),
        person: ref('person-a'),
        characterName: 'X',
        billing: 'main',
      }),
    ]
    const result = validateDocuments(documents)
    expect(result.documents).toHaveLength(3)
    result.documents.forEach((document, index) => {
      expect(document).toBe(documents[index])
    })
    expect(result.report.warnings).toEqual([])
    expect(result.report.skipped).toEqual([])
  })

  it('names the id, type and field of a skipped document and lists it', () => {
    const result = validateDocuments([doc('show-x', 'show', { slug: slug('x'), _rev: 'r9' })])
    // A placeholder keeps the dataset's count and last update; no site query selects it.
    expect(result.documents).toEqual([{ _id: 'show-x', _type: SKIPPED_TYPE, _rev: 'r9', _updatedAt: T }])
    expect(result.report.skipped).toEqual([
      {
        id: 'show-x',
        type: 'show',
        code: 'required-missing',
        field: 'title',
        reason: 'title is required but missing',
      },
    ])
    expect(result.report.warnings[0]?.message).toBe(
      'show show-x: title is required but missing; document skipped',
    )
  })

  it('repairs a copy and leaves the input untouched', () => {
    const input = show('show-a', { premiereDate: '2024-13-01', genres: ['drama', 7] })
    const snapshot = structuredClone(input)
    const [repaired] = validateDocuments([input]).documents
    expect(input).toEqual(snapshot)
    expect(repaired).not.toBe(input)
    expect(repaired?.premiereDate).toBeUndefined()
    expect(repaired?.genres).toEqual(['drama'])
  })

  it('skips drafts, release versions, dotted ids and unknown types; passes asset documents', () => {
    expect(
      codes([
        show('drafts.show-a'),
        show('versions.r1.show-a'),
        show('private.show-a'),
        doc('movie-a', 'movie'),
        doc('image-abc', 'sanity.imageAsset', { url: 'https://cdn.example/a.jpg' }),
        doc('_.groups.editors', 'system.group', { members: [] }),
      ]),
    ).toEqual([
      ['drafts.show-a', 'unpublished-id', undefined, 'skipped'],
      ['versions.r1.show-a', 'unpublished-id', undefined, 'skipped'],
      ['private.show-a', 'private-id', undefined, 'skipped'],
      ['movie-a', 'unknown-type', undefined, 'skipped'],
    ])
  })

  it('checks every kind of field', () => {
    const result = validateDocuments([
      show('show-a', {
        network: { _type: 'reference' },
        creators: 'person-a',
        basedOn: { title: 12, year: 1999.5, kind: 'poem' },
        externalIds: ['tt1'],
        keyArt: { _type: 'imageWithAlt', asset: 'image-1', alt: 'x' },
        isSample: 1,
      }),
    ])
    expect(result.report.warnings.map((w) => [w.code, w.field, w.dropped])).toEqual([
      ['required-missing', 'network._ref', 'network'],
      ['wrong-type', 'basedOn.title', 'basedOn.title'],
      ['invalid-number', 'basedOn.year', 'basedOn.year'],
      ['not-in-list', 'basedOn.kind', 'basedOn.kind'],
      ['wrong-type', 'creators', 'creators'],
      ['wrong-type', 'keyArt.asset', 'keyArt'],
      ['wrong-type', 'externalIds', 'externalIds'],
      ['wrong-type', 'isSample', 'isSample'],
    ])
    expect(result.documents[0]?.basedOn).toEqual({})
  })

  it('runs value-only rules from schemas/validation (validateSeasonNumbers, validateHttpUrl)', () => {
    expect(
      codes([
        show('show-a'),
        doc('person-a', 'person', { name: 'P', slug: slug('p') }),
        doc('castCredit-a', 'castCredit', {
          show: ref('show-a'),
          person: ref('person-a'),
          characterName: 'X',
          billing: 'main',
          seasons: [1, 1],
        }),
        doc('network-a', 'network', { name: 'N', slug: slug('n'), website: 'https://' }),
      ]),
    ).toEqual([
      ['castCredit-a', 'invalid-value', 'seasons', 'dropped'],
      ['network-a', 'invalid-url', 'website', 'dropped'],
    ])
  })

  it('strips control characters everywhere, with one warning per document', () => {
    const result = validateDocuments([
      show('show-a', {
        title: 'A\u0000B',
        synopsis: [
          {
            _type: 'block',
            _key: 'k',
            children: [{ _type: 'span', _key: 's', text: 'x\u0007y', marks: [] }],
          },
        ],
      }),
    ])
    expect(result.documents[0]?.title).toBe('AB')
    expect(JSON.stringify(result.documents[0]?.synopsis)).toContain('"xy"')
    expect(result.report.warnings.map((w) => w.message)).toEqual([
      'show show-a: control or unprintable characters removed from title, synopsis[0].children[0].text',
    ])
  })

  it('skips what requires a missing, skipped or wrong-typed document and drops optional references', () => {
    expect(
      codes([
        show('show-a', { network: ref('network-missing'), creators: [ref('show-a')] }),
        doc('season-1', 'season', { show: ref('show-gone'), number: 1 }),
        doc('season-2', 'season', { show: ref('show-bad'), number: 1 }),
        doc('show-bad', 'show', { slug: slug('bad') }),
        doc('statusEvent-1', 'statusEvent', {
          show: ref('season-1'),
          status: 'renewed',
          confidence: 'official',
          announcedAt: '2025-01-01',
        }),
      ]),
    ).toEqual([
      ['show-a', 'reference-missing', 'network', 'dropped'],
      ['show-a', 'reference-wrong-type', 'creators[0]', 'dropped'],
      ['season-1', 'reference-missing', 'show', 'skipped'],
      ['season-2', 'reference-skipped', 'show', 'skipped'],
      ['show-bad', 'required-missing', 'title', 'skipped'],
      ['statusEvent-1', 'reference-skipped', 'show', 'skipped'],
      ['show-a', 'reference-cycle', 'creators[0]', 'reported'],
    ])
  })

  it('follows skips through chains of required references until nothing changes', () => {
    // c requires b, b requires a; a is broken. Skipping b happens in the reference pass, c one pass later.
    const model: ContentModel = {
      documents: {
        node: {
          name: { kind: 'string', required: true },
          parent: { kind: 'reference', to: ['node'], required: true },
        },
        root: { name: { kind: 'string', required: true } },
      },
      types: {},
    }
    const result = validateDocuments(
      [
        doc('c', 'node', { name: 'c', parent: ref('b') }),
        doc('b', 'node', { name: 'b', parent: ref('a') }),
        doc('a', 'root', {}),
      ],
      { model },
    )
    expect(result.documents.map((document) => document._type)).toEqual([
      SKIPPED_TYPE,
      SKIPPED_TYPE,
      SKIPPED_TYPE,
    ])
    expect(result.report.skipped.map((s) => [s.id, s.code])).toEqual([
      ['c', 'reference-skipped'],
      ['b', 'reference-skipped'],
      ['a', 'required-missing'],
    ])
  })

  it('reports each field path as it is in the document, even after earlier items were dropped', () => {
    const result = validateDocuments([
      doc('person-a', 'person', { name: 'P', slug: slug('p') }),
      show('show-a', { creators: [ref('person-a'), ref('person-a'), ref('person-gone'), 5] }),
    ])
    expect(result.report.warnings.map((w) => [w.code, w.field])).toEqual([
      ['duplicate-item', 'creators[1]'],
      ['reference-missing', 'creators[2]'],
      ['wrong-type', 'creators[3]'],
    ])
    expect(result.documents[1]?.creators).toEqual([ref('person-a')])
  })
})

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-00-10', false],
    ['24-01-01', false],
    ['2024-01-01T00:00:00Z', false],
  ])('isDate(%j) → %j', (value, expected) => {
    expect(isDate(value)).toBe(expected)
  })

  it.each([
    ['2024-05-01T09:00:00Z', true],
    ['2024-05-01T09:00:00.123+02:00', true],
    ['2024-05-01T24:00:00Z', false],
    ['2024-05-01T09:00Z', false],
    ['2024-05-01 09:00:00Z', false],
    ['2024-05-01', false],
    ['+275760-09-13T00:00:00Z', false],
  ])('isDateTime(%j) → %j', (value, expected) => {
    expect(isDateTime(value)).toBe(expected)
  })
})

describe('findCycles', () => {
  it('finds each cycle once, in reference order from its smallest id', () => {
    const cycles = findCycles([
      { from: 'c', path: 'x', to: 'a' },
      { from: 'a', path: 'x', to: 'b' },
      { from: 'b', path: 'x', to: 'c' },
      { from: 'd', path: 'x', to: 'a' },
      { from: 'e', path: 'self', to: 'e' },
      { from: 'f', path: 'x', to: 'g' },
    ])
    expect(cycles.map((cycle) => cycle.map((edge) => `${edge.from}→${edge.to}`))).toEqual([
      ['a→b', 'b→c', 'c→a'],
      ['e→e'],
    ])
  })

  it('handles long chains without recursion', () => {
    const edges = Array.from({ length: 30_000 }, (_, i) => ({ from: `n${i}`, path: 'next', to: `n${i + 1}` }))
    expect(findCycles(edges)).toEqual([])
    edges.push({ from: 'n30000', path: 'next', to: 'n0' })
    expect(findCycles(edges)[0]).toHaveLength(30_001)
  })
})

describe('text hygiene', () => {
  it('strips controls, unpaired surrogates and non-characters; keeps tabs, newlines and emoji', () => {
    expect(stripUnsafeCharacters('a\u0000b\u0007c\td\ne\rf\u007fg\u0085h\ud800i😀j\ufffek')).toBe(
      'abc\td\ne\rfghi😀jk',
    )
    expect(cleanStrings({ _id: 'x\u0000', a: { 'k\u0001': ['v\u0002'] } }).value).toEqual({
      _id: 'x\u0000',
      a: { k: ['v'] },
    })
  })

  it('treats invisible-only text as blank', () => {
    expect(isBlank(' \u200b\u200e\t')).toBe(true)
    expect(isBlank(' a ')).toBe(false)
  })

  it('truncates at a word boundary without splitting surrogate pairs', () => {
    expect(truncateText('short', 10)).toBe('short')
    expect(truncateText('one two three four five', 12)).toBe('one two…')
    expect(Array.from(truncateText('😀'.repeat(20), 5))).toHaveLength(5)
    // Longer than `max` in code units, not in code points: kept whole.
    expect(truncateText('😀'.repeat(4), 5)).toBe('😀'.repeat(4))
    expect(truncateText(`${'x'.repeat(10)}  `, 10)).toBe('x'.repeat(10))
    expect(truncateText('a   b', 10)).toBe('a b')
  })
})

describe('replaceDocuments', () => {
  const base = [
    doc('network-n', 'network', { name: 'N', slug: slug('n') }),
    show('show-a', { network: ref('network-n') }),
    doc('person-p', 'person', { name: 'P', slug: slug('p') }),
    show('show-b', { creators: [ref('person-p')] }),
  ]
  const stateOf = (documents: SanityDocument[]) => {
    const validator = createValidator()
    for (const document of documents) validator.add(document)
    validator.finish()
    return validator.state()
  }
  const withoutTime = ({
    documents,
    report: { milliseconds: _, ...report },
  }: ReturnType<typeof validateDocuments>) => ({
    documents,
    report,
  })

  it('gives what validating every document gives, replacement after replacement', () => {
    let state = stateOf(base) as ValidationState
    let documents = base
    const replacements: SanityDocument[] = [
      show('show-a', { network: ref('network-missing'), _rev: 'r2' }),
      // Wrong-typed, and a cycle through itself.
      show('show-a', { creators: [ref('show-a')], _rev: 'r3' }),
      show('show-a', { title: 'A\u0007', creators: [ref('person-p'), ref('person-p')], _rev: 'r4' }),
      doc('person-p', 'person', { name: 'P renamed', slug: slug('p'), _rev: 'r5' }),
      base[1] as SanityDocument,
    ]
    for (const replacement of replacements) {
      documents = documents.map((d) => (d._id === replacement._id ? replacement : d))
      const replaced = replaceDocuments(state, [createValidator().add(replacement)])
      expect(replaced, String(replacement._rev)).toBeDefined()
      expect(withoutTime(replaced?.validated as ReturnType<typeof validateDocuments>)).toEqual(
        withoutTime(validateDocuments(documents)),
      )
      state = replaced?.state as ValidationState
    }
  })

  it('declines a replacement that is skipped, of another type or new, and a state with a skipped document', () => {
    const state = stateOf(base) as ValidationState
    const replace = (replacement: SanityDocument) =>
      replaceDocuments(state, [createValidator().add(replacement)])
    expect(replace(doc('show-a', 'show', { slug: slug('a') }))).toBeUndefined()
    expect(replace(doc('show-a', 'network', { name: 'A', slug: slug('a') }))).toBeUndefined()
    expect(replace(show('show-new'))).toBeUndefined()
    expect(
      stateOf([...base, doc('season-1', 'season', { show: ref('show-gone'), number: 1 })]),
    ).toBeUndefined()
  })
})
