import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compareTrees } from '../../bench/tree.ts'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { renderSite } from '../../scripts/build/pipeline.ts'
import type { Progress } from '../../scripts/build/progress.ts'
import { generateDocuments } from '../../scripts/gen/dataset.ts'
import { applyChanges, editFields, editText } from '../../scripts/gen/edits.ts'
import { FEED_SIZE } from '../../scripts/site-data/feeds.ts'
import { createEmbeddedSource } from '../../scripts/source/index.ts'
import type { SanityDocument } from '../../scripts/source/types.ts'

/*
 * Pages that show only part of a list read only that part: the home page and the feeds the newest
 * articles (`latestArticles`), the search page its shows and counts (`browse`), each sitemap file its
 * thousand pages. An edit outside what they show leaves them as they were instead of rendering them
 * again; the result stays byte-identical to a full build.
 */

const NOW = new Date('2026-11-30T08:00:00Z')
const site = siteConfigFromEnv({ SITE_URL: 'https://reelstatus.example' })
const WHOLE = ['index', 'search', 'feed-atom', 'feed-json', 'sitemap'] as const

let work: string
let documents: SanityDocument[]
let previous: string
let step = 0

const source = (docs: SanityDocument[]) =>
  createEmbeddedSource({ file: join(work, 'data.ndjson'), documents: docs }, { validate: true })

/** Newest first, as the site lists them. */
const articles = () =>
  documents
    .filter((d) => d._type === 'article' && !d._id.startsWith('drafts.'))
    .sort((a, b) => String(b.publishedAt).localeCompare(String(a.publishedAt)))

/**
 * Publishes a change incrementally; returns which of the whole-site templates were rendered again,
 * and how many sitemap files (`sitemaps: <n>`) when any.
 */
async function publish(change: SanityDocument): Promise<string[]> {
  documents = applyChanges(documents, [change], [])
  step += 1
  const steps: string[] = []
  const progress: Progress = { step: (message) => steps.push(message), warn() {} }
  const dir = join(work, `incremental-${step}`)
  const origin = join(work, 'data.ndjson')
  await renderSite(
    {
      source: source(documents),
      origin,
      site,
      now: NOW,
      cacheDir: join(work, 'cache'),
      search: false,
      previous,
      progress,
    },
    dir,
  )
  const full = join(work, `full-${step}`)
  await renderSite(
    { source: source(documents), origin, site, now: NOW, cacheDir: false, search: false },
    full,
  )
  expect(await compareTrees(full, dir)).toEqual([])
  previous = dir
  const sitemaps = steps.flatMap((s) => /site\/pages\/sitemaps\.11ty\.ts: (\d+) item/.exec(s)?.[1] ?? [])
  return [
    ...WHOLE.filter((name) => steps.some((s) => s.includes(`site/pages/${name}.11ty.ts: all pages`))),
    ...sitemaps.map((count) => `sitemaps: ${count}`),
  ]
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'reel-narrow-'))
  documents = [...generateDocuments({ articles: FEED_SIZE + 10, seed: 'narrow' })]
  previous = join(work, 'base')
  await renderSite(
    {
      source: source(documents),
      origin: join(work, 'data.ndjson'),
      site,
      now: NOW,
      cacheDir: join(work, 'cache'),
      search: false,
    },
    previous,
  )
}, 120_000)

describe('pages that show part of a list', () => {
  it('are left as they were when an older article’s body changes, and so is the sitemap', async () => {
    const oldest = articles().at(-1) as SanityDocument
    // It keeps its editorial `updatedAt`, so no page's time changes, nor any file of the sitemap.
    expect(await publish(editText(oldest, 'A quiet correction.'))).toEqual([])
  }, 60_000)

  it('the search page is left as it was when an older article’s title changes, or a person’s name', async () => {
    const oldest = articles().at(-1) as SanityDocument
    // It counts the articles and people it leads to; it does not name them. (Newer articles whose
    // bodies link to the article change too, and with them maybe the feeds.)
    expect(await publish(editFields(oldest, { title: 'A Retitled Old Article' }))).not.toContain('search')
    const person = documents.find((d) => d._type === 'person') as SanityDocument
    expect(await publish(editFields(person, { name: 'A Renamed Person' }))).not.toContain('search')
  }, 60_000)

  it('the home page and the feeds render again when the newest article changes', async () => {
    const newest = articles()[0] as SanityDocument
    expect(await publish(editText(newest, 'Breaking: an update.'))).toEqual([
      'index',
      'feed-atom',
      'feed-json',
      'sitemap',
      // The files with its page and the lists (home, archive, tags, author): not every file.
      'sitemaps: 2',
    ])
  }, 60_000)
})
