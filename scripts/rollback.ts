/*
 * `npm run rollback [-- --to <release-id>] [--list] [--out _site] [--releases <dir>]`
 *
 * Points the published path back at the previous release (or `--to` a given one) with the same
 * atomic symlink swap the publisher uses. A running `npm start` serves the change immediately; the
 * next content change publishes a new build as usual.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Releases } from './publish/releases.ts'

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      to: { type: 'string' },
      list: { type: 'boolean', default: false },
      out: { type: 'string', default: '_site' },
      releases: { type: 'string' },
    },
    strict: true,
  })
  const releases = new Releases({
    link: resolve(values.out),
    ...(values.releases ? { root: resolve(values.releases) } : {}),
  })
  try {
    if (values.list) {
      const current = await releases.current()
      const list = await releases.list()
      if (list.length === 0) console.log(`No releases in ${releases.root}`)
      for (const release of list.reverse()) {
        const marker = current.kind === 'release' && current.id === release.id ? '*' : ' '
        const meta = release.meta
        const info = meta
          ? `${meta.pages} pages, ${meta.warnings.length} warning(s), ${meta.imported ? 'imported' : meta.reasons.join('+')}`
          : 'no metadata'
        console.log(`${marker} ${release.id}  ${info}`)
      }
      return 0
    }
    const { from, to } = await releases.rollback(values.to)
    console.log(`Rolled back ${values.out}: ${from ?? '(no release)'} → ${to}`)
    return 0
  } catch (error) {
    console.error(`Rollback failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

process.exitCode = await main()
