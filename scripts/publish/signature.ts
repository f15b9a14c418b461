import { timingSafeEqual } from 'node:crypto'
import { decodeSignatureHeader, encodeSignatureHeader } from '@sanity/webhook'
import { ExpiringCache } from './expiring-cache.ts'

/*
 * Verification of Sanity's `sanity-webhook-signature` header (`t=<ms>,v1=<HMAC-SHA256 base64url>`
 * over `<t>.<raw body>`), computed by @sanity/webhook and compared in constant time, plus what
 * @sanity/webhook lacks: a replay window on the signed timestamp and a cache of signatures already
 * accepted. Shared by the self-hosted receiver and the Netlify function.
 */

export const SIGNATURE_HEADER = 'sanity-webhook-signature'
export const DEFAULT_REPLAY_WINDOW_MS = 5 * 60_000

export type SignatureFailure = 'missing' | 'malformed' | 'stale' | 'invalid' | 'replayed'

export type SignatureVerdict =
  | { ok: true; timestamp: number }
  | { ok: false; reason: SignatureFailure; message: string }

/**
 * Signatures already accepted, each remembered until its timestamp leaves the replay window (after
 * that the window check rejects it anyway). Bounded: when full, the oldest entries go first. Only
 * signatures that verified are stored, so forged requests cannot fill it.
 */
export class SeenSignatures {
  readonly #cache: ExpiringCache<true>

  constructor(options: { max?: number; now?: () => number } = {}) {
    this.#cache = new ExpiringCache({
      max: options.max ?? 10_000,
      ...(options.now ? { now: options.now } : {}),
    })
  }

  get size(): number {
    return this.#cache.size
  }

  /** Records `signature`; false if it was already there (a replay). */
  remember(signature: string, expiresAt: number): boolean {
    if (this.#cache.has(signature)) return false
    this.#cache.set(signature, true, expiresAt)
    return true
  }
}

export interface VerifyOptions {
  /** The raw request body, exactly as received. */
  body: string
  /** The `sanity-webhook-signature` header value. */
  header: string | null | undefined
  secret: string
  /** Accepted distance between the signed timestamp and now, either way. */
  windowMs: number
  /** Current time in epoch ms. */
  now: number
  seen?: SeenSignatures
}

/**
 * Checks a delivery's signature: format, timestamp within the window, HMAC, not seen before.
 *
 * @returns `ok` with the signed timestamp, or the reason for rejecting it
 */
export async function verifySignature(options: VerifyOptions): Promise<SignatureVerdict> {
  const header = options.header?.trim()
  if (!header) return fail('missing', `missing ${SIGNATURE_HEADER} header`)
  let timestamp: number
  try {
    timestamp = decodeSignatureHeader(header).timestamp
  } catch {
    return fail('malformed', `malformed ${SIGNATURE_HEADER} header`)
  }
  if (!Number.isSafeInteger(timestamp) || Math.abs(options.now - timestamp) > options.windowMs) {
    return fail(
      'stale',
      `signature timestamp is outside the ${Math.round(options.windowMs / 1000)} s replay window`,
    )
  }
  let expected: string
  try {
    expected = await encodeSignatureHeader(options.body, timestamp, options.secret)
  } catch {
    // @sanity/webhook refuses empty payloads and pre-2021 timestamps: neither can be valid.
    return fail('invalid', 'signature does not match the body')
  }
  if (!constantTimeEqual(expected, header)) return fail('invalid', 'signature does not match the body')
  if (options.seen && !options.seen.remember(header, timestamp + options.windowMs + 1_000)) {
    return fail('replayed', 'this exact signature was already accepted (replay)')
  }
  return { ok: true, timestamp }
}

function fail(reason: SignatureFailure, message: string): SignatureVerdict {
  return { ok: false, reason, message }
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
