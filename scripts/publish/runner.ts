import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { WORKER_NODE_FLAGS } from '../build/node-flags.ts'
import type { AnyJob, AnyResult, WorkerMessage, WorkerResult } from './build-job.ts'

/*
 * Runs builds in a child process (build-worker.ts) that stays up between builds: the next build
 * starts with Node, Eleventy, the templates and the GROQ engine already loaded, and with the dataset
 * already read when its file has not changed. Aborting the signal (shutdown) or the timeout ends the
 * child (SIGTERM, then SIGKILL after a grace period); so does a failed build, so every failure is
 * followed by a fresh process. The next build after the child is gone starts a new one.
 */

export const DEFAULT_WORKER = fileURLToPath(new URL('./build-worker.ts', import.meta.url))
const DEFAULT_MAX_BUILDS = 200
const DEFAULT_MAX_RSS_MIB = 2048
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
  job: AnyJob
  signal: AbortSignal
  timeoutMs: number
  /** Between SIGTERM and SIGKILL. Default 3 s. */
  killGraceMs?: number
  onMessage?: (message: WorkerMessage) => void
  onSpawn?: (pid: number | undefined) => void
}

export interface BuildWorkerOptions {
  /** Entry module of the worker; default build-worker.ts. */
  workerPath?: string | undefined
  env?: NodeJS.ProcessEnv | undefined
  /**
   * Builds one process runs before it is replaced (default 200): Eleventy imports the templates anew
   * on every run, and a module once imported is never freed, so a process must not live forever.
   */
  maxBuilds?: number | undefined
  /**
   * Resident size in MiB above which a process is replaced once it has answered a build (default
   * 2048, 0 = none): what a process keeps grows a little with every build, and this bounds it
   * whatever the number of builds.
   */
  maxRssMiB?: number | undefined
}

/** Messages from the worker to the host, besides the per-build ones. */
type HostMessage = WorkerMessage

/**
 * The build worker process, kept between builds. One build at a time: `run` must not be called
 * again before the previous call settled.
 */
export class BuildWorker {
  readonly #options: BuildWorkerOptions
  #child: ChildProcess | undefined
  #builds = 0

  constructor(options: BuildWorkerOptions = {}) {
    this.#options = options
  }

  /**
   * Runs one job; resolves with its result (`WorkerResult` for a build, `SearchResult`, `TreeResult`
   * or `ReadResult` for a search, tree or read job), rejects with BuildCancelledError or
   * BuildFailedError.
   */
  run<Result extends AnyResult = WorkerResult>(options: RunWorkerOptions): Promise<Result> {
    return new Promise((resolve, reject) => {
      if (options.signal.aborted) return reject(new BuildCancelledError())
      const child = this.#child ?? this.#spawn(options)
      // Builds count (they import the templates); the small jobs between them do not.
      const isBuild = !('task' in options.job)
      if (isBuild) this.#builds += 1
      const last = this.#builds >= (this.#options.maxBuilds ?? DEFAULT_MAX_BUILDS)
      if (last) this.#child = undefined

      let stderr = ''
      const onStderr = (chunk: string) => {
        stderr = (stderr + chunk).slice(-4000)
      }
      child.stderr?.on('data', onStderr)

      let stopReason: 'cancelled' | 'timeout' | undefined
      let settled = false
      let killTimer: NodeJS.Timeout | undefined
      let spawnError: Error | undefined
      const kill = (reason: 'cancelled' | 'timeout') => {
        if (stopReason) return
        stopReason = reason
        if (this.#child === child) this.#child = undefined
        child.kill('SIGTERM')
        killTimer = setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? 3_000)
        // Reaps the SIGKILL timer once the process has ended, even after this run settled. Added
        // here rather than per run: a process that stays up would gather one listener per build.
        child.once('close', () => clearTimeout(killTimer))
      }
      const onAbort = () => kill('cancelled')
      options.signal.addEventListener('abort', onAbort, { once: true })
      const timeout = setTimeout(() => kill('timeout'), options.timeoutMs)

      const finish = (outcome: () => void) => {
        if (settled) return
        settled = true
        clearTimeout(timeout)
        options.signal.removeEventListener('abort', onAbort)
        child.off('message', onMessage)
        child.off('error', onError)
        child.off('close', onClose)
        child.stderr?.off('data', onStderr)
        outcome()
      }
      const retire = () => {
        if (this.#child === child) this.#child = undefined
        child.disconnect?.()
      }
      const onMessage = (message: HostMessage) => {
        if (stopReason) return
        if (message.type === 'result') {
          // A process that reached its last build, or grew too large, leaves once it has answered.
          if (last || (isBuild && this.#tooLarge(message.rssBytes))) retire()
          finish(() => resolve(message.result as Result))
        } else if (message.type === 'error') {
          // A failed build may have left anything behind in the process: the next one starts fresh.
          retire()
          finish(() => reject(new BuildFailedError(message.message, message.details)))
        } else {
          options.onMessage?.(message)
        }
      }
      const onError = (error: Error) => {
        spawnError = error
      }
      const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.#child === child) this.#child = undefined
        clearTimeout(killTimer)
        finish(() => {
          if (stopReason === 'cancelled') return reject(new BuildCancelledError())
          if (stopReason === 'timeout') {
            return reject(
              new BuildFailedError(`build timed out after ${Math.round(options.timeoutMs / 1000)} s`),
            )
          }
          const how = signal ? `was killed by ${signal}` : `exited with code ${code}`
          const tail = stderr.trim().split('\n').slice(-5).join(' | ')
          const cause = spawnError ? `: ${spawnError.message}` : tail ? `: ${tail}` : ''
          reject(new BuildFailedError(`build worker ${how}${cause}`))
        })
      }
      child.on('message', onMessage)
      child.on('error', onError)
      child.on('close', onClose)

      try {
        child.send(options.job)
      } catch {
        // The child died at once; 'close' reports it.
      }
    })
  }

  /** Whether a process that answered at resident size `rss` (bytes) is above the ceiling. */
  #tooLarge(rss: number | undefined): boolean {
    const max = this.#options.maxRssMiB ?? DEFAULT_MAX_RSS_MIB
    return max > 0 && rss !== undefined && rss > max * 1048576
  }

  /** Whether a process is up, kept from the last job (one that answered its last build is not). */
  hasProcess(): boolean {
    return this.#child !== undefined
  }

  /** Ends the idle worker process, if any (a running build is stopped through its signal). */
  close(): void {
    const child = this.#child
    this.#child = undefined
    if (child?.connected) child.disconnect()
  }

  #spawn(options: RunWorkerOptions): ChildProcess {
    const env = { ...(this.#options.env ?? process.env) }
    // The worker reads content; it has no use for the webhook secret.
    delete env.SANITY_WEBHOOK_SECRET
    const child = fork(this.#options.workerPath ?? DEFAULT_WORKER, [], {
      cwd: REPO_ROOT,
      env,
      execArgv: [...WORKER_NODE_FLAGS],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    })
    child.stderr?.setEncoding('utf8')
    // Nothing listens between builds; an idle process that exits is simply gone.
    child.on('error', () => {})
    child.once('close', () => {
      if (this.#child === child) this.#child = undefined
    })
    this.#child = child
    this.#builds = 0
    options.onSpawn?.(child.pid)
    return child
  }
}
