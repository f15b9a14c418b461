import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

type Collect = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void

let gc: Collect | null | undefined

/**
 * Runs a full garbage collection, where the runtime allows it. Between two Eleventy runs everything
 * the finished run held (every page's HTML, twice) is garbage; V8 would let the heap grow by that
 * much again before collecting, so a large site's build would need several times the memory of what
 * is live. Collecting here keeps the process near its live size.
 *
 * @param options `release`: also give the memory V8 keeps for later growth back to the system (it
 *   collects until nothing more is freed, a few times the cost of a plain collection), after a phase
 *   that grew the heap far beyond what stays live
 */
export function collectGarbage(options: { release?: boolean } = {}): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      gc = runInNewContext('gc') as Collect
    } catch {
      gc = null
    }
  }
  if (!gc) return
  if (options.release) gc({ type: 'major', execution: 'sync', flavor: 'last-resort' })
  else gc()
}
