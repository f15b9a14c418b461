import { copyFile, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeSignatureHeader } from '@sanity/webhook'
import { afterAll } from 'vitest'
import { createLogger, type Logger } from '../../scripts/publish/log.ts'
import {
  type Publisher,
  type PublisherOptions,
  type PublisherStatus,
  startPublisher,
} from '../../scripts/publish/publisher.ts'

export const SECRET = 'test-webhook-secret'
export const ARTICLE_ID = 'article-partner-track-season-2'
export const ARTICLE_PATH = '/articles/partner-track-season-2-cancelled/'

export interface Workspace {
  dir: string
  dataset: string
  out: string
  releases: string
}

const created: string[] = []
// Registered when a test file imports this module; runs after the file's own afterAll hooks.
afterAll(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true })
})

/** A temp directory with a copy of the bundled dataset (removed after the test file). */
export async function workspace(): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'reel-publish-'))
  created.push(dir)
  const dataset = join(dir, 'data.ndjson')
  await copyFile('content/data.ndjson', dataset)
  return { dir, dataset, out: join(dir, '_site'), releases: join(dir, '.builds') }
}

type Doc = Record<string, unknown> & { _id: string }

/** Rewrites the dataset atomically (as an export replacing the file would). */
export async function editDataset(file: string, edit: (docs: Doc[]) => Doc[] | undefined): Promise<void> {
  const docs = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Doc)
  const next = edit(docs) ?? docs
  const temp = `${file}.tmp-${Math.random().toString(16).slice(2)}`
  await writeFile(temp, `${next.map((doc) => JSON.stringify(doc)).join('\n')}\n`)
  await rename(temp, file)
}

/** Sets a document field and bumps `_updatedAt`, like a publish in the Studio. */
export function setField(file: string, id: string, field: string, value: unknown): Promise<void> {
  return editDataset(file, (docs) => {
    const doc = docs.find((d) => d._id === id)
    if (!doc) throw new Error(`no ${id}`)
    doc[field] = value
    doc._updatedAt = new Date().toISOString()
    return docs
  })
}

export interface PostOptions {
  secret?: string
  timestamp?: number
  idempotencyKey?: string
  signature?: string | null
  headers?: Record<string, string>
}

export async function sign(body: string, secret = SECRET, timestamp = Date.now()): Promise<string> {
  return encodeSignatureHeader(body, timestamp, secret)
}

/** POSTs a webhook the way Sanity does: JSON body, signature header, idempotency key. */
export async function postWebhook(
  baseUrl: string,
  payload: unknown,
  options: PostOptions = {},
): Promise<Response> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload)
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
  const signature =
    options.signature === undefined ? await sign(body, options.secret, options.timestamp) : options.signature
  if (signature !== null) headers['sanity-webhook-signature'] = signature
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey
  return fetch(`${baseUrl}/api/sanity-webhook`, { method: 'POST', headers, body })
}

export const payloadFor = (id: string, operation = 'update', type = 'article') => ({
  _id: id,
  _type: type,
  slug: null,
  operation,
})

export async function status(baseUrl: string): Promise<PublisherStatus> {
  const response = await fetch(`${baseUrl}/api/status`)
  return (await response.json()) as PublisherStatus
}

export async function page(baseUrl: string, path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}${path}`)
  return { status: response.status, text: await response.text() }
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 15_000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/** A publisher on a free localhost port over a workspace, with test-friendly timings. */
export async function startTestPublisher(
  ws: Workspace,
  overrides: Partial<PublisherOptions> = {},
): Promise<Publisher> {
  return startPublisher({
    source: { kind: 'dataset', dataset: ws.dataset },
    out: ws.out,
    port: 0,
    host: '127.0.0.1',
    webhook: { secret: SECRET },
    debounceMs: 100,
    reconcileIntervalMs: 0,
    ...overrides,
  })
}

/** Starts a publisher and waits for its first build to be live. */
export async function startReady(
  ws: Workspace,
  overrides: Partial<PublisherOptions> = {},
): Promise<Publisher> {
  const publisher = await startTestPublisher(ws, overrides)
  await publisher.idle()
  return publisher
}

/** A debug logger that pushes every record it logs into `events`, parsed. */
export function eventLogger<T>(events: T[]): Logger {
  return createLogger({
    level: 'debug',
    stream: { write: (line: string) => events.push(JSON.parse(line) as T) },
  })
}

/** A debug logger that pushes the message of every build step into `steps`. */
export function stepLogger(steps: string[]): Logger {
  return createLogger({
    level: 'debug',
    stream: {
      write: (line: string) => {
        const record = JSON.parse(line) as { event: string; message?: string }
        if (record.event === 'build.step' && record.message) steps.push(record.message)
      },
    },
  })
}
