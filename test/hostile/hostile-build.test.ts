/*
 * Builds the hostile dataset (test/fixtures/hostile/data.ndjson) and checks, for every case in
 * cases.ts, the exact outcome: its warnings (no more, no fewer), skipped documents, pages present and
 * absent, text that must appear nowhere, escaped HTML; then audits every HTML, XML and JSON file of
 * the build with real parsers.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString as textOf } from 'hast-util-to-string'
import { beforeAll, describe, expect, it } from 'vitest'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { type BuildResult, buildSite } from '../../scripts/build/pipeline.ts'
import { openEmbeddedSource } from '../../scripts/source/index.ts'
import type { BuildReport } from '../../scripts/validate/report.ts'
import { META_TITLE_MAX } from '../../scripts/validate/text.ts'
import { auditSite, readSite, type SiteFiles } from './audit.ts'
import { caseDocumentIds, type ExpectedWarning, HOSTILE_CASES, HOSTILE_NOW } from './cases.ts'
import { HOSTILE_DATASET, hostileDatasetBytes } from './write-fixture.ts'

let parent: string
let out: string
let result: BuildResult
let report: BuildReport
let site: SiteFiles

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'reel-hostile-'))
  out = join(parent, 'site')
  const { source, dataset } = await openEmbeddedSource(HOSTILE_DATASET)
  // No rich-text cache: every case is rendered by this build, and nothing is shared with other tests.
  result = await buildSite({
    source,
    origin: dataset.file,
    out,
    site: siteConfigFromEnv({}),
    now: HOSTILE_NOW,
    cacheDir: false,
  })
  report = JSON.parse(await readFile(join(out, '_build', 'report.json'), 'utf8')) as BuildReport
  site = await readSite(out)
}, 60_000)

/** A warning reduced to what cases specify: validation warnings carry field and outcome. */
function shape(warning: {
  code: string
  documentId?: string | undefined
  field?: unknown
  outcome?: unknown
}) {
  const out: ExpectedWarning = { code: warning.code, documentId: warning.documentId ?? '' }
  if (typeof warning.outcome === 'string') {
    if (typeof warning.field === 'string') out.field = warning.field
    out.outcome = warning.outcome
  }
  return out
}
/** Every element under a node, depth first. */
function elements(node: Root | Element): Element[] {
  const found: Element[] = []
  for (const child of node.children) {
    if (child.type !== 'element') continue
    found.push(child, ...elements(child))
  }
  return found
}

const byKey = (a: ExpectedWarning, b: ExpectedWarning) => JSON.stringify(a).localeCompare(JSON.stringify(b))

