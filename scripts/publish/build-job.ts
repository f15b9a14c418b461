import { mkdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { prepareNextLookups } from '../build/cache.ts'
import { siteConfigFromEnv } from '../build/config.ts'
import { type PreparedManifest, prepareNextPlan } from '../build/incremental/manifest.ts'
import { filesUnder, linkFiles, type PreparedTree, syncTree } from '../build/incremental/tree.ts'
import { renderSite, StrictModeError } from '../build/pipeline.ts'
import type { Progress } from '../build/progress.ts'
import { buildSearchIndex, SEARCH_INDEX_DIR } from '../build/search.ts'
import { SiteDataMemo } from '../site-data/memo.ts'
import {
  type FileState,
  type Fingerprint,
  fileStateOf,
  type OpenedWithFingerprint,
  openWithFingerprint,
  type SourceSpec,
  sameFileState,
} from './fingerprint.ts'

/*
 * One publisher build, as run inside the build worker process: read the source's fingerprint,
 * render the complete site into a fresh directory (`renderSite` checks it), and look up when the
 * next scheduled article is due.
 */

/** The source the previous build in this process read (a dataset file, or the live mirror). */
let previousSource: OpenedWithFingerprint | undefined
/** Site data of the previous build, for what the next one makes from the same inputs. */
const siteDataMemo = new SiteDataMemo()
/** The dataset file as a read job read it, with the file's state from just before (see `ReadJob`). */
let readAhead: { read: OpenedWithFingerprint; state: FileState } | undefined
/** Work the last build left for after its answer (saving the rich-text cache, indexing the manifest for the next plan). */
let afterReply: (() => void) | undefined

/** Runs what the last job left for after its answer (once). */
function runAfterReply(): void {
  const work = afterReply
  afterReply = undefined
  work?.()
}

/**
 * The last build's manifest, made after the answer but not yet written: the publisher moves a
 * build's directory when it publishes it, so the manifest waits for the next job (a
 * {@link FinishJob} once the build is published, else whatever comes next) or for the publisher
 * letting the process go, and is then written into the build's directory wherever that is, known
 * by its identity (see `directoryIdentity`).
 */
let pendingManifest: { manifest: PreparedManifest; identity: string; places: string[] } | undefined

/**
 * Writes the last build's manifest into its directory, where that is now: found among the places
 * it may be by its identity, never into any other directory. A build that was dropped (its
 * directory removed) or moved elsewhere keeps none.
 */
function writePendingManifest(): void {
  const pending = pendingManifest
  pendingManifest = undefined
  if (!pending) return
  for (const place of pending.places) {
    try {
      if (directoryIdentity(place) !== pending.identity) continue
      pending.manifest.write(place, { existing: true })
      return
    } catch {
      // Moved while being written to (the publisher renames it once): the next place.
    }
  }
}

/**
 * A directory's device, inode and birth time, which a rename keeps (the birth time tells apart a
 * new directory given a removed one's inode); undefined when there is none.
 */
function directoryIdentity(dir: string): string | undefined {
  const stats = statSync(dir, { bigint: true, throwIfNoEntry: false })
  return stats?.isDirectory() ? `${stats.dev}:${stats.ino}:${stats.birthtimeNs}` : undefined
}

/** Finishes what the last build left: its work after the answer, then its manifest. */
export function finishLastBuild(): void {
  runAfterReply()
  writePendingManifest()
}

/** Sends a message to the publisher (the parent process); resolves once it is written. */
export function sendToParent(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve()
    process.send(message, undefined, {}, () => resolve())
  })
}

/**
 * Answers one job as the build worker does: its progress, then its result, or its error after which
 * the process exits (a failed build may have left anything behind). What the job left for after its
 * answer (saving the cache) runs while the publisher publishes.
 */
export async function answerJob(job: AnyJob): Promise<void> {
  try {
    runAfterReply()
    const result = await runWorkerJob(job, (message) => void sendToParent(message))
    await sendToParent({ type: 'result', result, rssBytes: process.memoryUsage.rss() })
    runAfterReply()
  } catch (error) {
    await sendToParent(describeFailure(error))
    process.exit(1)
  }
}

