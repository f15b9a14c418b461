/**
 * The build manifest (`_build/manifest.json` in every build): which template made each page, from
 * which item, what site data it read, and the fingerprint of that data. The next build compares
 * fingerprints to decide which pages to render again.
 */
import { type BigIntStats, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { pushTo } from '../../lib/push-to.ts'
import type { SiteConfig } from '../../site-data/index.ts'
import { type DataHasher, sha1 } from './fingerprint.ts'
import type { PageRecord, TemplateInfo } from './pages.ts'
import { itemKey } from './pages.ts'

export const MANIFEST_PATH = '_build/manifest.json'
const FORMAT = 1

export interface ManifestPage extends PageRecord {
  /** Fingerprint of the data the page rendered. */
  fp: string
}

export interface ManifestTemplate {
  /** `reel` list the template makes one page per item of, when its pages can be rendered one by one. */
  items?: string | undefined
  /** Fingerprint of the whole template, for templates rendered whole. */
  fp?: string | undefined
}

export interface Manifest {
  format: number
  /** Code that made the pages (see `siteCodeHash`). */
  code: string
  /** Site settings (URL, title…). */
  site: string
  builtAt: string
  templates: Record<string, ManifestTemplate>
  pages: ManifestPage[]
}

export function siteConfigHash(site: SiteConfig): string {
  return sha1(JSON.stringify(site))
}

/**
 * The manifest this process wrote last, with the identity of its file: a process that builds again
 * (the publisher's worker) finds its own manifest in the release it published, or in a hard-linked
 * copy of it, and need not read and parse 5 MB of JSON again (a 10,000-article site).
 */
let lastWritten: { file: string; manifest: Manifest } | undefined

/**
 * Device, inode, size and modification time: the same through a hard link, different after a write
 * (the change time is not: making a hard link changes it).
 */
function fileIdentity(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`
}

/** Reads a build's manifest; `undefined` when it has none or one of another format. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  const path = join(dir, MANIFEST_PATH)
  try {
    const known = lastWritten
    if (known && fileIdentity(await stat(path, { bigint: true })) === known.file) return known.manifest
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest
    return manifest.format === FORMAT ? manifest : undefined
  } catch {
    return undefined
  }
}

/** Pages as JSON: most pages of a build are the previous build's, written as they were. */
const pageJson = new WeakMap<ManifestPage, string>()

/** `JSON.stringify(manifest)`, with each page's JSON remembered (`pages` is the last key). */
function manifestJson(manifest: Manifest): string {
  const { pages, ...rest } = manifest
  const items = pages.map((page) => {
    let json = pageJson.get(page)
    if (json === undefined) {
      json = JSON.stringify(page)
      pageJson.set(page, json)
    }
    return json
  })
  return `${JSON.stringify(rest).slice(0, -1)},"pages":[${items.join(',')}]}`
}

/**
 * Writes a build's manifest in a fixed order (pages by output path, templates by path), whatever
 * built them. The manifest must not be changed afterwards: the next build of this process may take
 * it as it is instead of reading the file.
 *
 * @param dir the build's directory
 * @param sortedPages how many of `content.pages`, from the start, are in order already (the pages an
 *   incremental build kept, in the previous manifest's order); default: counted
 */
export function writeManifest(dir: string, content: Manifest, sortedPages?: number): void {
  prepareManifest(content, sortedPages).write(dir)
}

/** A build's manifest put in order and serialised, ready to be written (see {@link writeManifest}). */
export interface PreparedManifest {
  readonly manifest: Manifest
  /**
   * Writes it into the build's directory `dir`, replacing any manifest there.
   *
   * @param options `existing`: make no directory; throw (ENOENT) when `dir/_build` is not there, as
   *   when `dir` was moved away meanwhile
   */
  write(dir: string, options?: { existing?: boolean }): void
}

/**
 * {@link writeManifest} in two steps: the manifest made now, written when `write` is called.
 *
 * @param content the manifest
 * @param sortedPages as for {@link writeManifest}
 */
export function prepareManifest(content: Manifest, sortedPages?: number): PreparedManifest {
  const manifest: Manifest = {
    ...content,
    templates: Object.fromEntries(Object.entries(content.templates).sort(([a], [b]) => (a < b ? -1 : 1))),
    pages: byOutput(content.pages, sortedPages),
  }
  const text = `${manifestJson(manifest)}\n`
  return {
    manifest,
    write(dir, options = {}) {
      const file = join(dir, MANIFEST_PATH)
      lastWritten = undefined
      // Synchronous: one write of a few MB, which the thread pool took in 512 KB round trips.
      if (!options.existing) mkdirSync(join(dir, '_build'), { recursive: true })
      // Removed first: the directory may hold a hard link to the previous build's manifest.
      rmSync(file, { force: true })
      writeFileSync(file, text)
      lastWritten = { file: fileIdentity(statSync(file, { bigint: true })), manifest }
    },
  }
}

/**
 * Pages in order of their output paths. An incremental build's pages are the previous manifest's
 * (in this order already) followed by the few it rendered: those are sorted and merged in, instead
 * of 20,000 pages being sorted again.
 *
 * @param sorted how many pages at the start are known to be in order (else they are counted)
 */
function byOutput(pages: readonly ManifestPage[], sorted = sortedPrefix(pages)): ManifestPage[] {
  const rest = pages.slice(sorted).sort(compareOutput)
  const merged: ManifestPage[] = []
  let from = 0
  // Each of the few new pages goes where a binary search of the ordered ones puts it.
  for (const page of rest) {
    let low = from
    let high = sorted
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compareOutput(pages[middle] as ManifestPage, page) <= 0) low = middle + 1
      else high = middle
    }
    for (let index = from; index < low; index++) merged.push(pages[index] as ManifestPage)
    merged.push(page)
    from = low
  }
  for (let index = from; index < sorted; index++) merged.push(pages[index] as ManifestPage)
  return merged
}

/** How many pages at the start are in order of their output paths. */
function sortedPrefix(pages: readonly ManifestPage[]): number {
  let sorted = Math.min(1, pages.length)
  while (
    sorted < pages.length &&
    compareOutput(pages[sorted - 1] as ManifestPage, pages[sorted] as ManifestPage) <= 0
  )
    sorted += 1
  return sorted
}

function compareOutput(a: ManifestPage, b: ManifestPage): number {
  return a.output < b.output ? -1 : a.output > b.output ? 1 : 0
}

/** Templates whose pages can be rendered one item at a time: itemised, and no page read beyond its item. */
function itemisedTemplates(
  templates: ReadonlyMap<string, TemplateInfo>,
  pages: readonly PageRecord[],
): Set<string> {
  const itemised = new Set<string>()
  for (const [path, info] of templates) if (info.items) itemised.add(path)
  const seen = new Map<string, Set<string>>()
  for (const page of pages) {
    if (!itemised.has(page.template)) continue
    let items = seen.get(page.template)
    if (!items) {
      items = new Set()
      seen.set(page.template, items)
    }
    // Two pages from one item (or a page without one) cannot be rendered item by item.
    if (page.whole || page.item === undefined || items.has(page.item)) itemised.delete(page.template)
    else items.add(page.item)
  }
  return itemised
}

/**
 * Fingerprints for freshly rendered pages (a full build, or the pages an incremental build rendered),
 * as manifest entries.
 */
export function fingerprintPages(
  pages: readonly PageRecord[],
  templates: ReadonlyMap<string, TemplateInfo>,
  hasher: DataHasher,
  planned?: IncrementalPlan['planned'],
): ManifestPage[] {
  const itemsByKey = new Map<string, Map<string, unknown>>()
  const itemLookup = (template: string, key: string): unknown => {
    const info = templates.get(template)
    if (!info?.items) return undefined
    const known = planned?.get(template)
    if (known?.has(key)) return known.get(key)
    let map = itemsByKey.get(template)
    if (!map) {
      map = new Map(hasher.items(info.items).map((item) => [itemKey(item), item]))
      itemsByKey.set(template, map)
    }
    return map.get(key)
  }
  return pages.map((page) => {
    const item = page.item !== undefined ? itemLookup(page.template, page.item) : undefined
    const reads = sharedReads(page.reads)
    const from = { item: item === undefined ? '' : hasher.value(item), reads: hasher.reads(reads) }
    const fingerprinted = { ...page, reads, fp: fingerprintOf(from) }
    hashedFrom.set(fingerprinted, from)
    return fingerprinted
  })
}

/** What a page's fingerprint is hashed from: its item's hash and the hash of what it read. */
interface HashedFrom {
  item: string
  reads: string
}

function fingerprintOf({ item, reads }: HashedFrom): string {
  return sha1(`${item}|${reads}`)
}

/**
 * What each page's fingerprint was hashed from, for pages this process fingerprinted: the next
 * build recognises an unchanged page by these without hashing again.
 */
const hashedFrom = new WeakMap<ManifestPage, HashedFrom>()

/** Whether `page`'s fingerprint is the hash of `from`. */
function hasFingerprintOf(page: ManifestPage, from: HashedFrom): boolean {
  const known = hashedFrom.get(page)
  if (known && known.item === from.item && known.reads === from.reads) return true
  if (page.fp !== fingerprintOf(from)) return false
  hashedFrom.set(page, from)
  return true
}

/**
 * One array for each distinct list of reads: most of 20,000 pages read one of a few lists, and the
 * hasher knows a list's hash by the array (see `DataHasher.reads`).
 */
const readLists = new Map<string, readonly string[]>()

function sharedReads(reads: readonly string[]): string[] {
  const key = reads.join('\u0000')
  let shared = readLists.get(key)
  if (!shared) {
    if (readLists.size >= 10_000) readLists.clear()
    shared = reads
    readLists.set(key, shared)
  }
  return shared as string[]
}

/**
 * The manifest's template entries, from every page of the build (rendered now or reused): itemised
 * templates are rendered item by item next time, the others whole when their fingerprint changes.
 */
export function templateEntries(
  pages: readonly ManifestPage[],
  templates: ReadonlyMap<string, TemplateInfo>,
  hasher: DataHasher,
): Record<string, ManifestTemplate> {
  const itemised = itemisedTemplates(templates, pages)
  const entries: Record<string, ManifestTemplate> = {}
  let byTemplate: ReadonlyMap<string, ManifestPage[]> | undefined
  for (const [path, info] of templates) {
    if (itemised.has(path)) {
      entries[path] = { items: info.items }
      continue
    }
    byTemplate ??= groupedByTemplate(pages)
    entries[path] = { fp: wholeTemplateFingerprint(info, byTemplate.get(path) ?? [], hasher) }
  }
  return entries
}

/**
 * A template rendered whole depends on everything its pages read, and on its item list.
 *
 * @param pages the template's pages
 */
function wholeTemplateFingerprint(
  info: TemplateInfo | ManifestTemplate,
  pages: readonly PageRecord[],
  hasher: DataHasher,
): string {
  const reads = new Set<string>()
  for (const page of pages) for (const key of page.reads) reads.add(key)
  const items = info.items ? hasher.value(hasher.items(info.items)) : ''
  return sha1(`${items}|${hasher.reads([...reads].sort())}`)
}

export interface IncrementalPlan {
  /** What Eleventy renders, per template. */
  plan: Map<string, 'all' | Set<string>>
  /** The items planned one by one, by template and key (for their pages' fingerprints). */
  planned: Map<string, Map<string, unknown>>
  /** Pages kept as they are (fingerprint unchanged). */
  kept: ManifestPage[]
  /** Templates rendered whole. */
  whole: string[]
  /** Items rendered one by one. */
  items: number
}

/**
 * Compares the previous build's manifest with new site data: a page is kept when its fingerprint,
 * recomputed from the data it read last time, is unchanged; everything else (changed and new items,
 * templates whose data changed) is planned for rendering. Pages of items that no longer exist are
 * neither kept nor planned, so they disappear.
 *
 * @param manifest the previous build's
 * @param templates the templates of the site now (new templates are rendered whole)
 */
export function planIncremental(
  manifest: Manifest,
  templates: ReadonlyArray<string>,
  hasher: DataHasher,
): IncrementalPlan {
  const plan = new Map<string, 'all' | Set<string>>()
  const planned = new Map<string, Map<string, unknown>>()
  const kept: ManifestPage[] = []
  const whole: string[] = []
  let items = 0
  const { pagesByTemplate, pagesByItem } = planIndex(manifest)
  for (const path of templates) {
    const info = manifest.templates[path]
    const previous = pagesByTemplate.get(path) ?? []
    if (!info) {
      plan.set(path, 'all')
      whole.push(path)
      continue
    }
    if (!info.items) {
      if (wholeTemplateFingerprint(info, previous, hasher) === info.fp) kept.push(...previous)
      else {
        plan.set(path, 'all')
        whole.push(path)
      }
      continue
    }
    const byItem = pagesByItem(path)
    // What any page of the template read: a new item's page is compared as if it read all of it.
    let union: string[] | undefined
    const unionOfReads = () => {
      union ??= [...new Set(previous.flatMap((page) => page.reads))].sort()
      return union
    }
    const selected = new Set<string>()
    const selectedItems = new Map<string, unknown>()
    for (const item of hasher.items(info.items)) {
      const key = itemKey(item)
      const page = byItem.get(key)
      const from = { item: hasher.value(item), reads: hasher.reads(page ? page.reads : unionOfReads()) }
      if (page && hasFingerprintOf(page, from)) kept.push(page)
      else {
        selected.add(key)
        selectedItems.set(key, item)
      }
    }
    items += selected.size
    if (selected.size > 0) {
      plan.set(path, selected)
      planned.set(path, selectedItems)
    }
  }
  return { plan, planned, kept, whole, items }
}

/** A manifest's pages by template, and (made when first asked) an itemised template's by item. */
interface PlanIndex {
  pagesByTemplate: ReadonlyMap<string, ManifestPage[]>
  pagesByItem(template: string): ReadonlyMap<string, ManifestPage>
}

const planIndexes = new WeakMap<Manifest, PlanIndex>()

/** The plan's index of `manifest`, made once per manifest object. */
function planIndex(manifest: Manifest): PlanIndex {
  let index = planIndexes.get(manifest)
  if (!index) {
    const pagesByTemplate = groupedByTemplate(manifest.pages)
    const byItem = new Map<string, Map<string, ManifestPage>>()
    index = {
      pagesByTemplate,
      pagesByItem(template) {
        let map = byItem.get(template)
        if (!map) {
          map = new Map((pagesByTemplate.get(template) ?? []).map((page) => [page.item as string, page]))
          byItem.set(template, map)
        }
        return map
      },
    }
    planIndexes.set(manifest, index)
  }
  return index
}

/**
 * Makes ahead of time what the next incremental build's plan looks up in a manifest (pages by
 * template and by item, ~20,000 of them at 10,000 articles): a process that builds again calls it
 * while idle, after answering a build.
 *
 * @param manifest the manifest the next build plans from; default: the one this process wrote last
 */
export function prepareNextPlan(manifest: Manifest | undefined = lastWritten?.manifest): void {
  if (!manifest) return
  const index = planIndex(manifest)
  for (const [template, info] of Object.entries(manifest.templates))
    if (info.items) index.pagesByItem(template)
}

function groupedByTemplate(pages: readonly ManifestPage[]): Map<string, ManifestPage[]> {
  const byTemplate = new Map<string, ManifestPage[]>()
  for (const page of pages) pushTo(byTemplate, page.template, page)
  return byTemplate
}
