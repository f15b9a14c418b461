/*
 * The live source: a Sanity project read through @sanity/client.
 *
 * Site queries are not sent to the Content Lake one by one. The source pulls the published documents
 * of the content types page by page, by `_id` cursor, into memory, and answers every query with the
 * embedded groq-js source over that copy (the "mirror"). So:
 *   - results are identical to the bundled-dataset build by construction (same evaluator, same data
 *     shape), whatever the queries look like;
 *   - all queries of one build see the same moment of the dataset, even while editors publish;
 *   - a 50k-document pull holds one page of raw response at a time besides the mirror itself.
 * Drafts never get in: every request uses the `published` perspective, and ids with `drafts.` or
 * `versions.` are dropped again on arrival.
 *
 * `fetchRemote` sends one query straight to the Content Lake (small queries such as the dataset
 * fingerprint); `fetchChanged` pulls only what a webhook says changed, plus what references it.
 */
import { createClient, type SanityClient } from '@sanity/client'
import * as siteQueries from '../queries.ts'
import {
  type CheckedDocument,
  createValidator,
  type ReferenceMemo,
  type ValidationReport,
} from '../validate/validate.ts'
import { createEmbeddedSource, type EmbeddedSource } from './embedded.ts'
import {
  CHANGED_DOCUMENTS_FILTER,
  type ChangedDocuments,
  compareIds,
  type IncrementalSource,
  publishedIdsOf,
  splitChanged,
} from './live/changes.ts'
import type { SanityConnection } from './live/config.ts'
import { DEFAULT_RETRY, LiveSourceError, type RetryOptions, withRetries } from './live/retry.ts'
import { isPublishedId } from './published.ts'
import type { RowMemo } from './row-memo.ts'
import type { QueryParams, SanityDocument } from './types.ts'

/**
 * Document types copied into the mirror: the content model's document types (schemas/documents/).
 * A query over any other type would find nothing in the mirror; a test keeps this list in step with
 * the schema.
 */
export const MIRRORED_TYPES: readonly string[] = [
  'article',
  'author',
  'castCredit',
  'network',
  'person',
  'season',
  'show',
  'statusEvent',
]

/** Documents per page for mirror and incremental pulls. */
export const DEFAULT_PAGE_SIZE = 1000

/** Ids per request for incremental pulls (keeps `references($ids)` queries small). */
const IDS_PER_REQUEST = 200

export interface SanitySourceOptions {
  /** Documents per page (default {@link DEFAULT_PAGE_SIZE}). */
  pageSize?: number
  /** Types pulled into the mirror (default {@link MIRRORED_TYPES}). */
  types?: readonly string[]
  /** Timeouts and retries; tests shrink the delays. */
  retry?: Partial<RetryOptions>
  /** Called after each page of a pull, e.g. for progress lines. */
  onPage?: (page: PageEvent) => void
}

export interface PageEvent {
  /** `mirror` or `changed`. */
  pull: string
  page: number
  documents: number
  /** Documents pulled so far in this pull. */
  total: number
}

export interface SanitySource extends IncrementalSource {
  /** Where requests go, e.g. `https://abc123.apicdn.sanity.io/v2025-02-19/data/query/production`. */
  readonly endpoint: string
  /** `sanity:<projectId>/<dataset>`, for build reports and messages. */
  readonly origin: string
  /** Answers GROQ over the published mirror; the first call pulls it. */
  fetch<Result = unknown>(query: string, params?: QueryParams): Promise<Result>
  /** The mirror itself: every published document of the mirrored types, in `_id` order. */
  fetchAll(): Promise<SanityDocument[]>
  /**
   * Sends one query to the Content Lake (published perspective, with retries). For small queries only:
   * the result comes back in one response.
   *
   * @param name for error messages and the request tag; defaults to the query's name in scripts/queries.ts
   */
  fetchRemote<Result = unknown>(query: string, params?: QueryParams, name?: string): Promise<Result>
  /** The given documents and those referencing them, paged by `_id`; nothing else is requested. */
  fetchChanged(ids: readonly string[]): Promise<ChangedDocuments>
  /** What validation found in the current mirror (see scripts/validate); `undefined` until it is pulled. */
  readonly validation: ValidationReport | undefined
  /** Forgets the mirror; the next `fetch` pulls a fresh one. */
  refresh(): void
  /**
   * Brings a mirror already pulled up to date without pulling it again: lists `_id`, `_rev` and
   * `_updatedAt` of every published document of the mirrored types, then pulls only the documents
   * that are new or whose revision differs, and drops those that are gone. Whatever webhooks did or
   * did not announce, the mirror then equals a fresh pull. Without a mirror it pulls one.
   *
   * @returns how many documents were pulled and dropped (`pulled: -1`: a full pull)
   */
  sync(): Promise<{ pulled: number; removed: number }>
}