export interface WorkerJob {
  source: SourceSpec
  /** Fresh directory to render into (absolute). */
  dir: string
  /** The live release: unchanged pages are reused from it (see scripts/build/incremental.ts). */
  previous?: string
  /** Rendered rich-text cache directory, `false` for none. */
  cacheDir?: string | false
  strict: boolean
  /** Published document ids the merged webhooks named; for incremental rebuilds. */
  changedIds: string[]
  /** Some trigger did not name its documents. */
  full: boolean
  reasons: string[]
  /**
   * `later`: no search index is built; the previous release's index is linked in (one publish
   * behind) and the publisher indexes the live release afterwards with a {@link SearchJob}.
   * Default: built with the pages.
   */
  search?: 'with-pages' | 'later'
  /** A hard-linked copy of `previous` made ahead of time (see `PreparedTree`); consumed when used. */
  tree?: PreparedTree | undefined
  /**
   * The dataset file this process read last in a {@link ReadJob} stands for every request of this
   * build, so it is used as it was read while the file's state is the same (else it is read as usual).
   */
  readAhead?: boolean
  /**
   * Where the publisher moves `dir` when it publishes the build (absolute): the build's manifest,
   * written after the answer, goes wherever the build's directory is by then.
   */
  release?: string
}

/**
 * Reads the dataset file ahead of a build (the publisher sends one while a webhook's quiet period
 * runs: the file is written before the webhook is sent), so that the build finds it read.
 */
export interface ReadJob {
  task: 'read'
  source: SourceSpec
  /** As the build's (`WorkerJob.cacheDir`). */
  cacheDir?: string | false
  /** The documents the requests it stands for named, if every one named its documents. */
  changedIds?: string[]
}

export interface ReadResult {
  /** False when there is nothing to read ahead (the live source, or no build cache). */
  read: boolean
}

/**
 * Finishes what the last build left once the publisher has published it: its manifest is written
 * into the release (other processes copy the release next, for search and the next build's tree).
 */
export interface FinishJob {
  task: 'finish'
}

export interface FinishResult {
  finished: true
}

/** Every job the build worker takes. */
export type AnyJob = WorkerJob | SearchJob | TreeJob | ReadJob | FinishJob
/** What a job of each kind answers. */
export type AnyResult = WorkerResult | SearchResult | TreeResult | ReadResult | FinishResult

/** Indexes a published release for search: a copy of it (hard links) with a fresh Pagefind index. */
export interface SearchJob {
  task: 'search'
  /** The release to index (absolute). */
  from: string
  /** Fresh directory for the indexed copy (absolute, same filesystem). */
  dir: string
  /**
   * A fresh directory to link the new index into as well (same filesystem): the publisher puts it
   * into the copy prepared for the next build, whose index is the release's older one.
   */
  indexCopy?: string
}

export interface SearchResult {
  /** Pages in the index. */
  indexed: number
  /** Files of the index linked into the job's `indexCopy`, relative to it. */
  indexCopy?: string[]
}

/** Makes a hard-linked copy of a release for the next build to settle into (see `PreparedTree`). */
export interface TreeJob {
  task: 'tree'
  /** The release to copy (absolute). */
  from: string
  /** Fresh directory for the copy (absolute, same filesystem). */
  dir: string
  /**
   * An older copy no longer in use (a pruned release, moved aside) to bring up to date at `dir`
   * instead of linking every file anew; it is moved to `dir` first.
   */
  base?: string
}

export interface TreeResult {
  /** Every file of the copy. */
  files: string[]
  /** The copy was the job's `base` brought up to date. */
  reused?: boolean
}

export interface WorkerResult {
  pages: number
  /** HTML files in the build. */
  htmlPages: number
  /** The job's `tree` became the build (else it is left as it was). */
  usedTree: boolean
  warnings: string[]
  fingerprint: Fingerprint
  nextScheduledAt: string | null
  origin: string
  builtAt: string
}

export type WorkerMessage =
  | { type: 'step'; message: string }
  | { type: 'warning'; message: string }
  | {
      type: 'result'
      result: AnyResult
      /** The worker's resident size as it answered, in bytes (the host replaces a process grown too large). */
      rssBytes?: number
    }
  | { type: 'error'; name: string; message: string; details?: string[] }

