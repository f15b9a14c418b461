import { describe, expect, it } from 'vitest'
import { absolutizeHtml, rfc3339 } from './feeds.ts'

describe('absolutizeHtml', () => {
  const base = 'https://reelstatus.example/articles/a/'

  it('makes links, images and srcset candidates absolute', () => {
    const html = absolutizeHtml(
      '<p><a href="/shows/x/">x</a> <a href="../b/">b</a> <a href="#faq">faq</a> <a href="https://other.example/">o</a> <a href="mailto:desk@example.com">m</a></p>' +
        '<figure><img src="/images/a.png" srcset="/images/a.png 320w, /images/b.png 640w" alt="A &amp; B"></figure>',
      base,
    )
    expect(html).toContain('href="https://reelstatus.example/shows/x/"')
    expect(html).toContain('href="https://reelstatus.example/articles/b/"')
    expect(html).toContain('href="https://reelstatus.example/articles/a/#faq"')
    expect(html).toContain('href="https://other.example/"')
    expect(html).toContain('href="mailto:desk@example.com"')
    expect(html).toContain('src="https://reelstatus.example/images/a.png"')
    expect(html).toContain(
      'srcset="https://reelstatus.example/images/a.png 320w, https://reelstatus.example/images/b.png 640w"',
    )
    expect(html).toContain('alt="A &#x26; B"')
    expect(html).not.toMatch(/(href|src)="\//)
  })
})

describe('rfc3339', () => {
  it('takes dates as midnight UTC and drops zero milliseconds', () => {
    expect(rfc3339('2022-11-08')).toBe('2022-11-08T00:00:00Z')
    expect(rfc3339('2022-11-14T09:30:00.000Z')).toBe('2022-11-14T09:30:00Z')
    expect(rfc3339('2022-11-14T09:30:00+02:00')).toBe('2022-11-14T07:30:00Z')
    expect(() => rfc3339('soon')).toThrow(/not a date/)
  })
})

describe('absolutizeHtml, asked again', () => {
  it('answers the same fragment the same way, and a different base or fragment anew', () => {
    const html = '<p><a href="/shows/x/">x</a></p>'
    const first = absolutizeHtml(html, 'https://reelstatus.example/articles/a/')
    expect(absolutizeHtml(html, 'https://reelstatus.example/articles/a/')).toBe(first)
    expect(absolutizeHtml(html, 'https://other.example/a/')).toContain(
      'href="https://other.example/shows/x/"',
    )
    expect(absolutizeHtml('<p><a href="b/">b</a></p>', 'https://reelstatus.example/articles/a/')).toContain(
      'href="https://reelstatus.example/articles/a/b/"',
    )
  })

  it('keeps answering correctly after more fragments than it keeps', () => {
    const base = 'https://reelstatus.example/articles/a/'
    for (let n = 0; n < 300; n++)
      expect(absolutizeHtml(`<p><a href="/n/${n}/">${n}</a></p>`, base)).toBe(
        `<p><a href="https://reelstatus.example/n/${n}/">${n}</a></p>`,
      )
    expect(absolutizeHtml('<p><a href="/n/0/">0</a></p>', base)).toBe(
      '<p><a href="https://reelstatus.example/n/0/">0</a></p>',
    )
  })
})
