import { describe, expect, it } from 'vitest'
import { absoluteUrl, safeSlug } from './urls.ts'

describe('safeSlug', () => {
  it.each([
    ['partner-track', 'partner-track'],
    ['Partner Track', 'partner-track'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c', 'a-b-c'],
    ['zero\u200bwidth\u202econtrol\u0007', 'zerowidthcontrol'],
    ['Café Society', 'cafe-society'],
    ['🎬 premiere 🎬', 'premiere'],
    ['مسلسل', ''],
    ['---', ''],
  ])('%j → %j', (raw, expected) => {
    expect(safeSlug(raw)).toBe(expected)
  })

  it('bounds the length', () => {
    expect(safeSlug('a'.repeat(500)).length).toBe(96)
  })
})

describe('absoluteUrl', () => {
  it('joins the site origin and a path', () => {
    expect(absoluteUrl('https://example.com', '/shows/a/')).toBe('https://example.com/shows/a/')
    expect(absoluteUrl('https://example.com/sub', '/shows/a/')).toBe('https://example.com/shows/a/')
  })

  it('answers as the URL parser does, for plain and unusual paths and sites', () => {
    const sites = [
      'https://example.com',
      'HTTPS://Example.COM:443',
      'http://localhost:8080',
      'file:///srv/site',
    ]
    const paths = [
      '/',
      '/feed.xml',
      '/people/page/2/',
      '/a/../b/',
      '/a/./b',
      '/a b/',
      '/café/',
      '/x?y=1',
      '/x#y',
      '//evil.example/',
      '/%2e%2e/',
    ]
    for (const site of sites)
      for (const path of paths)
        expect(absoluteUrl(site, path), `${site} ${path}`).toBe(new URL(path, `${site}/`).href)
  })
})
