import { mkdtemp } from 'node:fs/promises'
import { registerHooks } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { renderSite } from '../../scripts/build/pipeline.ts'
import { openEmbeddedSource } from '../../scripts/source/index.ts'

/*
 * A process that builds again and again (the publisher's build worker) must not import the templates
 * again for each build: Node keeps every module it imported, so each import under a new URL (Eleventy
 * adds a cache-busting query to its own 11ty.js imports) stays in memory for the life of the process.
 */

describe('template modules', () => {
  it('are imported once per process, however many builds it renders', async () => {
    const resolved: string[] = []
    const hooks = registerHooks({
      resolve(specifier, context, next) {
        if (/\/site\/(pages|_includes)\/[^/]+\.11ty\.ts/.test(specifier)) resolved.push(specifier)
        return next(specifier, context)
      },
    })
    try {
      const work = await mkdtemp(join(tmpdir(), 'reel-template-modules-'))
      for (const name of ['first', 'second', 'third']) {
        const { source, dataset } = await openEmbeddedSource('content/data.ndjson')
        await renderSite(
          { source, origin: dataset.file, site: siteConfigFromEnv({}), cacheDir: false, search: false },
          join(work, name),
        )
      }
    } finally {
      hooks.deregister()
    }
    expect(resolved.filter((url) => url.includes('_cache_bust'))).toEqual([])
    const articles = resolved.filter((url) => url.includes('/site/pages/articles.11ty.ts'))
    expect(articles.length).toBeLessThanOrEqual(1)
  }, 60_000)
})