/**
 * Creates the live source. Nothing is requested until the first query.
 *
 * @param connection project, dataset, API version, token, host and CDN choice (see `sanityConnectionFromEnv`)
 * @param options paging, mirrored types and retry policy
 */
export function createSanitySource(
  connection: SanityConnection,
  options: SanitySourceOptions = {},
): SanitySource {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer`)
  const types = [...(options.types ?? MIRRORED_TYPES)]
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry }
  const client = createSanityClient(connection)
  const config = client.config()
  const endpoint = `${connection.useCdn ? config.cdnUrl : config.url}/data/query/${connection.dataset}`
  const origin = `sanity:${connection.projectId}/${connection.dataset}`
  const description = `Sanity project ${connection.projectId}, dataset ${connection.dataset} (${connection.useCdn ? 'API CDN' : 'live API'})`

  /** One request, with timeout and retries. */
  function request<Result>(name: string, query: string, params: QueryParams, tag: string): Promise<Result> {
    return withRetries(
      name,
      (signal) => client.fetch<Result>(query, params, { signal, tag, returnQuery: false }),
      retry,
    )
  }

  /**
   * Pages `*[filter]` by `_id` cursor: `*[(filter) && _id > $pageCursor] | order(_id) [0...pageSize]`.
   * Each page is requested only after the previous one was handed on, so at most one raw page is alive.
   */
  async function* pages(
    pull: string,
    filter: string,
    params: QueryParams,
    projection = '',
  ): AsyncGenerator<SanityDocument[]> {
    const query = `*[(${filter}) && _id > $pageCursor] | order(_id) [0...${pageSize}]${projection}`
    let cursor = ''
    let total = 0
    for (let page = 1; ; page += 1) {
      const name = `${pull} page ${page}${cursor === '' ? '' : ` after ${cursor}`}`
      const batch = await request<unknown>(name, query, { ...params, pageCursor: cursor }, pull)
      const documents = checkPage(name, batch, cursor)
      total += documents.length
      options.onPage?.({ pull, page, documents: documents.length, total })
      yield documents.filter((document) => isPublishedId(document._id))
      const last = documents.at(-1)
      if (documents.length < pageSize || last === undefined) return
      cursor = last._id
    }
  }

  async function pullMirror(): Promise<SanityDocument[]> {
    const documents: SanityDocument[] = []
    for await (const page of pages('mirror', '_type in $types', { types })) {
      for (const document of page) documents.push(document)
    }
    if (documents.length === 0) {
      throw new LiveSourceError(
        `Sanity returned no published documents of the types ${types.join(', ')} from project ${connection.projectId}, dataset ${connection.dataset}: check SANITY_DATASET, and set SANITY_READ_TOKEN if the dataset is private (anonymous reads of a private dataset see nothing)`,
        { queryName: 'mirror', kind: 'empty', attempts: 1 },
      )
    }
    return documents
  }

  let mirror: Promise<{ documents: SanityDocument[]; source: EmbeddedSource }> | undefined
  let validation: ValidationReport | undefined
  // A synced mirror keeps the objects of unchanged documents: what was found checking them, and
  // the query rows made of them, hold until they change (see createValidator, row-memo.ts).
  const checked = new WeakMap<SanityDocument, CheckedDocument>()
  const references: ReferenceMemo = new WeakMap()
  const rows: RowMemo = new WeakMap()
  /** The same gate as the dataset file: invalid documents never reach a query. */
  function validatedSource(documents: readonly SanityDocument[]): EmbeddedSource {
    const validator = createValidator({ referenceMemo: references })
    for (const document of documents) {
      const known = checked.get(document)
      if (known) validator.addChecked(known)
      else checked.set(document, validator.add(document))
    }
    const validated = validator.finish()
    return {
      ...createEmbeddedSource({ file: origin, documents: validated.documents }, { rows }),
      validation: validated.report,
    }
  }
  function loadMirror() {
    if (!mirror) {
      const pending = pullMirror().then((documents) => {
        const source = validatedSource(documents)
        if (mirror === pending) validation = source.validation
        return { documents, source }
      })
      mirror = pending
      // A failed pull is never reused: the next call starts again from the first page.
      pending.catch(() => {
        if (mirror === pending) mirror = undefined
      })
    }
    return mirror
  }

  return {
    description,
    endpoint,
    origin,
    async fetch<Result>(query: string, params: QueryParams = {}): Promise<Result> {
      const { source } = await loadMirror()
      return source.fetch<Result>(query, params)
    },
    async fetchAll() {
      return (await loadMirror()).documents
    },
    get validation() {
      return validation
    },
    fetchRemote<Result>(query: string, params: QueryParams = {}, name?: string): Promise<Result> {
      const label = name ?? queryName(query)
      return request<Result>(label, query, params, requestTag(label))
    },
    async fetchChanged(ids) {
      const published = publishedIdsOf(ids)
      const found: SanityDocument[] = []
      for (let start = 0; start < published.length; start += IDS_PER_REQUEST) {
        const chunk = published.slice(start, start + IDS_PER_REQUEST)
        for await (const page of pages('changed', CHANGED_DOCUMENTS_FILTER, { ids: chunk })) {
          for (const document of page) found.push(document)
        }
      }
      return splitChanged(published, found)
    },
    refresh() {
      mirror = undefined
      validation = undefined
    },
    async sync() {
      if (!mirror) {
        await loadMirror()
        return { pulled: -1, removed: 0 }
      }
      const { documents: current } = await mirror
      const known = new Map(current.map((document) => [document._id, document]))
      const listed = new Set<string>()
      const stale: string[] = []
      for await (const page of pages(
        'revisions',
        '_type in $types',
        { types },
        '{_id, _type, _rev, _updatedAt}',
      )) {
        for (const entry of page) {
          listed.add(entry._id)
          const mine = known.get(entry._id)
          if (!mine || mine._rev !== entry._rev || mine._updatedAt !== entry._updatedAt) stale.push(entry._id)
        }
      }
      const pulled = new Map<string, SanityDocument>()
      for (let start = 0; start < stale.length; start += IDS_PER_REQUEST) {
        const ids = stale.slice(start, start + IDS_PER_REQUEST)
        for await (const page of pages('changed', '_id in $ids && _type in $types', { ids, types })) {
          for (const document of page) pulled.set(document._id, document)
        }
      }
      const removed = current.filter((document) => !listed.has(document._id)).length
      if (pulled.size === 0 && removed === 0) return { pulled: 0, removed: 0 }
      const documents = current
        .filter((document) => listed.has(document._id) && !pulled.has(document._id))
        .concat([...pulled.values()])
        .sort((a, b) => compareIds(a._id, b._id))
      const source = validatedSource(documents)
      mirror = Promise.resolve({ documents, source })
      validation = source.validation
      return { pulled: pulled.size, removed }
    },
  }
}

/**
 * The @sanity/client instance behind the source: published perspective, no client-side retries (the
 * source retries), and the project id in the path header instead of the hostname when `apiHost` is set.
 */
export function createSanityClient(connection: SanityConnection): SanityClient {
  return createClient({
    projectId: connection.projectId,
    dataset: connection.dataset,
    apiVersion: connection.apiVersion,
    useCdn: connection.useCdn,
    perspective: 'published',
    maxRetries: 0,
    // Deadlines come from the retry loop's per-attempt AbortSignal.
    timeout: 0,
    requestTagPrefix: 'reel-status',
    ...(connection.token ? { token: connection.token } : {}),
    ...(connection.apiHost ? { apiHost: connection.apiHost, useProjectHostname: false } : {}),
  })
}

function checkPage(name: string, batch: unknown, cursor: string): SanityDocument[] {
  const invalid = (detail: string) =>
    new LiveSourceError(`Sanity query "${name}" returned an unexpected result: ${detail}`, {
      queryName: name,
      kind: 'invalid-response',
      attempts: 1,
    })
  if (!Array.isArray(batch)) throw invalid(`expected an array of documents, got ${typeof batch}`)
  let previous = cursor
  for (const item of batch) {
    const document = item as Partial<SanityDocument> | null
    if (typeof document?._id !== 'string' || typeof document._type !== 'string') {
      throw invalid('a document without string _id and _type')
    }
    // The cursor must move forward, or paging would repeat or skip documents.
    if (!(document._id > previous)) throw invalid(`documents out of _id order at ${document._id}`)
    previous = document._id
  }
  return batch as SanityDocument[]
}

const namesByQuery = new Map<string, string>(
  Object.entries(siteQueries as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, query]) => [query, name]),
)

/** A query's export name in scripts/queries.ts, else its first words. */
export function queryName(query: string): string {
  const known = namesByQuery.get(query)
  if (known) return known
  const compact = query.replace(/\s+/g, ' ').trim()
  return compact.length > 60 ? `${compact.slice(0, 57)}...` : compact
}

function requestTag(name: string): string {
  return (
    name
      .replace(/[^a-z0-9._-]+/gi, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'query'
  )
}
