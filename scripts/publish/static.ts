import { readFile, realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join, posix, sep } from 'node:path'
import sirv from 'sirv'

/*
 * Serves the current release. The published path is resolved on every request, so a swap (or an
 * `npm run rollback` from another process) takes effect at once, and a request already being
 * answered keeps reading the release it started with. Each release gets a sirv handler that looks a
 * file up when it is asked for (sirv's `dev` lookup) instead of listing the release first: listing a
 * 10,000-article release (34,000 files) took ~0.4 s, on every publish, before the new release could
 * go live. The lookup stays inside the release (sirv checks the resolved path); dotfiles are refused
 * here, before it.
 */

/** Sent with every page and asset; mirrored in netlify.toml (a test keeps them in sync). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: https://cdn.sanity.io; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
}

/** Files whose names carry a content hash belong here; they never change, so caches keep them. */
export const HASHED_ASSETS_PREFIX = '/assets/hashed/'

export const CACHE_HTML = 'public, max-age=0, must-revalidate'
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable'
export const CACHE_ASSET = 'public, max-age=300'

/** Pages revalidate on every visit (cheap with ETags); hashed assets are immutable. */
export function cacheControlFor(pathname: string): string {
  if (pathname.startsWith(HASHED_ASSETS_PREFIX)) return CACHE_IMMUTABLE
  const last = pathname.slice(pathname.lastIndexOf('/') + 1)
  if (last === '' || !last.includes('.') || /\.html?$/i.test(last)) return CACHE_HTML
  return CACHE_ASSET
}

type Handler = ReturnType<typeof sirv>

export interface StaticSite {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>
  /**
   * Readies the handler of a release (and reads its 404 page) before it goes live, so the first
   * request after the swap does not wait for either.
   */
  prepare(release: string): Promise<void>
}

/**
 * @param published the published path (a symlink to the current release, or a plain directory)
 */
export function createStaticSite(published: string): StaticSite {
  const handlers = new Map<string, { handler: Handler; notFound: Buffer | null }>()

  async function siteFor(root: string) {
    const info = await stat(root)
    const key = `${root}:${info.ino}:${info.mtimeMs}`
    let site = handlers.get(key)
    if (!site) {
      const handler = sirv(root, {
        dev: true,
        etag: true,
        dotfiles: false,
        extensions: ['html'],
        setHeaders: (res, pathname) => res.setHeader('Cache-Control', cacheControlFor(pathname)),
      })
      const notFound = await readFile(join(root, '404.html')).catch(() => null)
      site = { handler, notFound }
      handlers.set(key, site)
      while (handlers.size > 4) {
        const oldest = handlers.keys().next()
        if (oldest.done) break
        handlers.delete(oldest.value)
      }
    }
    return site
  }

  return {
    async prepare(release) {
      await siteFor(await realpath(release))
    },
    async handle(req, res) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
      let root: string
      try {
        root = await realpath(published)
      } catch {
        return sendBuilding(res)
      }
      const url = new URL(req.url ?? '/', 'http://localhost')
      let decoded: string
      try {
        decoded = decodeURIComponent(url.pathname)
      } catch {
        return sendText(res, 400, 'Bad request: malformed URL')
      }
      if (decoded.includes('\0')) return sendText(res, 400, 'Bad request')

      let site: Awaited<ReturnType<typeof siteFor>>
      try {
        site = await siteFor(root)
      } catch {
        return sendBuilding(res)
      }

      const normalized = posix.normalize(decoded)
      if (hasDotSegment(normalized)) return notFound(req, res, site.notFound)

      // `/shows/x` → `/shows/x/` when that is a page, so relative URLs and canonicals agree.
      const last = normalized.slice(normalized.lastIndexOf('/') + 1)
      if (!url.pathname.endsWith('/') && last && !last.includes('.')) {
        const dir = join(root, normalized)
        if (dir.startsWith(root + sep) && (await stat(join(dir, 'index.html')).catch(() => null))?.isFile()) {
          res.statusCode = 301
          res.setHeader('Location', `${url.pathname}/${url.search}`)
          res.setHeader('Cache-Control', CACHE_HTML)
          return void res.end()
        }
      }

      site.handler(req, res, () => notFound(req, res, site.notFound))
    },
  }
}

/** A path segment naming a dotfile or dot-directory (`.well-known` excepted), or `..`. */
function hasDotSegment(path: string): boolean {
  return path.split('/').some((segment) => segment.startsWith('.') && segment !== '.well-known')
}

function notFound(req: IncomingMessage, res: ServerResponse, page: Buffer | null): void {
  if (!page) {
    sendText(res, 404, 'Not found')
    return
  }
  res.statusCode = 404
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  res.setHeader('Cache-Control', CACHE_HTML)
  res.setHeader('Content-Length', page.length)
  res.end(req.method === 'HEAD' ? undefined : page)
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(`${text}\n`)
}

const BUILDING_PAGE = `<!doctype html>
<html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="refresh" content="5"><title>Building… · Reel Status</title>
<h1>The site is being built</h1><p>This page reloads in a few seconds.</p></html>
`

function sendBuilding(res: ServerResponse): void {
  res.statusCode = 503
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Retry-After', '5')
  res.end(BUILDING_PAGE)
}
