import { realpath, stat } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Publisher } from '../../scripts/publish/publisher.ts'
import {
  ARTICLE_ID,
  ARTICLE_PATH,
  page,
  payloadFor,
  postWebhook,
  SECRET,
  setField,
  sign,
  startReady,
  status,
  type Workspace,
  waitFor,
  workspace,
} from './helpers.ts'

describe('webhook receiver over HTTP', () => {
  let ws: Workspace
  let publisher: Publisher
  let url: string

  beforeAll(async () => {
    ws = await workspace()
    publisher = await startReady(ws)
    url = publisher.url
  })
  afterAll(() => publisher.stop())

  const builds = async () => (await status(url)).counters.builds.started

  it('built once at startup and serves it', async () => {
    const s = await status(url)
    expect(s.counters.builds).toMatchObject({ started: 1, succeeded: 1, failed: 0 })
    expect(s.current?.id).toBe(s.lastSuccess?.id)
    expect((await page(url, ARTICLE_PATH)).text).toContain('<h1>Partner Track Season 2')
  })

  it('rejects forged, stale, replayed, unsigned and oversized deliveries without building', async () => {
    const before = await builds()
    const body = JSON.stringify(payloadFor(ARTICLE_ID))

    const forged = await postWebhook(url, body, { secret: 'not-the-secret', idempotencyKey: 'forged-1' })
    expect(forged.status).toBe(401)
    expect(await forged.json()).toMatchObject({
      status: 'rejected',
      message: expect.stringMatching(/does not match/),
    })

    const tampered = await postWebhook(url, body.replace('update', 'delete'), { signature: await sign(body) })
    expect(tampered.status).toBe(401)

    const stale = await postWebhook(url, body, {
      timestamp: Date.now() - 6 * 60_000,
      idempotencyKey: 'stale-1',
    })
    expect(stale.status).toBe(401)
    expect((await stale.json()).message).toMatch(/replay window/)

    const future = await postWebhook(url, body, { timestamp: Date.now() + 6 * 60_000 })
    expect(future.status).toBe(401)

    expect((await postWebhook(url, body, { signature: null })).status).toBe(401)
    expect((await postWebhook(url, body, { signature: 'garbage' })).status).toBe(401)

    const big = JSON.stringify({ ...payloadFor(ARTICLE_ID), padding: 'x'.repeat(200 * 1024) })
    const oversized = await postWebhook(url, big)
    expect(oversized.status).toBe(413)
    expect(await chunkedPost(url, big)).toBe(413)

    const wrongMethod = await fetch(`${url}/api/sanity-webhook`)
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
    const wrongType = await postWebhook(url, body, { headers: { 'content-type': 'text/plain' } })
    expect(wrongType.status).toBe(415)

    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await builds()).toBe(before)
    expect((await status(url)).queue.length).toBe(0)

    // A valid delivery, then the exact same request again: the replay is refused.
    const signature = await sign(body)
    const first = await postWebhook(url, body, { signature, idempotencyKey: 'replay-test' })
    expect(first.status).toBe(202)
    const replay = await postWebhook(url, body, { signature, idempotencyKey: 'replay-test' })
    expect(replay.status).toBe(401)
    expect((await replay.json()).message).toMatch(/replay/)
    await publisher.idle()

    expect(await builds()).toBe(before + 1)
    const s = await status(url)
    expect(s.counters.webhooks.rejected).toBeGreaterThanOrEqual(11)
  })

  it('answers 202 fast, builds in the background and publishes the edited dataset', async () => {
    const before = await builds()
    const personPage = 'people/alexandra-turshen/index.html'
    const previousRelease = await realpath(ws.out)
    await setField(ws.dataset, ARTICLE_ID, 'title', 'Partner Track: Edited By Webhook')
    const started = performance.now()
    const response = await postWebhook(url, payloadFor(ARTICLE_ID), { idempotencyKey: 'edit-1' })
    expect(response.status).toBe(202)
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(await response.json()).toMatchObject({ status: 'accepted' })

    await waitFor(
      async () => (await page(url, ARTICLE_PATH)).text.includes('<h1>Partner Track: Edited By Webhook</h1>'),
      {
        what: 'the edited title',
      },
    )
    await publisher.idle()
    const s = await status(url)
    expect(s.counters.builds.started).toBe(before + 1)
    expect(s.lastSuccess?.changedIds).toEqual([ARTICLE_ID])
    expect(s.lastSuccess?.reasons).toEqual(['webhook'])
    expect(s.queue.length).toBe(0)

    // Pages the edit does not touch are reused from the previous release (hard links), not rendered.
    const release = await realpath(ws.out)
    expect(release).not.toBe(previousRelease)
    expect((await stat(join(release, personPage))).ino).toBe(
      (await stat(join(previousRelease, personPage))).ino,
    )
    expect((await stat(join(release, ARTICLE_PATH, 'index.html'))).ino).not.toBe(
      (await stat(join(previousRelease, ARTICLE_PATH, 'index.html'))).ino,
    )
  })

  it('treats a retry with a known idempotency key as a duplicate: 200, no build', async () => {
    const before = await builds()
    // Same key, new signature (a later timestamp), as Sanity's retries are.
    const retry = await postWebhook(url, payloadFor(ARTICLE_ID), {
      idempotencyKey: 'edit-1',
      timestamp: Date.now() + 5,
    })
    expect(retry.status).toBe(200)
    expect(await retry.json()).toMatchObject({ status: 'duplicate' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    await publisher.idle()
    expect(await builds()).toBe(before)
  })

  it('acknowledges draft and release-version payloads without building', async () => {
    const before = await builds()
    for (const id of [`drafts.${ARTICLE_ID}`, `versions.r123.${ARTICLE_ID}`]) {
      const response = await postWebhook(url, payloadFor(id), { idempotencyKey: `draft-${id}` })
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ status: 'ignored' })
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
    await publisher.idle()
    expect(await builds()).toBe(before)
    expect((await status(url)).counters.webhooks.ignored).toBe(2)
  })

  it('answers unknown API paths with JSON 404 and never serves files outside the release', async () => {
    const api = await fetch(`${url}/api/nope`)
    expect(api.status).toBe(404)
    expect(api.headers.get('content-type')).toMatch(/json/)
    for (const path of [
      '/../data.ndjson',
      '/%2e%2e/data.ndjson',
      '/..%2fdata.ndjson',
      '/.builds/',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      const response = await rawGet(url, path)
      expect(response.status, path).toBeGreaterThanOrEqual(400)
      expect(response.body, path).not.toContain('"_id"')
    }
  })

  it('does not build again on restart when the published site is up to date', async () => {
    await publisher.stop()
    publisher = await startReady(ws)
    url = publisher.url
    const s = await status(url)
    expect(s.counters.builds.started).toBe(0)
    expect(s.reconcile.lastResult).toBe('unchanged')
    expect((await page(url, ARTICLE_PATH)).text).toContain('Edited By Webhook')
  })
})

describe('webhook endpoint switched off', () => {
  // One workspace for all three: after the first start the site is up to date, so the later
  // publishers start without building.
  let shared: Workspace
  beforeAll(async () => {
    shared = await workspace()
  })

  it('without a secret: the site is built and served, the endpoint answers 503 with how to enable it', async () => {
    const publisher = await startReady(shared, { webhook: {} })
    try {
      expect((await page(publisher.url, '/')).status).toBe(200)
      const response = await postWebhook(publisher.url, payloadFor(ARTICLE_ID))
      expect(response.status).toBe(503)
      expect((await response.json()).message).toMatch(/SANITY_WEBHOOK_SECRET/)
      expect((await status(publisher.url)).webhook.mode).toBe('off-no-secret')
    } finally {
      await publisher.stop()
    }
  })

  it('with the kill switch: 503 and no build even for a valid delivery', async () => {
    const publisher = await startReady(shared, { webhook: { secret: SECRET, enabled: false } })
    try {
      const response = await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { idempotencyKey: 'k1' })
      expect(response.status).toBe(503)
      expect((await response.json()).message).toMatch(/SANITY_WEBHOOK_ENABLED=false/)
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect((await status(publisher.url)).counters.builds.started).toBe(0)
    } finally {
      await publisher.stop()
    }
  })

  it('--insecure-no-signature accepts unsigned deliveries', async () => {
    const publisher = await startReady(shared, { webhook: { insecure: true } })
    try {
      const response = await postWebhook(publisher.url, payloadFor(ARTICLE_ID), { signature: null })
      expect(response.status).toBe(202)
      await publisher.idle()
      expect((await status(publisher.url)).counters.builds.started).toBe(1)
    } finally {
      await publisher.stop()
    }
  })
})

/** A body sent with chunked encoding (no content-length), so the limit applies while reading. */
function chunkedPost(baseUrl: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/api/sanity-webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    })
    req.on('response', (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.slice(i, i + 16 * 1024))
    req.end()
  })
}

/** GET with the path sent verbatim (fetch would normalize `..`). */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(baseUrl)
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}
