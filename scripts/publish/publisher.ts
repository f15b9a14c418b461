import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { type PreparedTree, replaceSubtree } from '../build/incremental/tree.ts'
import { SEARCH_INDEX_DIR } from '../build/search.ts'
import type { FinishResult, ReadResult, SearchResult, TreeResult, WorkerMessage } from './build-job.ts'
import { probeFingerprint, type SourceSpec } from './fingerprint.ts'
import { IdempotencyStore } from './idempotency.ts'
import { DEFAULT_MAX_BODY_BYTES } from './limits.ts'
import { errorMessage, type Logger, silentLogger } from './log.ts'
import { type BuildBatch, BuildQueue, type StopOutcome } from './queue.ts'
import { type Baseline, Reconciler } from './reconciler.ts'
import { type CurrentRelease, newReleaseId, type ReleaseMeta, Releases, validateRelease } from './releases.ts'
import { removeTree } from './remove-tree.ts'
import { BuildCancelledError, BuildFailedError, BuildWorker } from './runner.ts'
import { PublishScheduler } from './scheduler.ts'
import { createPublishServer } from './server.ts'
import { DEFAULT_REPLAY_WINDOW_MS, SeenSignatures } from './signature.ts'
import { createStaticSite } from './static.ts'
import { type WebhookSettings, webhookMode } from './webhook.ts'

/*
 * The self-hosted publisher: wires the HTTP server, the coalescing queue, the build worker, the
 * releases directory, reconciliation and the publish-time scheduler.
 *
 *   webhook ─► verify ─► queue (debounce, merge) ─► worker: render into .builds/.staging-<id>
 *   reconcile/schedule ─┘                             ─► validate ─► .builds/<id> ─► swap _site symlink
 *   then, in a second worker, until the next build: search index (a copy of the release that
 *   replaces it) ─► a hard-linked copy of the live release for the next build to settle into
 */

export interface PublisherOptions {
  source: SourceSpec
  /** Published path: a symlink to the current release. */
  out: string
  /** Releases directory; default `.builds` beside `out`. */
  releasesDir?: string
  /** Releases kept for rollback; default 5. */
  keep?: number
  /** Default 8080; 0 picks a free port. */
  port?: number
  host?: string
  webhook?: {
    secret?: string | undefined
    enabled?: boolean
    insecure?: boolean
    windowMs?: number
    maxBodyBytes?: number
  }
  /** Quiet period before a build starts; default 250 ms. */
  debounceMs?: number
  /**
   * `leading` (default): a webhook after a quiet spell starts its build at once, and webhooks that
   * follow within the quiet period wait for it and go into one next build. `trailing`: every build
   * waits for the quiet period (fewer builds for bursts, each edit later).
   */
  debounceEdge?: 'leading' | 'trailing'
  /** Longest a request waits for its build while requests keep coming; default 10 s. */
  maxWaitMs?: number
  /** Reconciliation interval; default 10 min, 0 = off. */
  reconcileIntervalMs?: number
  strict?: boolean
  /** Smallest accepted share of the current page count; default 0.5, 0 = off. */
  minPageRatio?: number
  /** Default 10 min. */
  buildTimeoutMs?: number
  /** On shutdown, how long a running build may finish before it is cancelled; default 5 s. */
  shutdownGraceMs?: number
  /** Build worker entry (tests inject failing workers). */
  workerPath?: string
  /** The build worker is replaced after a build that left it above this resident size (default 2048 MiB, 0 = never). */
  workerMaxRssMiB?: number
  /**
   * Rendered rich-text cache kept across builds; default `.cache/reel` beside the releases
   * directory's parent, `false` for none.
   */
  cacheDir?: string | false
  logger?: Logger
  /** Clock for signature timestamps and the scheduler. */
  now?: () => number
}

export interface BuildSummary {
  id: string
  at: string
  durationMs: number
  pages: number
  warnings: number
  reasons: string[]
  changedIds: string[]
}

export interface FailureSummary {
  id: string
  at: string
  durationMs: number
  error: string
  details: string[]
  reasons: string[]
}

export interface Publisher {
  readonly url: string
  readonly port: number
  readonly releases: Releases
  status(): Promise<PublisherStatus>
  /** Resolves when no build runs or waits. */
  idle(): Promise<void>
  /** Queues a full rebuild. */
  requestBuild(): void
  /** Graceful shutdown; safe to call more than once. */
  stop(): Promise<{ outcome: StopOutcome; dropped: number }>
}

