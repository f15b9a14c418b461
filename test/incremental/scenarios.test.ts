import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compareTrees, listFiles } from '../../bench/tree.ts'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { filesUnder, linkFiles, type PreparedTree } from '../../scripts/build/incremental/tree.ts'
import { buildIncremental } from '../../scripts/build/incremental.ts'
import { type RenderResult, renderSite } from '../../scripts/build/pipeline.ts'
import { generateDocuments } from '../../scripts/gen/dataset.ts'
import {
  applyChanges,
  changeReference,
  changeSlug,
  editFields,
  editText,
  newArticle,
} from '../../scripts/gen/edits.ts'
import { createEmbeddedSource } from '../../scripts/source/index.ts'
import type { SanityDocument } from '../../scripts/source/types.ts'

/*
 * Every scenario edits the dataset, publishes it incrementally on top of the previous build, builds it
 * again from scratch (no previous build, no cache), and requires the two sites to be byte-identical,
 * build manifest included. The scenarios run in sequence, each on top of the last incremental build.
 */

const NOW = new Date('2026-11-30T08:00:00Z')
const site = siteConfigFromEnv({ SITE_URL: 'https://reelstatus.example' })

let work: string
let cache: string
let documents: SanityDocument[]
let previous: string
let step = 0

const byType = (type: string) => documents.filter((d) => d._type === type && !d._id.startsWith('drafts.'))
const find = (id: string) => documents.find((d) => d._id === id) as SanityDocument
const refsTo = (doc: SanityDocument, prefix: string) =>
  JSON.stringify(doc)
    .match(new RegExp(`"_ref":"(${prefix}[^"]*)"`, 'g'))
    ?.map((m) => m.slice(8, -1)) ?? []

function sourceOf(docs: SanityDocument[]) {
  return createEmbeddedSource({ file: join(work, 'data.ndjson'), documents: docs }, { validate: true })
}

/** A full build: no previous build, and a throwaway cache (nothing rendered before is reused). */
function fullBuild(docs: SanityDocument[], dir: string, search = false): Promise<RenderResult> {
  const origin = join(work, 'data.ndjson')
  return renderSite({ source: sourceOf(docs), origin, site, now: NOW, cacheDir: false, search }, dir)
}

interface Outcome {
  differences: string[]
  files: number
  changedFiles: number
  render: RenderResult['render']
}

/** Applies a change, then compares an incremental build (on top of the last one) with a full build. */
async function publish(
  upserts: SanityDocument[],
  deletions: string[] = [],
  search = false,
): Promise<Outcome> {
  documents = applyChanges(documents, upserts, deletions)
  step += 1
  const incremental = join(work, `incremental-${step}`)
  const full = join(work, `full-${step}`)
  const incrementalInto = (nextDir: string, tree?: PreparedTree) =>
    buildIncremental({
      source: sourceOf(documents),
      origin: join(work, 'data.ndjson'),
      site,
      now: NOW,
      cacheDir: cache,
      search,
      changedIds: [...upserts.map((doc) => doc._id), ...deletions],
      previousDir: previous,
      nextDir,
      tree,
    })
  const { render } = await incrementalInto(incremental)
  await fullBuild(documents, full, search)
  const differences = await compareTrees(full, incremental)
  const changedFiles = (await compareTrees(previous, incremental)).length

  // The same build settled into a hard-linked copy of the previous one (as the publisher does) comes
  // out the same, and leaves the previous build exactly as it was.
  const untouched = join(work, `previous-${step}`)
  await cp(previous, untouched, { recursive: true })
  const tree = join(work, `tree-${step}`)
  const files = await filesUnder(previous)
  linkFiles(previous, tree, files)
  const settled = join(work, `settled-${step}`)
  const viaTree = await incrementalInto(settled, { dir: tree, files })
  expect(viaTree.usedTree).toBe(true)
  expect(await compareTrees(full, settled)).toEqual([])
  expect(await compareTrees(untouched, previous)).toEqual([])
  expect(existsSync(tree)).toBe(false)
  previous = incremental
  expect(render.mode).toBe('incremental')
  expect(render.reused).toBeGreaterThan(0)
  return { differences, files: (await listFiles(full)).length, changedFiles, render }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'reel-incremental-'))
  cache = join(work, 'cache')
  documents = [...generateDocuments({ articles: 40, seed: 'incremental' })]
  previous = join(work, 'base')
  const origin = join(work, 'data.ndjson')
  await renderSite(
    { source: sourceOf(documents), origin, site, now: NOW, cacheDir: cache, search: false },
    previous,
  )
}, 60_000)

