import { type Fingerprint, sameFingerprint } from './fingerprint.ts'
import { errorMessage, type Logger } from './log.ts'

/*
 * Reconciliation: webhook deliveries can be lost (Sanity retries only briefly), so every interval
 * the publisher asks the source for its fingerprint and rebuilds when it differs from the one the
 * last successful build read. It also catches a scheduled publish time that passed without a
 * successful build. The same check runs at startup ("build once if needed").
 */

export type CheckResult = 'unchanged' | 'changed' | 'due' | 'busy' | 'error'
export type CheckTrigger = 'startup' | 'reconcile'

export interface Baseline {
  fingerprint: Fingerprint | null
  nextScheduledAt: string | null
}

export interface ReconcilerOptions {
  /** 0 turns the periodic check off. */
  intervalMs: number
  probe: () => Promise<Fingerprint>
  baseline: () => Baseline
  /** A build is running or waiting: it will read the current state anyway. */
  isBusy: () => boolean
  /** Asks for a build. */
  request: (reason: CheckTrigger | 'schedule') => void
  logger: Logger
  now?: () => number
}

export class Reconciler {
  readonly #options: ReconcilerOptions
  readonly #now: () => number
  #timer: NodeJS.Timeout | null = null
  #checking: Promise<CheckResult> | null = null
  #stopped = false
  lastCheckAt: string | null = null
  lastResult: CheckResult | null = null

  constructor(options: ReconcilerOptions) {
    this.#options = options
    this.#now = options.now ?? Date.now
  }

  get intervalMs(): number {
    return this.#options.intervalMs
  }

  start(): void {
    this.#stopped = false
    this.#schedule()
  }

  stop(): void {
    this.#stopped = true
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
  }

  /** Runs one check now (concurrent calls share it). */
  check(trigger: CheckTrigger): Promise<CheckResult> {
    this.#checking ??= this.#check(trigger).finally(() => {
      this.#checking = null
    })
    return this.#checking
  }

  #schedule(): void {
    if (this.#stopped || this.#options.intervalMs <= 0) return
    this.#timer = setTimeout(async () => {
      await this.check('reconcile')
      this.#schedule()
    }, this.#options.intervalMs)
  }

  async #check(trigger: CheckTrigger): Promise<CheckResult> {
    const { logger } = this.#options
    const result = await this.#decide(trigger)
    this.lastCheckAt = new Date(this.#now()).toISOString()
    this.lastResult = result
    const level = result === 'error' ? 'warn' : result === 'unchanged' || result === 'busy' ? 'debug' : 'info'
    logger[level](`${trigger === 'startup' ? 'startup' : 'reconcile'}.check`, { result })
    return result
  }

  async #decide(trigger: CheckTrigger): Promise<CheckResult> {
    const options = this.#options
    if (options.isBusy()) return 'busy'
    const baseline = options.baseline()
    if (baseline.nextScheduledAt && Date.parse(baseline.nextScheduledAt) <= this.#now()) {
      options.request('schedule')
      return 'due'
    }
    let fingerprint: Fingerprint
    try {
      fingerprint = await options.probe()
    } catch (error) {
      options.logger.warn('reconcile.error', { error: errorMessage(error) })
      // At startup, build anyway: the build reports the problem (status, logs) better than a probe.
      if (trigger === 'startup') options.request('startup')
      return 'error'
    }
    if (options.isBusy()) return 'busy'
    if (sameFingerprint(fingerprint, baseline.fingerprint)) return 'unchanged'
    options.request(trigger)
    return 'changed'
  }
}
