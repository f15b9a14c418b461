import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Publisher } from '../../scripts/publish/publisher.ts'
import {
  ARTICLE_ID,
  ARTICLE_PATH,
  editDataset,
  page,
  payloadFor,
  postWebhook,
  startReady,
  status,
  stepLogger,
  type Workspace,
  waitFor,
  workspace,
} from './helpers.ts'

/*
 * A webhook names its document: the build worker reads that document's line of the dataset file
 * again, not the whole file. A change no webhook named, which the cheap checks cannot see (same
 * length, away from the named line), is published by the next reconciliation, which hashes the
 * whole file.
 */

const PERSON_PATH = '/people/theo-adeyemi/'
let ws: Workspace
let publisher: Publisher
const steps: string[] = []

beforeAll(async () => {
  ws = await workspace()
  // Lines as the edits below write them, so that only the edited lines differ.
  await editDataset(ws.dataset, (docs) => docs)
  const logger = stepLogger(steps)
  publisher = await startReady(ws, { logger, debounceMs: 300, reconcileIntervalMs: 1_500 })
})
afterAll(() => publisher.stop())

it('reads the named document’s line only, and a reconciliation publishes what no webhook named', async () => {
  expect((await page(publisher.url, PERSON_PATH)).text).toContain('Theo Adeyemi')
  steps.length = 0
  await editDataset(ws.dataset, (docs) =>
    docs.map((doc) => {
      if (doc._id === ARTICLE_ID) return { ...doc, title: 'Named By Its Webhook' }
      if (doc._id === 'person-theo-adeyemi') return { ...doc, name: 'Thea Adeyemi' }
      return doc
    }),
  )
  expect(
    (await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: 'named-1' })).status,
  ).toBe(202)
  await waitFor(
    async () => (await page(publisher.url, ARTICLE_PATH)).text.includes('<h1>Named By Its Webhook</h1>'),
    {
      what: 'the named edit',
    },
  )
  expect(steps.some((step) => step.endsWith('(1 line(s) read, 1 document(s) checked)'))).toBe(true)
  await waitFor(async () => (await page(publisher.url, PERSON_PATH)).text.includes('Thea Adeyemi'), {
    what: 'the edit no webhook named',
  })
  expect((await status(publisher.url)).lastSuccess?.reasons).toEqual(['reconcile'])
})
