import { copyFile, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'groq-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { openRichTextCache } from '../../scripts/build/cache.ts'
import { collectGarbage } from '../../scripts/build/gc.ts'
import { openDatasetSource } from '../../scripts/build/incremental/dataset-source.ts'
import { writeDataset } from '../../scripts/gen/write.ts'
import * as queries from '../../scripts/queries.ts'
import type { RichTextOptions, RichTextWarning } from '../../scripts/richtext/index.ts'
import { fetchSnapshot } from '../../scripts/site-data/snapshot.ts'
import { openEmbeddedSource } from '../../scripts/source/index.ts'
import { singleTypeOf } from '../../scripts/source/query-scope.ts'

let work: string
let file: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'reel-sources-'))
  file = join(work, 'data.ndjson')
  await writeDataset({ articles: 30, seed: 'sources' }, file)
}, 30_000)

describe('the large-dataset source', () => {
  it('answers every site query exactly like the embedded source, with bodies kept on disk', async () => {
    const now = new Date('2026-11-30T00:00:00Z')
    const { source: plain } = await openEmbeddedSource(file)
    const expected = JSON.stringify(await fetchSnapshot(plain, now))
    const cache = join(work, 'cache')
    for (let run = 0; run < 2; run++) {
      // The second run finds every body already stored.
      const lean = await openDatasetSource(file, cache)
      const snapshot = await fetchSnapshot(lean, now)
      expect(JSON.stringify(snapshot)).toBe(expected)
      const body = snapshot.articles[0]?.body as unknown[]
      expect(Array.isArray(body)).toBe(true)
      expect([...body]).toEqual(body.map((block) => block))
      expect(lean.validation.warnings).toEqual([])
    }
  })

  it('validates while it reads, with the same findings and documents as the embedded source', async () => {
    const hostile = 'test/fixtures/hostile/data.ndjson'
    const now = new Date('2026-11-30T00:00:00Z')
    const { source: plain } = await openEmbeddedSource(hostile)
    const streamed = await openDatasetSource(hostile, join(work, 'hostile-cache'))
    const { milliseconds: _a, ...expected } = plain.validation ?? { milliseconds: 0 }
    const { milliseconds: _b, ...actual } = streamed.validation
    expect(actual.warnings.length).toBeGreaterThan(20)
    expect(actual).toEqual(expected)
    expect(JSON.stringify(await fetchSnapshot(streamed, now))).toBe(
      JSON.stringify(await fetchSnapshot(plain, now)),
    )
  })

  it('does not keep bodies it parsed alive while one synchronous step reads many of them', async () => {
    const source = await openDatasetSource(file, join(work, 'release-cache'))
    const articles = await source.fetch<Array<{ body: unknown[] }>>('*[_type == "article"]')
    let collected = 0
    const registry = new FinalizationRegistry(() => {
      collected += 1
    })
    // One job, as building site data is: every body is read, and garbage is collected inside it.
    for (const article of articles) registry.register(article.body[0] as object, null)
    collectGarbage()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(articles.length).toBeGreaterThanOrEqual(30)
    // All but the few most recent ones (kept for repeated walks) were already gone.
    expect(collected).toBeGreaterThanOrEqual(articles.length - 16)
  })

  it('limits a query to one type only when the filter says so and nothing else reads the dataset', () => {
    expect(singleTypeOf(parse(queries.articlesQuery))).toBe('article')
    expect(singleTypeOf(parse(queries.castCreditsQuery))).toBe('castCredit')
    expect(singleTypeOf(parse('*[_type == "show" || _type == "person"]'))).toBeUndefined()
    expect(singleTypeOf(parse('*[_type == "show"]{ "n": count(*[_type == "person"]) }'))).toBeUndefined()
    expect(singleTypeOf(parse('*[defined(title)]'))).toBeUndefined()
  })
})

