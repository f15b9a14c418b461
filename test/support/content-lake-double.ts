/*
 * A local stand-in for Sanity's Content Lake query API, for tests only.
 *
 * It speaks the protocol @sanity/client uses for `client.fetch()`:
 *   GET  /v{apiVersion}/data/query/{dataset}?query=<groq>&$name=<json>&perspective=published&tag=...
 *   POST /v{apiVersion}/data/query/{dataset}   body {"query": "...", "params": {...}}   (long queries)
 * answers `{query, result, ms}` (no `query` when `returnQuery=false`), and fails the way Sanity does:
 * Boom-style `{statusCode, error, message}` bodies for HTTP-level errors, `{error: {description, type, ...}}`
 * for query errors. Queries are evaluated with groq-js over an ndjson file or an array of documents,
 * drafts included: the perspective decides what a request sees.
 *
 * Switches (`inject`) add latency, HTTP errors (429 with Retry-After, 5xx), dropped connections, truncated
 * bodies and requests that never answer. Every request is recorded for assertions.
 */
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type ExprNode, evaluate, GroqSyntaxError, parse } from 'groq-js'
import { readNdjsonFile } from '../../scripts/source/ndjson.ts'
import type { SanityDocument } from '../../scripts/source/types.ts'

/** One way to misbehave. */
export type Fault =
  /** Answer with this HTTP status and a Sanity-style error body. */
  | { kind: 'status'; status: number; retryAfter?: string; body?: unknown }
  /** Close the connection without answering. */
  | { kind: 'drop' }
  /** Send the headers and half of a correct body, then close the connection. */
  | { kind: 'truncate' }
  /** Send the headers and half of a correct body, then nothing more (until the client gives up). */
  | { kind: 'stall' }
  /** Accept the request and never answer (until the client gives up or the double closes). */
  | { kind: 'hang' }
  /** Answer correctly, `ms` late. */
  | { kind: 'latency'; ms: number }

export interface InjectOptions {
  /** How many matching requests get the fault (default 1; `Infinity` for a permanent fault). */
  times?: number
  /** Let this many matching requests through untouched first. */
  skip?: number
  /** Only requests for which this returns true count as matching. */
  match?: (request: RecordedRequest) => boolean
}

export interface RecordedRequest {
  method: string
  path: string
  apiVersion: string | undefined
  dataset: string | undefined
  query: string | undefined
  params: Record<string, unknown>
  perspective: string | undefined
  tag: string | undefined
  returnQuery: boolean
  /** `X-Sanity-Project-ID` (sent when the client does not put the project in the hostname). */
  projectHeader: string | undefined
  authorization: string | undefined
  /** The fault applied to this request, if any. */
  fault: Fault['kind'] | undefined
  /** HTTP status sent (undefined for dropped or unanswered requests). */
  status: number | undefined
  /** Length of `result` when it was an array. */
  resultCount: number | undefined
  responseBytes: number
}

export interface ContentLakeDoubleOptions {
  /** Raw ndjson export (drafts and all). */
  file?: string
  /** Or the documents themselves. */
  documents?: readonly SanityDocument[]
  projectId?: string
  /** Dataset name served (default `production`); other names get Sanity's 404. */
  dataset?: string
  /**
   * Makes the dataset private: only `Authorization: Bearer <token>` sees documents. Like Sanity, an
   * anonymous query of a private dataset succeeds with no documents; a wrong token is a 401.
   */
  token?: string
  /** Misbehave like a proxy that drops the `perspective` parameter: serve `raw` whatever is asked. */
  ignorePerspective?: boolean
}

export interface ContentLakeDouble {
  /** Base URL, e.g. `http://127.0.0.1:41234`: use as the client's `apiHost`. */
  readonly url: string
  readonly requests: RecordedRequest[]
  /** Most requests being handled at the same time so far. */
  readonly maxInFlight: number
  inject(fault: Fault, options?: InjectOptions): void
  /** Clears faults and recorded requests. */
  reset(): void
  setDocuments(documents: readonly SanityDocument[]): void
  close(): Promise<void>
}

/** Sanity made `published` the default perspective in this API version; older versions default to `raw`. */
const PUBLISHED_BY_DEFAULT_SINCE = '2025-02-19'

interface PendingFault {
  fault: Fault
  remaining: number
  skip: number
  match: ((request: RecordedRequest) => boolean) | undefined
}

class HttpFailure extends Error {
  readonly status: number
  readonly body: unknown
  constructor(status: number, body: unknown) {
    super(`HTTP ${status}`)
    this.status = status
    this.body = body
  }
}

/**
 * Starts the double on a random localhost port.
 *
 * @param options where the documents come from and how the dataset is protected
 */
