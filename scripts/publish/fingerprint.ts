import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { DatasetFingerprintQueryResult } from '../../sanity.types.ts'
import { type DatasetSource, openDatasetSource } from '../build/incremental/dataset-source.ts'
import { datasetFingerprintQuery } from '../queries.ts'
import type { ContentSource, QueryParams } from '../source/index.ts'
import { ndjsonDigest } from '../source/ndjson.ts'
import { type OpenedSource, openSource, type SourceKind } from '../source/open.ts'

/*
 * A cheap summary of the source's published state, stored with every release: document count and
 * newest `_updatedAt` (any publish, edit or delete moves one of them), plus, for dataset files, a
 * hash of the file (so hand edits that keep `_updatedAt` count too). It is read *before* the content,
 * or (an ndjson file loaded through the cache) from the very bytes loaded, so a change racing with a
 * build makes the stored fingerprint older or exact, never newer: the next reconciliation then
 * rebuilds instead of missing the change.
 */

export interface Fingerprint {
  count: number
  lastUpdatedAt: string | null
  /** Content hash of the dataset file (dataset sources only; see `datasetContentHash`). */
  contentHash?: string
}

export interface SourceSpec {
  kind: SourceKind
  /** Dataset file (dataset sources), absolute. */
  dataset: string
}

export function sameFingerprint(
  a: Fingerprint | null | undefined,
  b: Fingerprint | null | undefined,
): boolean {
  if (!a || !b) return false
  return a.count === b.count && a.lastUpdatedAt === b.lastUpdatedAt && a.contentHash === b.contentHash
}

export interface OpenedWithFingerprint {
  opened: OpenedSource
  fingerprint: Fingerprint
  /** A live mirror kept from the previous build and brought up to date (see `SanitySource.sync`). */
  synced?: { pulled: number; removed: number }
}

/** The live source's mirror, which can be brought up to date instead of pulled again. */
interface SyncableSource extends ContentSource {
  sync(): Promise<{ pulled: number; removed: number }>
}

/** A dataset source opened `reloadable`: it reads only what changed, and hashes the file as it reads. */
function isReloadable(source: ContentSource): source is DatasetSource {
  const dataset = source as Partial<DatasetSource>
  return typeof dataset.reload === 'function' && dataset.contentHash !== undefined
}

/** A dataset source counts what the fingerprint query asks when it loads. */
function hasSummary(source: ContentSource): source is Pick<DatasetSource, 'summary'> & ContentSource {
  return 'summary' in source
}

function isSyncable(source: ContentSource): source is SyncableSource {
  return typeof (source as Partial<SyncableSource>).sync === 'function'
}

/**
 * Opens the source fresh and reads its fingerprint first. `reuse` is the previous build's source, in
 * a worker process that stays up: a dataset file is not read again while its content hash is unchanged
 * (the same bytes load into the same documents, and queries never change them), and is reloaded
 * (only changed lines parsed and checked, see `DatasetSource.reload`) when it changed; a live mirror is
 * synced (only new, changed and deleted documents are requested) instead of pulled again.
 * `cacheDir`: load a dataset file through the build cache (see `openDatasetSource`). `named`: the
 * published documents a change is for, so that a reload reads only their lines when it can (see
 * `ReloadOptions`).
 * Publisher builds never use the API CDN: a lagging CDN could otherwise publish content older
 * than what is already live.
 */
