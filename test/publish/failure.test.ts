import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Publisher } from '../../scripts/publish/publisher.ts'
import {
  ARTICLE_ID,
  ARTICLE_PATH,
  editDataset,
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

const flakyWorker = fileURLToPath(new URL('./fixtures/flaky-worker.ts', import.meta.url))
const PATHS = ['/', ARTICLE_PATH, '/shows/partner-track/', '/assets/site.css', '/does-not-exist/']

let ws: Workspace
let publisher: Publisher

beforeAll(async () => {
  ws = await workspace()
  publisher = await startReady(ws, { workerPath: flakyWorker })
})
afterAll(() => publisher.stop())

async function snapshot(): Promise<Map<string, { status: number; body: Buffer }>> {
  const pages = new Map<string, { status: number; body: Buffer }>()
  for (const path of PATHS) {
    const response = await fetch(`${publisher.url}${path}`)
    pages.set(path, { status: response.status, body: Buffer.from(await response.arrayBuffer()) })
  }
  return pages
}

async function failedBuild(before: number): Promise<void> {
  await waitFor(async () => (await status(publisher.url)).counters.builds.failed > before, {
    what: 'the failed build',
  })
  await publisher.idle()
}

it('a build that dies midway leaves the previous site served byte for byte', async () => {
  const before = await snapshot()
  const { current, counters } = await status(publisher.url)
  await writeFile(join(ws.dir, 'FAIL'), '')
  await setField(ws.dataset, ARTICLE_ID, 'title', 'Never Published')
  expect(
    (await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: 'fail-1' })).status,
  ).toBe(202)
  await failedBuild(counters.builds.failed)

  expect(await snapshot()).toEqual(before)
  const s = await status(publisher.url)
  expect(s.current?.id).toBe(current?.id)
  expect(s.lastFailure?.error).toMatch(/exited with code 3/)
  expect(s.lastFailure?.at).toBeTruthy()
  expect(s.releases).toHaveLength(1)
  expect((await readdir(ws.releases)).filter((name) => name.startsWith('.staging-'))).toEqual([])
})

it('a dataset that cannot be read fails the build with the reason and keeps the site', async () => {
  await rm(join(ws.dir, 'FAIL'))
  const before = await snapshot()
  const { counters } = await status(publisher.url)
  await editDataset(ws.dataset, (docs) => [...docs, { _id: ARTICLE_ID, _type: 'article' }])
  await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: 'fail-2' })
  await failedBuild(counters.builds.failed)
  expect(await snapshot()).toEqual(before)
  expect((await status(publisher.url)).lastFailure?.error).toMatch(/duplicate _id/)
})

it('publishes again once the problem is fixed', async () => {
  await editDataset(ws.dataset, (docs) =>
    docs.filter((doc, index) => docs.findIndex((d) => d._id === doc._id) === index),
  )
  await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: 'fix-1' })
  await waitFor(
    async () => (await page(publisher.url, ARTICLE_PATH)).text.includes('<h1>Never Published</h1>'),
    {
      what: 'the fixed build',
    },
  )
  // The fixed pages go live first, then a copy with the search index replaces that release.
  await publisher.idle()
  const s = await status(publisher.url)
  expect(s.releases).toHaveLength(2)
  expect(s.current?.id).toBe(s.releases.at(-1))
})

it('with no site yet and a broken dataset: answers 503 "being built" and reports the failure', async () => {
  const fresh = await workspace()
  await writeFile(fresh.dataset, '{"_id":"a","_type":"show"}\n{"_id": "b", oops}\n')
  const broken = await startReady(fresh)
  try {
    const home = await fetch(`${broken.url}/`)
    expect(home.status).toBe(503)
    expect(home.headers.get('retry-after')).toBe('5')
    const s = await status(broken.url)
    expect(s.current).toBeNull()
    expect(s.lastFailure?.error).toMatch(/data\.ndjson:2/)
    expect(s.counters.builds).toMatchObject({ started: 1, failed: 1 })
  } finally {
    await broken.stop()
  }
})
