import { randomBytes } from 'node:crypto'
import {
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import type { Fingerprint } from './fingerprint.ts'
import { removeTree } from './remove-tree.ts'

/*
 * Releases: every build is a directory `<root>/<id>/` (root defaults to `.builds/` beside the
 * published path) with its metadata beside it in `<root>/<id>.json`, outside the served tree. The
 * published path (`_site` by default) is a symlink to the current release, replaced atomically: a
 * new symlink is created under a temporary name and renamed over the old one, so readers see the
 * old or the new release, never a mix and never nothing. The last N releases are kept for an
 * instant rollback (re-point the symlink).
 *
 * `npm run build` writes a plain `_site/` directory; when the publisher finds one there it moves it
 * into the releases (as an imported release, so it can be rolled back to) and puts the symlink in
 * its place.
 */

export interface ReleaseMeta {
  id: string
  createdAt: string
  reasons: string[]
  /** Document ids named by the webhooks merged into this build (empty for full rebuilds only). */
  changedIds: string[]
  full: boolean
  /** HTML files in the release. */
  pages: number
  warnings: string[]
  durationMs: number
  /** Source state the build read; reconciliation compares against it. */
  fingerprint: Fingerprint | null
  /** Earliest future `publishedAt` at build time: a rebuild is due then. */
  nextScheduledAt: string | null
  origin: string
  /** Moved in from a plain directory built by `npm run build`. */
  imported?: boolean
}

export interface ReleaseInfo {
  id: string
  dir: string
  meta: ReleaseMeta | null
}

export type CurrentRelease =
  | { kind: 'release'; id: string; dir: string }
  | { kind: 'directory'; dir: string }
  | { kind: 'external'; dir: string }
  | { kind: 'none' }

/** Raised when a freshly built release does not look like a complete site. */
export class ReleaseValidationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReleaseValidationError'
  }
}

const ID_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{4}$/
/** Names of what interrupted builds, swaps, copies and deletions leave in the releases directory. */
const LEFTOVERS = ['.staging-', '.import-', '.tree-', '.trash-']

export function isReleaseId(value: string): boolean {
  return ID_PATTERN.test(value)
}

/** Sortable, filesystem-safe id: `20261130T090000123Z-1a2b`. */
export function newReleaseId(date = new Date()): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('.', '')
  return `${stamp}-${randomBytes(2).toString('hex')}`
}

export interface ReleasesOptions {
  /** The published path: a symlink to the current release. */
  link: string
  /** Where releases live; default `.builds` beside `link`. */
  root?: string
  /** Releases kept besides the current one's predecessors; default 5. */
  keep?: number
}

export class Releases {
  readonly link: string
  readonly root: string
  readonly keep: number

  constructor(options: ReleasesOptions) {
    this.link = resolve(options.link)
    this.root = resolve(options.root ?? join(dirname(this.link), '.builds'))
    this.keep = Math.max(1, options.keep ?? 5)
    if (this.root === this.link || this.root.startsWith(`${this.link}/`)) {
      throw new Error(`the releases directory ${this.root} cannot be inside the published path ${this.link}`)
    }
  }

  /** Creates the releases directory and removes leftovers of interrupted builds and swaps. */
  async init(): Promise<string[]> {
    await mkdir(this.root, { recursive: true })
    const removed: string[] = []
    for (const name of await readdir(this.root)) {
      if (LEFTOVERS.some((prefix) => name.startsWith(prefix))) {
        await rm(join(this.root, name), { recursive: true, force: true })
        removed.push(join(this.root, name))
      }
    }
    const linkDir = dirname(this.link)
    const swapPrefix = `.${basename(this.link)}.swap-`
    for (const name of await readdir(linkDir).catch(() => [] as string[])) {
      if (name.startsWith(swapPrefix)) {
        await rm(join(linkDir, name), { force: true })
        removed.push(join(linkDir, name))
      }
    }
    return removed
  }

  dirOf(id: string): string {
    return join(this.root, id)
  }

  /** A fresh directory name for a copy of release `id` made for the next build (not created). */
  treeDir(id: string): string {
    return join(this.root, `.tree-${id}-${randomBytes(2).toString('hex')}`)
  }

