/** Progress lines on stderr (stdout stays free for the summary), with elapsed time per step. */
export interface Progress {
  step(message: string): void
  warn(message: string): void
}

export function createProgress(options: { quiet?: boolean; stream?: NodeJS.WritableStream } = {}): Progress {
  const stream = options.stream ?? process.stderr
  const started = performance.now()
  const stamp = () => `${((performance.now() - started) / 1000).toFixed(2).padStart(6)}s`
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
