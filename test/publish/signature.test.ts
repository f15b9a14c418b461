import { encodeSignatureHeader } from '@sanity/webhook'
import { describe, expect, it } from 'vitest'
import { ExpiringCache } from '../../scripts/publish/expiring-cache.ts'
import { IdempotencyStore } from '../../scripts/publish/idempotency.ts'
import { SeenSignatures, verifySignature } from '../../scripts/publish/signature.ts'

const secret = 'shh'
const body = '{"_id":"show-x","_type":"show","operation":"update"}'
const now = Date.parse('2026-11-30T12:00:00Z')
const windowMs = 5 * 60_000

describe('verifySignature', () => {
  it('accepts a fresh signature made with the secret over the raw body', async () => {
    const header = await encodeSignatureHeader(body, now - 1_000, secret)
    expect(await verifySignature({ body, header, secret, windowMs, now })).toEqual({
      ok: true,
      timestamp: now - 1_000,
    })
  })

  it.each([
    ['missing', undefined],
    ['missing', ''],
    ['malformed', 'v1=abc'],
    ['malformed', 't=123'],
    ['malformed', 't=1,v1=a, t=2,v1=b'],
  ])('rejects a %s header (%j)', async (reason, header) => {
    expect(await verifySignature({ body, header, secret, windowMs, now })).toMatchObject({
      ok: false,
      reason,
    })
  })

  it('rejects a wrong secret, a changed body and an empty body', async () => {
    const header = await encodeSignatureHeader(body, now, 'other')
    expect(await verifySignature({ body, header, secret, windowMs, now })).toMatchObject({
      reason: 'invalid',
    })
    const good = await encodeSignatureHeader(body, now, secret)
    expect(await verifySignature({ body: `${body} `, header: good, secret, windowMs, now })).toMatchObject({
      reason: 'invalid',
    })
    expect(await verifySignature({ body: '', header: good, secret, windowMs, now })).toMatchObject({
      reason: 'invalid',
    })
  })

  it('rejects timestamps outside the window, in either direction', async () => {
    for (const t of [now - windowMs - 1, now + windowMs + 1]) {
      const header = await encodeSignatureHeader(body, t, secret)
      expect(await verifySignature({ body, header, secret, windowMs, now })).toMatchObject({
        reason: 'stale',
      })
    }
    const edge = await encodeSignatureHeader(body, now - windowMs, secret)
    expect((await verifySignature({ body, header: edge, secret, windowMs, now })).ok).toBe(true)
  })

  it('rejects an exact signature seen before, but not a retry signed again', async () => {
    const seen = new SeenSignatures({ now: () => now })
    const header = await encodeSignatureHeader(body, now, secret)
    expect((await verifySignature({ body, header, secret, windowMs, now, seen })).ok).toBe(true)
    expect(await verifySignature({ body, header, secret, windowMs, now, seen })).toMatchObject({
      reason: 'replayed',
    })
    const retry = await encodeSignatureHeader(body, now + 1, secret)
    expect((await verifySignature({ body, header: retry, secret, windowMs, now, seen })).ok).toBe(true)
  })

  it('does not remember forged signatures', async () => {
    const seen = new SeenSignatures({ now: () => now })
    const forged = await encodeSignatureHeader(body, now, 'other')
    await verifySignature({ body, header: forged, secret, windowMs, now, seen })
    expect(seen.size).toBe(0)
  })
})

describe('bounded caches', () => {
  it('seen signatures are bounded and forgotten after the window', () => {
    let clock = 0
    const seen = new SeenSignatures({ max: 3, now: () => clock })
    for (const s of ['a', 'b', 'c', 'd']) expect(seen.remember(s, 1_000)).toBe(true)
    expect(seen.size).toBe(3)
    expect(seen.remember('a', 1_000)).toBe(true) // evicted as the oldest
    expect(seen.remember('d', 1_000)).toBe(false)
    clock = 1_000
    expect(seen.remember('d', 2_000)).toBe(true)
  })

  it('expiring cache drops expired entries on read and on insert', () => {
    let clock = 0
    const cache = new ExpiringCache<number>({ max: 10, now: () => clock })
    cache.set('a', 1, 10)
    cache.set('b', 2, 20)
    clock = 15
    expect(cache.get('a')).toBeUndefined()
    cache.set('c', 3, 30)
    expect(cache.size).toBe(2)
  })

  it('idempotency keys: claim, commit, release, expire', () => {
    let clock = 0
    const store = new IdempotencyStore({ ttlMs: 100, now: () => clock })
    expect(store.claim('k')).toBe('new')
    expect(store.claim('k')).toBe('in-flight')
    store.release('k')
    expect(store.claim('k')).toBe('new')
    store.commit('k')
    expect(store.claim('k')).toBe('duplicate')
    clock = 101
    expect(store.claim('k')).toBe('new')
  })
})