/** Runs any kind of job the worker receives. */
export function runWorkerJob(job: AnyJob, report: (message: WorkerMessage) => void): Promise<AnyResult> {
  // Sent once the publisher has published (or dropped) the last build: its manifest goes in now.
  finishLastBuild()
  if (!('task' in job)) return runBuildJob(job, report)
  if (job.task === 'finish') return Promise.resolve({ finished: true })
  if (job.task === 'read') return runReadJob(job)
  return job.task === 'search' ? runSearchJob(job, report) : runTreeJob(job, report)
}

/** Reads the dataset file as the next build would (see {@link ReadJob}). */
export async function runReadJob(job: ReadJob): Promise<ReadResult> {
  readAhead = undefined
  if (job.source.kind !== 'dataset' || !job.cacheDir) return { read: false }
  // Taken before reading: a change while the file is read shows as a different state afterwards.
  const state = await fileStateOf(job.source.dataset)
  const read = await openWithFingerprint(job.source, previousSource, {
    cacheDir: job.cacheDir,
    named: job.changedIds,
  })
  previousSource = read
  if (state) readAhead = { read, state }
  return { read: true }
}

/**
 * The source for a build: what a read job read when it stands for this build's requests and the file
 * is as it was then, else the file (or the live mirror) read again.
 */
async function currentSource(job: WorkerJob, progress: Progress): Promise<OpenedWithFingerprint> {
  const ahead = readAhead
  readAhead = undefined
  if (
    job.readAhead &&
    ahead &&
    job.source.kind === 'dataset' &&
    ahead.read.opened.origin === job.source.dataset &&
    sameFileState(ahead.state, await fileStateOf(job.source.dataset))
  ) {
    progress.step(`dataset read ahead of the build and unchanged since; using it${linesRead(ahead.read)}`)
    return ahead.read
  }
  progress.step(job.source.kind === 'dataset' ? `loading ${job.source.dataset}` : 'connecting to Sanity')
  const current = await openWithFingerprint(job.source, previousSource, {
    cacheDir: job.cacheDir,
    named: job.full ? undefined : job.changedIds,
  })
  if (current === previousSource) progress.step('dataset unchanged since the previous build; reusing it')
  else if (job.source.kind === 'dataset') progress.step(`dataset loaded${linesRead(current)}`)
  return current
}

/** How many of a dataset file's lines its load read, and documents it checked, for the log. */
function linesRead({ opened }: OpenedWithFingerprint): string {
  const { linesRead: lines, documentsChecked: checked } = opened.source as {
    linesRead?: number
    documentsChecked?: number
  }
  if (lines === undefined) return ''
  return checked === undefined
    ? ` (${lines} line(s) read)`
    : ` (${lines} line(s) read, ${checked} document(s) checked)`
}

/**
 * Links every file of the release into `dir`, or brings the older copy `base` up to date there: one
 * look at each file instead of a directory and a link per page, most of them already the release's.
 */
export async function runTreeJob(
  job: TreeJob,
  report: (message: WorkerMessage) => void,
): Promise<TreeResult> {
  const files = await filesUnder(job.from)
  if (job.base && moved(job.base, job.dir)) {
    report({
      type: 'step',
      message: `bringing ${job.base} up to date with the ${files.length} files of ${job.from}`,
    })
    const { linked, removed } = syncTree(job.from, job.dir, files)
    report({ type: 'step', message: `linked ${linked} file(s) anew, removed ${removed}` })
    return { files, reused: true }
  }
  report({ type: 'step', message: `linking ${files.length} files of ${job.from}` })
  linkFiles(job.from, job.dir, files)
  return { files }
}

