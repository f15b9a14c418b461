import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'

/** Relative paths of every file under `dir`, and of empty directories (with a trailing `/`), sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (path: string) => {
    const entries = await readdir(path, { withFileTypes: true })
    if (entries.length === 0 && path !== dir) out.push(`${relative(dir, path)}/`)
    for (const entry of entries) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) await walk(full)
      else out.push(relative(dir, full))
    }
  }
  await walk(dir)
  return out.sort()
}

/**
 * Differences between two directory trees: files only in one of them, and files whose bytes differ.
 * `ignore` paths (relative) are skipped, e.g. build reports with timestamps.
 */
export async function compareTrees(a: string, b: string, ignore: readonly string[] = []): Promise<string[]> {
  const skip = new Set(ignore)
  const left = (await listFiles(a)).filter((p) => !skip.has(p))
  const right = (await listFiles(b)).filter((p) => !skip.has(p))
  const inRight = new Set(right)
  const inLeft = new Set(left)
  const differences: string[] = []
  for (const path of left) if (!inRight.has(path)) differences.push(`only in ${a}: ${path}`)
  for (const path of right) if (!inLeft.has(path)) differences.push(`only in ${b}: ${path}`)
  for (const path of left) {
    if (!inRight.has(path)) continue
    if (path.endsWith('/')) continue
    const [x, y] = await Promise.all([readFile(join(a, path)), readFile(join(b, path))])
    if (!x.equals(y)) differences.push(`differs: ${path}`)
  }
  return differences
}
