/*
 * Fault injection: the live source against a Content Lake double that rate-limits, fails, drops
 * connections, truncates bodies and hangs. Delays are recorded, not slept (see `fastRetry`).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { showsQuery } from '../../scripts/queries.ts'
import { LiveSourceError, type RetryEvent } from '../../scripts/source/live/retry.ts'
import { type ContentLakeDouble, type Fault, startContentLakeDouble } from '../support/content-lake-double.ts'
import { BUNDLED_DATASET, fastRetry, liveSourceFor } from './support.ts'

let lake: ContentLakeDouble

beforeAll(async () => {
  lake = await startContentLakeDouble({ file: BUNDLED_DATASET, projectId: 'reel-test' })
})
afterEach(() => lake.reset())
afterAll(async () => {
  await lake?.close()
})

/** A live source with recorded sleeps and retry events. */
function setup(retry: Parameters<typeof fastRetry>[0] = {}, pageSize = 1000) {
  const events: RetryEvent[] = []
  const policy = fastRetry({ onRetry: (event) => events.push(event), ...retry })
  const source = liveSourceFor(lake, { retry: policy, pageSize })
  return { source, sleeps: policy.sleeps, events }
}

const showTitles = async (source: ReturnType<typeof setup>['source']) =>
  (await source.fetch<Array<{ title: string }>>(showsQuery)).map((show) => show.title)

const EXPECTED_TITLES = [
  'Harbor Lights',
  'Partner Track',
  'Static Season',
  'The Glass Orchard',
  'The Long Docket',
]

describe('retries', () => {
  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    lake.inject({ kind: 'status', status: 429, retryAfter: '2' })
    const { source, sleeps, events } = setup()
    expect(await showTitles(source)).toEqual(EXPECTED_TITLES)
    expect(sleeps).toEqual([2000])
    expect(events[0]?.failure).toMatchObject({ kind: 'http', status: 429, retryAfterMs: 2000 })
    expect(lake.requests.map((request) => request.status)).toEqual([429, 200])
  })

  it('reads Retry-After as an HTTP date too', async () => {
    lake.inject({ kind: 'status', status: 429, retryAfter: new Date(Date.now() + 5_000).toUTCString() })
    const { source, sleeps } = setup()
    await source.fetchAll()
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThan(3_000)
    expect(sleeps[0]).toBeLessThanOrEqual(5_000)
  })

  it('backs off exponentially with jitter on 5xx', async () => {
    lake.inject({ kind: 'status', status: 500 }, { times: 3 })
    const { source, sleeps } = setup({ random: () => 0.5 })
    await source.fetchAll()
    // base 10 ms doubling, half fixed and half random (0.5): 10 → 8, 20 → 15, 40 → 30.
    expect(sleeps).toEqual([8, 15, 30])
    expect(lake.requests.map((request) => request.status)).toEqual([500, 500, 500, 200])
  })

  it('caps the backoff', async () => {
    lake.inject({ kind: 'status', status: 503 }, { times: 3 })
    const { source, sleeps } = setup({ random: () => 0.999, maxDelayMs: 15, attempts: 4 })
    await source.fetchAll()
    expect(sleeps).toEqual([10, 15, 15])
  })

  it.each([502, 503, 504, 408])('retries HTTP %i', async (status) => {
    lake.inject({ kind: 'status', status })
    const { source, events } = setup()
    expect(await showTitles(source)).toEqual(EXPECTED_TITLES)
    expect(events.map((event) => event.failure.status)).toEqual([status])
  })

  it.each<[string, Fault, string]>([
    ['a dropped connection', { kind: 'drop' }, 'network'],
    ['a truncated response body', { kind: 'truncate' }, 'network'],
    ['a request that never answers', { kind: 'hang' }, 'timeout'],
    ['a response body that stops half way', { kind: 'stall' }, 'timeout'],
  ])('retries %s', async (_label, fault, kind) => {
    lake.inject(fault)
    const { source, events } = setup({ timeoutMs: 500 })
    expect(await showTitles(source)).toEqual(EXPECTED_TITLES)
    expect(events.map((event) => event.failure.kind)).toEqual([kind])
    expect(lake.requests).toHaveLength(2)
  })

  it('tolerates latency within the deadline without retrying', async () => {
    lake.inject({ kind: 'latency', ms: 60 }, { times: Number.POSITIVE_INFINITY })
    const { source, events } = setup({ timeoutMs: 1_000 })
    expect(await showTitles(source)).toEqual(EXPECTED_TITLES)
    expect(events).toEqual([])
  })

  it('retries just the failing page, keeping the pages already pulled', async () => {
    lake.inject({ kind: 'status', status: 503 }, { skip: 2, times: 2 })
    const { source } = setup({}, 10)
    expect(await source.fetchAll()).toHaveLength(64)
    const cursors = lake.requests.map((request) => request.params.pageCursor)
    expect(cursors[2]).toBe(cursors[3])
    expect(cursors[3]).toBe(cursors[4])
    expect(new Set(cursors).size).toBe(cursors.length - 2)
  })
})