describe('hostile dataset', () => {
  it('is the committed fixture, written from cases.ts', async () => {
    expect((await readFile(HOSTILE_DATASET)).equals(hostileDatasetBytes())).toBe(true)
  })

  it('has at least 30 cases across every category', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30)
    const categories = new Set(HOSTILE_CASES.map((entry) => entry.category))
    for (const category of ['schema', 'references', 'slugs', 'drafts', 'text', 'loader']) {
      expect(categories).toContain(category)
    }
    const ids = HOSTILE_CASES.map((entry) => entry.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('pollutes no prototype', () => {
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(({} as Record<string, unknown>).title).toBeUndefined()
  })

  it('builds without crashing, every warning belonging to a case', () => {
    expect(result.pages).toBeGreaterThan(40)
    const owned = new Set(HOSTILE_CASES.flatMap(caseDocumentIds))
    expect(result.warnings.filter((warning) => !owned.has(warning.documentId ?? ''))).toEqual([])
  })
})

describe.each(HOSTILE_CASES.map((entry) => [entry.id, entry] as const))('case %s', (_id, entry) => {
  const ids = new Set(caseDocumentIds(entry))

  it(`${entry.about}: exactly the expected warnings`, () => {
    const actual = result.warnings.filter((warning) => ids.has(warning.documentId ?? '')).map(shape)
    expect(actual.sort(byKey)).toEqual([...entry.warnings].sort(byKey))
  })

  it('skips exactly the documents the case expects, as the report lists them', () => {
    const expected = entry.warnings
      .filter((warning) => warning.outcome === 'skipped')
      .map((warning) => ({ id: warning.documentId, code: warning.code, field: warning.field }))
    const listed = report.skipped
      .filter((skipped) => ids.has(skipped.id))
      .map((skipped) => ({ id: skipped.id, code: skipped.code, field: skipped.field }))
    expect(listed).toEqual(expected)
  })

  it('writes and leaves out the expected files, text and HTML', () => {
    for (const file of entry.present ?? []) expect(site.all, file).toContain(file)
    for (const file of entry.absent ?? []) expect(site.all, file).not.toContain(file)
    for (const text of entry.nowhere ?? []) {
      // The build report names what was left out; it is for operators, not readers.
      const found = [...site.text]
        .filter(([file, content]) => !file.startsWith('_build/') && content.includes(text))
        .map(([file]) => file)
      expect(found, text).toEqual([])
    }
    for (const check of entry.html ?? []) {
      const html = site.text.get(check.file) ?? ''
      expect(html, check.file).not.toBe('')
      for (const text of check.contains ?? []) expect(html, check.file).toContain(text)
      for (const text of check.excludes ?? []) expect(html, check.file).not.toContain(text)
      if (check.noElementsInMain) {
        const main = elements(fromHtml(html)).find((element) => element.tagName === 'main')
        const found = elements(main ?? { type: 'root', children: [] }).map((element) => element.tagName)
        for (const tag of check.noElementsInMain) expect(found, `<${tag}> in <main>`).not.toContain(tag)
      }
    }
  })
})

describe('hostile build output', () => {
  it('has no executable script, event handler, dangerous URL, broken link or missing value in any file', () => {
    expect(auditSite(out, site)).toEqual([])
  })

  it('audits every HTML, XML and JSON file the build wrote', () => {
    const kinds = (extension: string) => [...site.text.keys()].filter((file) => file.endsWith(extension))
    expect(kinds('.html').length).toBeGreaterThan(40)
    expect(kinds('.xml')).toContain('sitemap.xml')
    expect(kinds('.xml')).toContain('sitemaps/pages-1.xml')
    expect(kinds('.xml')).toContain('feed.xml')
    expect(kinds('.json')).toContain('feed.json')
    // Everything else is a static asset or the search index, none of it made from content text.
    const others = site.all.filter((file) => !site.text.has(file))
    expect(others.filter((file) => !/^(assets|pagefind)\//.test(file))).toEqual([])
  })

  it('keeps every file inside the output folder, under safe names', async () => {
    expect(await readdir(parent)).toEqual(['site'])
    for (const file of site.all) {
      expect(file.split('/'), file).not.toContain('..')
      expect(file, file).toMatch(/^[A-Za-z0-9._/-]+$/)
    }
  })

  it('lists only built pages in the sitemap', () => {
    const files = [...(site.text.get('sitemap.xml') ?? '').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) =>
      new URL(match[1] ?? '').pathname.slice(1),
    )
    expect(files).toContain('sitemaps/articles-1.xml')
    const locs = files.flatMap((file) =>
      [...(site.text.get(file) ?? '').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
        (match) => new URL(match[1] ?? '').pathname,
      ),
    )
    expect(locs.length).toBeGreaterThan(20)
    for (const path of locs) {
      const file = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1)
      expect(site.all, path).toContain(file)
    }
  })

  it('cuts a very long headline in meta tags only', () => {
    const html = site.text.get('articles/long-title/index.html') ?? ''
    const tree = fromHtml(html)
    const find = (predicate: (properties: Record<string, unknown>, tag: string) => boolean) => {
      const found: string[] = []
      const walk = (node: {
        type: string
        tagName?: string
        properties?: Record<string, unknown>
        children?: unknown[]
      }) => {
        if (node.type === 'element' && predicate(node.properties ?? {}, node.tagName ?? '')) {
          found.push(node.tagName === 'meta' ? String(node.properties?.content) : textOf(node as never))
        }
        for (const child of node.children ?? []) walk(child as never)
      }
      walk(tree as never)
      return found
    }
    const headline = 'Long '.repeat(300).trim()
    expect(find((_, tag) => tag === 'h1')).toEqual([headline])
    const [title] = find((_, tag) => tag === 'title')
    expect(title?.endsWith(' · Reel Status')).toBe(true)
    expect(Array.from(title ?? '').length).toBeLessThanOrEqual(META_TITLE_MAX + ' · Reel Status'.length)
    const [ogTitle] = find((p) => p.property === 'og:title')
    expect(ogTitle).toMatch(/^Long Long .*…$/)
    expect(Array.from(ogTitle ?? '').length).toBeLessThanOrEqual(META_TITLE_MAX)
  })

  it('keeps meta descriptions short for a 200 000-character dek', () => {
    const html = site.text.get('articles/huge-dek/index.html') ?? ''
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? ''
    expect(description.length).toBeGreaterThan(50)
    expect(description.length).toBeLessThanOrEqual(160)
  })

  it('escapes a </script> title inside JSON-LD and keeps it the same string', () => {
    const html = site.text.get('shows/jsonld-breakout/index.html') ?? ''
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
    expect(blocks.length).toBeGreaterThan(0)
    const names = blocks.map((block) => JSON.stringify(JSON.parse(block[1] ?? '')))
    expect(names.some((json) => json.includes('</script><script>alert(\\"t2\\")</script><!--'))).toBe(true)
  })

  it('writes _build/report.json with counts, warnings and skipped documents, as the build returned them', () => {
    expect(report.counts).toEqual({
      warnings: result.warnings.length,
      skipped: result.skipped.length,
    })
    expect(report.skipped).toEqual(result.skipped)
    expect(report.skipped.length).toBe(
      HOSTILE_CASES.flatMap((c) => c.warnings).filter((w) => w.outcome === 'skipped').length,
    )
    expect(report.warnings).toHaveLength(result.warnings.length)
    for (const skipped of report.skipped) expect(skipped.reason).not.toBe('')
  })
})
