/**
 * Timeouts and retries for Content Lake requests.
 *
 * @sanity/client's own retries are switched off (`maxRetries: 0`) so that every request goes through
 * this one loop: a deadline per attempt, exponential backoff with jitter, `Retry-After` honoured, and
 * one clear error at the end naming the query, the status and the number of attempts.
 */

export interface RetryOptions {
  /** Attempts in all, the first one included (default 5). */
  attempts: number
  /** Backoff before the first retry; doubles each time (default 500 ms). */
  baseDelayMs: number
  /** Ceiling for the computed backoff (default 15 s). */
  maxDelayMs: number
  /** Longest `Retry-After` the build will wait; a longer one fails at once (default 120 s). */
  maxRetryAfterMs: number
  /** Deadline for one attempt, response body included (default 30 s). */
  timeoutMs: number
  /** Jitter source in [0, 1); injectable for deterministic tests. */
  random: () => number
  /** Waits between attempts; injectable so tests can record delays instead of sleeping. */
  sleep: (ms: number) => Promise<void>
  /** Called before each retry (progress output, tests). */
  onRetry?: (retry: RetryEvent) => void
}

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 120_000,
  timeoutMs: 30_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

/** Why one attempt failed. */
export interface AttemptFailure {
  kind: 'http' | 'network' | 'timeout'
  /** HTTP status, for `kind: 'http'`. */
  status: number | undefined
  /** Server-requested wait, from `Retry-After`. */
  retryAfterMs: number | undefined
  retryable: boolean
  /** Short human-readable reason. */
  detail: string
}

export interface RetryEvent {
  name: string
  /** The attempt that failed (1-based). */
  attempt: number
  delayMs: number
  failure: AttemptFailure
}

export type LiveSourceErrorKind = AttemptFailure['kind'] | 'invalid-response' | 'empty'

/** The final error of a live-source request: names the query, the HTTP status and how often it was tried. */
export class LiveSourceError extends Error {
  /** Name of the query or request that failed (e.g. `showsQuery`, `mirror page 3`). */
  readonly queryName: string
  readonly kind: LiveSourceErrorKind
  readonly status: number | undefined
  readonly attempts: number

  constructor(
    message: string,
    details: {
      queryName: string
      kind: LiveSourceErrorKind
      status?: number
      attempts: number
      cause?: unknown
    },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'LiveSourceError'
    this.queryName = details.queryName
    this.kind = details.kind
    this.status = details.status
    this.attempts = details.attempts
  }
}

/**
 * Runs `attempt` until it succeeds, a failure is not worth retrying, or the attempts run out.
 *
 * @param name query name for messages
 * @param attempt one try; must honour the signal (aborted when the attempt's deadline passes)
 * @param options retry policy
 */
export async function withRetries<T>(
  name: string,
  attempt: (signal: AbortSignal) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const attempts = Math.max(1, Math.floor(options.attempts))
  for (let number = 1; ; number += 1) {
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort(new Error(`timed out after ${options.timeoutMs} ms`))
    }, options.timeoutMs)
    try {
      return await attempt(controller.signal)
    } catch (error) {
      const failure = describeFailure(error, timedOut, options.timeoutMs)
      if (!failure.retryable || number >= attempts) throw finalError(name, failure, number, error)
      if (failure.retryAfterMs !== undefined && failure.retryAfterMs > options.maxRetryAfterMs) {
        const seconds = Math.ceil(failure.retryAfterMs / 1000)
        const limit = Math.round(options.maxRetryAfterMs / 1000)
        throw finalError(
          name,
          {
            ...failure,
            detail: `${failure.detail}; server asked to wait ${seconds}s (Retry-After), over the ${limit}s limit`,
          },
          number,
          error,
        )
      }
      const delayMs = backoff(number, options, failure.retryAfterMs)
      options.onRetry?.({ name, attempt: number, delayMs, failure })
      await options.sleep(delayMs)
    } finally {
      clearTimeout(timer)
    }
  }
}

/**
 * Exponential backoff with "equal jitter" (half fixed, half random), never shorter than `Retry-After`.
 *
 * @param failedAttempt 1 for the wait after the first failure
 */
export function backoff(
  failedAttempt: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failedAttempt - 1))
  const jittered = Math.round(ceiling / 2 + options.random() * (ceiling / 2))
  return Math.max(jittered, retryAfterMs ?? 0)
}

/**
 * Parses `Retry-After`: delay-seconds or an HTTP date.
 *
 * @param value header value
 * @param now for HTTP dates
 * @returns milliseconds to wait, or undefined when absent or unreadable
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** Classifies an error thrown by @sanity/client (or the network below it). */
export function describeFailure(error: unknown, timedOut: boolean, timeoutMs: number): AttemptFailure {
  if (timedOut) {
    return {
      kind: 'timeout',
      status: undefined,
      retryAfterMs: undefined,
      retryable: true,
      detail: `no complete response within ${timeoutMs} ms`,
    }
  }
  const http = httpDetails(error)
  if (http) {
    const retryable = http.status === 429 || http.status === 408 || http.status >= 500
    return {
      kind: 'http',
      status: http.status,
      retryAfterMs: parseRetryAfter(http.retryAfter),
      retryable,
      detail: http.message,
    }
  }
  return {
    kind: 'network',
    status: undefined,
    retryAfterMs: undefined,
    retryable: true,
    detail: networkDetail(error),
  }
}

function httpDetails(
  error: unknown,
): { status: number; retryAfter: string | undefined; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { statusCode, response, message } = error as {
    statusCode?: unknown
    response?: unknown
    message?: unknown
  }
  if (typeof statusCode !== 'number') return undefined
  const headers = (response as { headers?: Record<string, string> } | undefined)?.headers ?? {}
  return {
    status: statusCode,
    retryAfter: headers['retry-after'],
    message: typeof message === 'string' ? message : '',
  }
}

function networkDetail(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code
    const text =
      typeof code === 'string' && !current.message.includes(code)
        ? `${current.message} (${code})`
        : current.message
    if (text && !parts.includes(text)) parts.push(text)
    current = current.cause
  }
  return `network error: ${parts.join(': ') || String(error)}`
}

function finalError(
  name: string,
  failure: AttemptFailure,
  attempts: number,
  cause: unknown,
): LiveSourceError {
  const status = failure.status === undefined ? '' : ` with HTTP ${failure.status}`
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`
  return new LiveSourceError(`Sanity query "${name}" failed${status} after ${tries}: ${failure.detail}`, {
    queryName: name,
    kind: failure.kind,
    status: failure.status,
    attempts,
    cause,
  })
}
