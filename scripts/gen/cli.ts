/*
 * `npm run gen -- --articles <N> --out <file.ndjson> [--seed <text>]`
 *
 * Writes a synthetic dataset in Sanity export format (see scripts/gen/dataset.ts): N articles,
 * N/10 shows with seasons, cast and status histories, N/2 people, networks and authors. The same
 * arguments always produce the same bytes.
 */
import { parseArgs } from 'node:util'
import { DEFAULT_SEED } from './dataset.ts'
import { writeDataset } from './write.ts'

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: DEFAULT_SEED },
    },
    strict: true,
  })
  const articles = Number(values.articles)
  if (!Number.isInteger(articles) || articles < 1) {
    console.error(`--articles must be a positive integer, not "${values.articles}"`)
    return 2
  }
  const out = values.out ?? `.cache/datasets/articles-${articles}.ndjson`
  const started = performance.now()
  const written = await writeDataset({ articles, seed: values.seed }, out)
  const types = Object.entries(written.counts)
    .map(([type, count]) => `${count} ${type}`)
    .join(', ')
  console.error(`  ${types} (${written.drafts} drafts)`)
  console.log(
    `Wrote ${written.documents} documents (${(written.bytes / 1048576).toFixed(1)} MiB) to ${written.file} in ${((performance.now() - started) / 1000).toFixed(2)}s`,
  )
  return 0
}

process.exitCode = await main()
