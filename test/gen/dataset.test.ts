import { createHash } from 'node:crypto'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateDocuments, planDataset } from '../../scripts/gen/dataset.ts'
import { writeDataset } from '../../scripts/gen/write.ts'
import { isPublishedId } from '../../scripts/source/index.ts'
import type { SanityDocument } from '../../scripts/source/types.ts'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')
const ndjson = (docs: Iterable<SanityDocument>) => [...docs].map((d) => `${JSON.stringify(d)}\n`).join('')

/** Every `_ref` anywhere in a value. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refs(item, out)
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record._ref === 'string') out.push(record._ref)
    for (const child of Object.values(record)) refs(child, out)
  }
  return out
}

function words(blocks: unknown): number {
  let count = 0
  for (const block of blocks as Array<{ children?: Array<{ text: string }> }>)
    for (const span of block.children ?? []) count += span.text.split(/\s+/).filter(Boolean).length
  return count
}

describe('generateDocuments', () => {
  const docs = [...generateDocuments({ articles: 200, seed: 'test' })]
  const published = docs.filter((d) => isPublishedId(d._id))
  const byType = (type: string) => published.filter((d) => d._type === type)

  it('is deterministic: the same seed gives the same bytes, another seed different ones', () => {
    expect(sha(ndjson(generateDocuments({ articles: 200, seed: 'test' })))).toBe(sha(ndjson(docs)))
    expect(sha(ndjson(generateDocuments({ articles: 200, seed: 'other' })))).not.toBe(sha(ndjson(docs)))
  })

  it('has the planned counts: N articles, N/10 shows, N/2 people, plus networks and authors', () => {
    const plan = planDataset(200)
    expect(plan).toMatchObject({ articles: 200, shows: 20, people: 100 })
    expect(byType('article')).toHaveLength(plan.articles)
    expect(byType('show')).toHaveLength(plan.shows)
    expect(byType('person')).toHaveLength(plan.people)
    expect(byType('network')).toHaveLength(plan.networks)
    expect(byType('author')).toHaveLength(plan.authors)
    for (const type of ['season', 'castCredit', 'statusEvent']) expect(byType(type).length).toBeGreaterThan(0)
  })

  it('uses unique hyphenated ids and unique slugs per type', () => {
    const ids = published.map((d) => d._id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z]+-[a-z0-9-]+$/)
    for (const type of ['article', 'show', 'person', 'author', 'network']) {
      const slugs = byType(type).map((d) => (d.slug as { current: string }).current)
      expect(new Set(slugs).size).toBe(slugs.length)
    }
  })

  it('only references documents that exist, and references them realistically', () => {
    const ids = new Set(published.map((d) => d._id))
    const dangling = published.flatMap((d) => refs(d).filter((ref) => !ids.has(ref)))
    expect(dangling).toEqual([])
    const articles = byType('article')
    const linking = (prefix: string) => articles.filter((a) => refs(a.body).some((r) => r.startsWith(prefix)))
    expect(linking('show-').length).toBeGreaterThan(articles.length / 2)
    expect(linking('person-').length).toBeGreaterThan(articles.length / 4)
    expect(linking('article-').length).toBeGreaterThan(0)
    expect(linking('castCredit-').length).toBeGreaterThan(0)
    for (const credit of byType('castCredit')) {
      expect(refs(credit.show)).toHaveLength(1)
      expect(refs(credit.person)).toHaveLength(1)
    }
  })

  it('writes long Portable Text bodies with headings, lists, marks and custom blocks', () => {
    const articles = byType('article')
    const average = articles.reduce((sum, a) => sum + words(a.body), 0) / articles.length
    expect(average).toBeGreaterThan(1200)
    expect(average).toBeLessThan(1900)
    const blocks = articles.flatMap((a) => a.body as Array<Record<string, unknown>>)
    const kinds = new Set(
      blocks.map((b) => (b._type === 'block' ? `${b.style}${b.listItem ? `/${b.listItem}` : ''}` : b._type)),
    )
    for (const kind of [
      'normal',
      'h2',
      'h3',
      'blockquote',
      'normal/bullet',
      'normal/number',
      'castList',
      'statusCallout',
      'pullQuote',
    ])
      expect(kinds).toContain(kind)
    const marks = new Set(
      blocks.flatMap((b) => ((b.children as Array<{ marks: string[] }>) ?? []).flatMap((s) => s.marks)),
    )
    for (const decorator of ['strong', 'em', 'code']) expect(marks).toContain(decorator)
    for (const block of blocks) expect(block._key).toMatch(/^[0-9a-f]{12}$/)
  })

  it('gives every show a status history and includes a few unpublished drafts', () => {
    const shows = new Set(byType('show').map((s) => s._id))
    const withEvents = new Set(byType('statusEvent').flatMap((e) => refs(e.show)))
    expect(withEvents).toEqual(shows)
    const big = [...generateDocuments({ articles: 1000, seed: 'test' })]
    expect(big.some((d) => d._id.startsWith('drafts.article-'))).toBe(true)
  })
})

describe('writeDataset', () => {
  it('streams the same bytes the generator yields, as ndjson', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'reel-gen-')), 'data.ndjson')
    const written = await writeDataset({ articles: 50, seed: 'w' }, file)
    const text = await readFile(file, 'utf8')
    expect(text).toBe(ndjson(generateDocuments({ articles: 50, seed: 'w' })))
    expect(written.documents).toBe(text.trim().split('\n').length)
    expect(written.bytes).toBe(Buffer.byteLength(text))
    expect(written.counts.article).toBeGreaterThanOrEqual(50)
  })
})
