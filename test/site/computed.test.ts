/*
 * Eleventy runs each computed-data function once on stand-in data to learn which other computed keys
 * or collections it reads, and orders them by that. The build skips that probe (see `wrap` in
 * scripts/build/incremental/pages.ts): it holds only while every template's computed data reads the
 * page's own data alone. This test holds every template to that, on the bundled content.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderDirect } from '../../scripts/build/cache.ts'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { buildSiteData } from '../../scripts/site-data/build-site-data.ts'
import type { SiteData } from '../../scripts/site-data/index.ts'
import { fetchSnapshot } from '../../scripts/site-data/snapshot.ts'
import { openEmbeddedSource } from '../../scripts/source/index.ts'
import { BUNDLED, NOW, SITE_URL } from './support.ts'

const PAGES = 'site/pages'

interface TemplateData {
  pagination?: { data: string; alias?: string }
  eleventyComputed?: Record<string, unknown>
}

/** Every computed function of a template, by its key (`head`, `seo.title`). */
function computedFunctions(
  computed: Record<string, unknown>,
  prefix = '',
): Array<[string, (data: object) => unknown]> {
  return Object.entries(computed).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'function') return [[name, value as (data: object) => unknown]]
    return value && typeof value === 'object' ? computedFunctions(value as Record<string, unknown>, name) : []
  })
}

/** The page data with every top-level key read recorded. */
function recording(data: Record<string, unknown>, reads: Set<string>): object {
  return new Proxy(data, {
    get(target, key, receiver) {
      if (typeof key === 'string') reads.add(key)
      return Reflect.get(target, key, receiver)
    },
    has(target, key) {
      if (typeof key === 'string') reads.add(key)
      return Reflect.has(target, key)
    },
  })
}

function valueAt(root: object, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], root)
}

describe("templates' computed data", () => {
  let reel: SiteData
  let templates: Array<{ name: string; data: TemplateData }>

  beforeAll(async () => {
    const { source } = await openEmbeddedSource(BUNDLED)
    reel = buildSiteData(await fetchSnapshot(source, NOW), {
      site: siteConfigFromEnv({ SITE_URL }),
      file: BUNDLED,
      builtAt: NOW,
      renderer: renderDirect,
    })
    const names = (await readdir(PAGES)).filter((name) => name.endsWith('.11ty.ts')).sort()
    templates = await Promise.all(
      names.map(async (name) => {
        const module = (await import(pathToFileURL(join(process.cwd(), PAGES, name)).href)) as {
          data?: TemplateData
        }
        return { name, data: module.data ?? {} }
      }),
    )
  }, 60_000)

  it('reads neither other computed keys nor collections, for every page of every template', () => {
    let checked = 0
    for (const { name, data } of templates) {
      if (!data.eleventyComputed) continue
      const functions = computedFunctions(data.eleventyComputed)
      const computedKeys = new Set(functions.map(([key]) => key.split('.')[0] as string))
      const pagination = data.pagination
      const items = pagination ? (valueAt({ reel }, pagination.data) as unknown[]) : [undefined]
      expect(items.length, `${name}: pages to check`).toBeGreaterThan(0)
      for (const item of items) {
        const page: Record<string, unknown> = { ...data, reel, page: { url: '/', outputPath: 'index.html' } }
        if (pagination?.alias) page[pagination.alias] = item
        for (const [key, fn] of functions) {
          const reads = new Set<string>()
          fn(recording(page, reads))
          const wrong = [...reads].filter((read) => computedKeys.has(read) || read === 'collections')
          expect(wrong, `${name}: computed ${key} reads`).toEqual([])
          checked += 1
        }
      }
    }
    // Every computed template was found and run (articles, shows, people, lists, the home page).
    expect(checked).toBeGreaterThan(50)
  })

  it('catches a computed function that reads another computed key', () => {
    const reads = new Set<string>()
    const description = (data: { title?: string }) => `About ${data.title}`
    description(recording({ title: 'x' }, reads) as { title?: string })
    expect([...reads]).toContain('title')
  })
})