/** Moves `from` to `to`; false when `from` is gone. */
function moved(from: string, to: string): boolean {
  try {
    renameSync(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/**
 * Indexes the release where it is, writing the index into `dir`, then links every other file of the
 * release beside it (and the index into `indexCopy`, when asked). The release is only read: a job
 * cancelled while indexing, as most are while edits follow one another, leaves nothing to delete
 * but what Pagefind had written.
 */
export async function runSearchJob(
  job: SearchJob,
  report: (message: WorkerMessage) => void,
): Promise<SearchResult> {
  report({ type: 'step', message: 'indexing pages for search with Pagefind' })
  const written = join(job.dir, SEARCH_INDEX_DIR)
  const { pages } = await buildSearchIndex(job.from, siteConfigFromEnv().language, written)
  const files = await filesUnder(job.from)
  report({ type: 'step', message: `linking ${files.length} files of ${job.from}` })
  const index = `${SEARCH_INDEX_DIR}/`
  linkFiles(
    job.from,
    job.dir,
    files.filter((file) => !file.startsWith(index)),
  )
  if (!job.indexCopy) return { indexed: pages }
  const indexFiles = await filesUnder(written)
  mkdirSync(job.indexCopy, { recursive: true })
  linkFiles(written, job.indexCopy, indexFiles)
  return { indexed: pages, indexCopy: indexFiles }
}

export async function runBuildJob(
  job: WorkerJob,
  report: (message: WorkerMessage) => void,
): Promise<WorkerResult> {
  // The cache the last build left to save is the one this build opens; its manifest, the one it reads.
  finishLastBuild()
  const now = new Date()
  const progress = {
    step: (message: string) => report({ type: 'step', message }),
    warn: (message: string) => report({ type: 'warning', message }),
  }
  const current = await currentSource(job, progress)
  if (current.synced)
    progress.step(
      `live mirror synced: ${current.synced.pulled} document(s) pulled, ${current.synced.removed} removed`,
    )
  // Kept for the next build: a dataset file while unchanged, the live mirror to sync.
  previousSource = current
  const { opened, fingerprint } = current
  // The site is always computed from the source's current state (payloads are not trusted); the
  // previous release only saves re-rendering pages whose data is unchanged, whatever the ids said.
  const rendered = await renderSite(
    {
      source: opened.source,
      origin: opened.origin,
      site: siteConfigFromEnv(),
      now,
      strict: job.strict,
      progress,
      ...(job.previous ? { previous: job.previous } : {}),
      ...(job.changedIds.length > 0 ? { changed: job.changedIds } : {}),
      ...(job.cacheDir !== undefined ? { cacheDir: job.cacheDir } : {}),
      ...(job.search === 'later' ? { search: false } : {}),
      ...(job.tree && job.previous ? { tree: job.tree } : {}),
      saveLater: true,
      memo: siteDataMemo,
    },
    job.dir,
  )
  const identity = directoryIdentity(job.dir)
  afterReply = () => {
    rendered.saveCache()
    const manifest = rendered.manifest?.()
    if (manifest && identity)
      pendingManifest = { manifest, identity, places: job.release ? [job.dir, job.release] : [job.dir] }
    prepareNextPlan(manifest?.manifest)
    prepareNextLookups()
  }
  // Search keeps working, one publish behind, until the publisher indexes this release (a prepared
  // tree kept the previous index already).
  if (job.search === 'later' && job.previous && !rendered.usedTree) {
    const previousIndex = join(job.previous, SEARCH_INDEX_DIR)
    const files = await filesUnder(previousIndex).catch(() => [])
    linkFiles(previousIndex, join(job.dir, SEARCH_INDEX_DIR), files)
  }
  return {
    pages: rendered.pages,
    htmlPages: rendered.htmlPages,
    usedTree: rendered.usedTree,
    warnings: rendered.warnings.map((warning) => warning.message),
    fingerprint,
    nextScheduledAt: rendered.nextScheduledAt,
    origin: opened.origin,
    builtAt: now.toISOString(),
  }
}

/** The error message for the parent, with strict-mode warnings listed. */
export function describeFailure(error: unknown): Extract<WorkerMessage, { type: 'error' }> {
  if (error instanceof StrictModeError) {
    return {
      type: 'error',
      name: error.name,
      message: error.message,
      details: error.warnings.map((w) => w.message),
    }
  }
  if (error instanceof Error) return { type: 'error', name: error.name, message: error.message }
  return { type: 'error', name: 'Error', message: String(error) }
}
