import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { HttpError, readNodeBody } from './limits.ts'
import type { Logger } from './log.ts'
import { SIGNATURE_HEADER } from './signature.ts'
import type { StaticSite } from './static.ts'
import {
  type Delivery,
  evaluateWebhook,
  preflightWebhook,
  replyHeaders,
  type WebhookReply,
  type WebhookSettings,
  type WebhookState,
} from './webhook.ts'

/*
 * The publisher's HTTP server: `POST /api/sanity-webhook`, `GET /api/status`, and the current
 * release as a static site for everything else.
 */

export const WEBHOOK_PATH = '/api/sanity-webhook'
export const STATUS_PATH = '/api/status'

export interface ServerDeps {
  site: StaticSite
  webhook: WebhookSettings
  webhookState: WebhookState
  /** Queues a build for a verified delivery; false when the publisher is shutting down. */
  accept: (delivery: Delivery) => boolean
  status: () => Promise<unknown>
  /** Counts webhook answers for /api/status. */
  count: (kind: 'accepted' | 'duplicate' | 'ignored' | 'rejected' | 'disabled') => void
  logger: Logger
}

export function createPublishServer(deps: ServerDeps): Server {
  const server = createServer((req, res) => {
    handle(req, res, deps).catch((error: unknown) => {
      deps.logger.error('http.error', { path: req.url, error })
      if (!res.headersSent) sendJson(res, 500, { status: 'error', message: 'internal error' })
      else res.destroy()
    })
  })
  // Slow clients must not hold connections: Sanity gives up after 30 s anyway.
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000
  server.keepAliveTimeout = 5_000
  return server
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/'
  if (path === WEBHOOK_PATH) return handleWebhook(req, res, deps)
  if (path === STATUS_PATH) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { status: 'rejected', message: 'use GET' }, { Allow: 'GET, HEAD' })
    }
    return sendJson(res, 200, await deps.status())
  }
  if (path === '/api' || path.startsWith('/api/')) {
    return sendJson(res, 404, { status: 'rejected', message: `no API endpoint ${path}` })
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
    return void res.end('Method not allowed\n')
  }
  return deps.site.handle(req, res)
}

async function handleWebhook(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const { logger, webhook } = deps
  const ip = req.socket.remoteAddress
  const pre = preflightWebhook(
    {
      method: req.method ?? 'GET',
      contentType: header(req, 'content-type'),
      contentLength: header(req, 'content-length'),
    },
    webhook,
  )
  if (pre) {
    discardBody(req, webhook.maxBodyBytes)
    deps.count(pre.body.status === 'disabled' ? 'disabled' : 'rejected')
    logger.warn(pre.body.status === 'disabled' ? 'webhook.disabled' : 'webhook.rejected', {
      status: pre.status,
      reason: pre.body.message,
      ip,
    })
    return sendReply(res, pre)
  }

  let raw: Buffer
  try {
    raw = await readNodeBody(req, webhook.maxBodyBytes)
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 400
    const message = error instanceof Error ? error.message : 'bad request'
    deps.count('rejected')
    logger.warn('webhook.rejected', { status, reason: message, ip })
    return sendReply(res, { status, body: { status: 'rejected', message } })
  }

  const outcome = await evaluateWebhook(
    {
      body: raw.toString('utf8'),
      signature: header(req, SIGNATURE_HEADER),
      idempotencyKey: header(req, 'idempotency-key'),
    },
    webhook,
    deps.webhookState,
  )
  if (outcome.kind === 'reply') {
    const kind = outcome.reply.body.status
    deps.count(kind === 'error' ? 'rejected' : kind)
    const level = kind === 'rejected' ? 'warn' : 'info'
    logger[level](outcome.event, { status: outcome.reply.status, reason: outcome.reason, ip })
    return sendReply(res, outcome.reply)
  }

  const { delivery } = outcome
  const key = delivery.idempotencyKey
  if (!deps.accept(delivery)) {
    if (key) deps.webhookState.idempotency.release(key)
    deps.count('disabled')
    logger.warn('webhook.refused', { reason: 'shutting down', idempotencyKey: key })
    return sendReply(res, {
      status: 503,
      body: { status: 'disabled', message: 'the publisher is shutting down; retry later' },
      headers: { 'Retry-After': '30' },
    })
  }
  if (key) deps.webhookState.idempotency.commit(key)
  deps.count('accepted')
  logger[webhook.insecure ? 'warn' : 'info']('webhook.accepted', {
    documentId: delivery.ids[0],
    type: delivery.type,
    operation: delivery.operation,
    idempotencyKey: key,
    signed: delivery.signedAt !== undefined,
    ip,
  })
  return sendReply(res, outcome.reply)
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name]
  if (value === undefined) return null
  return Array.isArray(value) ? value.join(', ') : value
}

/** Lets a client finish sending a body we will not read, up to a cap, so it can read the answer. */
function discardBody(req: IncomingMessage, maxBytes: number): void {
  let size = 0
  const cap = Math.max(maxBytes * 10, 1024 * 1024)
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size > cap) req.destroy()
  })
  req.resume()
}

function sendReply(res: ServerResponse, reply: WebhookReply): void {
  const body = JSON.stringify(reply.body)
  res.writeHead(reply.status, { ...replyHeaders(reply), 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = `${JSON.stringify(value, null, 2)}\n`
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  })
  res.end(body)
}
