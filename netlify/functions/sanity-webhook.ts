/*
 * Netlify Function (v2, Fetch API): Sanity webhook → Netlify build hook.
 *
 * Verifies deliveries exactly like the self-hosted receiver (scripts/publish/webhook.ts: signature
 * over the raw body with @sanity/webhook, replay window, seen signatures, idempotency key, body
 * limit, drafts ignored), then POSTs the build hook in NETLIFY_BUILD_HOOK_URL. The hook body
 * carries the changed document ids; the build sees it as INCOMING_HOOK_BODY.
 *
 * Reached at /api/sanity-webhook through the `/api/*` redirect in netlify.toml. Signature and
 * idempotency memory live per function instance (best effort across instances); the replay window
 * still bounds what a captured request is worth.
 *
 * Environment: SANITY_WEBHOOK_SECRET (required), NETLIFY_BUILD_HOOK_URL (required),
 * SANITY_WEBHOOK_ENABLED=false (kill switch), SANITY_WEBHOOK_REPLAY_WINDOW (default 5m),
 * SANITY_WEBHOOK_MAX_BYTES (default 102400).
 */
import { parseBoolean, parseDuration } from '../../scripts/publish/env.ts'
import { IdempotencyStore } from '../../scripts/publish/idempotency.ts'
import { DEFAULT_MAX_BODY_BYTES, HttpError, readRequestBody } from '../../scripts/publish/limits.ts'
import { createLogger, errorMessage, type Logger } from '../../scripts/publish/log.ts'
import { SeenSignatures, SIGNATURE_HEADER } from '../../scripts/publish/signature.ts'
import {
  type Delivery,
  evaluateWebhook,
  preflightWebhook,
  replyHeaders,
  type WebhookReply,
  type WebhookSettings,
  type WebhookState,
} from '../../scripts/publish/webhook.ts'

export interface HandlerDeps {
  env: () => Record<string, string | undefined>
  fetch: typeof fetch
  now: () => number
  seen: SeenSignatures
  idempotency: IdempotencyStore
  logger: Logger
  /** Build hook request timeout; default 10 s. */
  hookTimeoutMs?: number
}

export function settingsFromEnv(env: Record<string, string | undefined>): WebhookSettings {
  return {
    enabled: parseBoolean(env.SANITY_WEBHOOK_ENABLED, 'SANITY_WEBHOOK_ENABLED', true),
    secret: env.SANITY_WEBHOOK_SECRET?.trim() || undefined,
    insecure: false,
    windowMs: parseDuration(env.SANITY_WEBHOOK_REPLAY_WINDOW ?? '5m', 's', 'SANITY_WEBHOOK_REPLAY_WINDOW'),
    maxBodyBytes:
      Number(env.SANITY_WEBHOOK_MAX_BYTES) > 0
        ? Number(env.SANITY_WEBHOOK_MAX_BYTES)
        : DEFAULT_MAX_BODY_BYTES,
    enableHint:
      "set SANITY_WEBHOOK_SECRET in the site's environment variables (Functions scope) and redeploy",
  }
}

export function createWebhookHandler(deps: HandlerDeps): (request: Request) => Promise<Response> {
  const state: WebhookState = { seen: deps.seen, idempotency: deps.idempotency, now: deps.now }
  const { logger } = deps

  return async (request) => {
    const env = deps.env()
    let settings: WebhookSettings
    try {
      settings = settingsFromEnv(env)
    } catch (error) {
      logger.error('webhook.misconfigured', { error: errorMessage(error) })
      return respond({ status: 500, body: { status: 'error', message: 'webhook receiver is misconfigured' } })
    }
    const pre = preflightWebhook(
      {
        method: request.method,
        contentType: request.headers.get('content-type'),
        contentLength: request.headers.get('content-length'),
      },
      settings,
    )
    if (pre) {
      logger.warn(pre.body.status === 'disabled' ? 'webhook.disabled' : 'webhook.rejected', {
        status: pre.status,
        reason: pre.body.message,
      })
      return respond(pre)
    }
    const hook = env.NETLIFY_BUILD_HOOK_URL?.trim()
    if (!hook) {
      logger.warn('webhook.disabled', { reason: 'NETLIFY_BUILD_HOOK_URL is not set' })
      return respond({
        status: 503,
        body: { status: 'disabled', message: 'no build hook: set NETLIFY_BUILD_HOOK_URL and redeploy' },
      })
    }

    let body: string
    try {
      body = await readRequestBody(request, settings.maxBodyBytes)
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 400
      logger.warn('webhook.rejected', { status, reason: errorMessage(error) })
      return respond({ status, body: { status: 'rejected', message: errorMessage(error) } })
    }

    const outcome = await evaluateWebhook(
      {
        body,
        signature: request.headers.get(SIGNATURE_HEADER),
        idempotencyKey: request.headers.get('idempotency-key'),
      },
      settings,
      state,
    )
    if (outcome.kind === 'reply') {
      logger[outcome.reply.status >= 400 ? 'warn' : 'info'](outcome.event, {
        status: outcome.reply.status,
        reason: outcome.reason,
      })
      return respond(outcome.reply)
    }

    const { delivery } = outcome
    const key = delivery.idempotencyKey
    try {
      await triggerBuild(hook, delivery, deps)
    } catch (error) {
      // Let Sanity retry: forget the key so the retry is not taken for a duplicate.
      if (key) deps.idempotency.release(key)
      logger.error('webhook.hook-failed', { error: errorMessage(error), idempotencyKey: key })
      return respond({
        status: 502,
        body: { status: 'error', message: 'the build hook could not be called; retry later' },
      })
    }
    if (key) deps.idempotency.commit(key)
    logger.info('webhook.accepted', {
      documentId: delivery.ids[0],
      type: delivery.type,
      operation: delivery.operation,
      idempotencyKey: key,
    })
    return respond({ status: 202, body: { status: 'accepted', message: 'build hook triggered' } })
  }
}

async function triggerBuild(hook: string, delivery: Delivery, deps: HandlerDeps): Promise<void> {
  const url = new URL(hook)
  const label = [delivery.operation, delivery.ids[0]]
    .filter(Boolean)
    .join(' ')
    .replace(/[^\w .:-]/g, '')
  url.searchParams.set('trigger_title', `Sanity webhook${label ? `: ${label}` : ''}`.slice(0, 120))
  const response = await deps.fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      source: 'sanity-webhook',
      ids: delivery.ids,
      type: delivery.type ?? null,
      operation: delivery.operation ?? null,
      idempotencyKey: delivery.idempotencyKey ?? null,
    }),
    signal: AbortSignal.timeout(deps.hookTimeoutMs ?? 10_000),
  })
  await response.body?.cancel()
  if (!response.ok) throw new Error(`build hook answered ${response.status}`)
}

function respond(reply: WebhookReply): Response {
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers: replyHeaders(reply) })
}

export default createWebhookHandler({
  env: () => process.env,
  fetch: (...args) => fetch(...args),
  now: Date.now,
  seen: new SeenSignatures(),
  idempotency: new IdempotencyStore(),
  logger: createLogger(),
})
