import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cacheControlFor, createStaticSite, SECURITY_HEADERS } from '../../scripts/publish/static.ts'

let server: Server
let base: string
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reel-static-'))
  const release = join(dir, 'release')
  await mkdir(join(release, 'shows', 'x'), { recursive: true })
  await mkdir(join(release, 'assets', 'hashed'), { recursive: true })
  await writeFile(join(release, 'index.html'), '<!doctype html><title>home</title>')
  await writeFile(join(release, '404.html'), '<!doctype html><title>not found</title>')
  await writeFile(join(release, 'shows', 'x', 'index.html'), '<!doctype html><title>show x</title>')
  await writeFile(join(release, 'assets', 'site.css'), 'body{}')
  await writeFile(join(release, 'assets', 'hashed', 'app.1a2b3c4d.js'), 'x')
  await writeFile(join(release, 'feed.xml'), '<feed/>')
  await writeFile(join(release, '.secret'), 'hidden')
  await mkdir(join(release, '.private'), { recursive: true })
  await writeFile(join(release, '.private', 'notes.txt'), 'hidden')
  await writeFile(join(dir, 'outside.txt'), 'outside the release')
  await symlink('release', join(dir, '_site'))
  const site = createStaticSite(join(dir, '_site'))
  server = createServer((req, res) => void site.handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await rm(dir, { recursive: true, force: true })
})

function raw(
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base)
    const req = request({ hostname, port, path, method }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('static serving of the current release', () => {
  it('serves index.html for directories with HTML content type, revalidating cache and security headers', async () => {
    for (const path of ['/', '/shows/x/']) {
      const response = await raw(path)
      expect(response.status).toBe(200)
      expect(response.headers['content-type']).toMatch(/^text\/html/)
      expect(response.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
      expect(response.headers.etag).toBeTruthy()
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers[name.toLowerCase()]).toBe(value)
    }
    expect((await raw('/shows/x/')).body).toContain('show x')
  })

  it('redirects a directory without its trailing slash', async () => {
    const response = await raw('/shows/x?ref=1')
    expect(response.status).toBe(301)
    expect(response.headers.location).toBe('/shows/x/?ref=1')
  })

  it('sets content types and cache lifetimes for assets', async () => {
    const css = await raw('/assets/site.css')
    expect(css.headers['content-type']).toBe('text/css')
    expect(css.headers['cache-control']).toBe('public, max-age=300')
    const hashed = await raw('/assets/hashed/app.1a2b3c4d.js')
    expect(hashed.headers['content-type']).toBe('text/javascript')
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await raw('/feed.xml')).headers['content-type']).toMatch(/xml/)
  })

  it("answers unknown paths with the site's 404.html and status 404", async () => {
    const response = await raw('/nope/')
    expect(response.status).toBe(404)
    expect(response.body).toContain('not found')
    expect(response.headers['content-type']).toMatch(/^text\/html/)
  })

  it('supports HEAD and conditional requests', async () => {
    const head = await raw('/', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    const etag = String(head.headers.etag)
    const conditional = await fetch(`${base}/`, { headers: { 'if-none-match': etag } })
    expect(conditional.status).toBe(304)
  })

  it('never serves dotfiles or anything outside the release', async () => {
    for (const path of [
      '/.secret',
      '/.private/notes.txt',
      '/%2eprivate/notes.txt',
      '/assets/../.private/notes.txt',
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/..%2foutside.txt',
      '/assets/..%2f..%2foutside.txt',
      '/%2e%2e%5coutside.txt',
    ]) {
      const response = await raw(path)
      expect(response.status, path).toBe(404)
      expect(response.body, path).not.toContain('outside the release')
      expect(response.body, path).not.toContain('hidden')
    }
    expect((await raw('/%E0%A4%A')).status).toBe(400)
    expect((await raw('/a%00b')).status).toBe(400)
  })
})

describe('cacheControlFor', () => {
  it('revalidates pages, keeps hashed assets for a year and other assets briefly', () => {
    expect(cacheControlFor('/')).toBe('public, max-age=0, must-revalidate')
    expect(cacheControlFor('/shows/x')).toBe('public, max-age=0, must-revalidate')
    expect(cacheControlFor('/404.html')).toBe('public, max-age=0, must-revalidate')
    expect(cacheControlFor('/assets/hashed/a.123.css')).toBe('public, max-age=31536000, immutable')
    expect(cacheControlFor('/assets/site.css')).toBe('public, max-age=300')
  })
})