  /** A fresh directory name for a build in progress (not created). */
  stagingDir(id: string): string {
    return join(this.root, `.staging-${id}`)
  }

  async current(): Promise<CurrentRelease> {
    let info: Awaited<ReturnType<typeof lstat>>
    try {
      info = await lstat(this.link)
    } catch {
      return { kind: 'none' }
    }
    if (info.isDirectory()) return { kind: 'directory', dir: this.link }
    if (!info.isSymbolicLink()) return { kind: 'none' }
    const target = resolve(dirname(this.link), await readlink(this.link))
    const id = basename(target)
    if (dirname(target) === this.root && isReleaseId(id)) return { kind: 'release', id, dir: target }
    return { kind: 'external', dir: target }
  }

  async readMeta(id: string): Promise<ReleaseMeta | null> {
    try {
      return JSON.parse(await readFile(join(this.root, `${id}.json`), 'utf8')) as ReleaseMeta
    } catch {
      return null
    }
  }

  /** Complete releases, oldest first. */
  async list(): Promise<ReleaseInfo[]> {
    const names = await readdir(this.root).catch(() => [] as string[])
    const ids = names.filter(isReleaseId).sort()
    const releases: ReleaseInfo[] = []
    for (const id of ids) {
      const dir = this.dirOf(id)
      if (
        !(await stat(dir)
          .then((s) => s.isDirectory())
          .catch(() => false))
      )
        continue
      releases.push({ id, dir, meta: await this.readMeta(id) })
    }
    return releases
  }

  /**
   * Moves a finished build into the releases under `meta.id`, with its metadata.
   *
   * @param staging the directory the build rendered into
   */
  async commit(staging: string, meta: ReleaseMeta): Promise<string> {
    if (!isReleaseId(meta.id)) throw new Error(`not a release id: ${meta.id}`)
    await writeFile(join(this.root, `${meta.id}.json`), `${JSON.stringify(meta, null, 2)}\n`)
    const dir = this.dirOf(meta.id)
    await rename(staging, dir)
    return dir
  }

