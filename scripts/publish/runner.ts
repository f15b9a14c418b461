import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { WorkerJob, WorkerMessage, WorkerResult } from './build-job.ts'

/*
 * Runs one build in a child process (build-worker.ts) and resolves with its result. Aborting the
 * signal (shutdown) or the timeout ends the child: SIGTERM, then SIGKILL after a grace period.
 */

export const DEFAULT_WORKER = fileURLToPath(new URL('./build-worker.ts', import.meta.url))
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export class BuildCancelledError extends Error {
  constructor(message = 'build cancelled') {
    super(message)
    this.name = 'BuildCancelledError'
  }
}

export class BuildFailedError extends Error {
  readonly details: string[]
  constructor(message: string, details: string[] = []) {
    super(message)
    this.name = 'BuildFailedError'
    this.details = details
  }
}

export interface RunWorkerOptions {
  job: WorkerJob
  signal: AbortSignal
  /** Entry module of the worker; default build-worker.ts. */
  workerPath?: string
  timeoutMs: number
  /** Between SIGTERM and SIGKILL. Default 3 s. */
  killGraceMs?: number
  onMessage?: (message: WorkerMessage) => void
  onSpawn?: (pid: number | undefined) => void
  env?: NodeJS.ProcessEnv
}

export function runWorker(options: RunWorkerOptions): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) return reject(new BuildCancelledError())
    const env = { ...(options.env ?? process.env) }
    // The worker reads content; it has no use for the webhook secret.
    delete env.SANITY_WEBHOOK_SECRET
    const child = fork(options.workerPath ?? DEFAULT_WORKER, [], {
      cwd: REPO_ROOT,
      env,
      execArgv: [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    })
    options.onSpawn?.(child.pid)

    let stderr = ''
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000)
    })

    let result: WorkerResult | undefined
    let failure: Extract<WorkerMessage, { type: 'error' }> | undefined
    let spawnError: Error | undefined
    let stopReason: 'cancelled' | 'timeout' | undefined
    let settled = false
    let killTimer: NodeJS.Timeout | undefined

    const kill = (reason: 'cancelled' | 'timeout') => {
      if (stopReason) return
      stopReason = reason
      child.kill('SIGTERM')
      killTimer = setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? 3_000)
    }
    const onAbort = () => kill('cancelled')
    options.signal.addEventListener('abort', onAbort, { once: true })
    const timeout = setTimeout(() => kill('timeout'), options.timeoutMs)

    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'result') result = message.result
      else if (message.type === 'error') failure = message
      else options.onMessage?.(message)
    })
    child.on('error', (error) => {
      spawnError = error
    })
    child.on('close', (code, signal) => {
      if (settled) return
      settled = true
      clearTimeout(timeout)
      clearTimeout(killTimer)
      options.signal.removeEventListener('abort', onAbort)
      if (stopReason === 'cancelled') return reject(new BuildCancelledError())
      if (stopReason === 'timeout') {
        return reject(new BuildFailedError(`build timed out after ${Math.round(options.timeoutMs / 1000)} s`))
      }
      if (code === 0 && result) return resolve(result)
      if (failure) return reject(new BuildFailedError(failure.message, failure.details))
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`
      const tail = stderr.trim().split('\n').slice(-5).join(' | ')
      const cause = spawnError ? `: ${spawnError.message}` : tail ? `: ${tail}` : ''
      reject(new BuildFailedError(`build worker ${how}${cause}`))
    })

    try {
      child.send(options.job)
    } catch {
      // The child died at once; 'close' reports it.
    }
  })
}
