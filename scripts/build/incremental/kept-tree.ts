/**
 * The build CLI's copy of its published site, kept between incremental builds beside it
 * (`.<out>.tree/`, with `.<out>.tree.json` saying which site it copies and what it holds).
 *
 * An incremental build replaces the published directory with a new one made of the pages it rendered
 * and hard links to every unchanged page. Instead of deleting the directory it replaced, the build
 * turns it into a hard-linked copy of the new site, touching only the files that differ, and the next
 * incremental build settles into that copy (see `settleIntoTree`) instead of creating one directory
 * and one link per page again. The copy is only used while it matches the published site exactly.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { MANIFEST_PATH } from './manifest.ts'
import { filesUnder, type PreparedTree, syncTree } from './tree.ts'

interface TreeRecord {
  /** Hash of the build manifest of the site the copy mirrors. */
  of: string
  files: string[]
}

/** Where the copy of `out` is kept. */
export function keptTreeDir(out: string): string {
  return join(dirname(out), `.${basename(out)}.tree`)
}

/**
 * The kept copy of `out`, when it mirrors `out` as it is now; a stale copy is removed.
 *
 * @param out the published site
 */
export async function openKeptTree(out: string): Promise<PreparedTree | undefined> {
  const dir = keptTreeDir(out)
  const record = await readRecord(dir)
  if (record && existsSync(dir) && record.of === (await manifestHash(out)))
    return { dir, files: record.files }
  await discardKeptTree(out)
  return undefined
}

/** Removes the kept copy of `out`, if any. */
export async function discardKeptTree(out: string): Promise<void> {
  const dir = keptTreeDir(out)
  await rm(`${dir}.json`, { force: true })
  await rm(dir, { recursive: true, force: true })
}

/**
 * Turns `retired` (the site `out` just replaced) into the kept copy of `out`: files of `out` that
 * `retired` does not share (another inode, or missing) are linked in, files `out` no longer has are
 * removed, then it moves to {@link keptTreeDir}. On any failure the copy is dropped; the published
 * site is never touched.
 *
 * @param retired the previous site, no longer published
 * @param out the site just published
 * @param known how the two differ, when the build knows (it settled into a copy of `retired`):
 *   `retired`'s files, the files written, and `out`'s files; else both are listed and compared
 */
export async function keepAsTree(
  retired: string,
  out: string,
  known?: { before: readonly string[]; written: readonly string[]; files: readonly string[] },
): Promise<void> {
  const dir = keptTreeDir(out)
  await discardKeptTree(out)
  try {
    const now = known ? [...known.files] : await filesUnder(out)
    syncTree(out, retired, now, known ? { before: known.before, written: new Set(known.written) } : undefined)
    const of = await manifestHash(out)
    if (of === undefined) throw new Error(`${out} has no ${MANIFEST_PATH}`)
    await rename(retired, dir)
    const record: TreeRecord = { of, files: now }
    await writeFile(`${dir}.json`, JSON.stringify(record))
  } catch {
    await rm(retired, { recursive: true, force: true })
    await discardKeptTree(out)
  }
}

async function readRecord(dir: string): Promise<TreeRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(`${dir}.json`, 'utf8')) as TreeRecord
    return typeof record.of === 'string' && Array.isArray(record.files) ? record : undefined
  } catch {
    return undefined
  }
}

async function manifestHash(out: string): Promise<string | undefined> {
  try {
    return createHash('sha1')
      .update(await readFile(join(out, MANIFEST_PATH)))
      .digest('base64')
  } catch {
    return undefined
  }
}
