import { lstatSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { filesUnder } from '../../scripts/build/incremental/tree.ts'

/**
 * Every file under `dir` with its inode, by relative path: two hard-linked trees with equal maps hold
 * the very same files.
 *
 * @param dir the tree to list
 */
export async function inodes(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const file of (await filesUnder(dir)).sort()) out[file] = lstatSync(join(dir, file)).ino
  return out
}

/**
 * Writes `text` to `file`, making its directories first.
 *
 * @param file absolute path of the file
 * @param text its content
 */
export async function put(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, text)
}
