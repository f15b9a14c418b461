import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString as textOf } from 'hast-util-to-string'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { buildSite } from '../../scripts/build/pipeline.ts'
import { openEmbeddedSource, type SanityDocument } from '../../scripts/source/index.ts'

export const BUNDLED = 'content/data.ndjson'
/** The bundled content was last verified on this day; builds "run" then. */
export const NOW = new Date('2026-11-30T00:00:00Z')
export const SITE_URL = 'https://reelstatus.example'

export interface BuiltSite {
  out: string
  read(path: string): Promise<string>
  /** Parsed HTML of a page (`/shows/x/` → `shows/x/index.html`). */
  page(path: string): Promise<Root>
  /** Site paths of every HTML page, e.g. `/shows/x/`. */
  htmlPages(): Promise<string[]>
  /** The sitemap index and each file it names, by site path (`/sitemaps/pages-1.xml`). */
  sitemap(): Promise<{ index: string; files: Map<string, string> }>
}

/**
 * Builds a site into a temporary folder: the bundled dataset, or a dataset file made of the bundled
 * documents plus `extra` (and `images/` files beside it).
 */
export async function buildFixtureSite(
  options: { extra?: SanityDocument[]; images?: Record<string, string>; siteUrl?: string } = {},
): Promise<BuiltSite> {
  const work = await mkdtemp(join(tmpdir(), 'reel-site-'))
  let dataset = BUNDLED
  if (options.extra || options.images) {
    dataset = join(work, 'data', 'data.ndjson')
    await mkdir(join(work, 'data', 'images'), { recursive: true })
    const lines = (await readFile(BUNDLED, 'utf8')).trimEnd().split('\n')
    for (const doc of options.extra ?? []) lines.push(JSON.stringify(doc))
    await writeFile(dataset, `${lines.join('\n')}\n`)
    for (const [name, content] of Object.entries(options.images ?? {}))
      await writeFile(join(work, 'data', 'images', name), content)
  }
  const out = join(work, 'site')
  const { source, dataset: loaded } = await openEmbeddedSource(dataset)
  await buildSite({
    source,
    origin: loaded.file,
    out,
    site: siteConfigFromEnv({ SITE_URL: options.siteUrl ?? SITE_URL }),
    now: NOW,
  })
  const read = (path: string) => readFile(join(out, path.replace(/\/$/, '/index.html')), 'utf8')
  return {
    out,
    read,
    page: async (path) => fromHtml(await read(path)),
    htmlPages: async () =>
      (await readdir(out, { recursive: true }))
        .filter((file) => file.endsWith('.html'))
        .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
        .sort(),
    sitemap: async () => {
      const index = await read('/sitemap.xml')
      const files = new Map<string, string>()
      for (const [, loc] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
        const path = new URL(loc ?? '').pathname
        files.set(path, await read(path))
      }
      return { index, files }
    },
  }
}

/** Every `<loc>` of an XML text (a sitemap, a sitemap index). */
export function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '')
}

/** Every element of a tree matching a test, in document order. */
export function findAll(tree: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = []
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (test(child)) found.push(child)
      walk(child)
    }
  }
  walk(tree)
  return found
}

export const byTag = (tag: string) => (element: Element) => element.tagName === tag
export const byClass = (name: string) => (element: Element) =>
  Array.isArray(element.properties.className) && element.properties.className.includes(name)

/** Whitespace-normalised text of a node. */
export function text(node: Root | Element | undefined): string {
  return node ? textOf(node).replace(/\s+/g, ' ').trim() : ''
}

/** `<meta name|property=...>` content. */
export function meta(tree: Root, key: string): string | undefined {
  const element = findAll(
    tree,
    (e) => e.tagName === 'meta' && (e.properties.name === key || e.properties.property === key),
  )[0]
  return element?.properties.content as string | undefined
}

/** Parsed JSON-LD blocks of a page. */
export function jsonLd(tree: Root): Array<Record<string, unknown>> {
  return findAll(tree, (e) => e.tagName === 'script' && e.properties.type === 'application/ld+json').map(
    (script) => JSON.parse(text(script)) as Record<string, unknown>,
  )
}

/** A minimal published document with the system fields. */
export function doc(fields: Record<string, unknown> & { _id: string; _type: string }): SanityDocument {
  return {
    _rev: 'fixture',
    _createdAt: '2026-11-01T00:00:00Z',
    _updatedAt: '2026-11-01T00:00:00Z',
    ...fields,
  }
}

/** A Portable Text paragraph. */
export function paragraph(key: string, value: string) {
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: [],
    children: [{ _type: 'span', _key: `${key}s`, text: value, marks: [] }],
  }
}