  /**
   * Points the published path at release `id` (atomic symlink swap). A plain directory found there
   * is first moved into the releases.
   *
   * @returns the release that was current before, if any, and an imported release id
   */
  async activate(id: string): Promise<{ previous: string | null; imported: string | null }> {
    if (!isReleaseId(id)) throw new Error(`not a release id: ${id}`)
    const target = this.dirOf(id)
    await assertHasHome(target)
    const current = await this.current()
    const imported = current.kind === 'directory' ? await this.importDirectory() : null
    const temp = join(dirname(this.link), `.${basename(this.link)}.swap-${randomBytes(4).toString('hex')}`)
    await mkdir(dirname(this.link), { recursive: true })
    await symlink(relative(dirname(this.link), target), temp, 'dir')
    try {
      await rename(temp, this.link)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
    return { previous: current.kind === 'release' ? current.id : imported, imported }
  }

  /**
   * When the published path is a plain directory (from `npm run build`), moves it into the
   * releases as an imported release and points the symlink at it.
   *
   * @returns the new release id, or null when there was nothing to import
   */
  async importDirectory(): Promise<string | null> {
    const current = await this.current()
    if (current.kind !== 'directory') return null
    const id = newReleaseId()
    const dir = this.dirOf(id)
    try {
      await rename(this.link, dir)
    } catch (error) {
      throw new Error(
        `could not move the plain directory ${this.link} into ${this.root} (${(error as Error).message}); move or delete it and start again`,
      )
    }
    const pages = await countPages(dir)
    const meta: ReleaseMeta = {
      id,
      createdAt: new Date().toISOString(),
      reasons: ['imported'],
      changedIds: [],
      full: true,
      pages,
      warnings: [],
      durationMs: 0,
      fingerprint: null,
      nextScheduledAt: null,
      origin: this.link,
      imported: true,
    }
    await writeFile(join(this.root, `${id}.json`), `${JSON.stringify(meta, null, 2)}\n`)
    const temp = join(dirname(this.link), `.${basename(this.link)}.swap-${randomBytes(4).toString('hex')}`)
    await symlink(relative(dirname(this.link), dir), temp, 'dir')
    await rename(temp, this.link)
    return id
  }

  /**
   * Re-points the published path at an older release: `to`, or the newest one older than the
   * current release.
   */
  async rollback(to?: string): Promise<{ from: string | null; to: string }> {
    const releases = await this.list()
    const current = await this.current()
    const from = current.kind === 'release' ? current.id : null
    let target: string | undefined
    if (to) {
      if (!releases.some((r) => r.id === to)) throw new Error(`no release ${to} in ${this.root}`)
      target = to
    } else if (from) {
      target = releases.filter((r) => r.id < from).at(-1)?.id
      if (!target) throw new Error(`no release older than ${from} to roll back to`)
    } else {
      target = releases.at(-1)?.id
      if (!target) throw new Error(`no releases in ${this.root}`)
    }
    await this.activate(target)
    return { from, to: target }
  }

  /**
   * Deletes release `id` (never the current one). It stops being a release at once (its directory is
   * moved aside), then is deleted a file at a time (`removeTree`), so pages keep being served
   * meanwhile.
   *
   * @param take offered the moved-aside directory: when it returns true, the directory is the
   *   caller's (to reuse, then delete) and is not deleted here
   */
  async remove(id: string, take?: (dir: string) => boolean): Promise<void> {
    if (!isReleaseId(id)) throw new Error(`not a release id: ${id}`)
    const current = await this.current()
    if (current.kind === 'release' && current.id === id) throw new Error(`release ${id} is live`)
    const trash = join(this.root, `.trash-${id}-${randomBytes(2).toString('hex')}`)
    const moved = await rename(this.dirOf(id), trash).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false
        throw error
      },
    )
    await rm(join(this.root, `${id}.json`), { force: true })
    if (moved && !take?.(trash)) await removeTree(trash)
  }

  /**
   * Deletes all but the newest `keep` releases, never the current one.
   *
   * @param take offered each pruned release's moved-aside directory, oldest first (see `remove`)
   */
  async prune(take?: (dir: string) => boolean): Promise<string[]> {
    const releases = await this.list()
    const current = await this.current()
    const keepIds = new Set(releases.slice(-this.keep).map((r) => r.id))
    if (current.kind === 'release') keepIds.add(current.id)
    const removed: string[] = []
    for (const release of releases) {
      if (keepIds.has(release.id)) continue
      await this.remove(release.id, take)
      removed.push(release.id)
    }
    return removed
  }
}

/**
 * Checks a rendered site before it is published: a home page, and a page count that did not
 * collapse compared with the current release (a sign of a source outage or a broken query rather
 * than of real deletions).
 *
 * @param minPageRatio the smallest accepted share of the previous page count (0 turns this off)
 * @param counted the HTML files the build reports it wrote and kept (else they are counted on disk)
 * @returns the number of HTML files
 */
export async function validateRelease(
  dir: string,
  previousPages: number | null,
  minPageRatio: number,
  counted?: number,
): Promise<number> {
  await assertHasHome(dir)
  const pages = counted ?? (await countPages(dir))
  if (pages < 2) throw new ReleaseValidationError(`build produced only ${pages} page(s)`)
  if (
    previousPages !== null &&
    previousPages >= 10 &&
    minPageRatio > 0 &&
    pages < previousPages * minPageRatio
  ) {
    throw new ReleaseValidationError(
      `build produced ${pages} pages where the current site has ${previousPages} (below ${Math.round(minPageRatio * 100)}%); ` +
        'refusing to publish it (lower --min-page-ratio if the deletions are real)',
    )
  }
  return pages
}

async function assertHasHome(dir: string): Promise<void> {
  const home = await stat(join(dir, 'index.html')).catch(() => null)
  if (!home?.isFile() || home.size === 0)
    throw new ReleaseValidationError(`${dir} has no home page (index.html)`)
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true })
  return entries.filter((name) => name.endsWith('.html')).length
}