export type PublisherStatus = Awaited<ReturnType<typeof collectStatus>>

const DEFAULTS = {
  port: 8080,
  keep: 5,
  debounceMs: 250,
  debounceEdge: 'leading',
  maxWaitMs: 10_000,
  reconcileIntervalMs: 10 * 60_000,
  minPageRatio: 0.5,
  buildTimeoutMs: 10 * 60_000,
  shutdownGraceMs: 5_000,
}

interface Runtime {
  releases: Releases
  queue: BuildQueue
  scheduler: PublishScheduler
  reconciler: Reconciler
  settings: WebhookSettings
  startedAt: number
  counters: {
    webhooks: Record<'accepted' | 'duplicate' | 'ignored' | 'rejected' | 'disabled', number>
    builds: Record<'started' | 'succeeded' | 'failed' | 'cancelled', number>
  }
  running: { id: string; since: number; reasons: string[]; changedIds: number } | null
  lastSuccess: BuildSummary | null
  lastFailure: FailureSummary | null
}

export async function startPublisher(options: PublisherOptions): Promise<Publisher> {
  const logger = options.logger ?? silentLogger
  const now = options.now ?? Date.now
  const releases = new Releases({
    link: options.out,
    ...(options.releasesDir ? { root: options.releasesDir } : {}),
    keep: options.keep ?? DEFAULTS.keep,
  })
  for (const path of await releases.init()) logger.info('releases.cleaned', { path })
  const imported = await releases.importDirectory()
  if (imported) logger.info('releases.imported', { id: imported, from: releases.link })

  const newest = (await releases.list()).at(-1)?.meta ?? null
  let baseline: Baseline = {
    fingerprint: newest?.fingerprint ?? null,
    nextScheduledAt: newest?.nextScheduledAt ?? null,
  }

  const settings: WebhookSettings = {
    enabled: options.webhook?.enabled ?? true,
    secret: options.webhook?.secret || undefined,
    insecure: options.webhook?.insecure ?? false,
    windowMs: options.webhook?.windowMs ?? DEFAULT_REPLAY_WINDOW_MS,
    maxBodyBytes: options.webhook?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    enableHint:
      'set SANITY_WEBHOOK_SECRET to the secret of your Sanity webhook and restart (or start with --insecure-no-signature for local experiments only)',
  }
  const webhookState = { seen: new SeenSignatures({ now }), idempotency: new IdempotencyStore({ now }), now }

  const minPageRatio = options.minPageRatio ?? DEFAULTS.minPageRatio
  let shuttingDown = false
  const worker = new BuildWorker({ workerPath: options.workerPath, maxRssMiB: options.workerMaxRssMiB })
  // Search indexes and copies for the next build run in a process of their own, beside the builds,
  // so cancelling them never costs the build worker what it keeps between builds.
  const backgroundWorker = new BuildWorker({ workerPath: options.workerPath })
  const site = createStaticSite(releases.link)
  /**
   * Work that follows a publish (see `afterPublish`): `abort` cancels its search index (the next
   * build does), `stop` all of it (shutdown).
   */
  let background: { abort: AbortController; stop: AbortController; done: Promise<void> } | null = null
  /** A hard-linked copy of the live release, ready for the next build to settle into. */
  let spare: { of: string; tree: PreparedTree } | null = null
  /**
   * The newest pruned release, moved aside: the next copy for a build is made by bringing it up to
   * date (it differs from the live release by a few builds' pages) instead of linking every file
   * into a directory per page.
   */
  let recycled: string | null = null

  const cacheDir = options.cacheDir ?? join(dirname(releases.root), '.cache', 'reel')
  /** The source is a dataset file the worker can read ahead of a build. */
  const readsDataset = options.source.kind === 'dataset' && Boolean(cacheDir)
  /**
   * The build worker reading the dataset file while a webhook's quiet period runs (the file is
   * written before its webhook is sent), so the build starts with it read. It stands for the
   * requests received before it began (`received`): after any later one the build reads the file as
   * usual, as builds for reconciliation do, which catch changes no webhook announced.
   */
  let ahead: { done: Promise<boolean>; received: number } | null = null
  const aheadAbort = new AbortController()
  function readAhead(): void {
    if (ahead || shuttingDown || queue.state.running || !readsDataset) return
    const received = queue.received
    const named = queue.pendingIds()
    ahead = { done: readDataset(logger, 'read-ahead.failed', named), received }
  }

  /**
   * Has the build worker read the dataset file as the next build would (a `ReadJob`): true when it
   * did; on failure `failed` is logged, and the build reads the file itself and reports the problem.
   *
   * @param log where `failed` goes
   * @param failed the event logged (at debug) when the read fails
   * @param changedIds the documents the requests named, when they named them
   * @param onSpawn told the pid when the job starts a process
   */
  function readDataset(
    log: Logger,
    failed: string,
    changedIds?: string[],
    onSpawn?: (pid: number | undefined) => void,
  ): Promise<boolean> {
    if (!cacheDir || options.source.kind !== 'dataset') return Promise.resolve(false)
    return worker
      .run<ReadResult>({
        job: { task: 'read', source: options.source, cacheDir, ...(changedIds ? { changedIds } : {}) },
        signal: aheadAbort.signal,
        timeoutMs: options.buildTimeoutMs ?? DEFAULTS.buildTimeoutMs,
        ...(onSpawn ? { onSpawn } : {}),
      })
      .then(
        (result) => result.read,
        (error: unknown) => {
          log.debug(failed, { error: errorMessage(error) })
          return false
        },
      )
  }

  /**
   * Has the worker write the published build's manifest into the release (it answers first and
   * writes it after): the search index and the next build's copy are made from the release.
   */
  async function finishBuild(log: Logger): Promise<void> {
    // A process let go after its last build wrote the manifest as it left.
    if (!worker.hasProcess()) return
    try {
      await worker.run<FinishResult>({
        job: { task: 'finish' },
        signal: new AbortController().signal,
        timeoutMs: options.buildTimeoutMs ?? DEFAULTS.buildTimeoutMs,
      })
    } catch (error) {
      // The release is live; without its manifest the next build renders every page.
      log.warn('build.finish.failed', { error: errorMessage(error) })
    }
  }

  /** Starts a build worker process and has it read the dataset file, for the builds to come. */
  async function warmUp(log: Logger): Promise<void> {
    if (shuttingDown || !readsDataset) return
    await readDataset(log, 'warm-up.failed', undefined, (pid) =>
      log.info('build.worker', { pid, for: 'warm-up' }),
    )
  }

  /** Waits for a read-ahead; true when the build may use what it read. */
  async function takeReadAhead(): Promise<boolean> {
    const taken = ahead
    ahead = null
    if (!taken) return false
    return (await taken.done) && taken.received === queue.received
  }

  /** Deletions in progress: builds do not wait for them, `idle()` and shutdown do. */
  const cleanups = new Set<Promise<unknown>>()
  function cleanup(work: Promise<unknown>): void {
    const tracked = work.catch(() => {}).finally(() => cleanups.delete(tracked))
    cleanups.add(tracked)
  }
  const removeLater = (dir: string) => cleanup(removeTree(dir))
  /**
   * Takes a pruned release's directory (offered oldest first): the newest is kept for the next copy
   * (see `recycled`), the others are deleted later.
   */
  const recycle = (dir: string): boolean => {
    if (shuttingDown) return false
    if (recycled) removeLater(recycled)
    recycled = dir
    return true
  }

  async function build(batch: BuildBatch, signal: AbortSignal): Promise<void> {
    const id = newReleaseId(new Date(now()))
    const staging = releases.stagingDir(id)
    const started = Date.now()
    let tree: PreparedTree | undefined
    const log = logger.child({ build: id })
    runtime.counters.builds.started += 1
    runtime.running = { id, since: now(), reasons: batch.reasons, changedIds: batch.ids.length }
    log.info('build.start', {
      reasons: batch.reasons,
      requests: batch.requests,
      full: batch.full,
      changedIds: batch.ids.slice(0, 50),
      changed: batch.ids.length,
    })
    try {
      // The pages come first: a search index still being made for the last publish stops (it is made
      // again after this one); a copy for this build still being made is finished and used.
      await settleBackground()
      // The live release is the starting point: pages whose data did not change are reused from it.
      const live = await releases.current()
      const prepared = spare
      spare = null
      tree = live.kind === 'release' && prepared?.of === live.id ? prepared.tree : undefined
      if (prepared && !tree) removeLater(prepared.tree.dir)
      // Settled first: the worker takes one job at a time.
      const readAheadValid = await takeReadAhead()
      const result = await worker.run({
        job: {
          source: options.source,
          dir: staging,
          ...(live.kind === 'release' ? { previous: live.dir } : {}),
          cacheDir,
          strict: options.strict ?? false,
          changedIds: batch.ids,
          full: batch.full,
          reasons: batch.reasons,
          search: 'later',
          ...(tree ? { tree } : {}),
          readAhead: readAheadValid,
          release: releases.dirOf(id),
        },
        signal,
        timeoutMs: options.buildTimeoutMs ?? DEFAULTS.buildTimeoutMs,
        onSpawn: (pid) => log.info('build.worker', { pid }),
        onMessage: (message: WorkerMessage) => {
          if (message.type === 'warning') log.warn('build.warning', { message: message.message })
          else if (message.type === 'step') log.debug('build.step', { message: message.message })
        },
      })
      if (tree && !result.usedTree) removeLater(tree.dir)
      const current = await releases.current()
      const previousPages =
        current.kind === 'release' ? ((await releases.readMeta(current.id))?.pages ?? null) : null
      const pages = await validateRelease(staging, previousPages, minPageRatio, result.htmlPages)
      const durationMs = Date.now() - started
      const meta: ReleaseMeta = {
        id,
        createdAt: result.builtAt,
        reasons: batch.reasons,
        changedIds: batch.ids,
        full: batch.full,
        pages,
        warnings: result.warnings.slice(0, 200),
        durationMs,
        fingerprint: result.fingerprint,
        nextScheduledAt: result.nextScheduledAt,
        origin: result.origin,
      }
      await releases.commit(staging, meta)
      // The server has the release's handler (and its 404 page) ready before it goes live.
      await site.prepare(releases.dirOf(id))
      const { previous } = await releases.activate(id)
      baseline = { fingerprint: result.fingerprint, nextScheduledAt: result.nextScheduledAt }
      scheduler.set(result.nextScheduledAt)
      runtime.counters.builds.succeeded += 1
      runtime.lastSuccess = {
        id,
        at: new Date(now()).toISOString(),
        durationMs,
        pages,
        warnings: result.warnings.length,
        reasons: batch.reasons,
        changedIds: batch.ids,
      }
      log.info('build.done', {
        pages,
        warnings: result.warnings.length,
        durationMs,
        previous,
        nextScheduledAt: result.nextScheduledAt,
      })
      await finishBuild(log)
      // Before the copy for the next build, which starts from the newest release pruned here. Only
      // renames: what is pruned is the publisher's to reuse or delete later (`recycle`).
      await releases.prune(recycle).then(
        (pruned) => pruned.length > 0 && log.info('releases.pruned', { ids: pruned }),
        (error: unknown) => log.warn('releases.prune.failed', { error: errorMessage(error) }),
      )
      startBackground(meta, log)
      // The worker was let go after this build (its last, or grown too large): the next process
      // starts now and reads the dataset, so the next edit's build reloads only the changed lines.
      if (!worker.hasProcess()) await warmUp(log)
    } catch (error) {
      if (tree) removeLater(tree.dir)
      // The next build need not wait for the deletion (a large staging directory takes seconds).
      removeLater(staging)
      const durationMs = Date.now() - started
      if (error instanceof BuildCancelledError || shuttingDown) {
        runtime.counters.builds.cancelled += 1
        log.warn('build.cancelled', { durationMs, error: errorMessage(error) })
        return
      }
      runtime.counters.builds.failed += 1
      const details = error instanceof BuildFailedError ? error.details : []
      runtime.lastFailure = {
        id,
        at: new Date(now()).toISOString(),
        durationMs,
        error: errorMessage(error),
        details: details.slice(0, 50),
        reasons: batch.reasons,
      }
      log.error('build.failed', {
        error: errorMessage(error),
        details: details.slice(0, 20),
        durationMs,
        kept: 'previous site',
      })
    } finally {
      runtime.running = null
    }
  }

  function startBackground(meta: ReleaseMeta, log: Logger): void {
    const abort = new AbortController()
    const stop = new AbortController()
    const done = afterPublish(meta, abort.signal, stop.signal, log).catch((error: unknown) =>
      log.warn('background.failed', { error: errorMessage(error) }),
    )
    background = { abort, stop, done }
    void done.finally(() => {
      if (background?.done === done) background = null
    })
  }

  /**
   * Cancels the search index of the last publish and waits until what follows it stopped, the copy
   * for the next build included: finishing a copy under way never takes longer than what it saves.
   */
  async function settleBackground(): Promise<void> {
    const running = background
    if (!running) return
    running.abort.abort()
    await running.done
  }

  /**
   * What follows a publish, off the build queue: first a hard-linked copy of the live release for the
   * next build to settle into, so that an edit soon after this one neither links every unchanged
   * page nor creates a directory per page (seconds for a large site); then the search index (see
   * `indexForSearch`), which the copy takes too. The next build cancels the index, not the copy.
   *
   * @param search cancels the search index
   * @param stop cancels everything (shutdown)
   */
  async function afterPublish(
    content: ReleaseMeta,
    search: AbortSignal,
    stop: AbortSignal,
    log: Logger,
  ): Promise<void> {
    await prepareTree(content.id, stop, log)
    await indexForSearch(content, AbortSignal.any([search, stop]), log)
  }

  /** Makes the copy of the live release `id` for the next build (`spare`). */
  async function prepareTree(id: string, signal: AbortSignal, log: Logger): Promise<void> {
    if (shuttingDown || signal.aborted) return
    const current = await releases.current()
    if (current.kind !== 'release' || current.id !== id) return
    const dir = releases.treeDir(id)
    const base = recycled
    recycled = null
    try {
      const { files, reused } = await backgroundWorker.run<TreeResult>({
        job: { task: 'tree', from: current.dir, dir, ...(base ? { base } : {}) },
        signal,
        timeoutMs: options.buildTimeoutMs ?? DEFAULTS.buildTimeoutMs,
        onSpawn: (pid) => log.info('build.worker', { pid, for: 'background' }),
        onMessage: (message: WorkerMessage) => {
          if (message.type === 'step') log.debug('tree.step', { message: message.message })
        },
      })
      if (signal.aborted) throw new BuildCancelledError()
      spare = { of: id, tree: { dir, files } }
      log.debug('tree.ready', { release: id, files: files.length, reused: reused === true })
    } catch (error) {
      // Removed meanwhile: a build waiting for this to stop does not wait for the deletion too.
      removeLater(dir)
      if (base) removeLater(base)
      if (!(error instanceof BuildCancelledError)) log.warn('tree.failed', { error: errorMessage(error) })
    }
  }

  /**
   * Gives the copy prepared for the next build the index just made for release `id` (the indexed
   * copy of the release it was made from, now live), so the next build carries the newest index;
   * should that fail, the copy is dropped.
   *
   * @param index the new index, linked into a directory of its own (it is moved into the copy)
   * @param files every file of `index`, relative to it
   */
  function indexTree(
    prepared: { of: string; tree: PreparedTree },
    id: string,
    index: string,
    files: readonly string[],
    log: Logger,
  ): void {
    const replaced = `${prepared.tree.dir}.replaced`
    try {
      spare = { of: id, tree: replaceSubtree(prepared.tree, SEARCH_INDEX_DIR, index, files, replaced) }
      log.debug('tree.indexed', { release: id, from: prepared.of })
    } catch (error) {
      spare = null
      removeLater(prepared.tree.dir)
      log.warn('tree.failed', { error: errorMessage(error) })
    }
    removeLater(replaced)
    // Moved into the copy, unless that failed.
    removeLater(index)
  }

  /**
   * The search index is built after the pages are live, so an edit is published without waiting for
   * Pagefind to index every page (most of a large site's build): the new release first carries the
   * previous index, then a copy of it (hard links) with a fresh index replaces it, and the release
   * without one is deleted; the copy prepared for the next build takes the fresh index too. A failed
   * or cancelled index leaves the published pages as they are.
   */
  async function indexForSearch(content: ReleaseMeta, signal: AbortSignal, log: Logger): Promise<void> {
    if (shuttingDown || signal.aborted) return
    const id = newReleaseId(new Date(now()))
    const staging = releases.stagingDir(id)
    const started = Date.now()
    // The copy for the next build, made from this release, takes the new index too.
    const tree = spare?.of === content.id ? spare : null
    const indexCopy = tree ? `${tree.tree.dir}.index` : undefined
    try {
      const { indexed, indexCopy: indexFiles } = await backgroundWorker.run<SearchResult>({
        job: {
          task: 'search',
          from: releases.dirOf(content.id),
          dir: staging,
          ...(indexCopy ? { indexCopy } : {}),
        },
        signal,
        timeoutMs: options.buildTimeoutMs ?? DEFAULTS.buildTimeoutMs,
        onSpawn: (pid) => log.info('build.worker', { pid, for: 'background' }),
        onMessage: (message: WorkerMessage) => {
          if (message.type === 'step') log.debug('search.step', { message: message.message })
        },
      })
      // A build or a rollback in the meantime wins: the index belongs to the release it was made from.
      const current = await releases.current()
      if (signal.aborted || current.kind !== 'release' || current.id !== content.id) {
        removeLater(staging)
        if (indexCopy) removeLater(indexCopy)
        log.info('search.skipped', { reason: 'the live release changed while indexing' })
        return
      }
      const durationMs = Date.now() - started
      await releases.commit(staging, { ...content, id, durationMs: content.durationMs + durationMs })
      await site.prepare(releases.dirOf(id))
      await releases.activate(id)
      // Nothing takes the copy before this returns (a build waits for what follows a publish).
      if (tree && indexCopy && indexFiles && spare === tree) indexTree(tree, id, indexCopy, indexFiles, log)
      else if (indexCopy) removeLater(indexCopy)
      if (runtime.lastSuccess?.id === content.id) runtime.lastSuccess.id = id
      log.info('search.done', { release: id, indexed, durationMs })
      // No longer live; a build starting meanwhile does not wait for the deletion.
      cleanup(
        releases.remove(content.id).catch((error: unknown) => {
          log.warn('releases.remove.failed', { release: content.id, error: errorMessage(error) })
        }),
      )
    } catch (error) {
      removeLater(staging)
      if (indexCopy) removeLater(indexCopy)
      const event = error instanceof BuildCancelledError ? 'search.cancelled' : 'search.failed'
      log.warn(event, { error: errorMessage(error), kept: 'previous search index' })
    }
  }

  const queue = new BuildQueue(build, {
    debounceMs: options.debounceMs ?? DEFAULTS.debounceMs,
    maxWaitMs: options.maxWaitMs ?? DEFAULTS.maxWaitMs,
    leading: (options.debounceEdge ?? DEFAULTS.debounceEdge) === 'leading',
    now,
    onError: (error) => logger.error('queue.error', { error: errorMessage(error) }),
  })
  const scheduler = new PublishScheduler((dueAt) => {
    logger.info('schedule.due', { dueAt })
    queue.enqueue({ reason: 'schedule', immediate: true })
  }, now)
  const reconciler = new Reconciler({
    intervalMs: options.reconcileIntervalMs ?? DEFAULTS.reconcileIntervalMs,
    probe: () => probeFingerprint(options.source, baseline.fingerprint),
    baseline: () => baseline,
    isBusy: () => queue.busy,
    request: (reason) => queue.enqueue({ reason, immediate: reason !== 'reconcile' }),
    logger,
    now,
  })
  const runtime: Runtime = {
    releases,
    queue,
    scheduler,
    reconciler,
    settings,
    startedAt: now(),
    counters: {
      webhooks: { accepted: 0, duplicate: 0, ignored: 0, rejected: 0, disabled: 0 },
      builds: { started: 0, succeeded: 0, failed: 0, cancelled: 0 },
    },
    running: null,
    lastSuccess: null,
    lastFailure: null,
  }

  const server = createPublishServer({
    site,
    webhook: settings,
    webhookState,
    accept: (delivery) => {
      const queued = queue.enqueue({ reason: 'webhook', ids: delivery.ids })
      if (!queued) return false
      // The build this webhook asks for stops what follows the last publish anyway: stopped now, it
      // leaves the cores to the read-ahead and the build instead of to a search index to be dropped.
      if (background && !background.abort.signal.aborted) {
        logger.debug('background.cancel', { reason: 'webhook' })
        background.abort.abort()
      }
      readAhead()
      return true
    },
    status: () => collectStatus(runtime, now),
    count: (kind) => {
      runtime.counters.webhooks[kind] += 1
    },
    logger,
  })

  const port = await listen(server, options.port ?? DEFAULTS.port, options.host)
  const url = `http://${displayHost(options.host)}:${port}`
  logger.info('server.listening', {
    url,
    webhook: webhookMode(settings),
    out: releases.link,
    releases: releases.root,
    source: options.source.kind === 'dataset' ? options.source.dataset : 'sanity',
  })
  if (webhookMode(settings) === 'off-no-secret') {
    logger.warn('webhook.off', { reason: `POST /api/sanity-webhook answers 503: ${settings.enableHint}` })
  }

  if (baseline.nextScheduledAt && Date.parse(baseline.nextScheduledAt) > now())
    scheduler.set(baseline.nextScheduledAt)
  await reconciler.check('startup')
  reconciler.start()

  let stopping: Promise<{ outcome: StopOutcome; dropped: number }> | null = null
  return {
    url,
    port,
    releases,
    status: () => collectStatus(runtime, now),
    async idle() {
      // A publish starts background work, which a new build cancels: wait until neither is left.
      for (;;) {
        await queue.idle()
        const running = background
        if (running) await running.done
        else if (cleanups.size > 0) await Promise.all(cleanups)
        else return
      }
    },
    requestBuild: () => void queue.enqueue({ reason: 'manual', immediate: true }),
    stop() {
      stopping ??= (async () => {
        shuttingDown = true
        logger.info('shutdown.start', { building: runtime.running?.id ?? null, queued: queue.state.pending })
        reconciler.stop()
        scheduler.stop()
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeIdleConnections()
        background?.stop.abort()
        aheadAbort.abort()
        await ahead?.done
        const result = await queue.stop(options.shutdownGraceMs ?? DEFAULTS.shutdownGraceMs)
        await settleBackground()
        worker.close()
        backgroundWorker.close()
        if (spare) removeLater(spare.tree.dir)
        if (recycled) removeLater(recycled)
        await Promise.all(cleanups)
        let timer: NodeJS.Timeout | undefined
        await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, 2_000)))])
        clearTimeout(timer)
        server.closeAllConnections()
        logger.info('shutdown.done', { build: result.outcome, droppedRequests: result.dropped })
        return result
      })()
      return stopping
    },
  }
}

