import { cp, readdir, readFile, realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { compareTrees, listFiles } from '../../bench/tree.ts'
import { runSearchJob } from '../../scripts/publish/build-job.ts'
import type { Publisher } from '../../scripts/publish/publisher.ts'
import {
  ARTICLE_ID,
  ARTICLE_PATH,
  eventLogger,
  page,
  payloadFor,
  postWebhook,
  setField,
  startReady,
  status,
  type Workspace,
  workspace,
} from './helpers.ts'

let ws: Workspace
let publisher: Publisher
const events: Array<{ event: string; build?: string; release?: string; indexed?: number; message?: string }> =
  []

beforeAll(async () => {
  ws = await workspace()
  const logger = eventLogger(events)
  publisher = await startReady(ws, { logger })
})
afterAll(() => publisher.stop())

const releaseDirs = async () =>
  (await readdir(ws.releases)).filter((name) => !name.endsWith('.json') && !name.startsWith('.'))
const liveIndex = async () =>
  readFile(join(await realpath(ws.out), 'pagefind', 'pagefind-entry.json'), 'utf8')

it('publishes the pages first, then a copy of the release with a fresh search index', async () => {
  // The first build: pages, then the index.
  expect(events.map((e) => e.event).filter((e) => e === 'build.done' || e === 'search.done')).toEqual([
    'build.done',
    'search.done',
  ])
  expect(await releaseDirs()).toHaveLength(1)
  const indexBefore = await liveIndex()

  events.length = 0
  await setField(ws.dataset, ARTICLE_ID, 'title', 'Searchable Zanzibar Headline')
  expect(
    (await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: 'search-1' })).status,
  ).toBe(202)
  await new Promise((resolve) => setTimeout(resolve, 300))
  await publisher.idle()

  const done = events.find((e) => e.event === 'build.done')
  const indexed = events.find((e) => e.event === 'search.done')
  expect(done && indexed).toBeTruthy()
  expect(events.indexOf(done as never)).toBeLessThan(events.indexOf(indexed as never))
  expect(indexed?.indexed).toBeGreaterThan(10)
  // The release with the fresh index is live; the one without it is gone; one release per edit.
  const s = await status(publisher.url)
  expect(s.current?.id).toBe(indexed?.release)
  expect(s.lastSuccess?.id).toBe(indexed?.release)
  expect(await releaseDirs()).toEqual(expect.arrayContaining([indexed?.release]))
  expect(await releaseDirs()).not.toContain(done?.build)
  expect(await releaseDirs()).toHaveLength(2)
  expect(await liveIndex()).not.toBe(indexBefore)
  expect((await page(publisher.url, ARTICLE_PATH)).text).toContain('Searchable Zanzibar Headline')
  // The worker saved the rich-text cache after answering the first build: only the edit renders.
  const richText = events.find((e) => e.event === 'build.step' && e.message?.startsWith('rich text:'))
  expect(richText?.message).toMatch(/rich text: [1-9]\d* cached, [01] rendered/)
})

it('indexes a release where it is, leaving it as it was, into a copy with the index beside its pages', async () => {
  const live = await realpath(ws.out)
  const before = join(ws.dir, 'live-before')
  await cp(live, before, { recursive: true })
  const dir = join(ws.dir, 'indexed-copy')
  const indexCopy = join(ws.dir, 'index-copy')
  const steps: string[] = []
  const result = await runSearchJob({ task: 'search', from: live, dir, indexCopy }, (message) => {
    if (message.type === 'step') steps.push(message.message)
  })
  expect(steps[0]).toBe('indexing pages for search with Pagefind')
  expect(result.indexed).toBeGreaterThan(10)
  expect(await compareTrees(before, live)).toEqual([])
  // The copy holds the release's pages and a fresh index; the index is linked into `indexCopy` too.
  const pages = (await listFiles(live)).filter((file) => !file.startsWith('pagefind/'))
  const copied = await listFiles(dir)
  expect(copied.filter((file) => !file.startsWith('pagefind/'))).toEqual(pages)
  const index = copied
    .filter((file) => file.startsWith('pagefind/'))
    .map((file) => file.slice('pagefind/'.length))
  expect(index).toContain('pagefind-entry.json')
  expect((await listFiles(indexCopy)).sort()).toEqual([...index].sort())
  expect(result.indexCopy?.slice().sort()).toEqual([...index].sort())
})
