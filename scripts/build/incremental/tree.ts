import {
  type Dirent,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  type Stats,
} from 'node:fs'
import { readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/**
 * Hard-links files of one build into another (same filesystem): the new build reuses the bytes
 * without copying them. A linked file must never be written in place afterwards, only replaced, or
 * the old build would change too: the build only links pages that it does not render again.
 *
 * @param from previous build directory
 * @param to new build directory
 * @param files paths relative to both
 * @returns the files that could not be linked because something already exists at their path
 */
export function linkFiles(from: string, to: string, files: readonly string[]): string[] {
  const made = new Set<string>()
  const clashes: string[] = []
  for (const file of files) {
    const target = join(to, file)
    const dir = dirname(target)
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      made.add(dir)
    }
    try {
      linkSync(join(from, file), target)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') clashes.push(file)
      else throw error
    }
  }
  return clashes
}

/**
 * Makes `to`, an older hard-linked copy of a build (a release or site no longer served), a copy of
 * the build `from`: what `linkFiles(from, to, files)` into an empty directory gives, at the cost of
 * looking at each file instead of creating a directory and a link per page. A file whose inode is
 * the build's is already right (files are replaced, never written in place); any other is linked
 * again, and what the build does not have is removed.
 *
 * @param from the build to copy
 * @param to the older copy to bring up to date (same filesystem); nothing else may use it
 * @param files every file of `from`, relative, with `/` separators
 * @param known how the two differ, when the caller knows: `to`'s files, and those of `from` it
 *   lacks or has otherwise (the rest is taken as shared without a look)
 * @returns how many files were linked anew and removed
 */
export function syncTree(
  from: string,
  to: string,
  files: readonly string[],
  known?: { before: readonly string[]; written: ReadonlySet<string> },
): { linked: number; removed: number } {
  const wanted = new Set(files)
  const before = known ? known.before : filesUnderSync(to)
  let removed = 0
  for (const file of before) {
    if (wanted.has(file)) continue
    removeFile(to, file)
    removed += 1
  }
  const had = known ? new Set(known.before) : undefined
  const made = new Set<string>()
  let linked = 0
  for (const file of files) {
    const source = join(from, file)
    const target = join(to, file)
    let present: Stats | undefined
    if (had && known) {
      if (had.has(file) && !known.written.has(file)) continue
    } else {
      present = lstatSync(target, { throwIfNoEntry: false })
      if (present?.isFile()) {
        const { ino, dev } = lstatSync(source)
        if (present.ino === ino && present.dev === dev) continue
      }
    }
    // Another file, or a directory where the build has a file.
    if (present || had?.has(file)) rmSync(target, { recursive: true, force: true })
    const dir = dirname(target)
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      made.add(dir)
    }
    linkSync(source, target)
    linked += 1
  }
  return { linked, removed }
}

/**
 * A hard-linked copy of the previous build, made ahead of time (the publisher makes one while it is
 * idle): an incremental build settles into it instead of linking every unchanged page anew, which
 * takes one directory and one link per page.
 */
export interface PreparedTree {
  /** The copy (absolute, same filesystem as the build). */
  dir: string
  /** Every file in it, relative, with `/` separators. */
  files: readonly string[]
}

/**
 * Makes `tree` the build in `fresh`: each file written to `fresh` replaces its path in the tree
 * (a rename, so the previous build, which shares the tree's other files, keeps its own), files of the
 * tree that are neither in `keep` nor written are removed (with directories they leave empty), and
 * the tree then takes the place of `fresh`. The result is what `fresh` plus `keep` linked from the
 * previous build would be.
 *
 * @param fresh the build's directory, holding only what it wrote
 * @param tree a copy of the previous build
 * @param keep paths of the tree's files the build keeps
 * @returns the files written (renamed in) and every file of the result
 */
export function settleIntoTree(fresh: string, tree: PreparedTree, keep: ReadonlySet<string>): SettledTree {
  // Synchronous throughout: an incremental build writes dozens of files, each in a directory of its
  // own, and a thread-pool round trip per directory and file took several times the work itself.
  const written = filesUnderSync(fresh)
  const writtenSet = new Set(written)
  const files = [...written]
  for (const file of tree.files) {
    if (writtenSet.has(file)) continue
    if (keep.has(file)) {
      files.push(file)
      continue
    }
    removeFile(tree.dir, file)
  }
  const made = new Set<string>()
  for (const file of written) {
    const target = join(tree.dir, file)
    const dir = dirname(target)
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      made.add(dir)
    }
    renameSync(join(fresh, file), target)
  }
  rmSync(fresh, { recursive: true, force: true })
  renameSync(tree.dir, fresh)
  return { written, files }
}

/**
 * Puts the directory `replacement`, holding `files`, at `sub` in a prepared tree in place of what was
 * there (moved to `replaced`, for the caller to remove): two renames, so the tree never holds part of
 * either, and is left as it was when the second fails. Gives the tree with its files to match.
 *
 * @param tree a prepared copy
 * @param sub a top-level directory of the tree, e.g. its search index
 * @param replacement the new content of `sub` (same filesystem; it is moved)
 * @param files every file in `replacement`, relative to it
 * @param replaced a fresh path the old `sub` is moved to
 */
export function replaceSubtree(
  tree: PreparedTree,
  sub: string,
  replacement: string,
  files: readonly string[],
  replaced: string,
): PreparedTree {
  const target = join(tree.dir, sub)
  let moved = true
  try {
    renameSync(target, replaced)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    moved = false
  }
  try {
    renameSync(replacement, target)
  } catch (error) {
    if (moved) renameSync(replaced, target)
    throw error
  }
  const prefix = `${sub}/`
  return {
    dir: tree.dir,
    files: [...tree.files.filter((file) => !file.startsWith(prefix)), ...files.map((file) => prefix + file)],
  }
}

/** What {@link settleIntoTree} made of a prepared tree. */
export interface SettledTree {
  /** Files the build wrote. */
  written: string[]
  /** Every file of the result. */
  files: string[]
}

/** Paths of every file under `dir`, relative, with `/` separators. */
export async function filesUnder(dir: string): Promise<string[]> {
  return relativeFiles(dir, await readdir(dir, { recursive: true, withFileTypes: true }))
}

/**
 * {@link filesUnder}, without leaving the thread: for a directory of a few files, such as what an
 * incremental build wrote.
 */
export function filesUnderSync(dir: string): string[] {
  return relativeFiles(dir, readdirSync(dir, { recursive: true, withFileTypes: true }))
}

function relativeFiles(dir: string, entries: ReadonlyArray<Dirent>): string[] {
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .replaceAll('\\', '/'),
    )
}

/**
 * Removes `file` under `root`, and the directories that leaves empty, deepest first. Synchronous:
 * the few removals of a build cost less than a thread-pool round trip each.
 */
export function removeFile(root: string, file: string): void {
  rmSync(join(root, file), { force: true })
  let dir = dirname(file)
  while (dir !== '.' && dir !== '') {
    try {
      rmdirSync(join(root, dir))
    } catch {
      return
    }
    dir = dirname(dir)
  }
}
