import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDataset, serialize } from '../../scripts/content/build-dataset.ts'
import { dryRunImport } from '../../scripts/content/check-dataset.ts'

type Obj = Record<string, unknown>

const FILE = resolve(import.meta.dirname, '../../content/data.ndjson')
const raw = readFileSync(FILE, 'utf8')
const lines = raw.split('\n')
// A single terminating newline is fine; blank lines anywhere else are not.
const docLines = lines.at(-1) === '' ? lines.slice(0, -1) : lines

const DECORATORS = new Set(['strong', 'em', 'code', 'underline', 'strike-through'])
const BODY_TYPES = new Set(['block', 'image', 'castList', 'statusCallout', 'pullQuote'])
const INTERNAL_LINK_TARGETS = new Set(['show', 'person', 'article'])
const STATUSES = new Set([
  'in-development',
  'ordered',
  'awaiting-premiere',
  'airing',
  'renewed',
  'final-season',
  'pending',
  'cancelled',
  'ended',
  'limited',
  'revived',
])
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

const SEED_ARTICLE = 'article-partner-track-season-2'
const SEED_CREDITS = [
  ['castCredit-partner-track-alexandra-turshen', 'person-alexandra-turshen', 'Rachel Friedman'],
  ['castCredit-partner-track-bradley-gibson', 'person-bradley-gibson', 'Tyler Robinson'],
  ['castCredit-partner-track-desmond-chiam', 'person-desmond-chiam', 'Zi-Xin ‘Z’ Min'],
  ['castCredit-partner-track-dominic-sherwood', 'person-dominic-sherwood', 'Jeff Murphy'],
  ['castCredit-partner-track-matthew-rauch', 'person-matthew-rauch', 'Marty Adler'],
  ['castCredit-partner-track-nolan-gerard-funk', 'person-nolan-gerard-funk', 'Dan Fallon'],
] as const
/** Every document carrying the seed article's (real) content. Everything else must be sample. */
const REAL_IDS = new Set<string>([
  'network-netflix',
  'show-partner-track',
  'season-partner-track-1',
  'statusEvent-partner-track-ordered',
  'statusEvent-partner-track-premiere',
  'statusEvent-partner-track-cancelled',
  'author-reel-status-desk',
  SEED_ARTICLE,
  `drafts.${SEED_ARTICLE}`,
  ...SEED_CREDITS.map(([credit]) => credit),
  ...SEED_CREDITS.map(([, person]) => person),
])

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Visits every object/array value in a document with its path. */
function walk(value: unknown, visit: (v: unknown, path: string) => void, path = ''): void {
  visit(value, path)
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, visit, `${path}[${i}]`)
  } else if (isObj(value))
    for (const [k, v] of Object.entries(value)) walk(v, visit, path ? `${path}.${k}` : k)
}

function blocksOf(doc: Obj): Array<{ block: Obj; path: string }> {
  const out: Array<{ block: Obj; path: string }> = []
  walk(doc, (v, path) => {
    if (isObj(v) && v._type === 'block') out.push({ block: v, path })
  })
  return out
}

function plainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return ''
  return blocks
    .filter((b): b is Obj => isObj(b) && b._type === 'block')
    .map((b) => (b.children as Obj[]).map((c) => c.text).join(''))
    .join('\n')
}

let docs: Obj[] = []
let byId = new Map<string, Obj>()
let published = new Map<string, Obj>()

beforeAll(() => {
  docs = docLines.map((line) => JSON.parse(line) as Obj)
  byId = new Map(docs.map((d) => [String(d._id), d]))
  published = new Map([...byId].filter(([id]) => !id.startsWith('drafts.')))
})

