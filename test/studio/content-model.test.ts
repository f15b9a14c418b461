/** The schema files follow the shared contract (field names, one type per file, Node-safe imports). */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { documentTypes, objectTypes, schemaTypes } from '../../schemas/index.ts'
import { repoRoot } from './helpers.ts'

type Field = { name: string; type: string; of?: { type: string; name?: string }[]; to?: { type: string }[] }
type TypeDef = { name: string; type: string; fields?: Field[]; of?: { type: string; name?: string }[] }

const byName = new Map((schemaTypes as unknown as TypeDef[]).map((t) => [t.name, t]))
const fieldsOf = (name: string) => {
  const type = byName.get(name)
  if (!type?.fields) throw new Error(`no fields on ${name}`)
  return Object.fromEntries(type.fields.map((f) => [f.name, f]))
}

/** Field → type, straight from the contract. */
const contract: Record<string, Record<string, string>> = {
  network: { name: 'string', slug: 'slug', kind: 'string', website: 'url', isSample: 'boolean' },
  show: {
    title: 'string',
    slug: 'slug',
    network: 'reference',
    basedOn: 'basedOn',
    creators: 'array',
    premiereDate: 'date',
    finaleDate: 'date',
    synopsis: 'richText',
    keyArt: 'imageWithAlt',
    genres: 'array',
    externalIds: 'externalIds',
    isSample: 'boolean',
  },
  season: {
    show: 'reference',
    number: 'number',
    title: 'string',
    episodeCount: 'number',
    premiereDate: 'date',
    finaleDate: 'date',
    synopsis: 'text',
    isSample: 'boolean',
  },
  person: {
    name: 'string',
    slug: 'slug',
    portrait: 'imageWithAlt',
    bio: 'richText',
    externalIds: 'externalIds',
    isSample: 'boolean',
  },
  castCredit: {
    show: 'reference',
    person: 'reference',
    characterName: 'string',
    billing: 'string',
    order: 'number',
    seasons: 'array',
    sources: 'array',
    isSample: 'boolean',
  },
  statusEvent: {
    show: 'reference',
    status: 'string',
    forSeason: 'number',
    announcedAt: 'date',
    confidence: 'string',
    summary: 'text',
    sources: 'array',
    verifiedAt: 'date',
    isSample: 'boolean',
  },
  article: {
    title: 'string',
    slug: 'slug',
    dek: 'text',
    show: 'reference',
    kind: 'string',
    body: 'articleBody',
    authors: 'array',
    tags: 'array',
    publishedAt: 'datetime',
    updatedAt: 'datetime',
    lastVerifiedAt: 'date',
    sources: 'array',
    faq: 'array',
    seo: 'seo',
    isSample: 'boolean',
  },
  author: { name: 'string', slug: 'slug', bio: 'text', avatar: 'imageWithAlt', isSample: 'boolean' },
  source: { url: 'url', title: 'string', publisher: 'string', accessedAt: 'date' },
  basedOn: { title: 'string', author: 'string', year: 'number', kind: 'string' },
  externalIds: { imdb: 'string', tmdb: 'string', tvmaze: 'string' },
  imageWithAlt: { alt: 'string', caption: 'string', credit: 'string' },
  faqItem: { question: 'string', answer: 'text' },
  seo: { title: 'string', description: 'text', image: 'imageWithAlt' },
  castList: { title: 'string', credits: 'array' },
  statusCallout: { show: 'reference', note: 'string' },
  pullQuote: { text: 'string', attribution: 'string' },
}

describe('content model matches the contract', () => {
  it.each(Object.keys(contract))('%s has exactly the contract fields', (name) => {
    const fields = fieldsOf(name)
    const actual = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.type]))
    const expected = { ...contract[name] }
    if (name === 'pullQuote') expected.text = 'text' // multi-line text input; still a string in the data
    expect(actual).toEqual(expected)
  })

  it('every document type has isSample', () => {
    for (const type of documentTypes) expect(fieldsOf(type.name).isSample?.type, type.name).toBe('boolean')
  })

  it('status, confidence and billing options are the contract’s values', () => {
    const options = (type: string, field: string) =>
      (
        (fieldsOf(type)[field] as unknown as { options: { list: { value: string }[] } }).options.list ?? []
      ).map((o) => o.value)
    expect(options('statusEvent', 'status')).toEqual([
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
    expect(options('statusEvent', 'confidence')).toEqual(['official', 'reported', 'speculative'])
    expect(options('castCredit', 'billing')).toEqual(['main', 'recurring', 'guest'])
    expect(options('network', 'kind')).toEqual(['streaming', 'broadcast', 'cable'])
    expect(options('article', 'kind')).toEqual(['status-update', 'explainer', 'review', 'news'])
  })

  it('article body: text blocks plus image, castList, statusCallout, pullQuote', () => {
    const body = byName.get('articleBody')
    expect(body?.type).toBe('array')
    expect(body?.of?.map((m) => m.name ?? m.type)).toEqual([
      'block',
      'image',
      'castList',
      'statusCallout',
      'pullQuote',
    ])
    const block = body?.of?.[0] as unknown as {
      styles: { value: string }[]
      lists: { value: string }[]
      marks: { decorators: { value: string }[]; annotations: { name: string }[] }
    }
    expect(block.styles.map((s) => s.value)).toEqual(['normal', 'h2', 'h3', 'h4', 'blockquote'])
    expect(block.lists.map((s) => s.value)).toEqual(['bullet', 'number'])
    expect(block.marks.decorators.map((s) => s.value)).toEqual([
      'strong',
      'em',
      'code',
      'underline',
      'strike-through',
    ])
    expect(block.marks.annotations.map((a) => a.name)).toEqual(['link', 'internalLink'])

    const rich = byName.get('richText')?.of?.[0] as unknown as typeof block
    expect(rich.styles.map((s) => s.value)).toEqual(['normal', 'h2', 'h3', 'blockquote'])
    expect(rich.marks.annotations.map((a) => a.name)).toEqual(['link', 'internalLink'])
  })
})

describe('schema files', () => {
  const dirs = { documents: documentTypes, objects: objectTypes } as const

  it.each(Object.keys(dirs) as (keyof typeof dirs)[])(
    'schemas/%s has one defineType per file, named after it',
    (dir) => {
      const files = readdirSync(path.join(repoRoot, 'schemas', dir)).filter((f) => f.endsWith('.ts'))
      const names = files.map((f) => f.replace(/\.ts$/, '')).sort()
      expect(names).toEqual(dirs[dir].map((t) => t.name).sort())
      for (const file of files) {
        const text = readFileSync(path.join(repoRoot, 'schemas', dir, file), 'utf8')
        expect(text.match(/defineType\(/g), file).toHaveLength(1)
      }
    },
  )

  it('schemas/ stays importable from plain Node: no .tsx, no React or Studio UI imports', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
      )
    const files = walk(path.join(repoRoot, 'schemas'))
    expect(files.filter((f) => /\.(tsx|jsx)$/.test(f))).toEqual([])
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      expect(text, file).not.toMatch(
        /from ['"](react|react-dom|styled-components|@sanity\/ui|sanity\/structure)['"]/,
      )
      expect(text, file).not.toMatch(/from ['"]@sanity\/icons['"]/) // root entry is deprecated; use subpaths
    }
  })
})
