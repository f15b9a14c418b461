import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { filesUnder, replaceSubtree } from '../../scripts/build/incremental/tree.ts'
import { put } from '../support/trees.ts'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reel-subtree-'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

it('puts the new directory in place of the old one and lists the tree to match', async () => {
  const tree = join(root, 'tree')
  await put(join(tree, 'index.html'), 'home')
  await put(join(tree, 'pagefind/old.pf'), 'old')
  await put(join(tree, 'pagefind/fragment/a.pf'), 'old fragment')
  await put(join(root, 'next/new.pf'), 'new')
  await put(join(root, 'next/fragment/b.pf'), 'new fragment')

  const result = replaceSubtree(
    { dir: tree, files: ['index.html', 'pagefind/old.pf', 'pagefind/fragment/a.pf'] },
    'pagefind',
    join(root, 'next'),
    ['new.pf', 'fragment/b.pf'],
    join(root, 'replaced'),
  )

  expect(result.dir).toBe(tree)
  expect([...result.files].sort()).toEqual(['index.html', 'pagefind/fragment/b.pf', 'pagefind/new.pf'])
  expect((await filesUnder(tree)).sort()).toEqual([...result.files].sort())
  expect(await readFile(join(tree, 'pagefind/new.pf'), 'utf8')).toBe('new')
  expect(existsSync(join(root, 'next'))).toBe(false)
  // The old directory is left where the caller said, whole, for it to remove.
  expect((await filesUnder(join(root, 'replaced'))).sort()).toEqual(['fragment/a.pf', 'old.pf'])
})

it('adds the directory to a tree that had none', async () => {
  const tree = join(root, 'tree')
  await put(join(tree, 'index.html'), 'home')
  await put(join(root, 'next/new.pf'), 'new')
  const result = replaceSubtree(
    { dir: tree, files: ['index.html'] },
    'pagefind',
    join(root, 'next'),
    ['new.pf'],
    join(root, 'replaced'),
  )
  expect([...result.files].sort()).toEqual(['index.html', 'pagefind/new.pf'])
  expect(existsSync(join(root, 'replaced'))).toBe(false)
})

it('leaves the tree as it was when the new directory is missing', async () => {
  const tree = join(root, 'tree')
  await put(join(tree, 'pagefind/old.pf'), 'old')
  expect(() =>
    replaceSubtree(
      { dir: tree, files: ['pagefind/old.pf'] },
      'pagefind',
      join(root, 'missing'),
      [],
      join(root, 'replaced'),
    ),
  ).toThrow()
  expect(await filesUnder(tree)).toEqual(['pagefind/old.pf'])
})
