import { cp, mkdtemp, readdir, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { compareTrees } from '../../bench/tree.ts'
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
  waitFor,
  workspace,
} from './helpers.ts'

/*
 * What follows a publish runs beside the build queue: the search index, then a hard-linked copy of
 * the live release that the next build settles into. A new build never waits for either.
 */

const WORKER = fileURLToPath(new URL('./fixtures/held-search-worker.ts', import.meta.url))

let ws: Workspace
let publisher: Publisher
const events: Array<{ event: string; message?: string; release?: string; build?: string; from?: string }> = []

beforeAll(async () => {
  ws = await workspace()
  const logger = eventLogger(events)
  publisher = await startReady(ws, { logger, workerPath: WORKER })
})
afterAll(() => publisher.stop())

const named = (event: string) => events.filter((e) => e.event === event)
const edit = async (title: string, key: string) => {
  await setField(ws.dataset, ARTICLE_ID, 'title', title)
  const response = await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: key })
  expect(response.status).toBe(202)
}

/**
 * Holds the search index (`HOLD_SEARCH`) or the copy for the next build (`HOLD_TREE`) of the publish
 * that `edit` makes, and waits until the held job has started; gives the hold file to remove.
 */
const editHeld = async (held: 'search' | 'tree', title: string, key: string): Promise<string> => {
  const hold = join(ws.dir, held === 'search' ? 'HOLD_SEARCH' : 'HOLD_TREE')
  await writeFile(hold, '')
  events.length = 0
  await edit(title, key)
  const [event, message] =
    held === 'search' ? ['search.step', 'holding the search index'] : ['tree.step', 'holding the copy']
  await waitFor(async () => named(event).some((e) => e.message === message), {
    what: `the ${held === 'search' ? 'search index' : 'copy'} to start`,
  })
  return hold
}

it('settles the next build into a copy of the live release made meanwhile, leaving that release as it was', async () => {
  expect(named('search.done')).toHaveLength(1)
  // The copy is made first, from the published pages; the release with their index then gives it that index.
  const ready = named('tree.ready')
  expect(ready).toHaveLength(1)
  expect(ready[0]?.release).toBe(named('build.done')[0]?.build)
  const indexed = named('tree.indexed')
  expect(indexed).toHaveLength(1)
  const live = await realpath(ws.out)
  expect(indexed[0]?.release).toBe(live.split('/').at(-1))
  expect(events.findIndex((e) => e.event === 'tree.ready')).toBeLessThan(
    events.findIndex((e) => e.event === 'search.done'),
  )
  const before = await mkdtemp(join(tmpdir(), 'reel-live-before-'))
  await cp(live, before, { recursive: true })

  events.length = 0
  await edit('Settled Into The Copy', 'background-1')
  await waitFor(
    async () => (await page(publisher.url, ARTICLE_PATH)).text.includes('Settled Into The Copy'),
    {
      what: 'the edit to go live',
    },
  )
  await publisher.idle()
  expect(events.some((e) => e.event === 'build.step' && e.message?.startsWith('settling'))).toBe(true)
  // The worker saved the rich-text cache after answering the first build: only the edit renders.
  const richText = events.find((e) => e.event === 'build.step' && e.message?.startsWith('rich text:'))
  const [, cached, rendered] = /rich text: (\d+) cached, (\d+) rendered/.exec(richText?.message ?? '') ?? []
  expect(Number(cached)).toBeGreaterThan(0)
  expect(Number(rendered)).toBeLessThanOrEqual(1)
  // The release the build started from is unchanged, byte for byte.
  expect(await compareTrees(before, live)).toEqual([])
  // No copy is left behind but the one made for the next build.
  const trees = (await readdir(ws.releases)).filter((name) => name.startsWith('.tree-'))
  expect(trees).toHaveLength(1)
  await rm(before, { recursive: true, force: true })
})

