/*
 * The built site in real Chromium over HTTP: content, console, accessibility (axe-core, WCAG 2.1
 * A/AA rules) in light and dark mode at phone and desktop width, layout stability, the search page
 * with and without JavaScript, and a crawl of every internal link. Screenshots of each page go to
 * test-results/screenshots/ (kept by CI as artifacts).
 */
import { mkdir, mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import axe from 'axe-core'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteConfigFromEnv } from '../../scripts/build/config.ts'
import { buildSite } from '../../scripts/build/pipeline.ts'
import { openEmbeddedSource } from '../../scripts/source/index.ts'
import {
  browserTestMode,
  type LaunchedBrowser,
  launchChromium,
  type StaticServer,
  serveSite,
} from './support.ts'

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots')
const NOW = new Date('2026-11-30T00:00:00Z')

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844, colorScheme: 'light' },
  { name: 'desktop', width: 1280, height: 900, colorScheme: 'dark' },
] as const

interface PageCheck {
  name: string
  path: string
  /** Text the page must show. */
  expect: Array<string | RegExp>
}

const PAGES: PageCheck[] = [
  {
    name: 'home',
    path: '/',
    expect: ['Shows by current status', 'Latest decisions', 'Latest articles', 'Partner Track Season 2'],
  },
  {
    name: 'article',
    path: '/articles/partner-track-season-2-cancelled/',
    expect: [
      'Partner Track Season 2: Is the Latest Netflix Legal Drama Cancelled?',
      /Published 14 November 2022/,
      /Last updated 30 November 2026/,
      /Status last verified 30 November 2026/,
      'Partner Track has been cancelled.',
      'Alexandra Turshen',
    ],
  },
  {
    name: 'show',
    path: '/shows/partner-track/',
    expect: [
      'Current status',
      /Cancelled\s*Official\s*since 8 November 2022/,
      'Status history',
      'Main cast',
      'Status last verified',
      'Based on the novel The Partner Track by Helen Wan (2013)',
    ],
  },
  {
    name: 'status',
    path: '/status/',
    expect: ['Renewal status tracker', 'All statuses', 'All networks', 'Latest decisions', 'Cancelled (1)'],
  },
  {
    name: 'people',
    path: '/people/',
    expect: ['People', 'Alexandra Turshen', 'Nolan Gerard Funk'],
  },
  {
    name: 'search',
    path: '/search/',
    expect: ['Search shows, articles and people', 'Browse everything', 'Partner Track'],
  },
]

const mode = await browserTestMode()
if (!mode.run) console.warn(`Skipping browser tests: ${mode.reason}`)

let out: string
let server: StaticServer
let chromium: LaunchedBrowser

beforeAll(async () => {
  if (!mode.run) return
  out = join(await mkdtemp(join(tmpdir(), 'reel-browser-')), 'site')
  // The server starts first so the site can be built with its origin as SITE_URL: canonical URLs,
  // feed links and social images then point at pages the crawl can check.
  server = await serveSite(out)
  const { source, dataset } = await openEmbeddedSource('content/data.ndjson')
  const site = siteConfigFromEnv({ SITE_URL: server.origin })
  ;[chromium] = await Promise.all([
    launchChromium(),
    buildSite({ source, origin: dataset.file, out, site, now: NOW }),
    mkdir(SCREENSHOTS, { recursive: true }),
  ])
}, 60_000)

afterAll(async () => {
  await chromium?.close()
  await server?.close()
})

