import { isPublishedId } from '../source/published.ts'
import { type ClaimResult, type IdempotencyStore, MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency.ts'
import { declaredTooLarge, isJsonContentType } from './limits.ts'
import { type SeenSignatures, type SignatureFailure, verifySignature } from './signature.ts'

/*
 * What to answer a Sanity webhook delivery, independent of the HTTP server: the self-hosted
 * receiver (Node http) and the Netlify function (Fetch API) both read the request, ask these
 * functions, and act on an accepted delivery (queue a build / call the build hook).
 *
 * The payload is never trusted for content: it only says *which* document changed (for logs and
 * incremental rebuilds) and whether it is a draft or release version (acknowledged, no build).
 * Builds always read the source's current state.
 */

export interface WebhookSettings {
  /** `SANITY_WEBHOOK_ENABLED=false` turns this off: 503, nothing built. */
  enabled: boolean
  secret: string | undefined
  /** Accept unsigned deliveries (local experiments only). */
  insecure: boolean
  windowMs: number
  maxBodyBytes: number
  /** How to turn the endpoint on, for the 503 answer when no secret is configured. */
  enableHint: string
}

export interface WebhookState {
  seen: SeenSignatures
  idempotency: IdempotencyStore
  now: () => number
}

export type ReplyStatus = 'accepted' | 'duplicate' | 'ignored' | 'rejected' | 'disabled' | 'error'

export interface WebhookReply {
  status: number
  body: { status: ReplyStatus; message: string; [field: string]: unknown }
  headers?: Record<string, string>
}

/** A verified delivery that should trigger a build. */
export interface Delivery {
  /** Published document ids this delivery names (one with the recommended projection). */
  ids: string[]
  type?: string
  operation?: string
  idempotencyKey?: string
  /** Signed timestamp (epoch ms); absent for unsigned deliveries in insecure mode. */
  signedAt?: number
}

export type WebhookOutcome =
  | { kind: 'reply'; reply: WebhookReply; event: string; reason?: SignatureFailure | string }
  | { kind: 'accept'; reply: WebhookReply; delivery: Delivery }

/** How the endpoint is configured, for `/api/status` and startup logs. */
export function webhookMode(
  settings: WebhookSettings,
): 'signed' | 'insecure' | 'off-no-secret' | 'off-kill-switch' {
  if (!settings.enabled) return 'off-kill-switch'
  if (settings.insecure) return 'insecure'
  return settings.secret ? 'signed' : 'off-no-secret'
}

/**
 * Checks that need no body: method, kill switch, configuration, content type, declared length.
 *
 * @returns the answer to send, or null to go on and read the body
 */
export function preflightWebhook(
  request: { method: string; contentType: string | null; contentLength: string | null },
  settings: WebhookSettings,
): WebhookReply | null {
  if (request.method !== 'POST') {
    return reply(405, 'rejected', 'use POST', { Allow: 'POST' })
  }
  if (!settings.enabled) {
    return reply(
      503,
      'disabled',
      'webhook publishing is switched off (SANITY_WEBHOOK_ENABLED=false); nothing was built',
    )
  }
  if (!settings.secret && !settings.insecure) {
    return reply(503, 'disabled', `webhook publishing is not configured: ${settings.enableHint}`)
  }
  if (!isJsonContentType(request.contentType)) {
    return reply(415, 'rejected', 'send the webhook as application/json')
  }
  if (declaredTooLarge(request.contentLength, settings.maxBodyBytes)) {
    return reply(413, 'rejected', `body is larger than ${settings.maxBodyBytes} bytes`)
  }
  return null
}

/**
 * Verifies a delivery and decides what to do with it. An accepted delivery has claimed its
 * idempotency key: the caller commits it once the build is queued, or releases it on failure.
 */
export async function evaluateWebhook(
  input: { body: string; signature: string | null; idempotencyKey: string | null },
  settings: WebhookSettings,
  state: WebhookState,
): Promise<WebhookOutcome> {
  let signedAt: number | undefined
  if (!settings.insecure) {
    if (!settings.secret) throw new Error('evaluateWebhook needs a secret unless insecure')
    const verdict = await verifySignature({
      body: input.body,
      header: input.signature,
      secret: settings.secret,
      windowMs: settings.windowMs,
      now: state.now(),
      seen: state.seen,
    })
    if (!verdict.ok) {
      return {
        kind: 'reply',
        event: 'webhook.rejected',
        reason: verdict.reason,
        reply: reply(401, 'rejected', verdict.message),
      }
    }
    signedAt = verdict.timestamp
  }

  const payload = interpretPayload(input.body)
  if (!payload.ok) {
    return {
      kind: 'reply',
      event: 'webhook.rejected',
      reason: 'bad-json',
      reply: reply(400, 'rejected', payload.message),
    }
  }

  const key = input.idempotencyKey?.trim() || undefined
  if (key && key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    return {
      kind: 'reply',
      event: 'webhook.rejected',
      reason: 'bad-key',
      reply: reply(400, 'rejected', 'idempotency-key is too long'),
    }
  }

  if (payload.unpublishedId) {
    // Drafts and release versions never reach the site: acknowledge so Sanity does not retry.
    if (key) state.idempotency.commit(key)
    return {
      kind: 'reply',
      event: 'webhook.ignored',
      reason: 'unpublished',
      reply: reply(
        200,
        'ignored',
        `${payload.unpublishedId} is a draft or release version; nothing to publish`,
      ),
    }
  }

  if (key) {
    const claim: ClaimResult = state.idempotency.claim(key)
    if (claim === 'duplicate') {
      return {
        kind: 'reply',
        event: 'webhook.duplicate',
        reason: 'idempotency-key',
        reply: reply(200, 'duplicate', 'this delivery was already accepted; no new build'),
      }
    }
    if (claim === 'in-flight') {
      return {
        kind: 'reply',
        event: 'webhook.duplicate',
        reason: 'in-flight',
        reply: reply(409, 'rejected', 'this delivery is being handled; retry later', { 'Retry-After': '5' }),
      }
    }
  }

  const delivery: Delivery = { ids: payload.documentId ? [payload.documentId] : [] }
  if (payload.type) delivery.type = payload.type
  if (payload.operation) delivery.operation = payload.operation
  if (key) delivery.idempotencyKey = key
  if (signedAt !== undefined) delivery.signedAt = signedAt
  return { kind: 'accept', delivery, reply: reply(202, 'accepted', 'queued for the next build') }
}

interface Payload {
  ok: true
  documentId?: string
  type?: string
  operation?: string
  unpublishedId?: string
}

/**
 * Reads what the recommended projection `{_id, _type, "slug": slug.current, "operation":
 * delta::operation()}` says. Anything else that is JSON still triggers a full rebuild.
 */
export function interpretPayload(body: string): Payload | { ok: false; message: string } {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return { ok: false, message: 'body is not valid JSON' }
  }
  const result: Payload = { ok: true }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return result
  const record = value as Record<string, unknown>
  const id = shortString(record._id)
  if (id) {
    if (isPublishedId(id)) result.documentId = id
    else result.unpublishedId = id
  }
  const type = shortString(record._type)
  if (type) result.type = type
  const operation = shortString(record.operation)
  if (operation) result.operation = operation
  return result
}

function shortString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined
}

function reply(
  status: number,
  kind: ReplyStatus,
  message: string,
  headers?: Record<string, string>,
): WebhookReply {
  return headers
    ? { status, body: { status: kind, message }, headers }
    : { status, body: { status: kind, message } }
}

/** JSON for a reply; API answers are never cached. */
export function replyHeaders(webhookReply: WebhookReply): Record<string, string> {
  return {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...webhookReply.headers,
  }
}
