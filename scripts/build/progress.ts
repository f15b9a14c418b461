/**
 * Progress lines on stderr (stdout stays free for the summary), each with the elapsed time and the
 * process's resident memory, so an operator sees which step is slow or large.
 */
export interface Progress {
  step(message: string): void
  warn(message: string): void
}

export function createProgress(options: { quiet?: boolean; stream?: NodeJS.WritableStream } = {}): Progress {
  const stream = options.stream ?? process.stderr
  const started = performance.now()
  const stamp = () =>
    `${((performance.now() - started) / 1000).toFixed(2).padStart(6)}s ${String(Math.round(process.memoryUsage.rss() / 1048576)).padStart(5)} MiB`
  return {
    step(message) {
      if (!options.quiet) stream.write(`[${stamp()}] ${message}\n`)
    },
    warn(message) {
      if (!options.quiet) stream.write(`[${stamp()}] warning: ${message}\n`)
    },
  }
}

export const silentProgress: Progress = { step() {}, warn() {} }