/** Console errors, uncaught exceptions and failed requests of one page. */
function watch(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`))
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  )
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  return problems
}

/** axe-core with the WCAG 2.0/2.1 level A and AA rules; each violation as "rule: targets". */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source)
  const result = await page.evaluate(() =>
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page above
    (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  )
  return (result as axe.AxeResults).violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  )
}

/** Total layout shift so far (buffered entries, so shifts during load count too). */
function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean }
            if (!shift.hadRecentInput) total += shift.value
          }
        }).observe({ type: 'layout-shift', buffered: true })
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)))
      }),
  )
}

async function withPage<T>(
  options: Parameters<LaunchedBrowser['browser']['newContext']>[0],
  fn: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await chromium.browser.newContext(options)
  try {
    return await fn(await context.newPage(), context)
  } finally {
    await context.close()
  }
}

describe.skipIf(!mode.run)('the site in Chromium', () => {
  for (const check of PAGES) {
    it(`${check.name} page: content, no console errors, no axe violations, no layout shift (phone light, desktop dark)`, async () => {
      for (const viewport of VIEWPORTS) {
        await withPage(
          { viewport: { width: viewport.width, height: viewport.height }, colorScheme: viewport.colorScheme },
          async (page) => {
            const problems = watch(page)
            const response = await page.goto(server.origin + check.path, { waitUntil: 'load' })
            expect(response?.status()).toBe(200)
            const text = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ')
            for (const expected of check.expect) {
              if (typeof expected === 'string') expect(text).toContain(expected)
              else expect(text).toMatch(expected)
            }
            expect(await layoutShift(page)).toBe(0)
            expect(await axeViolations(page), `${check.path} at ${viewport.name} width`).toEqual([])
            await page.screenshot({
              path: join(SCREENSHOTS, `${check.name}-${viewport.name}.png`),
              fullPage: true,
            })
            expect(problems, `${check.path} at ${viewport.name} width`).toEqual([])
          },
        )
      }
    })
  }

  it('filters the status tracker by status and network without JavaScript', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      const problems = watch(page)
      await page.goto(`${server.origin}/status/`)
      await page
        .getByRole('navigation', { name: 'Filter shows' })
        .getByRole('link', { name: /^Cancelled/ })
        .click()
      expect(new URL(page.url()).pathname).toBe('/status/cancelled/')
      await page
        .getByRole('navigation', { name: 'Filter shows' })
        .getByRole('link', { name: /^Netflix/ })
        .click()
      expect(new URL(page.url()).pathname).toBe('/status/cancelled/netflix/')
      const groups = await page.locator('.status-group h2').allTextContents()
      expect(groups.map((g) => g.replace(/\s*\(\d+\)$/, ''))).toEqual(['Cancelled'])
      expect(await page.locator('.status-group .show-list a').first().textContent()).toBe('Partner Track')
      expect(await page.locator('[aria-current="page"]').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Cancelled/), expect.stringMatching(/^Netflix/)]),
      )
      expect(problems).toEqual([])
    })
  })

  it('searches the Pagefind index as the reader types, and from ?q=', async () => {
    await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
      const problems = watch(page)
      await page.goto(`${server.origin}/search/?q=partner`)
      const results = page.locator('#search-results')
      await results.locator('li').first().waitFor()
      expect(
        await results.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ).toEqual(
        expect.arrayContaining(['/shows/partner-track/', '/articles/partner-track-season-2-cancelled/']),
      )
      expect(await page.locator('#search-status').textContent()).toMatch(/\d+ results? for “partner”/)
      expect(await page.locator('#search-browse').isHidden()).toBe(true)

      await page.locator('#search-input').fill('Harbor Lights')
      await expect
        .poll(() => results.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
        .toContain('/shows/harbor-lights/')
      expect(new URL(page.url()).searchParams.get('q')).toBe('Harbor Lights')
      expect(await results.locator('mark').count()).toBeGreaterThan(0)
      expect(await axeViolations(page)).toEqual([])
      await page.screenshot({ path: join(SCREENSHOTS, 'search-results-desktop.png') })
      expect(problems).toEqual([])
    })
  })

  it('degrades to lists to browse on the search page without JavaScript', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(`${server.origin}/search/?q=partner`)
      expect(await page.locator('#search-results').isHidden()).toBe(true)
      const browse = page.locator('#search-browse')
      expect(await browse.isVisible()).toBe(true)
      const links = await browse.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
      expect(links).toEqual(
        expect.arrayContaining(['/shows/partner-track/', '/shows/harbor-lights/', '/articles/', '/people/']),
      )
      // The people index it leads to names everyone.
      await page.locator('#search-browse a[href="/people/"]').click()
      await page.waitForURL(`${server.origin}/people/`)
      expect(await page.locator('main a[href="/people/alexandra-turshen/"]').textContent()).toBe(
        'Alexandra Turshen',
      )
    })
  })

  it('runs no JavaScript on article pages', async () => {
    await withPage({}, async (page) => {
      const scripts: string[] = []
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url())
      })
      for (const file of await readdir(join(out, 'articles'), { recursive: true })) {
        if (!file.endsWith('index.html') || file.includes('page/')) continue
        await page.goto(`${server.origin}/articles/${file.replace(/index\.html$/, '')}`)
        const types = await page
          .locator('script')
          .evaluateAll((els) => els.map((el) => el.getAttribute('type')))
        expect(types.every((type) => type === 'application/ld+json')).toBe(true)
      }
      expect(scripts).toEqual([])
    })
  })

  it('crawls every internal link of the built site without a 404', async () => {
    const pages = (await readdir(out, { recursive: true }))
      .filter((file) => file.endsWith('.html') && file !== '404.html')
      .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
    const queue = ['/', ...pages]
    const seen = new Set<string>()
    const broken: string[] = []
    let checked = 0
    while (queue.length > 0) {
      const path = queue.shift() as string
      if (seen.has(path)) continue
      seen.add(path)
      const response = await fetch(server.origin + path)
      checked++
      if (response.status !== 200) {
        broken.push(
          `${path}: HTTP ${response.status} (linked from ${linkedFrom.get(path) ?? 'the file list'})`,
        )
        await response.body?.cancel()
        continue
      }
      if (!(response.headers.get('content-type') ?? '').includes('text/html')) {
        await response.body?.cancel()
        continue
      }
      for (const target of internalLinks(await response.text(), server.origin + path, server.origin)) {
        if (!linkedFrom.has(target)) linkedFrom.set(target, path)
        if (!seen.has(target)) queue.push(target)
      }
    }
    expect(broken).toEqual([])
    // Pages, feeds, the sitemap, styles, icons and the search script were all reached.
    expect(checked).toBeGreaterThan(pages.length)
    for (const path of [
      '/feed.xml',
      '/feed.json',
      '/status/feed.xml',
      '/assets/site.css',
      '/assets/search.js',
    ])
      expect(seen).toContain(path)
  })
})

const linkedFrom = new Map<string, string>()

/** Same-origin URLs a page refers to: links, stylesheets, icons, feeds, images and scripts. */
function internalLinks(html: string, pageUrl: string, origin: string): string[] {
  const found: string[] = []
  const visit = (node: Element) => {
    const { href, src, srcSet, property, content } = node.properties
    for (const value of [href, src]) if (typeof value === 'string') found.push(value)
    if (property === 'og:image' && typeof content === 'string') found.push(content)
    if (typeof srcSet === 'string')
      for (const candidate of srcSet.split(/,\s+/)) found.push(candidate.trim().split(/\s+/)[0] ?? '')
    for (const child of node.children) if (child.type === 'element') visit(child)
  }
  for (const child of fromHtml(html).children) if (child.type === 'element') visit(child)
  return found.flatMap((value) => {
    const url = new URL(value, pageUrl)
    if (url.origin !== origin) return []
    return [url.pathname]
  })
}