describe('the rendered rich text cache', () => {
  const blocks = [
    {
      _type: 'block',
      _key: 'a',
      style: 'normal',
      markDefs: [{ _type: 'internalLink', _key: 'l', reference: { _type: 'reference', _ref: 'person-x' } }],
      children: [
        { _type: 'span', _key: 's1', text: 'Meet ', marks: [] },
        { _type: 'span', _key: 's2', text: 'X', marks: ['l'] },
        { _type: 'span', _key: 's3', text: '.', marks: ['unknownMark'] },
      ],
    },
  ]
  const options = (title: string, warnings: RichTextWarning[] = []): RichTextOptions => ({
    documentId: 'article-a',
    onWarning: (w) => warnings.push(w),
    resolveReference: (ref) => (ref === 'person-x' ? { href: '/people/x/', title } : undefined),
  })
  const key = { id: 'article-a', rev: 'r1', field: 'body' }

  it('reuses a render until a looked-up document answers differently, and replays its warnings', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'reel-cache-')), 'richtext')
    const first = openRichTextCache(dir)
    const warnings: RichTextWarning[] = []
    const html = first.portableText(blocks, options('X', warnings), key).html
    expect(html).toContain('href="/people/x/"')
    expect(warnings.map((w) => w.code)).toContain('missing-mark-def')
    first.save()
    first.close()

    const second = openRichTextCache(dir)
    const replayed: RichTextWarning[] = []
    expect(second.portableText(blocks, options('X', replayed), key).html).toBe(html)
    expect(replayed).toEqual(warnings)
    expect(second.portableText(blocks, options('Renamed'), key).html).toContain('title="Renamed"')
    expect(second.portableText(blocks, options('X'), { ...key, rev: 'r2' }).html).toBe(html)
    expect(second.stats).toEqual({ hits: 1, stale: 1, misses: 1 })
    second.close()

    // Read back from memory above (this process wrote the index); from disk once another wrote it.
    const index = join(dir, 'index.bin')
    await copyFile(index, `${index}.copy`)
    await rename(`${index}.copy`, index)
    const third = openRichTextCache(dir)
    expect(third.portableText(blocks, options('X'), key).html).toBe(html)
    expect(third.stats).toEqual({ hits: 1, stale: 0, misses: 0 })
    third.close()
  })

  it("tells which fields render exactly as in the process's last build, until a lookup or revision differs", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'reel-cache-')), 'richtext')
    const first = openRichTextCache(dir)
    const warnings: RichTextWarning[] = []
    const firstOptions = options('X', warnings)
    first.portableText(blocks, firstOptions, key)
    const used = first.usedTokens([key]) as readonly unknown[]
    expect(used).toBeDefined()
    expect(first.usedTokens([{ ...key, field: 'other' }])).toBeUndefined()
    first.save()
    first.close()

    const second = openRichTextCache(dir)
    const replayed: RichTextWarning[] = []
    const secondOptions = options('X', replayed)
    const tokens = second.unchanged([key], secondOptions) as readonly unknown[]
    expect(tokens).toHaveLength(used.length)
    for (const [index, token] of tokens.entries()) expect(token).toBe(used[index])
    expect(second.unchanged([key, { ...key, rev: 'r2' }], secondOptions)).toBeUndefined()
    // Only taken as used (warnings again, counted, saved) when asked to.
    expect(replayed).toEqual([])
    second.useUnchanged(tokens, secondOptions)
    expect(replayed).toEqual(warnings)
    expect(second.stats).toEqual({ hits: 1, stale: 0, misses: 0 })
    second.save()
    second.close()

    const third = openRichTextCache(dir)
    expect(third.unchanged([key], options('Renamed'))).toBeUndefined()
    third.close()

    // An index another process wrote says nothing about this process's last build.
    const index = join(dir, 'index.bin')
    await copyFile(index, `${index}.copy`)
    await rename(`${index}.copy`, index)
    const fourth = openRichTextCache(dir)
    expect(fourth.unchanged([key], options('X'))).toBeUndefined()
    expect(fourth.portableText(blocks, options('X'), key).html).toContain('href="/people/x/"')
    expect(fourth.stats).toEqual({ hits: 1, stale: 0, misses: 0 })
    fourth.close()
  })

  it('saves an index of more than one record, and starts empty from a damaged one', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'reel-cache-')), 'richtext')
    const write = openRichTextCache(dir)
    const keys = Array.from({ length: 2100 }, (_, i) => ({ id: `article-${i}`, rev: 'r1', field: 'faq.a' }))
    for (const k of keys) write.markdown(`Answer *${k.id}*`, options('X'), k)
    write.save()
    write.close()
    const index = join(dir, 'index.bin')
    // From disk, not from this process's memory of what it saved.
    await copyFile(index, `${index}.copy`)
    await rename(`${index}.copy`, index)
    const read = openRichTextCache(dir)
    for (const k of keys)
      expect(read.markdown(`Answer *${k.id}*`, options('X'), k)).toContain(`<em>${k.id}</em>`)
    expect(read.stats).toEqual({ hits: 2100, stale: 0, misses: 0 })
    read.close()

    const bytes = await readFile(index)
    await writeFile(index, bytes.subarray(0, bytes.length - 100))
    const damaged = openRichTextCache(dir)
    expect(damaged.markdown('Answer *article-0*', options('X'), keys[0] as (typeof keys)[0])).toContain(
      '<em>',
    )
    expect(damaged.stats).toEqual({ hits: 0, stale: 0, misses: 1 })
    damaged.close()
  })

  it('keeps deferred bodies on disk until read', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'reel-cache-')), 'richtext')
    const cache = openRichTextCache(dir)
    const rendered = cache.portableText(blocks, options('X'), key)
    const page = { bodyHtml: '' }
    expect(cache.deferRichText(page, rendered, { bodyHtml: 'html' })).toBe(true)
    expect(Object.getOwnPropertyDescriptor(page, 'bodyHtml')?.get).toBeTypeOf('function')
    expect(page.bodyHtml).toBe(rendered.html)
    expect(JSON.parse(JSON.stringify(page))).toEqual({ bodyHtml: rendered.html })
    // A result the cache did not make is left to the caller, and the target untouched.
    const foreign = { bodyHtml: '' }
    expect(cache.deferRichText(foreign, { ...rendered }, { bodyHtml: 'html' })).toBe(false)
    expect(Object.getOwnPropertyDescriptor(foreign, 'bodyHtml')).toMatchObject({ value: '', writable: true })
    cache.save()
    expect((await readFile(join(dir, 'index.bin'))).length).toBeGreaterThan(0)
    cache.close()
  })
})