it('cancels a search index still being made when the next edit comes, and publishes the edit at once', async () => {
  const hold = await editHeld('search', 'First Of Two Quick Edits', 'background-2')
  await edit('Second Of Two Quick Edits', 'background-3')
  await waitFor(
    async () => (await page(publisher.url, ARTICLE_PATH)).text.includes('Second Of Two Quick Edits'),
    { what: 'the second edit to go live' },
  )
  expect(named('search.cancelled')).toHaveLength(1)
  expect(named('build.done')).toHaveLength(2)
  // Stopped when the webhook came, not once its quiet period was over and the build began.
  const order = events.map((e) => e.event).filter((e) => e === 'background.cancel' || e === 'build.start')
  expect(order).toEqual(['build.start', 'background.cancel', 'build.start'])

  // Once searches finish again, the last publish gets its index and becomes the live release.
  await rm(hold)
  publisher.requestBuild()
  await publisher.idle()
  const indexed = named('search.done').at(-1)
  expect(indexed).toBeDefined()
  expect((await status(publisher.url)).current?.id).toBe(indexed?.release)
})

it('settles an edit made while the search index is still being made into the copy made first, with the newest index', async () => {
  const liveBefore = await realpath(ws.out)
  const hold = await editHeld('search', 'Edited Before The Index', 'background-4')
  // The first edit settled into the copy given the live release's index: the index went on as it was.
  const first = await realpath(ws.out)
  expect(await compareTrees(join(liveBefore, 'pagefind'), join(first, 'pagefind'))).toEqual([])
  expect(named('tree.ready').map((e) => e.release)).toEqual([first.split('/').at(-1)])

  await edit('Edited While Indexing', 'background-5')
  await waitFor(
    async () => (await page(publisher.url, ARTICLE_PATH)).text.includes('Edited While Indexing'),
    {
      what: 'the second edit to go live',
    },
  )
  expect(named('search.cancelled')).toHaveLength(1)
  const settled = events.filter((e) => e.event === 'build.step' && e.message?.startsWith('settling'))
  expect(settled).toHaveLength(2)
  expect(
    events.some(
      (e) => e.event === 'build.step' && e.message?.startsWith('rendered') && e.message.includes('linking'),
    ),
  ).toBe(false)
  const second = await realpath(ws.out)
  expect(await compareTrees(join(liveBefore, 'pagefind'), join(second, 'pagefind'))).toEqual([])
  await rm(hold)
  publisher.requestBuild()
  await publisher.idle()
})

it('lets the next build wait for a copy still being made rather than link every page itself', async () => {
  const hold = await editHeld('tree', 'Published Before The Copy', 'background-6')
  await edit('Waited For The Copy', 'background-7')
  await waitFor(async () => named('build.start').length === 2, { what: 'the second build to start' })
  await new Promise((resolve) => setTimeout(resolve, 200))
  // Still waiting: the copy was not cancelled, and the build has not begun its work.
  const second = events.lastIndexOf(named('build.start')[1] as never)
  expect(named('tree.ready')).toHaveLength(0)
  expect(events.slice(second).filter((e) => e.event === 'build.step')).toEqual([])
  await rm(hold)
  await waitFor(async () => (await page(publisher.url, ARTICLE_PATH)).text.includes('Waited For The Copy'), {
    what: 'the second edit to go live',
  })
  const order = events
    .slice(second)
    .filter(
      (e) => e.event === 'tree.ready' || (e.event === 'build.step' && e.message?.startsWith('settling')),
    )
    .map((e) => e.event)
  // (The copy made after this build may follow.)
  expect(order.slice(0, 2)).toEqual(['tree.ready', 'build.step'])
  expect(events.some((e) => e.event === 'build.step' && e.message?.includes('linking'))).toBe(false)
  expect(named('search.cancelled')).toHaveLength(0)
  await publisher.idle()
})

it('stops a copy still being made when the publisher shuts down, leaving no copy behind', async () => {
  await editHeld('tree', 'Published Before Shutdown', 'background-8')
  await publisher.stop()
  expect(named('tree.ready')).toHaveLength(0)
  expect((await readdir(ws.releases)).filter((name) => name.startsWith('.tree-'))).toEqual([])
})
