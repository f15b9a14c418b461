/*
 * The coalescing build queue: one build at a time. Requests wait for a quiet period (debounce) —
 * capped by a maximum wait so a steady stream still publishes — and every request that arrives
 * while a build runs is merged into the single next build. With `leading`, a request after a quiet
 * spell starts its build at once and only what follows it waits (an editor's one publish is live
 * without the wait; a burst is still merged, into the build after the first). Changed document ids
 * are collected for incremental rebuilds; a request without ids (reconciliation, schedule,
 * startup) means "everything".
 */

export type BuildReason = 'startup' | 'webhook' | 'reconcile' | 'schedule' | 'manual'

export interface BuildRequest {
  reason: BuildReason
  /** Published document ids known to have changed; none means a full rebuild. */
  ids?: readonly string[]
  /** Skip the debounce (startup, manual). */
  immediate?: boolean
}

export interface BuildBatch {
  reasons: BuildReason[]
  /** Union of the changed ids of every merged request. */
  ids: string[]
  /** Some request did not name its documents: rebuild everything. */
  full: boolean
  /** How many requests were merged. */
  requests: number
  firstAt: number
  lastAt: number
}

export type BuildJob = (batch: BuildBatch, signal: AbortSignal) => Promise<void>

export interface QueueOptions {
  debounceMs: number
  maxWaitMs: number
  /**
   * A request that finds the queue idle, `debounceMs` or more after the one before it, starts a
   * build at once (requests in the same tick join it); default false: every build waits for the
   * quiet period.
   */
  leading?: boolean
  now?: () => number
  /** Called when a job rejects (jobs should handle their own errors; this is a last resort). */
  onError?: (error: unknown) => void
}

export interface QueueState {
  running: boolean
  runningSince: number | null
  /** Requests waiting for the next build. */
  pending: number
  pendingIds: number
}

export type StopOutcome = 'idle' | 'finished' | 'cancelled'

interface Pending {
  reasons: Set<BuildReason>
  ids: Set<string>
  full: boolean
  requests: number
  firstAt: number
  lastAt: number
  immediate: boolean
}

export class BuildQueue {
  readonly #job: BuildJob
  readonly #options: QueueOptions
  readonly #now: () => number
  #pending: Pending | null = null
  #timer: NodeJS.Timeout | null = null
  #running: Promise<void> | null = null
  #runningSince: number | null = null
  #abort: AbortController | null = null
  #stopped = false
  #waiters: Array<() => void> = []
  #received = 0
  #lastRequestAt: number | undefined

  constructor(job: BuildJob, options: QueueOptions) {
    this.#job = job
    this.#options = options
    this.#now = options.now ?? Date.now
  }

  get state(): QueueState {
    return {
      running: this.#running !== null,
      runningSince: this.#runningSince,
      pending: this.#pending?.requests ?? 0,
      pendingIds: this.#pending?.ids.size ?? 0,
    }
  }

  /** Requests accepted so far: a changed count means a request came in between two looks. */
  get received(): number {
    return this.#received
  }

  /**
   * The ids the waiting requests named; `undefined` when none is waiting or one named none (the
   * next build is for everything).
   */
  pendingIds(): string[] | undefined {
    const pending = this.#pending
    return pending && !pending.full ? [...pending.ids] : undefined
  }

  /** True while a build runs or one is waiting. */
  get busy(): boolean {
    return this.#running !== null || this.#pending !== null
  }

  /** Adds a request to the next build; false once the queue is stopped. */
  enqueue(request: BuildRequest): boolean {
    if (this.#stopped) return false
    const now = this.#now()
    this.#received += 1
    const quiet = this.#lastRequestAt === undefined || now - this.#lastRequestAt >= this.#options.debounceMs
    this.#lastRequestAt = now
    const immediate = request.immediate === true || (this.#options.leading === true && quiet && !this.busy)
    this.#pending ??= {
      reasons: new Set(),
      ids: new Set(),
      full: false,
      requests: 0,
      firstAt: now,
      lastAt: now,
      immediate: false,
    }
    const pending = this.#pending
    pending.reasons.add(request.reason)
    if (request.ids && request.ids.length > 0) for (const id of request.ids) pending.ids.add(id)
    else pending.full = true
    pending.requests += 1
    pending.lastAt = now
    if (immediate) pending.immediate = true
    this.#arm()
    return true
  }

  /** Resolves once nothing is running or waiting. */
  async idle(): Promise<void> {
    while (this.busy) await new Promise<void>((resolve) => this.#waiters.push(resolve))
  }

  /**
   * Stops the queue: no new builds start, waiting requests are dropped (reconciliation at the next
   * start picks their changes up). A running build gets `graceMs` to finish, then is aborted.
   */
  async stop(graceMs: number): Promise<{ outcome: StopOutcome; dropped: number }> {
    this.#stopped = true
    this.#clearTimer()
    const dropped = this.#pending?.requests ?? 0
    this.#pending = null
    const running = this.#running
    if (!running) {
      this.#notify()
      return { outcome: 'idle', dropped }
    }
    let timer: NodeJS.Timeout | undefined
    const finished = await Promise.race([
      running.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), Math.max(0, graceMs))
      }),
    ])
    clearTimeout(timer)
    if (finished) return { outcome: 'finished', dropped }
    this.#abort?.abort(new Error('shutting down'))
    await running
    return { outcome: 'cancelled', dropped }
  }

  #arm(): void {
    if (this.#running || !this.#pending || this.#stopped) return
    const { firstAt, lastAt, immediate } = this.#pending
    const due = immediate ? 0 : Math.min(lastAt + this.#options.debounceMs, firstAt + this.#options.maxWaitMs)
    this.#clearTimer()
    this.#timer = setTimeout(() => this.#start(), Math.max(0, due - this.#now()))
  }

  #start(): void {
    this.#timer = null
    const pending = this.#pending
    if (!pending || this.#running || this.#stopped) return
    this.#pending = null
    const batch: BuildBatch = {
      reasons: [...pending.reasons],
      ids: [...pending.ids].sort(),
      full: pending.full,
      requests: pending.requests,
      firstAt: pending.firstAt,
      lastAt: pending.lastAt,
    }
    const abort = new AbortController()
    this.#abort = abort
    this.#runningSince = this.#now()
    this.#running = (async () => {
      try {
        await this.#job(batch, abort.signal)
      } catch (error) {
        this.#options.onError?.(error)
      } finally {
        this.#running = null
        this.#runningSince = null
        this.#abort = null
        this.#arm()
        this.#notify()
      }
    })()
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
  }

  #notify(): void {
    const waiters = this.#waiters
    this.#waiters = []
    for (const resolve of waiters) resolve()
  }
}