export async function openWithFingerprint(
  spec: SourceSpec,
  reuse?: OpenedWithFingerprint,
  options: { cacheDir?: string | false | undefined; named?: readonly string[] | undefined } = {},
): Promise<OpenedWithFingerprint> {
  if (spec.kind === 'sanity' && reuse && isSyncable(reuse.opened.source)) {
    const fingerprint = await queryFingerprint(reuse.opened.source)
    const synced = await reuse.opened.source.sync()
    return { opened: reuse.opened, fingerprint, synced }
  }
  // An ndjson file loads through the cache as the build CLI loads it (a stream, long fields on disk),
  // hashed as it is read (the hash is of exactly the bytes loaded); the file the previous build read
  // is reloaded instead, parsing and checking only the lines that changed (`DatasetSource.reload`).
  if (spec.kind === 'dataset' && options.cacheDir && !isArchive(spec.dataset)) {
    const sameFile = reuse?.opened.origin === spec.dataset
    const source =
      sameFile && reuse && isReloadable(reuse.opened.source)
        ? await reuse.opened.source.reload(options.named ? { named: options.named } : {})
        : await openDatasetSource(spec.dataset, options.cacheDir, { reloadable: true })
    const contentHash = source.contentHash ?? (await datasetContentHash(spec.dataset))
    if (sameFile && reuse?.fingerprint.contentHash === contentHash) return reuse
    return {
      opened: { source, origin: spec.dataset },
      fingerprint: { ...(await queryFingerprint(source)), contentHash },
    }
  }
  const contentHash = spec.kind === 'dataset' ? await datasetContentHash(spec.dataset) : undefined
  if (
    contentHash !== undefined &&
    reuse?.fingerprint.contentHash === contentHash &&
    reuse.opened.origin === spec.dataset
  )
    return reuse
  const opened =
    spec.kind === 'dataset' && options.cacheDir
      ? { source: await openDatasetSource(spec.dataset, options.cacheDir), origin: spec.dataset }
      : await openSource({ kind: spec.kind, dataset: spec.dataset, useCdn: false })
  const counted = await queryFingerprint(opened.source)
  return { opened, fingerprint: contentHash ? { ...counted, contentHash } : counted }
}

/**
 * The source's fingerprint, for reconciliation. A dataset file whose bytes hash as `known` says is
 * not loaded at all (the same bytes give the same fingerprint): a check of an unchanged 300 MB file is
 * one read, not a parse of every document in the server process.
 *
 * @param known the fingerprint of the last build, if any
 */
export async function probeFingerprint(spec: SourceSpec, known: Fingerprint | null): Promise<Fingerprint> {
  if (spec.kind === 'dataset' && known?.contentHash !== undefined) {
    if ((await datasetContentHash(spec.dataset)) === known.contentHash) return known
  }
  return (await openWithFingerprint(spec)).fingerprint
}

/** A source that can send one small query straight to the Content Lake (the live source). */
interface RemoteQuerySource extends ContentSource {
  fetchRemote<Result = unknown>(query: string, params?: QueryParams, name?: string): Promise<Result>
}

function canQueryRemotely(source: ContentSource): source is RemoteQuerySource {
  return typeof (source as Partial<RemoteQuerySource>).fetchRemote === 'function'
}

/**
 * Runs the fingerprint query (a dataset source counted its answer when it loaded). The live source answers `fetch` from a full mirror of the dataset,
 * so there the query goes to the Content Lake directly: a reconciliation check is one small request,
 * not a dataset download.
 */
export async function queryFingerprint(source: ContentSource): Promise<Fingerprint> {
  const summary = hasSummary(source) ? source.summary : undefined
  if (summary) return { ...summary }
  const result = canQueryRemotely(source)
    ? await source.fetchRemote<DatasetFingerprintQueryResult>(datasetFingerprintQuery)
    : await source.fetch<DatasetFingerprintQueryResult>(datasetFingerprintQuery)
  return { count: result?.count ?? 0, lastUpdatedAt: result?.lastUpdatedAt ?? null }
}

/**
 * The content hash of a dataset file: for ndjson, the {@link LineDigest} its reload computes as it
 * reads; for an export archive, the sha256 of its bytes.
 */
export function datasetContentHash(file: string): Promise<string> {
  return isArchive(file) ? hashFile(file) : ndjsonDigest(file)
}

function isArchive(file: string): boolean {
  return /\.(tar\.gz|tgz)$/i.test(file)
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
  })
}

/** What `stat` says of a file: enough to tell that it was replaced or written since. */
export interface FileState {
  dev: bigint
  ino: bigint
  size: bigint
  mtimeNs: bigint
  ctimeNs: bigint
}

/**
 * The state of a file now; `undefined` when it cannot be read.
 *
 * @param file path of the file
 */
export async function fileStateOf(file: string): Promise<FileState | undefined> {
  try {
    const { dev, ino, size, mtimeNs, ctimeNs } = await stat(file, { bigint: true })
    return { dev, ino, size, mtimeNs, ctimeNs }
  } catch {
    return undefined
  }
}

/** True when both states are known and alike: same file, same size, same change times. */
export function sameFileState(a: FileState | undefined, b: FileState | undefined): boolean {
  if (!a || !b) return false
  return (
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeNs === b.mtimeNs &&
    a.ctimeNs === b.ctimeNs
  )
}
