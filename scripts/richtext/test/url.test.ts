import { describe, expect, it } from 'vitest'
import { checkUrl, isExternal } from '../index.ts'
import { normaliseHost } from '../lib/url.ts'

describe('checkUrl', () => {
  const ok: [string, string, string][] = [
    ['https://deadline.com/x', 'https://deadline.com/x', 'http'],
    ['HTTP://A.example', 'http://A.example', 'http'],
    [' \t https://a.example/ \n', 'https://a.example/', 'http'],
    ['https://a.exa\tmple/', 'https://a.example/', 'http'],
    ['mailto:tips@reelstatus.example', 'mailto:tips@reelstatus.example', 'mailto'],
    ['TEL:+1555', 'tel:+1555', 'tel'],
    ['/shows/a/', '/shows/a/', 'relative'],
    ['#cast', '#cast', 'relative'],
    ['?page=2', '?page=2', 'relative'],
    ['shows/a', 'shows/a', 'relative'],
    ['./a:b', './a:b', 'relative'],
    ['//cdn.example/a', '//cdn.example/a', 'relative'],
  ]
  it.each(ok)('%j → %j (%s)', (raw, href, kind) => {
    expect(checkUrl(raw)).toEqual({ href, kind })
  })

  const refused: unknown[] = [
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:x',
    'vbscript:x',
    'data:text/html,x',
    'file:///etc/passwd',
    'ftp://a.example/',
    'a:b',
    '',
    '   ',
    null,
    42,
    { href: '/x' },
  ]
  it.each(refused.map((r) => [r]))('refuses %j', (raw) => {
    expect(checkUrl(raw)).toBeUndefined()
  })

  it('media URLs: only http(s) and relative', () => {
    expect(checkUrl('mailto:a@b.c', true)).toBeUndefined()
    expect(checkUrl('tel:1', true)).toBeUndefined()
    expect(checkUrl('data:image/png;base64,AA', true)).toBeUndefined()
    expect(checkUrl('/img/a.jpg', true)).toEqual({ href: '/img/a.jpg', kind: 'relative' })
  })
})

describe('isExternal', () => {
  const site = normaliseHost('https://www.ReelStatus.example/')
  const cases: [string, boolean][] = [
    ['https://reelstatus.example/a', false],
    ['https://www.reelstatus.example/a', false],
    ['https://REELSTATUS.example:443/a', false],
    ['https://reelstatus.example.evil.example/', true],
    ['https://evil.example/?u=https://reelstatus.example', true],
    ['https://reelstatus.example@evil.example/', true],
    ['https://evil.example\\@reelstatus.example/', true],
    ['//evil.example/a', true],
    ['//reelstatus.example/a', false],
    ['/\\evil.example/a', true],
    ['/shows/a/', false],
    ['#x', false],
    ['mailto:a@evil.example', false],
  ]
  it.each(cases)('%s → %s', (href, external) => {
    const url = checkUrl(href)
    expect(url).toBeDefined()
    expect(isExternal(url as NonNullable<typeof url>, site)).toBe(external)
  })

  it('without a site host every absolute link is external', () => {
    expect(isExternal({ href: 'https://reelstatus.example/', kind: 'http' }, undefined)).toBe(true)
    expect(isExternal({ href: '/a', kind: 'relative' }, undefined)).toBe(false)
  })

  it('normaliseHost', () => {
    expect(site).toBe('reelstatus.example')
    expect(normaliseHost('reelstatus.example')).toBe('reelstatus.example')
    expect(normaliseHost('http://WWW.reelstatus.example:8080/x')).toBe('reelstatus.example')
    expect(normaliseHost('  ')).toBeUndefined()
    expect(normaliseHost(undefined)).toBeUndefined()
  })
})