describe('content/data.ndjson: file format', () => {
  it('has one JSON document per line, no blank lines, no CR', () => {
    expect(raw.includes('\r')).toBe(false)
    expect(raw.endsWith('\n')).toBe(true)
    expect(raw.endsWith('\n\n')).toBe(false)
    for (const [i, line] of docLines.entries()) {
      expect(line.trim(), `line ${i + 1} is blank`).not.toBe('')
      expect(() => JSON.parse(line), `line ${i + 1} does not parse`).not.toThrow()
      expect(isObj(JSON.parse(line)), `line ${i + 1} is not an object`).toBe(true)
    }
  })

  it('is up to date with scripts/content/build-dataset.ts', () => {
    expect(raw).toBe(serialize(buildDataset()))
  })

  it('has unique _ids', () => {
    const ids = docs.map((d) => d._id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('has the required system fields on every document', () => {
    for (const d of docs) {
      const id = String(d._id)
      expect(typeof d._id, id).toBe('string')
      expect(typeof d._type, id).toBe('string')
      expect(d._rev, id).toMatch(/^[A-Za-z0-9]{22}$/)
      expect(d._createdAt, id).toMatch(ISO_DATETIME)
      expect(d._updatedAt, id).toMatch(ISO_DATETIME)
      expect(Date.parse(String(d._updatedAt)) >= Date.parse(String(d._createdAt)), id).toBe(true)
    }
  })

  it('uses no dots in ids except the single drafts. document', () => {
    const drafts = docs.map((d) => String(d._id)).filter((id) => id.includes('.'))
    expect(drafts).toEqual([`drafts.${SEED_ARTICLE}`])
    for (const d of docs) {
      expect(String(d._id).replace(/^drafts\./, '')).toMatch(/^[A-Za-z0-9_-]+$/)
    }
  })

  it('passes a dry run of the @sanity/import pipeline without the importer changing anything', async () => {
    const res = await dryRunImport(FILE)
    expect(res.numDocs).toBe(docs.length)
    expect(res.createdIds.sort()).toEqual(docs.map((d) => String(d._id)).sort())
    expect(res.changedIds).toEqual([])
  })
})

describe('content/data.ndjson: references and keys', () => {
  it('resolves every _ref to a published document in the file', () => {
    for (const d of docs) {
      walk(d, (v, path) => {
        if (!isObj(v) || !('_ref' in v)) return
        const where = `${d._id} ${path}`
        expect(v._type, where).toBe('reference')
        expect(published.has(String(v._ref)), `${where} -> ${v._ref}`).toBe(true)
      })
    }
  })

  it('gives every object in an array a _key unique within that array', () => {
    for (const d of docs) {
      walk(d, (v, path) => {
        if (!Array.isArray(v)) return
        const objects = v.filter(isObj)
        if (objects.length === 0) return
        expect(objects.length, `${d._id} ${path}: mixed array`).toBe(v.length)
        const keys = objects.map((o) => o._key)
        for (const key of keys)
          expect(typeof key === 'string' && key.length > 0, `${d._id} ${path}`).toBe(true)
        expect(new Set(keys).size, `${d._id} ${path}: duplicate _key`).toBe(keys.length)
      })
    }
  })

  it('has well-formed Portable Text blocks, spans and markDefs', () => {
    let blockCount = 0
    for (const d of docs) {
      for (const { block, path } of blocksOf(d)) {
        blockCount++
        const where = `${d._id} ${path}`
        expect(typeof block._key, where).toBe('string')
        expect(Array.isArray(block.markDefs), `${where}.markDefs`).toBe(true)
        expect(Array.isArray(block.children) && (block.children as unknown[]).length > 0, where).toBe(true)
        expect(['normal', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']).toContain(block.style)
        if (block.listItem !== undefined) {
          expect(['bullet', 'number'], where).toContain(block.listItem)
          expect(Number.isInteger(block.level) && Number(block.level) >= 1, where).toBe(true)
        }
        const defs = block.markDefs as Obj[]
        const defKeys = new Set(defs.map((m) => m._key))
        for (const def of defs) {
          expect(typeof def._key, where).toBe('string')
          if (def._type === 'link') {
            expect(String(def.href), where).toMatch(/^https?:\/\//)
          } else if (def._type === 'internalLink') {
            const target = published.get(String((def.reference as Obj | undefined)?._ref))
            expect(target, `${where} internalLink`).toBeDefined()
            expect(INTERNAL_LINK_TARGETS.has(String(target?._type)), `${where} internalLink type`).toBe(true)
          } else {
            throw new Error(`${where}: unknown markDef type ${String(def._type)}`)
          }
        }
        const used = new Set<unknown>()
        for (const span of block.children as Obj[]) {
          expect(span._type, where).toBe('span')
          expect(typeof span._key, where).toBe('string')
          expect(typeof span.text, where).toBe('string')
          expect(Array.isArray(span.marks), where).toBe(true)
          for (const mark of span.marks as string[]) {
            expect(DECORATORS.has(mark) || defKeys.has(mark), `${where}: unknown mark ${mark}`).toBe(true)
            used.add(mark)
          }
        }
        for (const key of defKeys) expect(used.has(key), `${where}: unused markDef ${String(key)}`).toBe(true)
      }
    }
    expect(blockCount).toBeGreaterThan(30)
  })

  it('uses only the contract block types in article bodies and plain blocks in rich text', () => {
    for (const d of docs) {
      if (d._type === 'article') {
        for (const item of d.body as Obj[]) {
          expect(BODY_TYPES.has(String(item._type)), `${d._id}: ${String(item._type)}`).toBe(true)
          if (item._type === 'castList') {
            for (const c of item.credits as Obj[]) {
              expect(published.get(String(c._ref))?._type, `${d._id} castList`).toBe('castCredit')
            }
          }
          if (item._type === 'statusCallout') {
            expect(published.get(String((item.show as Obj)._ref))?._type).toBe('show')
          }
          if (item._type === 'pullQuote') expect(typeof item.text).toBe('string')
        }
      }
      for (const field of ['synopsis', 'bio']) {
        const value = d[field]
        if (Array.isArray(value))
          for (const b of value as Obj[]) expect(b._type, `${d._id}.${field}`).toBe('block')
      }
    }
  })
})

describe('content/data.ndjson: contract fields', () => {
  const required: Record<string, string[]> = {
    network: ['name', 'slug'],
    show: ['title', 'slug'],
    season: ['show', 'number'],
    person: ['name', 'slug'],
    castCredit: ['show', 'person', 'characterName', 'billing'],
    statusEvent: ['show', 'status', 'announcedAt', 'confidence'],
    article: ['title', 'slug', 'publishedAt'],
    author: ['name', 'slug'],
  }

  it('only contains contract document types, each with its required fields', () => {
    for (const d of docs) {
      const fields = required[String(d._type)]
      expect(fields, `${d._id}: unknown type ${String(d._type)}`).toBeDefined()
      for (const f of fields ?? []) expect(d[f], `${d._id}.${f}`).toBeDefined()
      if (isObj(d.slug)) expect(String(d.slug.current)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    }
  })

  it('uses the contract enums and date formats', () => {
    for (const d of docs) {
      const id = String(d._id)
      if (d._type === 'network') expect(['streaming', 'broadcast', 'cable'], id).toContain(d.kind)
      if (d._type === 'castCredit') {
        expect(['main', 'recurring', 'guest'], id).toContain(d.billing)
        expect(Number(d.order) >= 1, id).toBe(true)
      }
      if (d._type === 'statusEvent') {
        expect(STATUSES.has(String(d.status)), id).toBe(true)
        expect(['official', 'reported', 'speculative'], id).toContain(d.confidence)
        expect(d.announcedAt, id).toMatch(DATE)
        if (d.verifiedAt !== undefined) expect(d.verifiedAt, id).toMatch(DATE)
      }
      if (d._type === 'article') {
        expect(['status-update', 'explainer', 'review', 'news'], id).toContain(d.kind)
        expect(d.publishedAt, id).toMatch(ISO_DATETIME)
        if (d.lastVerifiedAt !== undefined) expect(d.lastVerifiedAt, id).toMatch(DATE)
      }
      for (const f of ['premiereDate', 'finaleDate']) if (d[f] !== undefined) expect(d[f], id).toMatch(DATE)
      if (d.finaleDate !== undefined) expect(String(d.finaleDate) >= String(d.premiereDate), id).toBe(true)
      if (d.updatedAt !== undefined) expect(String(d.updatedAt) >= String(d.publishedAt), id).toBe(true)
      if (Array.isArray(d.sources)) {
        for (const s of d.sources as Obj[]) {
          expect(s._type, id).toBe('source')
          expect(String(s.url), id).toMatch(/^https?:\/\//)
        }
      }
    }
  })

  it('derives the expected current status for every show (contract rule)', () => {
    const rank = { official: 0, reported: 1, speculative: 2 } as const
    const current = (showId: string): string => {
      const events = [...published.values()]
        .filter((e) => e._type === 'statusEvent' && (e.show as Obj)._ref === showId)
        .sort(
          (a, b) =>
            rank[a.confidence as keyof typeof rank] - rank[b.confidence as keyof typeof rank] ||
            String(b.announcedAt).localeCompare(String(a.announcedAt)) ||
            String(b._updatedAt).localeCompare(String(a._updatedAt)),
        )
      return String(events[0]?.status ?? 'unknown')
    }
    expect(current('show-partner-track')).toBe('cancelled')
    expect(current('show-harbor-lights')).toBe('renewed')
    expect(current('show-the-long-docket')).toBe('airing')
    expect(current('show-the-glass-orchard')).toBe('ended')
    expect(current('show-static-season')).toBe('pending')
  })
})

describe('content/data.ndjson: the seed article (real content)', () => {
  const article = (): Obj => byId.get(SEED_ARTICLE) as Obj

  it('has the exact title, slug, kind, show and author', () => {
    const a = article()
    expect(a.title).toBe('Partner Track Season 2: Is the Latest Netflix Legal Drama Cancelled?')
    expect((a.slug as Obj).current).toBe('partner-track-season-2-cancelled')
    expect(a.kind).toBe('status-update')
    expect((a.show as Obj)._ref).toBe('show-partner-track')
    expect((a.authors as Obj[]).map((r) => r._ref)).toEqual(['author-reel-status-desk'])
    expect(a.isSample).toBe(false)
    expect((a.faq as Obj[]).length).toBe(2)
  })

  it('keeps the seed headings as h2 blocks and its wording', () => {
    const body = article().body as Obj[]
    const h2s = body.filter((b) => b.style === 'h2').map((b) => plainText([b]))
    expect(h2s).toEqual([
      'What is the release date of Partner Track season 2?',
      'What could have been the plot of Partner Track Season 2?',
      'Who could be the possible cast members of Partner Track Season 2?',
    ])
    const text = plainText(body)
    for (const sentence of [
      'If you are a fan of one of those good old legal dramas then you have probably already watched and even got hooked to the latest Netflix legal drama in town, Partner Track.',
      'Netflix came up with an official announcement towards the end of 2021 that it was going to launch a new legal drama series named Partner Track.',
      'Based on Helen Wan’s 2013 novel, this series made its debut on the platform of Netflix in August 2022.',
      'The show now officially stands canceled.',
      'The basic plot line of Partner Track is the journey and dream of Ingrid Yun who aspires to become a junior partner at a law firm named Parsons, someday.',
      'So, here is the list of the recurring faces in the show.',
      'There has been no official confirmation regarding a second season as of now.',
    ]) {
      expect(text).toContain(sentence)
    }
    // The cast is a structured block, not typed text.
    expect(text).not.toContain(' as Rachel Friedman')
  })

  it('has exactly one castList referencing the six Partner Track castCredits in seed order', () => {
    const lists = (article().body as Obj[]).filter((b) => b._type === 'castList')
    expect(lists).toHaveLength(1)
    const refs = ((lists[0] as Obj).credits as Obj[]).map((c) => c._ref)
    expect(refs).toEqual(SEED_CREDITS.map(([credit]) => credit))
    for (const [i, [creditId, personId, character]] of SEED_CREDITS.entries()) {
      const credit = byId.get(creditId) as Obj
      expect((credit.show as Obj)._ref).toBe('show-partner-track')
      expect((credit.person as Obj)._ref).toBe(personId)
      expect(credit.characterName).toBe(character)
      expect(credit.billing).toBe('main')
      expect(credit.order).toBe(i + 1)
      expect(credit.seasons).toEqual([1])
    }
  })

  it('places a statusCallout for the show in the release-date section', () => {
    const body = article().body as Obj[]
    const callout = body.findIndex((b) => b._type === 'statusCallout')
    const firstH2 = body.findIndex((b) => b.style === 'h2')
    const secondH2 = body.findIndex((b, i) => i > firstH2 && b.style === 'h2')
    expect(callout).toBeGreaterThan(firstH2)
    expect(callout).toBeLessThan(secondH2)
    expect(((body[callout] as Obj).show as Obj)._ref).toBe('show-partner-track')
  })

  it('has a visibly different unpublished draft', () => {
    const draft = byId.get(`drafts.${SEED_ARTICLE}`) as Obj
    expect(draft._type).toBe('article')
    expect(String(draft.title)).toContain('DRAFT')
    expect(String(draft.dek)).toContain('DRAFT')
    expect(draft.title).not.toBe(article().title)
    expect((draft.slug as Obj).current).toBe((article().slug as Obj).current)
  })

  it('has a Partner Track status history: ordered, airing, cancelled', () => {
    const events = docs
      .filter((d) => d._type === 'statusEvent' && (d.show as Obj)._ref === 'show-partner-track')
      .sort((a, b) => String(a.announcedAt).localeCompare(String(b.announcedAt)))
    expect(events.map((e) => e.status)).toEqual(['ordered', 'airing', 'cancelled'])
    for (const e of events) {
      expect(typeof e.summary).toBe('string')
      expect(e.verifiedAt).toMatch(DATE)
      expect((e.sources as Obj[]).length).toBeGreaterThan(0)
    }
  })
})

describe('content/data.ndjson: sample content', () => {
  it('marks every non-seed document isSample: true and no seed document as sample', () => {
    for (const d of docs) {
      if (REAL_IDS.has(String(d._id)))
        expect(d.isSample === false || d.isSample === undefined, String(d._id)).toBe(true)
      else expect(d.isSample, `${d._id} should be isSample: true`).toBe(true)
    }
  })

  it('keeps sample documents free of the seed content', () => {
    const samples = docs.filter((d) => d.isSample === true)
    expect(samples.length).toBeGreaterThan(20)
    for (const d of samples) {
      const json = JSON.stringify(d)
      expect(REAL_IDS.has(String(d._id))).toBe(false)
      expect(json, String(d._id)).not.toMatch(/partner[ -]track|netflix|ingrid yun|helen wan/i)
      walk(d, (v) => {
        if (isObj(v) && '_ref' in v) {
          expect(published.get(String(v._ref))?.isSample, `${d._id} -> ${String(v._ref)}`).toBe(true)
        }
      })
    }
  })

  it('says so in the dek of every sample article', () => {
    const articles = docs.filter((d) => d._type === 'article' && d.isSample === true)
    expect(articles.length).toBeGreaterThanOrEqual(2)
    for (const a of articles) expect(String(a.dek), String(a._id)).toMatch(/^Sample content:/)
  })

  it('exercises the custom blocks and nested lists', () => {
    const bodies = docs
      .filter((d) => d._type === 'article' && d.isSample === true)
      .flatMap((d) => d.body as Obj[])
    for (const t of ['castList', 'statusCallout', 'pullQuote'])
      expect(
        bodies.some((b) => b._type === t),
        t,
      ).toBe(true)
    expect(bodies.some((b) => b.listItem === 'bullet' && Number(b.level) === 2)).toBe(true)
    expect(bodies.some((b) => b.listItem === 'number')).toBe(true)
  })
})
