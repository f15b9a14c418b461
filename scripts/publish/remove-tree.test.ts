import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { removeTree } from './remove-tree.ts'

describe('removeTree', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'reel-remove-'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('deletes a directory tree with its files, empty directories and links, not what links point to', async () => {
    const outside = join(root, 'outside')
    mkdirSync(outside)
    writeFileSync(join(outside, 'keep.txt'), 'kept')
    const tree = join(root, 'release')
    mkdirSync(join(tree, 'articles', 'a'), { recursive: true })
    mkdirSync(join(tree, 'empty', 'deeper'), { recursive: true })
    writeFileSync(join(tree, 'index.html'), 'home')
    writeFileSync(join(tree, 'articles', 'a', 'index.html'), 'a')
    symlinkSync(outside, join(tree, 'articles', 'link-to-dir'))
    symlinkSync(join(outside, 'keep.txt'), join(tree, 'link-to-file'))

    await removeTree(tree)

    expect(existsSync(tree)).toBe(false)
    expect(readFileSync(join(outside, 'keep.txt'), 'utf8')).toBe('kept')
  })

  it('deletes a single file, and takes a missing path as already deleted', async () => {
    const file = join(root, 'file.json')
    writeFileSync(file, '{}')
    await removeTree(file)
    expect(existsSync(file)).toBe(false)
    await expect(removeTree(join(root, 'missing', 'deeper'))).resolves.toBeUndefined()
  })
})
