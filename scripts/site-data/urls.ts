import { onceEach } from '../lib/once-each.ts'

/**
 * Site paths of every page type, in one place so links and permalinks agree. Slugs must already be
 * `safeSlug` results; anything else throws, so no path can add a directory or leave the output folder.
 */
export const paths = {
  article: (slug: string) => `/articles/${segment(slug)}/`,
  show: (slug: string) => `/shows/${segment(slug)}/`,
  person: (slug: string) => `/people/${segment(slug)}/`,
  /** The people index, page `page`. */
  people: (page = 1) => (page <= 1 ? '/people/' : `/people/page/${page}/`),
  author: (slug: string, page = 1) =>
    page <= 1 ? `/authors/${segment(slug)}/` : `/authors/${segment(slug)}/page/${page}/`,
  network: (slug: string) => `/networks/${segment(slug)}/`,
  tag: (slug: string, page = 1) =>
    page <= 1 ? `/tags/${segment(slug)}/` : `/tags/${segment(slug)}/page/${page}/`,
  status: () => '/status/',
} as const

const SAFE_SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A `safeSlug` result, unchanged; throws for anything else (empty, `..`, `/`, uppercase …). */
export function segment(slug: string): string {
  if (!SAFE_SEGMENT.test(slug)) throw new Error(`unsafe URL path segment ${JSON.stringify(slug)}`)
  return slug
}

// Zero-width, bidi-control and other format/control characters never belong in a URL.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu
const COMBINING = /\p{M}/gu

/**
 * Turns an editor's slug into one safe URL path segment: lowercase ASCII letters, digits and
 * hyphens only, so a slug can never add directories, escape the output folder or differ from its
 * link by case or invisible characters. Returns '' when nothing usable remains.
 *
 * @param raw the `slug.current` value as stored
 */
export function safeSlug(raw: string): string {
  return slugOnce(raw)
}

/**
 * Slugs already worked out: every build normalises every document's slug and every article's tags
 * (~45,000 at 10,000 articles), nearly all seen by the build before in a process that builds again.
 */
const slugOnce = onceEach(new Map<string, string>(), normalisedSlug, 200_000)

function normalisedSlug(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/, '')
}

/**
 * Absolute URL for a site path.
 *
 * @param siteUrl origin without trailing slash
 * @param path site path starting with `/`
 */
export function absoluteUrl(siteUrl: string, path: string): string {
  // Every page names a few such URLs; the site's own paths need no parsing (a tenth of the
  // template time went to `new URL` at 10,000 articles).
  if (PLAIN_PATH.test(path)) {
    if (siteUrl !== lastSite.url) lastSite = { url: siteUrl, origin: httpOrigin(siteUrl) }
    if (lastSite.origin) return lastSite.origin + path
  }
  return new URL(path, `${siteUrl}/`).href
}

/** A path from the root with nothing to resolve or escape: no dot segments, query, fragment or escapes. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_-]+)*(?:\/|\.[A-Za-z0-9]+)?$/
let lastSite: { url: string; origin: string | undefined } = { url: '', origin: undefined }

/** The origin a root path resolves against, for http(s) sites. */
function httpOrigin(siteUrl: string): string | undefined {
  const base = new URL(`${siteUrl}/`)
  return base.protocol === 'http:' || base.protocol === 'https:' ? base.origin : undefined
}
