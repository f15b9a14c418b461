import { readdir, realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Publisher } from '../../scripts/publish/publisher.ts'
import { inodes } from '../support/trees.ts'
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
 * The copy of the live release that the next build settles into is made from the newest pruned
 * release when there is one: brought up to date, it is the same copy as one linked anew.
 */

let ws: Workspace
let publisher: Publisher
const events: Array<{ event: string; message?: string; reused?: boolean }> = []

beforeAll(async () => {
  ws = await workspace()
  const logger = eventLogger(events)
  // One release kept: every publish prunes the one before.
  publisher = await startReady(ws, { logger, keep: 1 })
})
afterAll(() => publisher.stop())

const named = (event: string) => events.filter((e) => e.event === event)

async function publish(title: string, key: string): Promise<void> {
  await setField(ws.dataset, ARTICLE_ID, 'title', title)
  const response = await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: key })
  expect(response.status).toBe(202)
  await waitFor(async () => (await page(publisher.url, ARTICLE_PATH)).text.includes(title), {
    what: `"${title}" to go live`,
  })
  await publisher.idle()
}

it('brings the newest pruned release up to date as the copy for the next build', async () => {
  // The first copy has nothing to start from.
  expect(named('tree.ready').map((e) => e.reused)).toEqual([false])

  events.length = 0
  await publish('Copied From A Pruned Release', 'recycled-1')
  expect(named('releases.pruned')).toHaveLength(1)
  expect(named('tree.ready').map((e) => e.reused)).toEqual([true])
  expect(named('tree.step').some((e) => e.message?.startsWith('bringing '))).toBe(true)

  // The copy holds the live release's files, each the very same file, and nothing else.
  const live = await realpath(ws.out)
  const copies = (await readdir(ws.releases)).filter((name) => name.startsWith('.tree-'))
  expect(copies).toHaveLength(1)
  expect(await inodes(join(ws.releases, copies[0] as string))).toEqual(await inodes(live))
  // No pruned release is left aside.
  expect((await readdir(ws.releases)).filter((name) => name.startsWith('.trash-'))).toEqual([])

  // The next build settles into it.
  events.length = 0
  await publish('Settled Into The Brought Up Copy', 'recycled-2')
  expect(named('build.step').some((e) => e.message?.startsWith('settling'))).toBe(true)
  expect((await page(publisher.url, ARTICLE_PATH)).text).toContain('Settled Into The Brought Up Copy')
  expect(named('tree.ready').map((e) => e.reused)).toEqual([true])
})
