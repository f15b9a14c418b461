/*
 * Whole builds with the live source: identical output to the bundled-dataset build, no partial site
 * when the Content Lake fails, and builds from `sanity dataset export` archives.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { buildSite } from '../../scripts/build/pipeline.ts'
import { writeExportArchive } from '../../scripts/dataset/archive.ts'
import { type ContentSource, openEmbeddedSource } from '../../scripts/source/index.ts'
import { LiveSourceError } from '../../scripts/source/live/retry.ts'
import { type ContentLakeDouble, startContentLakeDouble } from '../support/content-lake-double.ts'
import { BUNDLED_DATASET, liveSourceFor, NOW, writeContractDataset } from './support.ts'

const run = promisify(execFile)
const site = siteConfigFromEnv({})

/** Every file under `dir` with a hash of its bytes. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex')
  }
  return files
}

const build = (source: ContentSource, out: string, origin = 'content') =>
  buildSite({ source, origin, out, site, now: NOW })

let work: string
let dataset: string
let lake: ContentLakeDouble
let previous: string
let previousFiles: Record<string, string>

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'reel-live-build-'))
  // `_id` order, so that rows tying on every sort key come out alike (see writeContractDataset).
  dataset = await writeContractDataset()
  lake = await startContentLakeDouble({ file: dataset })
  previous = join(work, 'published', 'site')
  await build((await openEmbeddedSource(dataset)).source, previous)
  previousFiles = await fingerprint(previous)
}, 60_000)
afterEach(() => lake.reset())
afterAll(async () => {
  await lake?.close()
})

describe('a build from the live source', () => {
  it('renders the same site, byte for byte, as the embedded source', async () => {
    const out = join(work, 'live', 'site')
    const result = await build(liveSourceFor(lake, { pageSize: 25 }), out)
    expect(result.pages).toBeGreaterThan(10)
    expect(await fingerprint(out)).toEqual(previousFiles)
    expect(lake.requests.map((request) => request.tag)).toEqual(Array(3).fill('reel-status.mirror'))
  })
})

describe('a build from the live source over the bundled file as it is (not in _id order)', () => {
  it('renders the same site, byte for byte', async () => {
    const bundled = await startContentLakeDouble({ file: BUNDLED_DATASET })
    try {
      const fromFile = join(work, 'bundled-embedded')
      const fromLake = join(work, 'bundled-live')
      await build((await openEmbeddedSource(BUNDLED_DATASET)).source, fromFile)
      await build(liveSourceFor(bundled), fromLake)
      expect(await fingerprint(fromLake)).toEqual(await fingerprint(fromFile))
    } finally {
      await bundled.close()
    }
  })
})

describe('no partial site is published', () => {
  const staging = async () => (await readdir(dirname(previous))).filter((name) => name !== 'site')

  it('keeps the previous site byte for byte when the Content Lake keeps failing', async () => {
    lake.inject({ kind: 'status', status: 500 }, { times: Number.POSITIVE_INFINITY })
    const error = await build(liveSourceFor(lake), previous).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LiveSourceError)
    expect((error as Error).message).toMatch(
      /^Sanity query "mirror page 1" failed with HTTP 500 after 4 attempts/,
    )
    expect(lake.requests).toHaveLength(4)
    expect(await fingerprint(previous)).toEqual(previousFiles)
    expect(await staging()).toEqual([])
  })

  it('keeps it when the pull breaks off half way', async () => {
    lake.inject({ kind: 'drop' }, { skip: 1, times: Number.POSITIVE_INFINITY })
    await expect(build(liveSourceFor(lake, { pageSize: 25 }), previous)).rejects.toThrow(
      /^Sanity query "mirror page 2 after [\w-]+" failed after 4 attempts: network error/,
    )
    expect(await fingerprint(previous)).toEqual(previousFiles)
    expect(await staging()).toEqual([])
  })

  it('keeps it when a private dataset answers an anonymous build with nothing', async () => {
    const privateLake = await startContentLakeDouble({ file: dataset, token: 'sk-right' })
    try {
      await expect(build(liveSourceFor(privateLake), previous)).rejects.toThrow(/set SANITY_READ_TOKEN/)
    } finally {
      await privateLake.close()
    }
    expect(await fingerprint(previous)).toEqual(previousFiles)
  })
})

describe('the build CLI', () => {
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, ['scripts/build.ts', ...args], {
      env: { ...process.env, SANITY_PROJECT_ID: '', SANITY_DATASET: '', SANITY_READ_TOKEN: '', ...env },
    })

  it('builds with --source sanity from the SANITY_* environment', async () => {
    const out = join(work, 'cli-live')
    const { stdout } = await cli(['--source', 'sanity', '--out', out, '--quiet'], {
      SANITY_PROJECT_ID: 'reel-test',
      SANITY_DATASET: 'production',
      SANITY_API_HOST: lake.url,
    })
    expect(stdout).toMatch(/^Built \d+ pages into .*cli-live/m)
    expect(lake.requests.every((request) => request.perspective === 'published')).toBe(true)
    expect(lake.requests[0]?.projectHeader).toBe('reel-test')
  })

  it('fails with the query and status, and leaves the old site', async () => {
    const failure = await cli(['--source', 'sanity', '--out', previous, '--quiet'], {
      SANITY_PROJECT_ID: 'reel-test',
      SANITY_DATASET: 'staging',
      SANITY_API_HOST: lake.url,
    }).catch((error: { code: number; stderr: string }) => error)
    expect(failure).toMatchObject({ code: 1 })
    expect((failure as { stderr: string }).stderr).toContain(
      'Build failed: Sanity query "mirror page 1" failed with HTTP 404 after 1 attempt: Not Found - Dataset "staging" not found',
    )
    expect(await fingerprint(previous)).toEqual(previousFiles)
  })

  it('names missing settings', async () => {
    const failure = await cli(['--source', 'sanity', '--out', join(work, 'never')]).catch(
      (error: { code: number; stderr: string }) => error,
    )
    expect((failure as { stderr: string }).stderr).toContain(
      'SANITY_PROJECT_ID and SANITY_DATASET must be set',
    )
  })

  it('builds offline from a `sanity dataset export` archive', async () => {
    const archive = join(work, 'export.tar.gz')
    await writeExportArchive({ dataset, out: archive })
    const out = join(work, 'from-archive')
    const { stdout } = await cli(['--dataset', archive, '--out', out, '--quiet'])
    expect(stdout).toMatch(/^Built \d+ pages/m)
    const fromArchive = join(work, 'from-archive-same-now')
    await build((await openEmbeddedSource(archive)).source, fromArchive)
    expect(await fingerprint(fromArchive)).toEqual(previousFiles)
  })
})
