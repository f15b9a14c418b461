import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_API_VERSION, type SanityConnection } from '../../scripts/source/live/config.ts'
import type { RetryOptions } from '../../scripts/source/live/retry.ts'
import {
  createSanitySource,
  type SanitySource,
  type SanitySourceOptions,
} from '../../scripts/source/sanity.ts'
import type { SanityDocument } from '../../scripts/source/types.ts'
import type { ContentLakeDouble } from '../support/content-lake-double.ts'

export const BUNDLED_DATASET = 'content/data.ndjson'

/** The moment the contract suite builds at (the bundled content was last verified the same day). */
export const NOW = new Date('2026-11-30T00:00:00Z')

/** Retry settings for tests: no real waiting, delays recorded in `sleeps`. */
export function fastRetry(
  overrides: Partial<RetryOptions> = {},
): Partial<RetryOptions> & { sleeps: number[] } {
  const sleeps: number[] = []
  return {
    sleeps,
    attempts: 4,
    baseDelayMs: 10,
    maxDelayMs: 80,
    timeoutMs: 2_000,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...overrides,
  }
}

export function connectionTo(
  double: ContentLakeDouble,
  overrides: Partial<SanityConnection> = {},
): SanityConnection {
  return {
    projectId: 'reel-test',
    dataset: 'production',
    apiVersion: DEFAULT_API_VERSION,
    token: undefined,
    apiHost: double.url,
    useCdn: false,
    ...overrides,
  }
}

/** The live source pointed at a Content Lake double, with test-sized retries. */
export function liveSourceFor(
  double: ContentLakeDouble,
  options: SanitySourceOptions & { connection?: Partial<SanityConnection> } = {},
): SanitySource {
  const { connection, ...rest } = options
  return createSanitySource(connectionTo(double, connection), { retry: fastRetry(), ...rest })
}

export async function readRawDocuments(file: string): Promise<SanityDocument[]> {
  const text = await readFile(file, 'utf8')
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SanityDocument)
}

/**
 * Edge cases added to the bundled dataset for the contract suite: a scheduled article, a show without
 * a slug, drafts and a release version of published documents, unicode and case in sort keys, ties,
 * and missing fields.
 */
export const CONTRACT_EXTRAS: SanityDocument[] = [
  {
    _id: 'article-contract-scheduled',
    _type: 'article',
    _rev: 'r1',
    _createdAt: '2026-11-29T09:00:00Z',
    _updatedAt: '2026-11-29T09:00:00Z',
    title: 'Scheduled for later',
    slug: { _type: 'slug', current: 'scheduled-for-later' },
    show: { _type: 'reference', _ref: 'show-partner-track' },
    publishedAt: '2027-01-01T08:00:00Z',
    isSample: true,
  },
  {
    _id: 'show-contract-no-slug',
    _type: 'show',
    _rev: 'r1',
    _createdAt: '2026-11-29T09:00:00Z',
    _updatedAt: '2026-11-29T09:00:00Z',
    title: 'No slug yet',
    isSample: true,
  },
  {
    _id: 'person-contract-emile',
    _type: 'person',
    _rev: 'r1',
    _createdAt: '2026-11-29T09:00:00Z',
    _updatedAt: '2026-11-29T09:00:00Z',
    name: 'Émile Ørsted',
    slug: { _type: 'slug', current: 'emile-orsted' },
    isSample: true,
  },
  {
    _id: 'person-contract-lowercase',
    _type: 'person',
    _rev: 'r1',
    _createdAt: '2026-11-29T09:00:00Z',
    _updatedAt: '2026-11-29T09:00:00Z',
    name: 'bell hooks',
    slug: { _type: 'slug', current: 'bell-hooks' },
    isSample: true,
  },
  {
    _id: 'castCredit-contract-no-order',
    _type: 'castCredit',
    _rev: 'r1',
    _createdAt: '2026-11-29T09:00:00Z',
    _updatedAt: '2026-11-29T09:00:00Z',
    show: { _type: 'reference', _ref: 'show-partner-track' },
    person: { _type: 'reference', _ref: 'person-contract-emile' },
    characterName: 'Narrator "the Voice" & co',
    billing: 'guest',
    isSample: true,
  },
  {
    _id: 'statusEvent-contract-tie',
    _type: 'statusEvent',
    _rev: 'r1',
    _createdAt: '2026-11-29T09:00:00Z',
    _updatedAt: '2026-11-29T10:00:00Z',
    show: { _type: 'reference', _ref: 'show-partner-track' },
    status: 'cancelled',
    announcedAt: '2022-11-08',
    confidence: 'reported',
    isSample: true,
  },
  {
    _id: 'drafts.show-partner-track',
    _type: 'show',
    _rev: 'd1',
    _createdAt: '2026-11-29T09:00:00Z',
    _updatedAt: '2026-11-29T11:00:00Z',
    title: 'DRAFT Partner Track',
    slug: { _type: 'slug', current: 'partner-track' },
    isSample: false,
  },
  {
    _id: 'versions.r-contract.network-netflix',
    _type: 'network',
    _rev: 'v1',
    _createdAt: '2026-11-29T09:00:00Z',
    _updatedAt: '2026-11-29T11:00:00Z',
    name: 'RELEASE Netflix',
    slug: { _type: 'slug', current: 'netflix' },
    isSample: false,
  },
]

/**
 * Writes the bundled dataset plus {@link CONTRACT_EXTRAS} to a temporary ndjson file, in `_id` order.
 *
 * GROQ's `order()` is stable, so rows that tie on every sort key come out in dataset order: file order
 * for the embedded source, `_id` order for the live source's mirror. Until every list query breaks ties
 * by `_id` (see the report), the two agree on ties only for a file in `_id` order.
 */
export async function writeContractDataset(): Promise<string> {
  const documents = [...(await readRawDocuments(BUNDLED_DATASET)), ...CONTRACT_EXTRAS]
  documents.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  const file = join(await mkdtemp(join(tmpdir(), 'reel-contract-')), 'data.ndjson')
  await writeFile(file, `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`)
  return file
}
