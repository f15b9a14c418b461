import { lstatSync } from 'node:fs'
import { join } from 'node:path'
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
