/*
 * `npm run build [-- --dataset <file.ndjson|export.tar.gz>] [--source dataset|sanity] [--out <dir>] [--strict] [--quiet]`
 *
 * Builds the site from a dataset into `--out` (default `_site/`), replacing it only when the new
 * build is complete. Prints progress on stderr and one summary line on stdout.
 */
import { parseArgs } from 'node:util'
import { siteConfigFromEnv } from './build/config.ts'
import { buildSite, StrictModeError } from './build/pipeline.ts'
import { createProgress } from './build/progress.ts'
import { openSource, type SourceKind } from './source/open.ts'

const DEFAULT_DATASET = 'content/data.ndjson'

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: DEFAULT_DATASET },
      source: { type: 'string', default: 'dataset' },
      out: { type: 'string', default: '_site' },
      strict: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const progress = createProgress({ quiet: values.quiet })
  const started = performance.now()
  try {
    const kind = parseSourceKind(values.source)
    progress.step(kind === 'dataset' ? `loading ${values.dataset}` : 'connecting to Sanity')
    const { source, origin } = await openSource({ kind, dataset: values.dataset, useCdn: true })
    const result = await buildSite({
      source,
      origin,
      out: values.out,
      site: siteConfigFromEnv(),
      strict: values.strict,
      progress,
    })
    console.log(
      `Built ${result.pages} pages into ${result.out} in ${((performance.now() - started) / 1000).toFixed(2)}s with ${result.warnings.length} warning(s)`,
    )
    return 0
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`Build failed: ${message}`)
    if (error instanceof StrictModeError) for (const w of error.warnings) console.error(`  - ${w.message}`)
    console.error(`The existing ${values.out}/ was left unchanged.`)
    return 1
  }
}

function parseSourceKind(value: string): SourceKind {
  if (value === 'dataset' || value === 'sanity') return value
  throw new Error(`--source must be "dataset" or "sanity", not "${value}"`)
}

process.exitCode = await main()
