/*
 * `npx node scripts/validate/bench.ts [--documents 50000|all] [--runs 5] [--dataset content/data.ndjson]`
 *
 * Measures `validateDocuments` on a large dataset made by copying the bundled one (ids, slugs and
 * references suffixed per copy, so references stay intact), valid documents and a hostile share alike.
 * `--documents all` measures the dataset as it is (e.g. one written by `npm run gen`).
 */
import { parseArgs } from 'node:util'
import { loadDataset } from '../source/dataset.ts'
import type { SanityDocument } from '../source/types.ts'
import { validateDocuments } from './validate.ts'

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '5' },
    dataset: { type: 'string', default: 'content/data.ndjson' },
  },
})
const asIs = values.documents === 'all'
const target = asIs ? 0 : Number(values.documents)
const runs = Number(values.runs)

const base = (await loadDataset(values.dataset)).documents
const ids = new Set(base.map((document) => document._id))

function suffixed(value: unknown, suffix: string): unknown {
  if (Array.isArray(value)) return value.map((item) => suffixed(item, suffix))
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    if ((key === '_ref' || key === '_id') && typeof child === 'string' && ids.has(child)) {
      out[key] = `${child}-${suffix}`
    } else if (key === 'current' && typeof child === 'string') {
      out[key] = `${child}-${suffix}`
    } else {
      out[key] = suffixed(child, suffix)
    }
  }
  return out
}

const documents: SanityDocument[] = asIs ? base : []
for (let copy = 0; documents.length < target; copy += 1) {
  for (const document of base) {
    if (documents.length >= target) break
    const next = suffixed(document, `c${copy}`) as SanityDocument
    // One document in 50 gets something the build must repair or refuse.
    if (documents.length % 50 === 7) next.title = documents.length % 100 === 7 ? 42 : 'Bad\u0000title'
    documents.push(next)
  }
}

const timings: number[] = []
let last: ReturnType<typeof validateDocuments> | undefined
for (let run = 0; run < runs; run += 1) {
  const started = performance.now()
  last = validateDocuments(documents)
  timings.push(performance.now() - started)
}
timings.sort((a, b) => a - b)
const median = timings[Math.floor(timings.length / 2)] ?? 0
console.log(
  `validateDocuments: ${documents.length} documents, median ${median.toFixed(0)} ms over ${runs} runs ` +
    `(min ${timings[0]?.toFixed(0)} ms, max ${timings.at(-1)?.toFixed(0)} ms); ` +
    `${last?.report.skipped.length} skipped, ${last?.report.warnings.length} warning(s)`,
)