export async function startContentLakeDouble(
  options: ContentLakeDoubleOptions = {},
): Promise<ContentLakeDouble> {
  const datasetName = options.dataset ?? 'production'
  let documents: readonly SanityDocument[] = options.documents ?? []
  if (options.file) {
    const loaded: SanityDocument[] = []
    for await (const { document } of readNdjsonFile(options.file)) loaded.push(document)
    documents = loaded
  }

  const requests: RecordedRequest[] = []
  let faults: PendingFault[] = []
  let inFlight = 0
  let maxInFlight = 0
  const parsed = new Map<string, ExprNode>()

  const server = createServer((req, res) => {
    inFlight += 1
    maxInFlight = Math.max(maxInFlight, inFlight)
    let counted = true
    const done = () => {
      if (counted) inFlight -= 1
      counted = false
    }
    res.once('close', done)
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, boom(500, 'Internal Server Error', String(error)))
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double.local')
    const body = await readBody(req)
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      apiVersion: undefined,
      dataset: undefined,
      query: undefined,
      params: {},
      perspective: url.searchParams.get('perspective') ?? undefined,
      tag: url.searchParams.get('tag') ?? undefined,
      returnQuery: url.searchParams.get('returnQuery') !== 'false',
      projectHeader: header(req, 'x-sanity-project-id'),
      authorization: header(req, 'authorization'),
      fault: undefined,
      status: undefined,
      resultCount: undefined,
      responseBytes: 0,
    }
    requests.push(record)

    let answer: { status: number; body: unknown; headers?: Record<string, string> }
    try {
      answer = { status: 200, body: await answerQuery(url, req.method ?? 'GET', body, req, record) }
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error
      answer = { status: error.status, body: error.body }
    }

    const fault = takeFault(record)
    record.fault = fault?.kind
    if (fault?.kind === 'latency') await sleep(fault.ms)
    if (fault?.kind === 'drop') {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'hang') return
    if (fault?.kind === 'status') {
      const headers: Record<string, string> =
        fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }
      answer = { status: fault.status, body: fault.body ?? defaultErrorBody(fault.status), headers }
    }

    const text = JSON.stringify(answer.body)
    record.status = answer.status
    record.responseBytes = Buffer.byteLength(text)
    if (fault?.kind === 'truncate' || fault?.kind === 'stall') {
      res.writeHead(answer.status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(text)),
      })
      res.write(text.slice(0, Math.floor(text.length / 2)))
      if (fault.kind === 'truncate') setTimeout(() => req.socket.destroy(), 5)
      return
    }
    send(res, answer.status, text, answer.headers)
  }

  async function answerQuery(
    url: URL,
    method: string,
    body: string,
    req: IncomingMessage,
    record: RecordedRequest,
  ): Promise<unknown> {
    const route = /^\/v([^/]+)\/data\/query\/([^/]+)\/?$/.exec(url.pathname)
    if (!route) throw new HttpFailure(404, boom(404, 'Not Found', 'Not Found'))
    const apiVersion = route[1] ?? ''
    const dataset = decodeURIComponent(route[2] ?? '')
    record.apiVersion = apiVersion
    record.dataset = dataset
    if (!/^(\d{4}-\d{2}-\d{2}|1|X)$/.test(apiVersion)) {
      throw new HttpFailure(400, boom(400, 'Bad Request', `Invalid API version "${apiVersion}"`))
    }
    if (options.projectId && record.projectHeader && record.projectHeader !== options.projectId) {
      throw new HttpFailure(404, boom(404, 'Not Found', `Project ID "${record.projectHeader}" not found`))
    }
    if (dataset !== datasetName) {
      const project = record.projectHeader ?? options.projectId ?? 'unknown'
      throw new HttpFailure(
        404,
        boom(404, 'Not Found', `Dataset "${dataset}" not found for project ID "${project}"`),
      )
    }

    const { query, params } = method === 'POST' ? fromBody(body) : fromSearch(url.searchParams)
    record.query = query
    record.params = params

    const authenticated = authenticate(req)
    const asked = record.perspective ?? (apiVersion >= PUBLISHED_BY_DEFAULT_SINCE ? 'published' : 'raw')
    const perspective = options.ignorePerspective ? 'raw' : asked
    if (perspective !== 'published' && perspective !== 'raw') {
      throw new HttpFailure(
        400,
        badRequest(
          `Perspective "${perspective}" is not supported by the test double (only published and raw)`,
        ),
      )
    }
    const visible = documents.filter((document) => {
      if (options.token && !authenticated) return false
      // Ids with a dot (drafts, versions, private paths) need a token, whatever the perspective.
      if (document._id.includes('.') && !authenticated) return false
      return perspective === 'raw' || !/^(drafts|versions)\./.test(document._id)
    })

    const tree = parseQuery(query, params)
    const byId = new Map(visible.map((document) => [document._id, document]))
    const started = performance.now()
    let result: unknown
    try {
      const value = await evaluate(tree, {
        dataset: visible,
        params,
        dereference: ({ _ref }) => byId.get(_ref),
      })
      result = await value.get()
    } catch (error) {
      throw new HttpFailure(400, {
        error: {
          description: error instanceof Error ? error.message : String(error),
          type: 'queryExecutionError',
        },
      })
    }
    if (Array.isArray(result)) record.resultCount = result.length
    const ms = Math.round(performance.now() - started)
    return record.returnQuery ? { query, result, ms } : { result, ms }
  }

  function authenticate(req: IncomingMessage): boolean {
    const authorization = header(req, 'authorization')
    if (authorization === undefined) return false
    const token = /^Bearer (.+)$/.exec(authorization)?.[1]
    if (options.token !== undefined && token !== options.token) {
      throw new HttpFailure(401, boom(401, 'Unauthorized', 'Session not found'))
    }
    return true
  }

  function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
    let tree = parsed.get(query)
    if (!tree) {
      try {
        tree = parse(query)
      } catch (error) {
        if (!(error instanceof GroqSyntaxError)) throw error
        throw new HttpFailure(400, {
          error: {
            description: error.message,
            start: error.position,
            end: error.position + 1,
            query,
            type: 'queryParseError',
          },
        })
      }
      parsed.set(query, tree)
    }
    for (const name of parameterNames(tree)) {
      if (!(name in params)) {
        throw new HttpFailure(400, {
          error: {
            description: `param $${name} referenced, but not provided`,
            start: 0,
            end: query.length,
            query,
            type: 'queryParseError',
          },
        })
      }
    }
    return tree
  }

  function takeFault(record: RecordedRequest): Fault | undefined {
    for (const pending of faults) {
      if (pending.remaining <= 0) continue
      if (pending.match && !pending.match(record)) continue
      if (pending.skip > 0) {
        pending.skip -= 1
        continue
      }
      pending.remaining -= 1
      return pending.fault
    }
    return undefined
  }

  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight
    },
    inject(fault, injectOptions = {}) {
      faults.push({
        fault,
        remaining: injectOptions.times ?? 1,
        skip: injectOptions.skip ?? 0,
        match: injectOptions.match,
      })
    },
    reset() {
      faults = []
      requests.length = 0
      maxInFlight = 0
    },
    setDocuments(next) {
      documents = next
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function fromSearch(search: URLSearchParams): { query: string; params: Record<string, unknown> } {
  const query = search.get('query')
  if (query === null) throw new HttpFailure(400, badRequest('Missing query parameter "query"'))
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(value)
    } catch {
      throw new HttpFailure(
        400,
        badRequest(`Unable to parse value of "${key}=${value}". Please quote string values.`),
      )
    }
  }
  return { query, params }
}

