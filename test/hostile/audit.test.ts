/* The site audit must catch what it looks for: each of these pages has exactly one problem. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditSite, readSite } from './audit.ts'

const page = (head: string, body: string) =>
  `<!doctype html><html><head><title>t</title>${head}</head><body><main>${body}</main></body></html>`

const atom = (content: string) =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>f</title><link href="https://reel.example/"/><entry><title>e</title><content type="html">${content}</content></entry></feed>`

const bad: Array<[string, string, string, RegExp]> = [
  ['inline script', 'a.html', page('', '<script>alert(1)</script>'), /executable <script>/],
  [
    'JSON-LD breakout',
    'b.html',
    page('<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>', ''),
    /JSON-LD is not valid JSON|executable <script>/,
  ],
  [
    'foreign script src',
    'c.html',
    page('<script src="https://evil.example/x.js"></script>', ''),
    /executable <script src=https:\/\/evil/,
  ],
  [
    'event handler',
    'd.html',
    page('', '<img src="/x.png" onerror="alert(1)">'),
    /event handler attribute onError/,
  ],
  ['javascript: link', 'e.html', page('', '<a href=" java\tscript:alert(1)">x</a>'), /href=/],
  ['data: image', 'f.html', page('', '<img src="data:image/svg+xml,<svg onload=alert(1)>">'), /src=/],
  [
    'javascript: in srcset',
    'g.html',
    page('', '<img src="/a.png" srcset="/a.png 1x, javascript:alert(1) 2x">'),
    /srcSet=/,
  ],
  ['iframe', 'h.html', page('', '<iframe src="/a.html"></iframe>'), /<iframe> element/],
  [
    'meta refresh',
    'i.html',
    page('<meta http-equiv="refresh" content="0;url=https://evil.example">', ''),
    /refresh/,
  ],
  ['undefined text', 'j.html', page('', '<p>By undefined</p>'), /missing value/],
  ['undefined attribute', 'k.html', page('', '<time datetime="undefined">x</time>'), /missing value/],
  [
    'broken internal link',
    'l.html',
    page('', '<a href="/articles/gone/">gone</a>'),
    /broken internal link \/articles\/gone\//,
  ],
  ['malformed XML', 'm.xml', '<feed><title>x</feed>', /not well-formed XML/],
  [
    '"]]>" in XML text',
    'm2.xml',
    atom('x').replace('<title>e</title>', '<title>a ]]> b</title>'),
    /"]]>" is disallowed/,
  ],
  [
    'an HTML entity in XML',
    'm3.xml',
    atom('x').replace('<title>e</title>', '<title>a&nbsp;b</title>'),
    /undefined entity/,
  ],
  ['control character in XML', 'n.xml', atom('a\u0001b'), /characters XML does not allow|not well-formed/],
  [
    'script in Atom HTML content',
    'o.xml',
    atom('&lt;script&gt;alert(1)&lt;/script&gt;'),
    /<content> HTML: executable <script>/,
  ],
  [
    'javascript: link in a feed',
    'p.xml',
    atom('x').replace('https://reel.example/', 'javascript:alert(1)'),
    /@_href is not an http/,
  ],
  ['invalid JSON', 'q.json', '{"a": ', /not valid JSON/],
  [
    'script in JSON Feed HTML',
    'r.json',
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: '1', content_html: '<svg><script>alert(1)</script></svg>' }],
    }),
    /content_html: executable <script>/,
  ],
  [
    'link to the build report',
    's.html',
    page('', '<a href="/_build/report.json">report</a>'),
    /links to the build report/,
  ],
]

describe('site audit', () => {
  it.each(bad)('finds %s', async (_, file, content, problem) => {
    const dir = await mkdtemp(join(tmpdir(), 'reel-audit-'))
    await mkdir(join(dir, '_build'), { recursive: true })
    await writeFile(join(dir, '_build', 'report.json'), '{}')
    await writeFile(join(dir, file), content)
    const problems = auditSite(dir, await readSite(dir))
    expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0)
    expect(problems.every((p) => p.file === file)).toBe(true)
    expect(problems.map((p) => p.problem).join('\n')).toMatch(problem)
  })

  it('accepts the site’s own scripts, escaped JSON-LD and working links', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reel-audit-'))
    await mkdir(join(dir, 'shows', 'a'), { recursive: true })
    await writeFile(join(dir, 'shows', 'a', 'index.html'), page('', '<p>ok</p>'))
    await writeFile(
      join(dir, 'index.html'),
      page(
        '<script type="application/ld+json">{"name":"\\u003c/script\\u003e"}</script><script type="module" src="/assets/search.js"></script>',
        '<a href="/shows/a/#top">a</a> <a href="https://example.com/x">x</a> <a href="mailto:a@example.com">m</a>',
      ),
    )
    expect(auditSite(dir, await readSite(dir))).toEqual([])
  })
})
