import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderDirect } from '../build/cache.ts'
import { siteConfigFromEnv } from '../build/config.ts'
import { type DatasetSource, openDatasetSource } from '../build/incremental/dataset-source.ts'
import { openBuildCache } from '../build/incremental.ts'
import { changeReference, changeSlug, editFields, editText, newArticle } from '../gen/edits.ts'
import { writeDataset } from '../gen/write.ts'
import type { SanityDocument } from '../source/types.ts'
import { buildSiteData } from './build-site-data.ts'
import { imageSetupFor } from './images.ts'
import { type MadeOptions, type MadeRecord, SiteDataMemo } from './memo.ts'
import { fetchSnapshot } from './snapshot.ts'
import type { BuildWarning } from './types.ts'

describe('SiteDataMemo', () => {
  const warning = (message: string): BuildWarning => ({ code: 'test', message })

  it('gives back what the last build made from the same inputs, with its warnings', () => {
    const memo = new SiteDataMemo()
    const input = { row: 1 }
    const first: BuildWarning[] = []
    memo.begin()
    const made = memo.made(
      'a',
      [input, 'x'],
      (w) => first.push(w),
      (warn) => {
        warn(warning('once'))
        return { value: 1 }
      },
    )
    memo.commit()
    const again: BuildWarning[] = []
    memo.begin()
    expect(
      memo.made(
        'a',
        [input, 'x'],
        (w) => again.push(w),
        () => ({ value: 2 }),
      ),
    ).toBe(made)
    expect(again).toEqual(first)
    expect(memo.stats).toEqual({ kept: 1, unchanged: 0, carried: 0, made: 0 })
    memo.commit()
    memo.begin()
    expect(
      memo.made(
        'a',
        [{ row: 1 }, 'x'],
        () => {},
        () => ({ value: 3 }),
      ),
    ).toEqual({ value: 3 })
    expect(
      memo.made(
        'b',
        [input, 'x'],
        () => {},
        () => ({ value: 4 }),
      ),
    ).toEqual({ value: 4 })
  })

  it('makes anew when the kept object is not adopted, or the build before did not complete', () => {
    const memo = new SiteDataMemo()
    const make = (n: number, options?: MadeOptions<{ n: number }>) =>
      memo.made(
        'a',
        ['x'],
        () => {},
        () => ({ n }),
        options,
      )
    memo.begin()
    const kept = make(1)
    memo.commit()
    memo.begin()
    expect(make(2, { adopt: () => false })).toEqual({ n: 2 })
    // Not committed: the next build still compares with the first one.
    memo.begin()
    expect(make(3)).toBe(kept)
  })

  it('keeps at a glance what was made or kept with the same quick inputs, reporting warnings after `keeping`', () => {
    const memo = new SiteDataMemo()
    const row = { id: 'r' }
    const order: string[] = []
    const warn = (w: BuildWarning) => order.push(w.message)
    memo.begin()
    expect(memo.kept('a', [row], warn)).toBeUndefined()
    const made = memo.made(
      'a',
      [row, 'full'],
      warn,
      (report) => {
        report(warning('made'))
        return { n: 1 }
      },
      { quick: [row] },
    )
    memo.made('b', [row], warn, () => ({ n: 2 }))
    memo.commit()

    memo.begin()
    order.length = 0
    expect(memo.kept('a', [row], warn, () => order.push('keeping'))).toBe(made)
    expect(order).toEqual(['keeping', 'made'])
    // Without quick inputs last time, or with others now: the caller goes on to `made`.
    expect(memo.kept('b', [row], warn)).toBeUndefined()
    expect(memo.kept('a', [{ id: 'r' }], warn)).toBeUndefined()
    expect(memo.stats).toEqual({ kept: 1, unchanged: 1, carried: 0, made: 0 })
    memo.commit()

    // Kept at a glance, it stays keepable; kept by its full inputs, it takes the new quick inputs.
    memo.begin()
    expect(memo.kept('a', [row], warn)).toBe(made)
    memo.commit()
    memo.begin()
    const next = { id: 'r' }
    expect(memo.made('a', [row, 'full'], warn, () => ({ n: 3 }), { quick: [next] })).toBe(made)
    memo.commit()
    memo.begin()
    expect(memo.kept('a', [row], warn)).toBeUndefined()
    expect(memo.kept('a', [next], warn)).toBe(made)
  })

  it('carries over what the last completed build recorded, and keeps values for the next build', () => {
    const memo = new SiteDataMemo()
    const order: string[] = []
    const warn = (w: BuildWarning) => order.push(w.message)
    memo.begin()
    const made = memo.made('a', ['x'], warn, (report) => {
      report(warning('made'))
      return { n: 1 }
    })
    const record = memo.record('a')
    expect(record?.value).toBe(made)
    expect(memo.record('b')).toBeUndefined()
    memo.keep('list', [record])
    expect(memo.last('list')).toBeUndefined()
    memo.commit()

    memo.begin()
    order.length = 0
    expect(memo.last('list')).toEqual([record])
    expect(memo.carry(record as MadeRecord, warn, () => order.push('keeping'))).toBe(made)
    expect(order).toEqual(['keeping', 'made'])
    expect(memo.stats).toEqual({ kept: 1, unchanged: 1, carried: 1, made: 0 })
    // Carried, it is this build's record too; a build that does not complete keeps nothing.
    expect(memo.record('a')).toBe(record)
    memo.keep('list', [])
    memo.begin()
    expect(memo.last('list')).toEqual([record])
    expect(memo.carry(record as MadeRecord, warn)).toBe(made)
    memo.commit()

    // A record of a build before the last is not carried: its key was made anew since.
    memo.begin()
    memo.made('a', ['y'], warn, () => ({ n: 2 }))
    memo.commit()
    memo.begin()
    expect(memo.carry(record as MadeRecord, warn)).toBeUndefined()
    expect(memo.last('list')).toBeUndefined()
  })

  it('derives once per source object', () => {
    const memo = new SiteDataMemo()
    const source = { id: 's' }
    const derived = memo.derived(source, (s) => ({ of: s.id }))
    expect(memo.derived(source, () => ({ of: 'other' }))).toBe(derived)
    expect(memo.derived({ id: 's' }, (s) => ({ of: s.id }))).not.toBe(derived)
  })
})

