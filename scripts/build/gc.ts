import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let gc: (() => void) | null | undefined

/**
 * Runs a full garbage collection, where the runtime allows it. Between two Eleventy runs everything
 * the finished run held (every page's HTML, twice) is garbage; V8 would let the heap grow by that
 * much again before collecting, so a large site's build would need several times the memory of what
 * is live. Collecting here keeps the process near its live size.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      gc = runInNewContext('gc') as () => void
    } catch {
      gc = null
    }
  }
  gc?.()
}
