import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { filesUnder, linkFiles, syncTree } from '../../scripts/build/incremental/tree.ts'
import { inodes, put } from '../support/trees.ts'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reel-sync-tree-'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

async function directories(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}

it('brings an older copy up to date: the same files as a fresh copy, each the build’s own', async () => {
  // The older release, and a copy of it (hard links), as a pruned release would be.
  const old = join(root, 'old')
  await put(join(old, 'index.html'), 'home v1')
  await put(join(old, 'articles/kept/index.html'), 'kept')
  await put(join(old, 'articles/edited/index.html'), 'edited v1')
  await put(join(old, 'articles/deleted/index.html'), 'deleted')
  await put(join(old, 'feed'), 'a file where the build has a directory')
  await put(join(old, 'search/page/index.html'), 'a directory where the build has a file')
  const recycled = join(root, 'recycled')
  linkFiles(old, recycled, await filesUnder(old))

  // The build: what it kept shares the old release's files; what it wrote is new.
  const build = join(root, 'build')
  linkFiles(old, build, ['articles/kept/index.html'])
  await put(join(build, 'index.html'), 'home v2')
  await put(join(build, 'articles/edited/index.html'), 'edited v2')
  await put(join(build, 'articles/created/index.html'), 'created')
  await put(join(build, 'feed/index.xml'), 'feed')
  await put(join(build, 'search/page'), 'now a file')
  const files = await filesUnder(build)

  const result = syncTree(build, recycled, files)

  const fresh = join(root, 'fresh')
  linkFiles(build, fresh, files)
  expect(await inodes(recycled)).toEqual(await inodes(build))
  expect(await inodes(fresh)).toEqual(await inodes(build))
  expect(await directories(recycled)).toEqual(await directories(fresh))
  // Linked anew: the four files the build wrote, and the one in place of a directory; the kept
  // page stayed as it was.
  expect(result).toEqual({ linked: 5, removed: 3 })
  // The build and the older release are untouched.
  expect(await inodes(old)).toMatchObject({
    'articles/kept/index.html': (await inodes(build))['articles/kept/index.html'],
  })
  expect(Object.keys(await inodes(old))).toHaveLength(6)
})

it('links nothing when the copy is already the build’s', async () => {
  const build = join(root, 'build')
  await put(join(build, 'index.html'), 'home')
  await put(join(build, 'articles/a/index.html'), 'a')
  const files = await filesUnder(build)
  const copy = join(root, 'copy')
  linkFiles(build, copy, files)
  expect(syncTree(build, copy, files)).toEqual({ linked: 0, removed: 0 })
  expect(await inodes(copy)).toEqual(await inodes(build))
})

it('trusts what the caller knows: only the files it names as written are linked again', async () => {
  const old = join(root, 'old')
  await put(join(old, 'index.html'), 'home v1')
  await put(join(old, 'articles/a/index.html'), 'a')
  await put(join(old, 'articles/gone/index.html'), 'gone')
  const copy = join(root, 'copy')
  const before = await filesUnder(old)
  linkFiles(old, copy, before)

  const build = join(root, 'build')
  linkFiles(old, build, ['articles/a/index.html'])
  await put(join(build, 'index.html'), 'home v2')
  await put(join(build, 'articles/b/index.html'), 'b')
  const files = await filesUnder(build)

  const result = syncTree(build, copy, files, {
    before,
    written: new Set(['index.html', 'articles/b/index.html']),
  })
  expect(result).toEqual({ linked: 2, removed: 1 })
  expect(await inodes(copy)).toEqual(await inodes(build))
})