function fromBody(body: string): { query: string; params: Record<string, unknown> } {
  let parsedBody: unknown
  try {
    parsedBody = JSON.parse(body)
  } catch {
    throw new HttpFailure(400, badRequest('Request body is not valid JSON'))
  }
  const { query, params } = (parsedBody ?? {}) as { query?: unknown; params?: unknown }
  if (typeof query !== 'string') throw new HttpFailure(400, badRequest('Missing "query" in request body'))
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) {
    throw new HttpFailure(400, badRequest('"params" must be an object'))
  }
  return { query, params: (params ?? {}) as Record<string, unknown> }
}

/** Names of every `$param` a query uses. */
function parameterNames(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) parameterNames(item, names)
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>
    if (record.type === 'Parameter' && typeof record.name === 'string') names.add(record.name)
    for (const value of Object.values(record)) parameterNames(value, names)
  }
  return names
}

function boom(statusCode: number, error: string, message: string) {
  return { statusCode, error, message }
}

function badRequest(description: string) {
  return { error: { description, type: 'httpBadRequest' } }
}

function defaultErrorBody(status: number): unknown {
  if (status === 429) return boom(429, 'Too Many Requests', 'API rate limit exceeded')
  if (status === 502) return boom(502, 'Bad Gateway', 'Bad Gateway')
  if (status === 503) return boom(503, 'Service Unavailable', 'Service Unavailable')
  if (status === 504) return boom(504, 'Gateway Timeout', 'Gateway Timeout')
  if (status >= 500) return boom(status, 'Internal Server Error', 'An internal server error occurred')
  return boom(status, 'Bad Request', 'Bad Request')
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  })
  res.end(text)
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
