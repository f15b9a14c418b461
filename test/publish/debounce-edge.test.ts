import { afterEach, expect, it } from 'vitest'
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
  waitFor,
  workspace,
} from './helpers.ts'

/*
 * The quiet period's edge: by default a webhook after a quiet spell is built at once, and only the
 * webhooks that follow it wait for the quiet period; `trailing` makes every build wait.
 */

const QUIET_MS = 2_500
let publisher: Publisher | undefined
afterEach(async () => {
  await publisher?.stop()
  publisher = undefined
})

/** Edits the article's title, sends its webhook, and gives the milliseconds until the title is live. */
async function publishTitle(url: string, dataset: string, title: string): Promise<number> {
  await setField(dataset, ARTICLE_ID, 'title', title)
  const sent = Date.now()
  const answer = await postWebhook(url, payloadFor(ARTICLE_ID), { idempotencyKey: title })
  expect(answer.status).toBe(202)
  await waitFor(async () => (await page(url, ARTICLE_PATH)).text.includes(`<h1>${title}</h1>`), {
    intervalMs: 20,
    what: title,
  })
  return Date.now() - sent
}

it('builds a webhook after a quiet spell at once, and one that follows it after the quiet period', async () => {
  const ws = await workspace()
  const steps: string[] = []
  publisher = await startReady(ws, { debounceMs: QUIET_MS, logger: stepLogger(steps) })
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS))
  steps.length = 0
  expect(await publishTitle(publisher.url, ws.dataset, 'Leading Edge One')).toBeLessThan(QUIET_MS)
  // The worker reads the file as the webhook is accepted, and the build at once uses that read.
  expect(steps.some((step) => step.startsWith('dataset read ahead of the build'))).toBe(true)
  // Within the quiet period of the one before: it waits, so a burst's rest goes into one build.
  expect(await publishTitle(publisher.url, ws.dataset, 'Leading Edge Two')).toBeGreaterThanOrEqual(QUIET_MS)
})

it('with the trailing edge, makes every build wait for the quiet period', async () => {
  const ws = await workspace()
  publisher = await startReady(ws, { debounceMs: QUIET_MS, debounceEdge: 'trailing' })
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS))
  expect(await publishTitle(publisher.url, ws.dataset, 'Trailing Edge')).toBeGreaterThanOrEqual(QUIET_MS)
})
