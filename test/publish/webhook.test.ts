import { describe, expect, it } from 'vitest'
import { parseStartConfig } from '../../scripts/publish/config.ts'
import { parseBoolean, parseDuration } from '../../scripts/publish/env.ts'
import { IdempotencyStore } from '../../scripts/publish/idempotency.ts'
import { isJsonContentType } from '../../scripts/publish/limits.ts'
import { createLogger } from '../../scripts/publish/log.ts'
import { SeenSignatures } from '../../scripts/publish/signature.ts'
import {
  evaluateWebhook,
  interpretPayload,
  preflightWebhook,
  type WebhookSettings,
} from '../../scripts/publish/webhook.ts'

const settings: WebhookSettings = {
  enabled: true,
  secret: 's',
  insecure: false,
  windowMs: 300_000,
  maxBodyBytes: 100,
  enableHint: 'set the secret',
}
const ok = { method: 'POST', contentType: 'application/json', contentLength: '10' }

describe('preflightWebhook', () => {
  it('checks method, switches, configuration, type and declared size in that order', () => {
    expect(preflightWebhook({ ...ok, method: 'GET' }, settings)?.status).toBe(405)
    expect(preflightWebhook(ok, { ...settings, enabled: false })?.status).toBe(503)
    expect(preflightWebhook(ok, { ...settings, secret: undefined })?.body.message).toMatch(/set the secret/)
    expect(preflightWebhook(ok, { ...settings, secret: undefined, insecure: true })).toBeNull()
    expect(preflightWebhook({ ...ok, contentType: 'text/plain' }, settings)?.status).toBe(415)
    expect(preflightWebhook({ ...ok, contentLength: '101' }, settings)?.status).toBe(413)
    expect(preflightWebhook(ok, settings)).toBeNull()
  })

  it('accepts JSON content types only', () => {
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true)
    expect(isJsonContentType('application/vnd.sanity+json')).toBe(true)
    expect(isJsonContentType('application/json; charset=latin1')).toBe(false)
    expect(isJsonContentType('text/json')).toBe(false)
    expect(isJsonContentType(null)).toBe(false)
  })
})

describe('interpretPayload', () => {
  it('reads the projection and never more', () => {
    expect(
      interpretPayload('{"_id":"show-x","_type":"show","operation":"delete","title":"ignored"}'),
    ).toEqual({
      ok: true,
      documentId: 'show-x',
      type: 'show',
      operation: 'delete',
    })
    expect(interpretPayload('{"_id":"drafts.show-x"}')).toEqual({ ok: true, unpublishedId: 'drafts.show-x' })
    expect(interpretPayload('{"_id":"versions.r1.show-x"}')).toMatchObject({
      unpublishedId: 'versions.r1.show-x',
    })
    expect(interpretPayload('[1,2]')).toEqual({ ok: true })
    expect(interpretPayload('{"_id":42}')).toEqual({ ok: true })
    expect(interpretPayload('nope')).toMatchObject({ ok: false })
  })
})

describe('evaluateWebhook in insecure mode', () => {
  const state = () => ({ seen: new SeenSignatures(), idempotency: new IdempotencyStore(), now: Date.now })
  const insecure = { ...settings, secret: undefined, insecure: true }

  it('accepts, de-duplicates by key, ignores drafts, rejects bad JSON', async () => {
    const s = state()
    const input = { body: '{"_id":"show-x"}', signature: null, idempotencyKey: 'k' }
    const first = await evaluateWebhook(input, insecure, s)
    expect(first).toMatchObject({ kind: 'accept', delivery: { ids: ['show-x'], idempotencyKey: 'k' } })
    s.idempotency.commit('k')
    expect((await evaluateWebhook(input, insecure, s)).reply.status).toBe(200)
    const draft = await evaluateWebhook(
      { ...input, body: '{"_id":"drafts.show-x"}', idempotencyKey: null },
      insecure,
      s,
    )
    expect(draft.reply).toMatchObject({ status: 200, body: { status: 'ignored' } })
    expect(
      (await evaluateWebhook({ ...input, body: '{', idempotencyKey: null }, insecure, s)).reply.status,
    ).toBe(400)
    const longKey = await evaluateWebhook({ ...input, idempotencyKey: 'x'.repeat(201) }, insecure, s)
    expect(longKey.reply.status).toBe(400)
  })
})

describe('configuration', () => {
  it('parses durations and booleans', () => {
    expect(parseDuration('500ms', 's')).toBe(500)
    expect(parseDuration('30s', 'ms')).toBe(30_000)
    expect(parseDuration('10', 'm')).toBe(600_000)
    expect(parseDuration('0.5m', 'ms')).toBe(30_000)
    expect(() => parseDuration('soon', 'ms')).toThrow(/duration/)
    expect(parseBoolean('false', 'X', true)).toBe(false)
    expect(parseBoolean(undefined, 'X', true)).toBe(true)
    expect(() => parseBoolean('maybe', 'X', true)).toThrow(/true or false/)
  })

  it('takes flags over environment over defaults', () => {
    const env = {
      PORT: '9000',
      SANITY_WEBHOOK_SECRET: ' s ',
      SANITY_WEBHOOK_ENABLED: 'off',
      RECONCILE_INTERVAL: '2',
    }
    const { options, logLevel } = parseStartConfig(['--port', '9100', '--quiet'], env)
    expect(options.port).toBe(9100)
    expect(options.webhook).toMatchObject({ secret: 's', enabled: false, insecure: false, windowMs: 300_000 })
    expect(options.reconcileIntervalMs).toBe(120_000)
    expect(options.debounceMs).toBe(250)
    expect(options.debounceEdge).toBe('leading')
    expect(parseStartConfig([], { PUBLISH_DEBOUNCE_EDGE: 'trailing' }).options.debounceEdge).toBe('trailing')
    expect(() => parseStartConfig(['--debounce-edge', 'middle'], {})).toThrow(/debounce-edge/)
    expect(options.out).toMatch(/\/_site$/)
    expect(options.host).toBeUndefined()
    expect(logLevel).toBe('warn')
    expect(options.workerMaxRssMiB).toBe(2048)
    expect(parseStartConfig([], { PUBLISH_WORKER_MAX_RSS: '900' }).options.workerMaxRssMiB).toBe(900)
    expect(parseStartConfig(['--worker-max-rss', '0'], {}).options.workerMaxRssMiB).toBe(0)
    expect(() => parseStartConfig(['--worker-max-rss', '-1'], {})).toThrow(/worker-max-rss/)
    expect(parseStartConfig(['--insecure-no-signature'], {}).options.host).toBe('127.0.0.1')
    expect(() => parseStartConfig(['--port', 'x'], {})).toThrow(/port/)
    expect(() => parseStartConfig(['--nope'], {})).toThrow()
  })
})

describe('structured logger', () => {
  it('writes one JSON line per event with t, level and event, honouring the level', () => {
    const lines: string[] = []
    const logger = createLogger(
      { level: 'info', stream: { write: (line: string) => lines.push(line) } },
      { app: 'x' },
    )
    logger.debug('hidden')
    logger.child({ build: 'b1' }).info('build.done', { pages: 3, error: new Error('e'), skipped: undefined })
    expect(lines).toHaveLength(1)
    expect(lines[0]?.endsWith('\n')).toBe(true)
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 'info',
      event: 'build.done',
      app: 'x',
      build: 'b1',
      pages: 3,
      error: { message: 'e' },
    })
  })
})
