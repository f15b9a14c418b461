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
  status,
  type Workspace,
  workspace,
} from './helpers.ts'

let ws: Workspace
let publisher: Publisher

// Production debounce (1 s): the promise is about a burst of 100 within one second.
beforeAll(async () => {
  ws = await workspace()
  publisher = await startReady(ws, { debounceMs: 1_000 })
})
afterAll(() => publisher.stop())

it('coalesces a burst of 100 webhooks in one second into at most 2 builds and publishes the last edit', async () => {
  const before = (await status(publisher.url)).counters.builds.started
  const started = Date.now()
  const answers: Promise<number>[] = []
  for (let i = 1; i <= 100; i++) {
    // Every delivery follows a real edit; the last one is the state that must end up live.
    await setField(ws.dataset, ARTICLE_ID, 'title', `Burst Edit ${i}`)
    answers.push(
      postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: `burst-${i}` }).then(
        (r) => r.status,
      ),
    )
    const wait = started + i * 9 - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }
  expect(Date.now() - started).toBeLessThan(1_500)
  expect(new Set(await Promise.all(answers))).toEqual(new Set([202]))

  await publisher.idle()
  const s = await status(publisher.url)
  const builds = s.counters.builds.started - before
  expect(builds).toBeGreaterThanOrEqual(1)
  expect(builds).toBeLessThanOrEqual(2)
  expect(s.counters.builds.failed).toBe(0)
  expect(s.counters.webhooks.accepted).toBe(100)
  expect((await page(publisher.url, ARTICLE_PATH)).text).toContain('<h1>Burst Edit 100</h1>')
})

it('merges events that arrive during a build into exactly one next build', async () => {
  const before = (await status(publisher.url)).counters.builds.started
  await setField(ws.dataset, ARTICLE_ID, 'title', 'During Build 0')
  await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: 'during-0' })
  // Wait until that build runs, then send more while it does.
  for (;;) {
    const s = await status(publisher.url)
    if (s.building) break
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  for (let i = 1; i <= 5; i++) {
    await setField(ws.dataset, `show-partner-track`, 'title', `Partner Track ${i}`)
    await postWebhook(publisher.url, payloadFor('show-partner-track', 'update', 'show'), {
      idempotencyKey: `during-${i}`,
    })
  }
  expect((await status(publisher.url)).queue.length).toBe(5)
  await publisher.idle()
  const s = await status(publisher.url)
  expect(s.counters.builds.started - before).toBe(2)
  expect(s.lastSuccess?.changedIds).toEqual(['show-partner-track'])
  expect((await page(publisher.url, '/shows/partner-track/')).text).toContain('<h1>Partner Track 5</h1>')
})
