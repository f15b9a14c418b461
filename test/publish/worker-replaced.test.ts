import { afterAll, beforeAll, expect, it } from 'vitest'
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
  type Workspace,
  waitFor,
  workspace,
} from './helpers.ts'

/*
 * A build worker grown past its resident-size ceiling is let go after its build; the next process
 * starts at once and reads the dataset, so the next edit's build neither waits for a new process
 * nor reads the whole file.
 */

let ws: Workspace
let publisher: Publisher
const events: Array<{ event: string; message?: string; for?: string; pid?: number }> = []

beforeAll(async () => {
  ws = await workspace()
  const logger = eventLogger(events)
  // Every process is above a ceiling of 1 MiB: each one is let go after its build.
  publisher = await startReady(ws, { logger, workerMaxRssMiB: 1 })
})
afterAll(() => publisher.stop())

it('starts the next worker process right after the last one is let go, and builds the next edit in it', async () => {
  const warmed = events.filter((e) => e.event === 'build.worker' && e.for === 'warm-up')
  expect(warmed).toHaveLength(1)
  events.length = 0
  await setField(ws.dataset, ARTICLE_ID, 'title', 'Built In The Warmed Process')
  expect(
    (await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: 'warm-1' })).status,
  ).toBe(202)
  await waitFor(
    async () => (await page(publisher.url, ARTICLE_PATH)).text.includes('Built In The Warmed Process'),
    {
      what: 'the edit to go live',
    },
  )
  await publisher.idle()
  const start = events.findIndex((e) => e.event === 'build.start')
  const done = events.findIndex((e) => e.event === 'build.done')
  // No process was started for the build: it ran in the one started after the last build.
  const spawned = events.slice(start, done).filter((e) => e.event === 'build.worker' && e.for === undefined)
  expect(spawned).toEqual([])
  // That process had read the file: only the edited line was read again, not the whole file.
  const steps = events
    .slice(start, done)
    .filter((e) => e.event === 'build.step')
    .map((e) => e.message)
  expect(steps.some((m) => m?.includes('(1 line(s) read'))).toBe(true)
  // And it was let go in turn, and the next one started.
  expect(events.slice(done).filter((e) => e.event === 'build.worker' && e.for === 'warm-up')).toHaveLength(1)
})
