import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Publisher } from '../../scripts/publish/publisher.ts'
import type { SanityDocument } from '../../scripts/source/types.ts'
import { type ContentLakeDouble, startContentLakeDouble } from '../support/content-lake-double.ts'
import {
  ARTICLE_ID,
  ARTICLE_PATH,
  page,
  payloadFor,
  postWebhook,
  startReady,
  status,
  waitFor,
  workspace,
} from './helpers.ts'

/*
 * The publisher over the live Sanity source, against a local Content Lake double: builds pull the
 * dataset, reconciliation asks only for the fingerprint.
 */

let lake: ContentLakeDouble
let publisher: Publisher
let documents: SanityDocument[]
const saved = { ...process.env }

beforeAll(async () => {
  lake = await startContentLakeDouble({ file: 'content/data.ndjson' })
  // Read by openSource in this process and inherited by the build worker.
  process.env.SANITY_PROJECT_ID = 'reel-test'
  process.env.SANITY_DATASET = 'production'
  process.env.SANITY_API_HOST = lake.url
  documents = (await readFile('content/data.ndjson', 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SanityDocument)
  const ws = await workspace()
  publisher = await startReady(ws, { source: { kind: 'sanity', dataset: '' }, reconcileIntervalMs: 400 })
})
afterAll(async () => {
  await publisher?.stop()
  await lake?.close()
  process.env = saved
})

const isMirrorPull = (query: string | undefined) => Boolean(query?.includes('_type in $types'))
const isFingerprint = (query: string | undefined) => Boolean(query?.includes('"count": count('))

function edit(title: string): void {
  documents = documents.map((doc) =>
    doc._id === ARTICLE_ID ? { ...doc, title, _updatedAt: new Date().toISOString() } : doc,
  )
  lake.setDocuments(documents)
}

it('builds from the live project and reconciles with one small query per check', async () => {
  expect((await page(publisher.url, ARTICLE_PATH)).text).toContain('<h1>Partner Track Season 2')
  lake.reset()
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  const queries = lake.requests.map((request) => request.query)
  expect(queries.filter(isFingerprint).length).toBeGreaterThanOrEqual(1)
  expect(queries.filter(isMirrorPull)).toEqual([])
  expect((await status(publisher.url)).counters.builds.started).toBe(1)
})

it('publishes a webhook-announced edit read fresh from the project', async () => {
  edit('Live Edit Via Webhook')
  expect(
    (await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: 'live-1' })).status,
  ).toBe(202)
  await waitFor(
    async () => (await page(publisher.url, ARTICLE_PATH)).text.includes('Live Edit Via Webhook'),
    {
      what: 'the live edit',
    },
  )
  expect(lake.requests.every((request) => request.perspective === 'published')).toBe(true)
})

it('syncs the mirror it kept instead of pulling the whole dataset again', async () => {
  await publisher.idle()
  lake.reset()
  edit('Live Edit Synced')
  expect(
    (await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: 'live-2' })).status,
  ).toBe(202)
  await waitFor(async () => (await page(publisher.url, ARTICLE_PATH)).text.includes('Live Edit Synced'), {
    what: 'the synced edit',
  })
  const queries = lake.requests.map((request) => request.query)
  const fullPull = (query: string | undefined) =>
    isMirrorPull(query) && !query?.includes('_rev') && !query?.includes('$ids')
  expect(queries.filter(fullPull)).toEqual([])
  expect(queries.some((query) => query?.includes('_rev'))).toBe(true)
})

it('publishes an edit no webhook announced, found by reconciliation', async () => {
  const before = (await status(publisher.url)).counters.builds.started
  await publisher.idle()
  edit('Live Edit Found By Reconciliation')
  await waitFor(
    async () => (await page(publisher.url, ARTICLE_PATH)).text.includes('Live Edit Found By Reconciliation'),
    { what: 'the reconciled live edit' },
  )
  const s = await status(publisher.url)
  expect(s.counters.builds.started).toBe(before + 1)
  expect(s.lastSuccess?.reasons).toEqual(['reconcile'])
})