describe('final failures', () => {
  it('names the query, the status and the attempts after a persistent 500', async () => {
    lake.inject({ kind: 'status', status: 500 }, { times: Number.POSITIVE_INFINITY })
    const { source } = setup({ attempts: 4 })
    const error = await source.fetch(showsQuery).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LiveSourceError)
    expect((error as LiveSourceError).message).toBe(
      'Sanity query "mirror page 1" failed with HTTP 500 after 4 attempts: Internal Server Error - An internal server error occurred',
    )
    expect(error).toMatchObject({ queryName: 'mirror page 1', status: 500, attempts: 4, kind: 'http' })
    expect(lake.requests).toHaveLength(4)
  })

  it('names a site query sent directly', async () => {
    lake.inject({ kind: 'status', status: 502 }, { times: Number.POSITIVE_INFINITY })
    const { source } = setup({ attempts: 2 })
    await expect(source.fetchRemote(showsQuery)).rejects.toThrow(
      'Sanity query "showsQuery" failed with HTTP 502 after 2 attempts: Bad Gateway - Bad Gateway',
    )
  })

  it('reports persistent network errors and timeouts', async () => {
    lake.inject({ kind: 'drop' }, { times: Number.POSITIVE_INFINITY })
    await expect(setup({ attempts: 2 }).source.fetchAll()).rejects.toThrow(
      /^Sanity query "mirror page 1" failed after 2 attempts: network error: fetch failed/,
    )
    lake.reset()
    lake.inject({ kind: 'hang' }, { times: Number.POSITIVE_INFINITY })
    await expect(setup({ attempts: 2, timeoutMs: 80 }).source.fetchAll()).rejects.toThrow(
      'Sanity query "mirror page 1" failed after 2 attempts: no complete response within 80 ms',
    )
  })

  it('gives up at once when Retry-After is longer than the build will wait', async () => {
    lake.inject({ kind: 'status', status: 429, retryAfter: '3600' })
    const { source, sleeps } = setup({ maxRetryAfterMs: 60_000 })
    await expect(source.fetchAll()).rejects.toThrow(
      'Sanity query "mirror page 1" failed with HTTP 429 after 1 attempt: Too Many Requests - API rate limit exceeded; server asked to wait 3600s (Retry-After), over the 60s limit',
    )
    expect(sleeps).toEqual([])
  })

  it('does not retry client errors', async () => {
    const wrongDataset = liveSourceFor(lake, { connection: { dataset: 'staging' } })
    await expect(wrongDataset.fetchAll()).rejects.toThrow(
      'Sanity query "mirror page 1" failed with HTTP 404 after 1 attempt: Not Found - Dataset "staging" not found for project ID "reel-test"',
    )
    lake.inject({
      kind: 'status',
      status: 403,
      body: { statusCode: 403, error: 'Forbidden', message: 'nope' },
    })
    await expect(setup().source.fetchAll()).rejects.toMatchObject({ status: 403, attempts: 1 })
  })

  it('never keeps a partly pulled mirror: a later query starts over from the first page', async () => {
    lake.inject({ kind: 'status', status: 500 }, { skip: 2, times: Number.POSITIVE_INFINITY })
    const { source } = setup({ attempts: 3 }, 10)
    await expect(source.fetch(showsQuery)).rejects.toThrow(
      /"mirror page 3 after .*" failed with HTTP 500 after 3 attempts/,
    )
    expect(lake.requests).toHaveLength(2 + 3)

    lake.reset()
    expect(await showTitles(source)).toEqual(EXPECTED_TITLES)
    expect(lake.requests[0]?.params.pageCursor).toBe('')
    expect(lake.requests).toHaveLength(7)
  })

  it('shares one pull between concurrent queries and fails them all alike', async () => {
    lake.inject({ kind: 'status', status: 500 }, { times: Number.POSITIVE_INFINITY })
    const { source } = setup({ attempts: 2 })
    const results = await Promise.allSettled([
      source.fetch(showsQuery),
      source.fetch('count(*)'),
      source.fetchAll(),
    ])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect(lake.requests).toHaveLength(2)
  })
})

describe('private datasets and drafts', () => {
  let privateLake: ContentLakeDouble
  beforeAll(async () => {
    privateLake = await startContentLakeDouble({ file: BUNDLED_DATASET, token: 'sk-right' })
  })
  afterAll(async () => {
    await privateLake?.close()
  })

  it('explains an empty pull: the dataset may be private and need SANITY_READ_TOKEN', async () => {
    const anonymous = liveSourceFor(privateLake)
    await expect(anonymous.fetchAll()).rejects.toThrow(
      /no published documents .* set SANITY_READ_TOKEN if the dataset is private/,
    )
    await expect(anonymous.fetchAll()).rejects.toMatchObject({ kind: 'empty' })
  })

  it('fails at once on a wrong token', async () => {
    const wrong = liveSourceFor(privateLake, { connection: { token: 'sk-wrong' } })
    await expect(wrong.fetchAll()).rejects.toThrow(
      'Sanity query "mirror page 1" failed with HTTP 401 after 1 attempt: Unauthorized - Session not found',
    )
  })

  it('reads drafts nowhere, even with a token that could see them', async () => {
    const reader = liveSourceFor(privateLake, { connection: { token: 'sk-right' } })
    const ids = (await reader.fetchAll()).map((document) => document._id)
    expect(ids).toHaveLength(64)
    expect(ids.filter((id) => id.includes('.'))).toEqual([])
    expect(privateLake.requests.every((request) => request.perspective === 'published')).toBe(true)
  })

  it('drops drafts itself if something between drops the perspective', async () => {
    const leaky = await startContentLakeDouble({ file: BUNDLED_DATASET, ignorePerspective: true })
    try {
      const reader = liveSourceFor(leaky, { connection: { token: 'sk-any' } })
      expect(JSON.stringify(await reader.fetchAll())).not.toContain('drafts.')
      const changed = await reader.fetchChanged(['show-partner-track'])
      expect(changed.referencing.map((document) => document._id)).toContain('article-partner-track-season-2')
      expect(JSON.stringify(changed)).not.toContain('DRAFT')
      expect(leaky.requests.some((request) => (request.resultCount ?? 0) > 64)).toBe(true)
    } finally {
      await leaky.close()
    }
  })
})
