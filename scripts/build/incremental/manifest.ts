/**
 * The build manifest (`_build/manifest.json` in every build): which template made each page, from
 * which item, what site data it read, and the fingerprint of that data. The next build compares
 * fingerprints to decide which pages to render again.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
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

/** Reads a build's manifest; `undefined` when it has none or one of another format. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_PATH), 'utf8')) as Manifest
    return manifest.format === FORMAT ? manifest : undefined
  } catch {
    return undefined
  }
}

/** Templates whose pages can be rendered one item at a time: itemised, and no page read beyond its item. */
function itemisedTemplates(
  templates: ReadonlyMap<string, TemplateInfo>,
  pages: readonly PageRecord[],
): Set<string> {
  const itemised = new Set<string>()
  for (const [path, info] of templates) if (info.items) itemised.add(path)
  const seen = new Set<string>()
  for (const page of pages) {
    const id = `${page.template}\u0000${page.item}`
    // Two pages from one item (or a page without one) cannot be rendered item by item.
    if (page.whole || page.item === undefined || seen.has(id)) itemised.delete(page.template)
    seen.add(id)
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
): ManifestPage[] {
  const itemsByKey = new Map<string, Map<string, unknown>>()
  const itemLookup = (template: string, key: string): unknown => {
    const info = templates.get(template)
    if (!info?.items) return undefined
    let map = itemsByKey.get(template)
    if (!map) {
      map = new Map(hasher.items(info.items).map((item) => [itemKey(item), item]))
      itemsByKey.set(template, map)
    }
    return map.get(key)
  }
  return pages.map((page) => {
    const item = page.item !== undefined ? itemLookup(page.template, page.item) : undefined
    const fp = sha1(`${item === undefined ? '' : hasher.value(item)}|${hasher.reads(page.reads)}`)
    return { ...page, fp }
  })
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
  for (const [path, info] of templates) {
    entries[path] = itemised.has(path)
      ? { items: info.items }
      : { fp: wholeTemplateFingerprint(path, info, pages, hasher) }
  }
  return entries
}

/** A template rendered whole depends on everything its pages read, and on its item list. */
function wholeTemplateFingerprint(
  path: string,
  info: TemplateInfo | ManifestTemplate,
  pages: readonly PageRecord[],
  hasher: DataHasher,
): string {
  const reads = new Set<string>()
  for (const page of pages) if (page.template === path) for (const key of page.reads) reads.add(key)
  const items = info.items ? hasher.value(hasher.items(info.items)) : ''
  return sha1(`${items}|${hasher.reads([...reads].sort())}`)
}

export interface IncrementalPlan {
  /** What Eleventy renders, per template. */
  plan: Map<string, 'all' | Set<string>>
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
  const kept: ManifestPage[] = []
  const whole: string[] = []
  let items = 0
  const pagesByTemplate = new Map<string, ManifestPage[]>()
  for (const page of manifest.pages) {
    const list = pagesByTemplate.get(page.template)
    if (list) list.push(page)
    else pagesByTemplate.set(page.template, [page])
  }
  for (const path of templates) {
    const info = manifest.templates[path]
    const previous = pagesByTemplate.get(path) ?? []
    if (!info) {
      plan.set(path, 'all')
      whole.push(path)
      continue
    }
    if (!info.items) {
      if (wholeTemplateFingerprint(path, info, previous, hasher) === info.fp) kept.push(...previous)
      else {
        plan.set(path, 'all')
        whole.push(path)
      }
      continue
    }
    const byItem = new Map(previous.map((page) => [page.item as string, page]))
    const union = [...new Set(previous.flatMap((page) => page.reads))].sort()
    const selected = new Set<string>()
    for (const item of hasher.items(info.items)) {
      const key = itemKey(item)
      const page = byItem.get(key)
      const fp = sha1(`${hasher.value(item)}|${hasher.reads(page ? page.reads : union)}`)
      if (page && page.fp === fp) kept.push(page)
      else selected.add(key)
    }
    items += selected.size
    if (selected.size > 0) plan.set(path, selected)
  }
  return { plan, kept, whole, items }
}
