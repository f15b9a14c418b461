import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Publisher } from '../../scripts/publish/publisher.ts'
import {
  ARTICLE_ID,
  ARTICLE_PATH,
  page,
  payloadFor,
  postWebhook,
  setField,
  startReady,
  stepLogger,
  type Workspace,
  workspace,
} from './helpers.ts'

/*
 * The build worker reads the dataset file while a webhook's quiet period runs; the build uses that
 * read only when no request came in after it began. Every build here waits for the quiet period
 * (the trailing edge); that a build at once reads ahead as well is checked in debounce-edge.test.ts.
 */

const AHEAD = 'dataset read ahead of the build and unchanged since; using it'
const usedReadAhead = () => steps.some((step) => step.startsWith(AHEAD))

let ws: Workspace
let publisher: Publisher
const steps: string[] = []

beforeAll(async () => {
  ws = await workspace()
  const logger = stepLogger(steps)
  publisher = await startReady(ws, { logger, debounceMs: 400, debounceEdge: 'trailing' })
})
afterAll(() => publisher.stop())

const edit = async (title: string, key: string) => {
  await setField(ws.dataset, ARTICLE_ID, 'title', title)
  expect((await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: key })).status).toBe(202)
}

it('builds one webhook’s edit from the file read during the quiet period', async () => {
  steps.length = 0
  await edit('Read Ahead Once', 'ahead-1')
  await publisher.idle()
  expect(usedReadAhead()).toBe(true)
  expect((await page(publisher.url, ARTICLE_PATH)).text).toContain('<h1>Read Ahead Once</h1>')
})

it('reads the file again when another webhook came in after the read began, and publishes the last edit', async () => {
  steps.length = 0
  await edit('Read Ahead First', 'ahead-2')
  await new Promise((resolve) => setTimeout(resolve, 50))
  await edit('Read Ahead Second', 'ahead-3')
  await publisher.idle()
  expect(usedReadAhead()).toBe(false)
  expect(steps.some((step) => step.startsWith('loading '))).toBe(true)
  expect((await page(publisher.url, ARTICLE_PATH)).text).toContain('<h1>Read Ahead Second</h1>')
})

it('does not vouch for a read that a later request came in after, even with the file as it was', async () => {
  steps.length = 0
  await edit('Read Ahead Third', 'ahead-4')
  await new Promise((resolve) => setTimeout(resolve, 50))
  // A second delivery for the same edit: the file is unchanged, but the read no longer covers it.
  expect(
    (await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: 'ahead-5' })).status,
  ).toBe(202)
  await publisher.idle()
  expect(usedReadAhead()).toBe(false)
  expect((await page(publisher.url, ARTICLE_PATH)).text).toContain('<h1>Read Ahead Third</h1>')
})
