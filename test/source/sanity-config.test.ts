import { readdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchSnapshot } from '../../scripts/site-data/snapshot.ts'
import { openSource } from '../../scripts/source/index.ts'
import { DEFAULT_API_VERSION, sanityConnectionFromEnv } from '../../scripts/source/live/config.ts'
import { backoff, parseRetryAfter } from '../../scripts/source/live/retry.ts'
import { createSanitySource, MIRRORED_TYPES, queryName } from '../../scripts/source/sanity.ts'
import { type ContentLakeDouble, startContentLakeDouble } from '../support/content-lake-double.ts'
import { BUNDLED_DATASET, NOW } from './support.ts'

const base = { SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'production' }

describe('sanityConnectionFromEnv', () => {
  it('reads the SANITY_* variables with a dated API version by default', () => {
    expect(sanityConnectionFromEnv(base, true)).toEqual({
      projectId: 'abc123',
      dataset: 'production',
      apiVersion: DEFAULT_API_VERSION,
      token: undefined,
      apiHost: undefined,
      useCdn: true,
    })
    expect(DEFAULT_API_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const full = sanityConnectionFromEnv(
      {
        ...base,
        SANITY_API_VERSION: 'v2026-01-15',
        SANITY_READ_TOKEN: ' sk-secret ',
        SANITY_API_HOST: 'https://sanity-proxy.example.com/cms/',
      },
      false,
    )
    expect(full).toMatchObject({
      apiVersion: '2026-01-15',
      token: 'sk-secret',
      apiHost: 'https://sanity-proxy.example.com/cms',
      useCdn: false,
    })
  })

  it('names every problem at once', () => {
    expect(() => sanityConnectionFromEnv({}, false)).toThrow(
      'cannot read the live Sanity project: SANITY_PROJECT_ID and SANITY_DATASET must be set',
    )
    expect(() =>
      sanityConnectionFromEnv(
        {
          SANITY_PROJECT_ID: 'abc.123',
          SANITY_DATASET: 'Prod',
          SANITY_API_VERSION: 'latest',
          SANITY_API_HOST: 'ftp://x',
        },
        false,
      ),
    ).toThrow(
      /SANITY_PROJECT_ID "abc\.123".*; SANITY_DATASET "Prod".*; SANITY_API_VERSION "latest".*; SANITY_API_HOST must be an http\(s\) URL/,
    )
  })

  it('refuses to send a token over plain http except to localhost', () => {
    const env = { ...base, SANITY_READ_TOKEN: 'sk', SANITY_API_HOST: 'http://proxy.example.com' }
    expect(() => sanityConnectionFromEnv(env, false)).toThrow(/would travel unencrypted/)
    expect(sanityConnectionFromEnv({ ...env, SANITY_API_HOST: 'http://127.0.0.1:4000' }, false).apiHost).toBe(
      'http://127.0.0.1:4000',
    )
    expect(
      sanityConnectionFromEnv({ ...base, SANITY_API_HOST: 'http://proxy.example.com' }, false).apiHost,
    ).toBe('http://proxy.example.com')
  })
})

describe('createSanitySource', () => {
  const connection = sanityConnectionFromEnv({ ...base, SANITY_READ_TOKEN: 'sk-secret' }, true)

  it('reads through the API CDN for scheduled builds and the live API for webhook builds', () => {
    expect(createSanitySource(connection).endpoint).toBe(
      `https://abc123.apicdn.sanity.io/v${DEFAULT_API_VERSION}/data/query/production`,
    )
    expect(createSanitySource({ ...connection, useCdn: false }).endpoint).toBe(
      `https://abc123.api.sanity.io/v${DEFAULT_API_VERSION}/data/query/production`,
    )
  })

  it('puts no project id in the hostname when SANITY_API_HOST is set', () => {
    const source = createSanitySource({ ...connection, apiHost: 'https://proxy.example.com/cms' })
    expect(source.endpoint).toBe(
      `https://proxy.example.com/cms/v${DEFAULT_API_VERSION}/data/query/production`,
    )
  })

  it('never shows the token', () => {
    const source = createSanitySource(connection)
    expect(`${source.description} ${source.origin} ${source.endpoint}`).not.toContain('sk-secret')
    expect(source.origin).toBe('sanity:abc123/production')
  })

  it('mirrors every document type of the content model', async () => {
    const schemaTypes = (await readdir('schemas/documents')).map((file) => file.replace(/\.ts$/, '')).sort()
    expect([...MIRRORED_TYPES].sort()).toEqual(schemaTypes)
  })

  it('names site queries by their export name', () => {
    expect(queryName('*[_type == "x"]')).toBe('*[_type == "x"]')
    expect(
      queryName(`*[\n  _type == "a very long query" && defined(slug.current) && more == "conditions"]`),
    ).toMatch(/^\*\[ _type == "a very long query" && defined\(slug\.current\).{0,20}\.\.\.$/)
  })
})

describe('retry helpers', () => {
  it('parses Retry-After', () => {
    expect(parseRetryAfter('7')).toBe(7000)
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(30_000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter(undefined)).toBeUndefined()
  })

  it('backs off between half and all of the doubling ceiling, and never under Retry-After', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1_000 }
    expect(backoff(1, { ...policy, random: () => 0 })).toBe(50)
    expect(backoff(3, { ...policy, random: () => 0.999_999 })).toBe(400)
    expect(backoff(10, { ...policy, random: () => 0 })).toBe(500)
    expect(backoff(1, { ...policy, random: () => 0 }, 2_000)).toBe(2_000)
  })
})

describe('openSource({kind: "sanity"})', () => {
  let lake: ContentLakeDouble
  beforeAll(async () => {
    lake = await startContentLakeDouble({ file: BUNDLED_DATASET, projectId: 'abc123' })
  })
  afterAll(async () => {
    await lake?.close()
  })

  it('opens the live source from the environment, without a request', async () => {
    const env = { ...base, SANITY_API_HOST: lake.url }
    const { source, origin } = await openSource({ kind: 'sanity', dataset: 'ignored.ndjson', env })
    expect(origin).toBe('sanity:abc123/production')
    expect(source.description).toBe('Sanity project abc123, dataset production (live API)')
    expect(lake.requests).toHaveLength(0)
    const snapshot = await fetchSnapshot(source, NOW)
    expect(snapshot.shows.map((show) => show.slug)).toContain('partner-track')
    expect(lake.requests.every((request) => request.projectHeader === 'abc123')).toBe(true)
  })

  it('uses the CDN only when asked (scheduled builds)', async () => {
    const env = { ...base, SANITY_API_HOST: lake.url }
    const scheduled = await openSource({ kind: 'sanity', dataset: '', env, useCdn: true })
    expect(scheduled.source.description).toMatch(/\(API CDN\)$/)
  })

  it('reports missing settings before any work', async () => {
    await expect(openSource({ kind: 'sanity', dataset: '', env: {} })).rejects.toThrow(
      /SANITY_PROJECT_ID and SANITY_DATASET must be set/,
    )
  })
})
