import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { encodeSignatureHeader } from '@sanity/webhook'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createWebhookHandler, type HandlerDeps } from '../../netlify/functions/sanity-webhook.ts'
import { IdempotencyStore } from '../../scripts/publish/idempotency.ts'
import { silentLogger } from '../../scripts/publish/log.ts'
import { SeenSignatures } from '../../scripts/publish/signature.ts'
import { SECURITY_HEADERS } from '../../scripts/publish/static.ts'

const SECRET = 'netlify-test-secret'

/** A local stand-in for the Netlify build hook: records calls, answers `hookStatus`. */
let hook: Server
let hookUrl: string
let hookStatus = 200
const calls: Array<{ url: string; body: unknown }> = []

beforeAll(async () => {
  hook = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      calls.push({ url: req.url ?? '', body: JSON.parse(body || 'null') })
      res.writeHead(hookStatus).end()
    })
  })
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/build_hooks/abc123`
})
afterAll(() => new Promise<void>((resolve) => hook.close(() => resolve())))

let env: Record<string, string | undefined>
let handler: (request: Request) => Promise<Response>

beforeEach(() => {
  calls.length = 0
  hookStatus = 200
  env = { SANITY_WEBHOOK_SECRET: SECRET, NETLIFY_BUILD_HOOK_URL: hookUrl }
  const deps: HandlerDeps = {
    env: () => env,
    fetch,
    now: Date.now,
    seen: new SeenSignatures(),
    idempotency: new IdempotencyStore(),
    logger: silentLogger,
  }
  handler = createWebhookHandler(deps)
})

async function delivery(
  payload: unknown,
  {
    secret = SECRET,
    timestamp = Date.now(),
    key,
    signature,
  }: { secret?: string; timestamp?: number; key?: string; signature?: string } = {},
): Promise<Request> {
  const body = JSON.stringify(payload)
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'sanity-webhook-signature': signature ?? (await encodeSignatureHeader(body, timestamp, secret)),
  }
  if (key) headers['idempotency-key'] = key
  return new Request('https://reel.example/api/sanity-webhook', { method: 'POST', headers, body })
}

const payload = { _id: 'show-partner-track', _type: 'show', slug: 'partner-track', operation: 'update' }

describe('Netlify sanity-webhook function', () => {
  it('verifies a valid delivery and calls the build hook with the changed ids', async () => {
    const response = await handler(await delivery(payload, { key: 'k1' }))
    expect(response.status).toBe(202)
    expect(await response.json()).toMatchObject({ status: 'accepted' })
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url).toMatch(
      /^\/build_hooks\/abc123\?trigger_title=Sanity\+webhook%3A\+update\+show-partner-track$/,
    )
    expect(calls[0]?.body).toMatchObject({
      ids: ['show-partner-track'],
      type: 'show',
      operation: 'update',
      idempotencyKey: 'k1',
    })
  })

  it('rejects forged, stale and replayed deliveries without calling the hook', async () => {
    expect((await handler(await delivery(payload, { secret: 'wrong' }))).status).toBe(401)
    expect((await handler(await delivery(payload, { timestamp: Date.now() - 10 * 60_000 }))).status).toBe(401)
    const signature = await encodeSignatureHeader(JSON.stringify(payload), Date.now(), SECRET)
    expect((await handler(await delivery(payload, { signature }))).status).toBe(202)
    const replay = await handler(await delivery(payload, { signature }))
    expect(replay.status).toBe(401)
    expect((await replay.json()).message).toMatch(/replay/)
    expect(calls).toHaveLength(1)
  })

  it('honours the replay window setting', async () => {
    env.SANITY_WEBHOOK_REPLAY_WINDOW = '30s'
    expect((await handler(await delivery(payload, { timestamp: Date.now() - 60_000 }))).status).toBe(401)
    expect((await handler(await delivery(payload, { timestamp: Date.now() - 10_000 }))).status).toBe(202)
  })

  it('answers retries of an accepted delivery with 200 and ignores drafts', async () => {
    expect((await handler(await delivery(payload, { key: 'k2' }))).status).toBe(202)
    const retry = await handler(await delivery(payload, { key: 'k2', timestamp: Date.now() + 1 }))
    expect(retry.status).toBe(200)
    expect(await retry.json()).toMatchObject({ status: 'duplicate' })
    const draft = await handler(await delivery({ ...payload, _id: 'drafts.show-partner-track' }))
    expect(await draft.json()).toMatchObject({ status: 'ignored' })
    expect(calls).toHaveLength(1)
  })

  it('lets Sanity retry when the build hook fails', async () => {
    hookStatus = 500
    const failed = await handler(await delivery(payload, { key: 'k3' }))
    expect(failed.status).toBe(502)
    hookStatus = 200
    const retried = await handler(await delivery(payload, { key: 'k3', timestamp: Date.now() + 1 }))
    expect(retried.status).toBe(202)
    expect(calls).toHaveLength(2)
  })

  it('enforces method, content type and size limits', async () => {
    expect((await handler(new Request('https://reel.example/api/sanity-webhook'))).status).toBe(405)
    const text = new Request('https://reel.example/api/sanity-webhook', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    })
    expect((await handler(text)).status).toBe(415)
    const big = await delivery({ ...payload, padding: 'x'.repeat(200_000) })
    expect((await handler(big)).status).toBe(413)
    expect(calls).toHaveLength(0)
  })

  it('answers 503 when switched off or not configured', async () => {
    env.SANITY_WEBHOOK_ENABLED = 'false'
    expect((await handler(await delivery(payload))).status).toBe(503)
    env.SANITY_WEBHOOK_ENABLED = undefined
    env.SANITY_WEBHOOK_SECRET = undefined
    const noSecret = await handler(await delivery(payload))
    expect(noSecret.status).toBe(503)
    expect((await noSecret.json()).message).toMatch(/SANITY_WEBHOOK_SECRET/)
    env.SANITY_WEBHOOK_SECRET = SECRET
    env.NETLIFY_BUILD_HOOK_URL = undefined
    expect((await handler(await delivery(payload))).status).toBe(503)
    expect(calls).toHaveLength(0)
  })
})

describe('netlify.toml', () => {
  it('publishes _site, routes /api/* to functions and sends the same security headers as npm start', async () => {
    const toml = await readFile('netlify.toml', 'utf8')
    expect(toml).toMatch(/^\s*publish = "_site"$/m)
    expect(toml).toMatch(/^\s*directory = "netlify\/functions"$/m)
    expect(toml).toMatch(/^\s*NODE_VERSION = "24"$/m)
    expect(toml).toMatch(/from = "\/api\/\*"\s+to = "\/\.netlify\/functions\/:splat"\s+status = 200/)
    expect(toml).toMatch(
      /for = "\/assets\/hashed\/\*"\s+\[headers\.values\]\s+Cache-Control = "public, max-age=31536000, immutable"/,
    )
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(toml).toContain(`${name} = "${value}"`)
  })
})
