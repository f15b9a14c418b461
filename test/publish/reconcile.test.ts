import { afterEach, expect, it } from 'vitest'
import type { Publisher } from '../../scripts/publish/publisher.ts'
import {
  ARTICLE_ID,
  ARTICLE_PATH,
  editDataset,
  page,
  setField,
  startReady,
  status,
  waitFor,
  workspace,
} from './helpers.ts'

let publisher: Publisher | undefined
afterEach(async () => {
  await publisher?.stop()
  publisher = undefined
})

it('publishes edits that no webhook announced within one reconciliation interval', async () => {
  const ws = await workspace()
  publisher = await startReady(ws, { reconcileIntervalMs: 500 })
  const { url } = publisher
  await new Promise((resolve) => setTimeout(resolve, 700))
  expect((await status(url)).counters.builds.started).toBe(1) // nothing changed: no rebuild
  expect((await status(url)).reconcile.lastResult).toBe('unchanged')

  await setField(ws.dataset, ARTICLE_ID, 'title', 'Found By Reconciliation')
  const edited = Date.now()
  await waitFor(
    async () => (await page(url, ARTICLE_PATH)).text.includes('<h1>Found By Reconciliation</h1>'),
    {
      what: 'the reconciled edit',
      timeoutMs: 10_000,
    },
  )
  // One interval to notice, plus the build itself.
  expect(Date.now() - edited).toBeLessThan(500 + 4_000)
  const s = await status(url)
  expect(s.lastSuccess?.reasons).toEqual(['reconcile'])
  expect(s.counters.webhooks.accepted).toBe(0)

  // A hand edit that keeps _updatedAt is noticed too: dataset files are hashed.
  await editDataset(ws.dataset, (docs) => {
    const doc = docs.find((d) => d._id === ARTICLE_ID)
    if (doc) doc.title = 'Quiet Hand Edit'
    return docs
  })
  await waitFor(async () => (await page(url, ARTICLE_PATH)).text.includes('Quiet Hand Edit'), {
    what: 'the hand edit',
    timeoutMs: 10_000,
  })
})

it('holds back an article until its publishedAt, then rebuilds at that time', async () => {
  const ws = await workspace()
  // Far enough ahead that the first build and its search index are done before it on a busy machine.
  const due = new Date(Date.now() + 8_000).toISOString()
  await editDataset(ws.dataset, (docs) => [
    ...docs,
    {
      _id: 'article-scheduled-test',
      _type: 'article',
      _updatedAt: new Date().toISOString(),
      title: 'Scheduled Article',
      slug: { _type: 'slug', current: 'scheduled-test' },
      kind: 'news',
      publishedAt: due,
      body: [],
    },
  ])
  publisher = await startReady(ws)
  const { url } = publisher
  expect((await page(url, '/articles/scheduled-test/')).status).toBe(404)
  expect((await status(url)).nextScheduledAt).toBe(due)

  await waitFor(async () => (await page(url, '/articles/scheduled-test/')).status === 200, {
    what: 'the scheduled article',
    timeoutMs: 20_000,
  })
  expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(due))
  const s = await status(url)
  expect(s.lastSuccess?.reasons).toEqual(['schedule'])
  expect(s.nextScheduledAt).toBeNull()
  expect(s.counters.builds.started).toBe(2)
})
