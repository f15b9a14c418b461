import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  MANIFEST_PATH,
  type Manifest,
  type ManifestPage,
  readManifest,
  writeManifest,
} from '../../scripts/build/incremental/manifest.ts'

const page = (output: string, fp: string, extra: Partial<ManifestPage> = {}): ManifestPage => ({
  output,
  url: `/${output.replace(/index\.html$/, '')}`,
  template: 'site/pages/articles.11ty.ts',
  item: `id:${output}`,
  reads: ['site'],
  whole: false,
  fp,
  ...extra,
})

const manifest = (pages: ManifestPage[]): Manifest => ({
  format: 1,
  code: 'code',
  site: 'site',
  builtAt: '2026-11-30T00:00:00.000Z',
  templates: {
    'site/pages/index.11ty.ts': { fp: 'x' },
    'site/pages/articles.11ty.ts': { items: 'reel.articles' },
  },
  pages,
})

describe('build manifest', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'reel-manifest-'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('writes JSON.stringify of the manifest, pages by output and templates by path', async () => {
    const kept = page('b/index.html', '1', { url: '/b/"quoted"/' })
    const content = manifest([
      page('c/index.html', '3'),
      kept,
      page('a/index.html', '2', { item: undefined }),
    ])
    await writeManifest(join(root, 'one'), content)
    // The same page object again (as a kept page is): its remembered JSON is still the right one.
    await writeManifest(join(root, 'two'), manifest([kept, page('d/index.html', '4')]))
    const expected = (pages: ManifestPage[]): string =>
      `${JSON.stringify({
        ...content,
        templates: {
          'site/pages/articles.11ty.ts': { items: 'reel.articles' },
          'site/pages/index.11ty.ts': { fp: 'x' },
        },
        pages,
      })}\n`
    expect(readFileSync(join(root, 'one', MANIFEST_PATH), 'utf8')).toBe(
      expected([content.pages[2], kept, content.pages[0]] as ManifestPage[]),
    )
    expect(readFileSync(join(root, 'two', MANIFEST_PATH), 'utf8')).toBe(
      expected([kept, page('d/index.html', '4')]),
    )
    // Kept pages in order, then rendered ones in any order (an incremental build): merged by output.
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((name, index) =>
      page(`${name}/index.html`, `${index}`),
    )
    await writeManifest(join(root, 'three'), manifest([a, c, e, d, b] as ManifestPage[]))
    expect(readFileSync(join(root, 'three', MANIFEST_PATH), 'utf8')).toBe(
      expected([a, b, c, d, e] as ManifestPage[]),
    )
    // Told how many are in order (the kept pages), the rest are merged in: before, between, after.
    const [f, g] = ['f', 'g'].map((name) => page(`${name}/index.html`, name))
    for (const [pages, sorted] of [
      [[b, d, f, g, e, a, c], 3],
      [[b, d, f, g, e, a, c], 4],
      [[a, b, c], 0],
      [[c, b, a], 0],
      [[a, b, c, d, e, f, g], 7],
    ] as Array<[ManifestPage[], number]>) {
      await writeManifest(join(root, 'four'), manifest(pages), sorted)
      expect(readFileSync(join(root, 'four', MANIFEST_PATH), 'utf8')).toBe(
        expected([...pages].sort((x, y) => (x.output < y.output ? -1 : 1))),
      )
    }
  })

  it('reads back what it wrote, from memory while the file (or a hard link to it) is unchanged', async () => {
    const dir = join(root, 'build')
    await writeManifest(dir, manifest([page('a/index.html', '1')]))
    const fromDisk = JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8')) as Manifest
    const first = await readManifest(dir)
    expect(first).toEqual(fromDisk)
    expect(await readManifest(dir)).toBe(first)

    const copy = join(root, 'copy')
    mkdirSync(join(copy, '_build'), { recursive: true })
    linkSync(join(dir, MANIFEST_PATH), join(copy, MANIFEST_PATH))
    expect(await readManifest(copy)).toBe(first)

    // Written by someone else: read from the file.
    const edited = { ...fromDisk, pages: [page('a/index.html', 'changed')] }
    writeFileSync(join(copy, MANIFEST_PATH), JSON.stringify(edited))
    expect(await readManifest(copy)).toEqual(edited)
    rmSync(join(dir, MANIFEST_PATH))
    writeFileSync(join(dir, MANIFEST_PATH), JSON.stringify(edited))
    expect(await readManifest(dir)).toEqual(edited)
  })

  it('has no manifest for a directory without one, or with one of another format', async () => {
    expect(await readManifest(join(root, 'none'))).toBeUndefined()
    mkdirSync(join(root, 'old', '_build'), { recursive: true })
    writeFileSync(join(root, 'old', MANIFEST_PATH), JSON.stringify({ ...manifest([]), format: 0 }))
    expect(await readManifest(join(root, 'old'))).toBeUndefined()
    writeFileSync(join(root, 'old', MANIFEST_PATH), '{"format":1,')
    expect(await readManifest(join(root, 'old'))).toBeUndefined()
  })
})