describe('incremental build equals a full build', () => {
  it('edit: an article body changes only that article and what lists it', async () => {
    const article = byType('article')[3] as SanityDocument
    const outcome = await publish([editText(article, 'A rewritten opening line.')])
    expect(outcome.differences).toEqual([])
    expect(outcome.changedFiles).toBeGreaterThan(0)
    expect(outcome.changedFiles).toBeLessThan(outcome.files / 4)
    expect(outcome.render.rendered).toBeLessThan(outcome.render.reused / 4)
    const slug = (article.slug as { current: string }).current
    expect(await readFile(join(previous, 'articles', slug, 'index.html'), 'utf8')).toContain(
      'A rewritten opening line.',
    )
  })

  it('edit: a person renamed updates every show, credit and article body linking them', async () => {
    const linked = byType('article').find((a) => refsTo(a, 'person-').length > 0) as SanityDocument
    const personId = refsTo(linked, 'person-')[0] as string
    const person = find(personId)
    const outcome = await publish([editFields(person, { name: 'Renamed Person' })])
    expect(outcome.differences).toEqual([])
    const slug = (person.slug as { current: string }).current
    expect(await readFile(join(previous, 'people', slug, 'index.html'), 'utf8')).toContain('Renamed Person')
  })

  it('create: a new article appears on its page, its show, lists and feeds', async () => {
    const show = byType('show')[0] as SanityDocument
    const person = byType('person')[0] as SanityDocument
    const author = byType('author')[0] as SanityDocument
    const outcome = await publish([
      newArticle({
        id: 'article-breaking-news',
        slug: 'breaking-news',
        title: 'Breaking News About a Renewal',
        showId: show._id,
        personId: person._id,
        authorId: author._id,
        publishedAt: '2026-11-29T10:00:00Z',
      }),
    ])
    expect(outcome.differences).toEqual([])
    expect(await readFile(join(previous, 'articles', 'breaking-news', 'index.html'), 'utf8')).toContain(
      'Breaking News About a Renewal',
    )
  })

  it('slug change: the page moves and the old URL disappears', async () => {
    const article = find('article-breaking-news')
    const outcome = await publish([changeSlug(article, 'breaking-news-moved')])
    expect(outcome.differences).toEqual([])
    const files = await listFiles(previous)
    expect(files).toContain('articles/breaking-news-moved/index.html')
    expect(files).not.toContain('articles/breaking-news/index.html')
  })

  it('reference change: an article moves to another show', async () => {
    const article = byType('article').find((a) => a.show) as SanityDocument
    const current = (article.show as { _ref: string })._ref
    const other = byType('show').find((s) => s._id !== current) as SanityDocument
    const outcome = await publish([changeReference(article, 'show', other._id)])
    expect(outcome.differences).toEqual([])
  })

  it('status change: a new status event updates the show, callouts, tracker and feeds', async () => {
    const event = byType('statusEvent')[0] as SanityDocument
    const outcome = await publish([
      editFields(event, { status: 'cancelled', confidence: 'official', announcedAt: '2026-11-28' }),
    ])
    expect(outcome.differences).toEqual([])
  })

  it('delete: an article and a person (with credits) removed, their pages gone', async () => {
    const article = byType('article')[5] as SanityDocument
    const person = byType('person')[1] as SanityDocument
    const outcome = await publish([], [article._id, person._id])
    expect(outcome.differences).toEqual([])
    const files = await listFiles(previous)
    expect(files).not.toContain(`articles/${(article.slug as { current: string }).current}/index.html`)
    expect(files).not.toContain(`people/${(person.slug as { current: string }).current}/index.html`)
  })

  it('several edits at once, with the search index', async () => {
    const [a, b] = byType('article') as [SanityDocument, SanityDocument]
    const show = byType('show')[1] as SanityDocument
    const outcome = await publish(
      [
        editFields(a, { title: 'A New Headline' }),
        editText(b, 'Another edit.'),
        editFields(show, { title: 'Retitled Show' }),
      ],
      [],
      true,
    )
    expect(outcome.differences).toEqual([])
  })
})
