import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
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

  it('deletes many trees in the order asked, each promise settling when its tree is gone', async () => {
    const trees = Array.from({ length: 5 }, (_, i) => join(root, `tree-${i}`))
    for (const tree of trees) {
      mkdirSync(join(tree, 'a', 'b'), { recursive: true })
      writeFileSync(join(tree, 'a', 'b', 'index.html'), 'x')
    }
    const order: number[] = []
    await Promise.all(
      trees.map((tree, i) =>
        removeTree(tree).then(() => {
          order.push(i)
          expect(existsSync(tree)).toBe(false)
        }),
      ),
    )
    expect(order).toEqual([0, 1, 2, 3, 4])
  })

  it('does not keep a process up once its deletions are done', async () => {
    const tree = join(root, 'release')
    mkdirSync(join(tree, 'a'), { recursive: true })
    writeFileSync(join(tree, 'a', 'index.html'), 'x')
    const module = fileURLToPath(new URL('./remove-tree.ts', import.meta.url))
    const script = `const { removeTree } = await import(${JSON.stringify(module)}); await removeTree(${JSON.stringify(tree)}); console.log('removed')`
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      timeout: 20_000,
    })
    expect(stdout.trim()).toBe('removed')
    expect(existsSync(tree)).toBe(false)
  })
})
