import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareTrees } from '../../bench/tree.ts'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { renderSite } from '../../scripts/build/pipeline.ts'
import { generateDocuments } from '../../scripts/gen/dataset.ts'
import { createEmbeddedSource } from '../../scripts/source/index.ts'

/*
 * Large sites render on several threads, in several Eleventy runs each (pages split by item); the
 * result must not depend on it. Forced here on a small site.
 */

const saved = { threads: process.env.REEL_RENDER_THREADS, batch: process.env.REEL_RENDER_BATCH }
let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'reel-parallel-'))
})

afterAll(() => {
  for (const [key, value] of [
    ['REEL_RENDER_THREADS', saved.threads],
    ['REEL_RENDER_BATCH', saved.batch],
  ] as const) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

describe('rendering split across threads and runs', () => {
  it('writes the same site as one run on one thread', async () => {
    const documents = [...generateDocuments({ articles: 20, seed: 'parallel' })]
    const build = (dir: string) =>
      renderSite(
        {
          source: createEmbeddedSource({ file: join(work, 'data.ndjson'), documents }, { validate: true }),
          origin: join(work, 'data.ndjson'),
          site: siteConfigFromEnv({}),
          now: new Date('2026-11-30T00:00:00Z'),
          cacheDir: false,
          search: false,
        },
        dir,
      )
    process.env.REEL_RENDER_THREADS = '1'
    process.env.REEL_RENDER_BATCH = '100000'
    await build(join(work, 'one'))
    process.env.REEL_RENDER_THREADS = '2'
    // Several runs on each thread: each run's selection applies to the templates it shares.
    process.env.REEL_RENDER_BATCH = '5'
    await build(join(work, 'split'))
    expect(await compareTrees(join(work, 'one'), join(work, 'split'))).toEqual([])
  }, 60_000)
})