/**
 * The live release and the list of releases, read so that they agree: a search-indexed release can
 * go live between the two reads (and its predecessor be removed), so they are read again until the
 * live release is the same before and after the listing.
 */
async function releasesAtOnce(releases: Releases) {
  for (let attempt = 1; ; attempt++) {
    const current = await releases.current()
    const list = (await releases.list()).map((release) => release.id)
    const after = await releases.current()
    if (liveId(current) === liveId(after) || attempt === 3) return { current: after, list }
  }
}

function liveId(current: CurrentRelease): string {
  return current.kind === 'release' ? `release:${current.id}` : current.kind
}

async function collectStatus(runtime: Runtime, now: () => number) {
  const { current, list } = await releasesAtOnce(runtime.releases)
  const meta = current.kind === 'release' ? await runtime.releases.readMeta(current.id) : null
  const queue = runtime.queue.state
  return {
    current:
      current.kind === 'release'
        ? {
            id: current.id,
            builtAt: meta?.createdAt ?? null,
            pages: meta?.pages ?? null,
            warnings: meta?.warnings.length ?? null,
            durationMs: meta?.durationMs ?? null,
            imported: meta?.imported ?? false,
          }
        : current.kind === 'none'
          ? null
          : { id: null, kind: current.kind, path: current.dir },
    lastSuccess: runtime.lastSuccess,
    lastFailure: runtime.lastFailure,
    building: runtime.running
      ? { ...runtime.running, since: new Date(runtime.running.since).toISOString() }
      : null,
    queue: {
      length: queue.pending,
      pendingIds: queue.pendingIds,
      running: queue.running,
    },
    nextScheduledAt: runtime.scheduler.next,
    reconcile: {
      intervalMs: runtime.reconciler.intervalMs,
      lastCheckAt: runtime.reconciler.lastCheckAt,
      lastResult: runtime.reconciler.lastResult,
    },
    webhook: {
      mode: webhookMode(runtime.settings),
      replayWindowMs: runtime.settings.windowMs,
      maxBodyBytes: runtime.settings.maxBodyBytes,
    },
    counters: runtime.counters,
    releases: list,
    startedAt: new Date(runtime.startedAt).toISOString(),
    uptimeSeconds: Math.round((now() - runtime.startedAt) / 1000),
  }
}

function listen(
  server: ReturnType<typeof createPublishServer>,
  port: number,
  host: string | undefined,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is already in use; set PORT or --port to another one`)
          : error,
      )
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

function displayHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}
