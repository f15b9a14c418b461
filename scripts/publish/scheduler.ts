/*
 * Scheduled publishing: articles with a future `publishedAt` are left out of a build, and each
 * build reports the earliest such time. This arms one timer for it; when it fires a rebuild is
 * requested. (If that build fails, or the process was asleep, reconciliation notices the overdue
 * time and requests the build again.)
 */

/** setTimeout's longest delay; longer waits re-arm. */
const MAX_DELAY_MS = 2 ** 31 - 1

export class PublishScheduler {
  readonly #onDue: (dueAt: string) => void
  readonly #now: () => number
  #timer: NodeJS.Timeout | null = null
  #due: number | null = null

  constructor(onDue: (dueAt: string) => void, now: () => number = Date.now) {
    this.#onDue = onDue
    this.#now = now
  }

  /** The armed time, if any. */
  get next(): string | null {
    return this.#due === null ? null : new Date(this.#due).toISOString()
  }

  /** Arms the timer for `at` (an ISO date-time), replacing any earlier one; null disarms. */
  set(at: string | null | undefined): void {
    this.stop()
    const due = at ? Date.parse(at) : Number.NaN
    if (Number.isNaN(due)) return
    this.#due = due
    this.#arm()
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    this.#due = null
  }

  #arm(): void {
    if (this.#due === null) return
    const wait = this.#due - this.#now()
    this.#timer = setTimeout(
      () => {
        this.#timer = null
        if (this.#due === null) return
        if (this.#now() < this.#due) return this.#arm()
        const due = new Date(this.#due).toISOString()
        this.#due = null
        this.#onDue(due)
      },
      Math.min(Math.max(0, wait), MAX_DELAY_MS),
    )
  }
}
