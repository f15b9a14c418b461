import { existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compareTrees, listFiles } from '../../bench/tree.ts'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { keptTreeDir, openKeptTree } from '../../scripts/build/incremental/kept-tree.ts'
import { buildSite } from '../../scripts/build/pipeline.ts'
import { generateDocuments } from '../../scripts/gen/dataset.ts'
import { applyChanges, changeSlug, editFields, editText } from '../../scripts/gen/edits.ts'
import { createEmbeddedSource } from '../../scripts/source/index.ts'
import type { SanityDocument } from '../../scripts/source/types.ts'

/*
 * `npm run build -- --changed …` keeps the site it replaces as a hard-linked copy of the new one and
 * settles the next incremental build into it: the published result must stay what a full build gives.
 */

const NOW = new Date('2026-11-30T08:00:00Z')
const site = siteConfigFromEnv({ SITE_URL: 'https://reelstatus.example' })

let work: string
let out: string
let documents: SanityDocument[]
let step = 0

const byType = (type: string) => documents.filter((d) => d._type === type && !d._id.startsWith('drafts.'))

async function build(changed: string[] | undefined, dir = out, search = false): Promise<string[]> {
  const steps: string[] = []
  const source = createEmbeddedSource({ file: join(work, 'data.ndjson'), documents }, { validate: true })
  await buildSite({
    source,
    origin: join(work, 'data.ndjson'),
    out: dir,
    site,
    now: NOW,
    cacheDir: changed ? join(work, 'cache') : false,
    search,
    progress: { step: (message) => steps.push(message), warn() {} },
    ...(changed ? { changed } : {}),
  })
  return steps
}

/** Applies a change, builds incrementally, and compares with a full build and with the kept copy. */
async function publish(upserts: SanityDocument[], search = false): Promise<string[]> {
  documents = applyChanges(documents, upserts, [])
  step += 1
  const steps = await build(
    upserts.map((doc) => doc._id),
    out,
    search,
  )
  const full = join(work, `full-${step}`)
  await build(undefined, full, search)
  expect(await compareTrees(full, out)).toEqual([])
  const tree = await openKeptTree(out)
  expect(tree).toBeDefined()
  expect(await compareTrees(out, keptTreeDir(out))).toEqual([])
  expect([...(tree?.files ?? [])].sort()).toEqual(await listFiles(out))
  return steps
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'reel-kept-tree-'))
  out = join(work, '_site')
  documents = [...generateDocuments({ articles: 30, seed: 'kept-tree' })]
  await build(undefined)
}, 60_000)

describe('the copy an incremental CLI build keeps', () => {
  it('is made from the replaced site, then used by the next build, which stays a full build’s equal', async () => {
    expect(existsSync(keptTreeDir(out))).toBe(false)
    const [a, b] = byType('article') as [SanityDocument, SanityDocument]
    const first = await publish([editText(a, 'A first incremental edit.')])
    expect(first.some((s) => s.startsWith('settling'))).toBe(false)

    const second = await publish([editFields(b, { title: 'A Second Edit' })])
    expect(second.some((s) => s.startsWith('settling'))).toBe(true)
    const third = await publish([changeSlug(b, 'a-moved-article')])
    expect(third.some((s) => s.startsWith('settling'))).toBe(true)
    expect(await listFiles(out)).toContain('articles/a-moved-article/index.html')
    // With the search index, which is made anew after settling.
    const fourth = await publish([editFields(a, { title: 'Indexed Again' })], true)
    expect(fourth.some((s) => s.startsWith('settling'))).toBe(true)
    expect((await listFiles(out)).some((file) => file.startsWith('pagefind/'))).toBe(true)
    const fifth = await publish([editFields(b, { title: 'Indexed Once More' })], true)
    expect(fifth.some((s) => s.startsWith('settling'))).toBe(true)
  })

  it('is not used once the site changed without it, and a full build drops it', async () => {
    await writeFile(
      join(out, '_build', 'manifest.json'),
      `${await readFile(join(out, '_build', 'manifest.json'), 'utf8')} `,
    )
    expect(await openKeptTree(out)).toBeUndefined()
    expect(existsSync(keptTreeDir(out))).toBe(false)

    const [a] = byType('article') as [SanityDocument]
    await publish([editText(a, 'Rebuilt its copy.')])
    expect(existsSync(keptTreeDir(out))).toBe(true)
    await build(undefined)
    expect(existsSync(keptTreeDir(out))).toBe(false)
  })
})
