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
})
