/*
 * `npm run build [-- --dataset <file.ndjson|export.tar.gz>] [--source dataset|sanity] [--out <dir>] [--strict] [--quiet]`
 *   `[--changed <id,id,…>] [--no-search]`
 *
 * Builds the site from a dataset into `--out` (default `_site/`), replacing it only when the new
 * build is complete. Prints progress on stderr and one summary line on stdout.
 *
 * `--changed` makes an incremental build: pages whose data did not change are reused from the
 * existing `--out` (see scripts/build/incremental.ts); without a usable previous build it renders
 * everything. `--no-search` skips the Pagefind search index.
 *
 * Exit codes: 0 built; 1 build failed (unreadable dataset, content error such as a duplicate slug,
 * warnings under `--strict`), the existing site left unchanged; 2 invalid command line.
 */
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { siteConfigFromEnv } from './build/config.ts'
import { openDatasetSource } from './build/incremental/dataset-source.ts'
import { cacheDirFor } from './build/incremental.ts'
import { buildSite, StrictModeError } from './build/pipeline.ts'
import { createProgress } from './build/progress.ts'
import { openSource, type SourceKind } from './source/open.ts'
import { countsText } from './validate/report.ts'

const DEFAULT_DATASET = 'content/data.ndjson'
const USAGE =
  'usage: npm run build -- [--dataset <file.ndjson|export.tar.gz>] [--source dataset|sanity] [--out <dir>] [--strict] [--quiet] [--changed <id,id,…>] [--no-search]'
/** Strict-mode failures list this many warnings on stderr; `_build/report.json` of a normal build has them all. */
const LISTED_WARNINGS = 50

async function main(): Promise<number> {
  let values: {
    dataset: string
    source: string
    out: string
    strict: boolean
    quiet: boolean
    changed?: string | undefined
    'no-search': boolean
  }
  let kind: SourceKind
  try {
    ;({ values } = parseArgs({
      options: {
        dataset: { type: 'string', default: DEFAULT_DATASET },
        source: { type: 'string', default: 'dataset' },
        out: { type: 'string', default: '_site' },
        strict: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        changed: { type: 'string' },
        'no-search': { type: 'boolean', default: false },
      },
      strict: true,
    }))
    kind = parseSourceKind(values.source)
  } catch (error) {
    console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
  const progress = createProgress({ quiet: values.quiet })
  const started = performance.now()
  try {
    progress.step(kind === 'dataset' ? `loading ${values.dataset}` : 'connecting to Sanity')
    // Builds from the CLI keep a cache (`.cache/reel`, or REEL_CACHE_DIR; `off`: none), and dataset
    // files load through the large-dataset source (scripts/build/incremental/dataset-source.ts).
    const cacheDir = cacheDirFor(undefined)
    const { source, origin } =
      kind === 'dataset'
        ? { source: await openDatasetSource(values.dataset, cacheDir), origin: values.dataset }
        : await openSource({ kind, dataset: values.dataset, useCdn: true })
    const result = await buildSite({
      source,
      origin,
      out: values.out,
      site: siteConfigFromEnv(),
      strict: values.strict,
      progress,
      changed: values.changed === undefined ? undefined : values.changed.split(',').filter(Boolean),
      search: !values['no-search'],
      cacheDir,
    })
    console.log(
      `Built ${result.pages} pages into ${result.out} in ${((performance.now() - started) / 1000).toFixed(2)}s with ${countsText(result.warnings.length, result.skipped.length)}`,
    )
    return 0
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`Build failed: ${message}`)
    if (error instanceof StrictModeError) {
      for (const w of error.warnings.slice(0, LISTED_WARNINGS)) console.error(`  - ${w.message}`)
      const more = error.warnings.length - LISTED_WARNINGS
      if (more > 0)
        console.error(`  … and ${more} more (build without --strict to get them all in _build/report.json)`)
    }
    console.error(
      existsSync(values.out)
        ? `The existing ${values.out}/ was left unchanged.`
        : `Nothing was written to ${values.out}/.`,
    )
    return 1
  }
}

function parseSourceKind(value: string): SourceKind {
  if (value === 'dataset' || value === 'sanity') return value
  throw new Error(`--source must be "dataset" or "sanity", not "${value}"`)
}

process.exitCode = await main()