/*
 * Site data built with the memo, edit after edit over a reloaded source (rows of unchanged documents
 * are the same objects, as in the publisher's worker), must be exactly the site data a fresh build
 * makes: bodies, joins and warnings.
 */
describe('site data kept from the previous build', () => {
  let work: string
  let file: string
  let docs: SanityDocument[]

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'reel-memo-'))
    file = join(work, 'data.ndjson')
    await writeDataset({ articles: 30, seed: 'memo' }, file)
    docs = (await readFile(file, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as SanityDocument)
  }, 30_000)

  const write = (next: readonly SanityDocument[]) =>
    writeFile(file, `${next.map((doc) => JSON.stringify(doc)).join('\n')}\n`)
  const ofType = (type: string, index = 0) =>
    docs.filter((doc) => doc._type === type)[index] as SanityDocument

  async function build(source: DatasetSource, at: string, memo?: SiteDataMemo) {
    const now = new Date(at)
    const snapshot = await fetchSnapshot(source, now)
    const images = await imageSetupFor(file)
    const cache = memo ? openBuildCache(join(work, 'cache')) : undefined
    const siteData = buildSiteData(snapshot, {
      site: siteConfigFromEnv({}),
      file,
      builtAt: now,
      richText: images.options,
      renderer: cache?.richText ?? renderDirect,
      ...(memo ? { memo } : {}),
    })
    // Read while the cache is open, as pages are; then saved, as a build does.
    const text = JSON.stringify(siteData)
    cache?.save()
    return { text, stats: memo ? { ...memo.stats } : undefined, warnings: siteData.warnings.length }
  }

  it('equals a fresh build after edits, renames, status and slug changes and deletions', async () => {
    const article = ofType('article')
    const linked = ofType('article', 1)
    const person = ofType('person')
    const author = ofType('author')
    const show = ofType('show')
    const event = ofType('statusEvent')
    const moved = ofType('article', 20)
    const season = ofType('season')
    const credit = ofType('castCredit')
    // Its body links a person who does not exist: a rich-text warning, reported again while kept.
    const warned = newArticle({
      id: 'article-warned',
      slug: 'warned',
      title: 'Warned',
      personId: 'person-missing',
      publishedAt: '2026-01-01T00:00:00Z',
    })
    const scenarios: Array<[string, SanityDocument[]]> = [
      ['start', docs],
      ['article text', docs.map((d) => (d === article ? editText(d, 'An edited opening.') : d))],
      ['article with a warning', [...docs, warned]],
      [
        'warned article kept, another edited',
        [...docs.map((d) => (d === linked ? editText(d, 'Another opening.') : d)), warned],
      ],
      ['person renamed', docs.map((d) => (d === person ? editFields(d, { name: 'Renamed Person' }) : d))],
      ['author renamed', docs.map((d) => (d === author ? editFields(d, { name: 'Renamed Author' }) : d))],
      [
        'new current status',
        [
          ...docs,
          {
            ...event,
            _id: 'status-new-current',
            _rev: 'new',
            show: { _type: 'reference', _ref: ofType('show', 2)._id },
            status: 'cancelled',
            confidence: 'official',
            announcedAt: '2026-11-29',
          },
        ],
      ],
      ['show retitled', docs.map((d) => (d === show ? editFields(d, { title: 'Retitled Show' }) : d))],
      [
        'status changed',
        docs.map((d) => (d === event ? editFields(d, { status: 'renewed', confidence: 'official' }) : d)),
      ],
      ['season retitled', docs.map((d) => (d === season ? editFields(d, { title: 'The Long Season' }) : d))],
      [
        'character renamed',
        docs.map((d) => (d === credit ? editFields(d, { characterName: 'Someone Else' }) : d)),
      ],
      ['article slug', docs.map((d) => (d === linked ? changeSlug(d, 'a-new-slug') : d))],
      ['article retitled', docs.map((d) => (d === linked ? editFields(d, { title: 'A New Title' }) : d))],
      [
        'article moved to the top',
        docs.map((d) => (d === moved ? editFields(d, { publishedAt: '2026-11-29T00:00:00Z' }) : d)),
      ],
      [
        'article moved to another show',
        docs.map((d) => (d === article ? changeReference(d, 'show', ofType('show', 1)._id) : d)),
      ],
      ['show deleted', docs.filter((d) => d !== show)],
      ['back to the start', docs],
    ]
    // Changes that leave nearly every article's row and joins as they were.
    const carriedAfter = new Set([
      'article text',
      'article with a warning',
      'warned article kept, another edited',
      'article slug',
      'article retitled',
      'article moved to the top',
      'article moved to another show',
    ])
    await write(docs)
    let source = await openDatasetSource(file, join(work, 'source-cache'), { reloadable: true })
    const memo = new SiteDataMemo()
    let step = 0
    for (const [label, next] of scenarios) {
      await write(next)
      if (step > 0) source = await source.reload()
      const at = `2026-11-30T00:00:${String(step++).padStart(2, '0')}Z`
      const kept = await build(source, at, memo)
      const fresh = await build(await openDatasetSource(file, false), at)
      expect(JSON.parse(kept.text), label).toEqual(JSON.parse(fresh.text))
      if (label !== 'start') expect(kept.stats?.kept, label).toBeGreaterThan(0)
      // Articles untouched by the change are kept at a glance (their rows and rich text as before),
      // and carried over without their rows being read when nothing they join changed either.
      if (label === 'article text' || label === 'warned article kept, another edited')
        expect(kept.stats?.unchanged, label).toBeGreaterThan(25)
      if (carriedAfter.has(label)) expect(kept.stats?.carried, label).toBeGreaterThan(25)
      if (label === 'start') expect(kept.stats?.carried, label).toBe(0)
      if (label.startsWith('warned')) expect(kept.warnings, label).toBeGreaterThan(0)
    }
  }, 60_000)
})
