import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { buildSite } from '../../scripts/build/pipeline.ts'
import { SAMPLE_KEY_ART } from '../../scripts/content/build-dataset.ts'
import { openEmbeddedSource } from '../../scripts/source/index.ts'

const run = promisify(execFile)
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

let out: string
let pages: number

beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'reel-site-')), 'site')
  const { source, dataset } = await openEmbeddedSource('content/data.ndjson')
  const result = await buildSite({
    source,
    origin: dataset.file,
    out,
    site: siteConfigFromEnv({}),
    now: new Date('2026-11-30T00:00:00Z'),
  })
  pages = result.pages
}, 60_000)

const read = (path: string) => readFile(join(out, path), 'utf8')

describe('site built from the bundled dataset', () => {
  it('writes every page type', async () => {
    expect(pages).toBeGreaterThan(10)
    for (const path of [
      'index.html',
      '404.html',
      'status/index.html',
      'shows/partner-track/index.html',
      'people/alexandra-turshen/index.html',
    ]) {
      expect(await read(path)).toMatch(/^<!doctype html>/)
    }
  })

  it('renders the seed article with its headings, paragraphs and the cast list from castCredits', async () => {
    const html = await read('articles/partner-track-season-2-cancelled/index.html')
    expect(html).toContain('<h1>Partner Track Season 2: Is the Latest Netflix Legal Drama Cancelled?</h1>')
    expect(html).toMatch(/<h2[^>]*>What is the release date of Partner Track season 2\?<\/h2>/)
    expect(text(html)).toContain('Based on Helen Wan’s 2013 novel')
    for (const line of [
      'Alexandra Turshen as Rachel Friedman',
      'Bradley Gibson as Tyler Robinson',
      'Desmond Chiam as Zi-Xin ‘Z’ Min',
      'Dominic Sherwood as Jeff Murphy',
      'Matthew Rauch as Marty Adler',
      'Nolan Gerard Funk as Dan Fallon',
    ]) {
      expect(text(html)).toContain(line)
    }
    expect(html).toContain('href="/people/alexandra-turshen/"')
  })

  it('never shows the unpublished draft', async () => {
    const html = await read('articles/partner-track-season-2-cancelled/index.html')
    expect(html).not.toContain('DRAFT')
  })

  it('shows Partner Track as cancelled, with the date and a source', async () => {
    const html = await read('shows/partner-track/index.html')
    const current = text(html.slice(html.indexOf('<h2 id="current-status">')))
    expect(current).toMatch(/Current status Cancelled Official since \d{1,2} \w+ 2022/)
    expect(html).toMatch(/<ul class="sources"><li><a href="https:\/\//)
  })

  it('serves the sample key art as local files with their dimensions', async () => {
    const art = SAMPLE_KEY_ART['show-harbor-lights']
    const html = await read('shows/harbor-lights/index.html')
    expect(html).toMatch(
      new RegExp(
        `<img class="lead-image" src="/images/${art.fileName}" width="1200" height="675" alt="Sample key art for Harbor Lights`,
      ),
    )
    expect(await readFile(join(out, 'images', art.fileName))).toEqual(art.png)
  })

  it('lists the status groups on the home page', async () => {
    const html = await read('index.html')
    expect(text(html)).toContain('Cancelled')
    expect(html).toContain('href="/shows/partner-track/"')
  })
})

describe('build CLI', () => {
  it('prints one summary line and leaves the old site untouched on failure', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reel-cli-'))
    const target = join(dir, 'site')
    const ok = await run(process.execPath, ['scripts/build.ts', '--out', target, '--quiet'])
    expect(ok.stdout.trim()).toMatch(/^Built \d+ pages into .+ in [\d.]+s with \d+ warning\(s\)$/)
    const before = await readFile(join(target, 'index.html'), 'utf8')

    const broken = join(dir, 'broken.ndjson')
    await writeFile(broken, '{"_id":"a","_type":"show"}\n{"_id": "b", oops}\n')
    const failed = await run(process.execPath, [
      'scripts/build.ts',
      '--dataset',
      broken,
      '--out',
      target,
    ]).catch((e) => e)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain(`${broken}:2`)
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe(before)
  }, 60_000)
})

describe('a build that fails', () => {
  it('lets go of the rich-text cache at once (lock, files, exit hook): the next build opens it', async () => {
    const { HOSTILE_DATASET } = await import('../hostile/write-fixture.ts')
    const { source, dataset } = await openEmbeddedSource(HOSTILE_DATASET)
    const root = await mkdtemp(join(tmpdir(), 'reel-fail-'))
    const cacheDir = join(root, 'cache')
    const exitHooks = process.listenerCount('exit')
    const options = {
      source,
      origin: dataset.file,
      out: join(root, 'site'),
      site: siteConfigFromEnv({}),
      now: new Date('2026-11-30T00:00:00Z'),
      cacheDir,
      search: false,
    }
    await expect(buildSite({ ...options, strict: true })).rejects.toThrow(/strict mode/)
    expect(process.listenerCount('exit')).toBe(exitHooks)
    await expect(readFile(join(cacheDir, 'lock', 'pid'), 'utf8')).rejects.toThrow(/ENOENT/)
    const steps: string[] = []
    await buildSite({ ...options, progress: { step: (message) => steps.push(message), warn: () => {} } })
    expect(steps.some((step) => /in use by another build/.test(step))).toBe(false)
    expect(process.listenerCount('exit')).toBe(exitHooks)
  }, 60_000)
})
